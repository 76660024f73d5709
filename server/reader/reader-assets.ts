import "server-only";
import { READER_ASSETS_PATH, type ReaderAsset, type ReaderAssetManifest } from "./build-reader-assets";

/** The addresses of the reader's assets, as a published check's document links them. */
export interface ReaderAssetUrls {
  stylesheet: string;
  script: string;
  icon: string;
}

/** Where `next dev` serves the assets it builds (app/(reader)/reader-assets/[file]/route.ts). */
const DEV_ASSETS_PATH = "/reader-assets/";

/**
 * The reader's assets of this process. After `npm run build`: the files the build wrote among Next's static files
 * (scripts/build-reader-assets.ts), which `next start` serves itself; their names read once. Under `next dev`:
 * built from the sources on each page, as Next rebuilds its own CSS, so that a class added to a component shows on
 * the next load, and served by a route; every build's files stay servable for a while (a page and its assets are
 * built a moment apart).
 */
async function currentAssets(): Promise<ReaderAssetManifest> {
  if (process.env.NODE_ENV === "development") {
    const { buildReaderAssets, manifestOf } = await import("./build-reader-assets");
    const assets = await buildReaderAssets();
    for (const asset of [assets.stylesheet, assets.script]) {
      devAssets.delete(asset.name);
      devAssets.set(asset.name, asset);
      if (devAssets.size > 20) devAssets.delete(devAssets.keys().next().value!);
    }
    return manifestOf(assets);
  }
  built ??= import("./build-reader-assets").then(({ readReaderAssetManifest }) => readReaderAssetManifest());
  // A failed read (a build without its assets) is tried again by the next request, and said each time.
  built.catch(() => (built = null));
  return built;
}

let built: Promise<ReaderAssetManifest> | null = null;
/**
 * On globalThis: the page's route fills it and the assets' route reads it, and Next does not promise that two
 * routes share a module's instance (nor keeps one across a hot reload of either).
 */
const devAssets: Map<string, ReaderAsset> = ((
  globalThis as { readerDevAssets?: Map<string, ReaderAsset> }
).readerDevAssets ??= new Map());

/**
 * The addresses of the stylesheet and the script a published check's document links, named by their content:
 * under `/_next/static/reader/` after a build, `/reader-assets/` under `next dev`. Throws when the build has no
 * reader assets (see readReaderAssetManifest).
 */
export async function readerAssetUrls(): Promise<ReaderAssetUrls> {
  const assets = await currentAssets();
  const base = process.env.NODE_ENV === "development" ? DEV_ASSETS_PATH : READER_ASSETS_PATH;
  return { stylesheet: base + assets.stylesheet, script: base + assets.script, icon: assets.icon };
}

/** An asset `next dev` built (`reader-<hash>.css`, `evidence-popover-<hash>.js`), or null (always, after a build). */
export function devReaderAsset(name: string): ReaderAsset | null {
  return process.env.NODE_ENV === "development" ? (devAssets.get(name) ?? null) : null;
}
