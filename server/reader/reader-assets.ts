import "server-only";
import type { ReaderAsset, ReaderAssets } from "./build-reader-assets";

/** The addresses of the reader's assets, as a published check's document links them. */
export interface ReaderAssetUrls {
  stylesheet: string;
  script: string;
  icon: string;
}

/** Where the assets are served (app/(reader)/reader-assets/[file]/route.ts). */
const ASSETS_PATH = "/reader-assets/";

/**
 * The reader's assets of this process. After `npm run build`: the files the build wrote beside Next's
 * (scripts/build-reader-assets.ts), read once. Under `next dev`: built from the sources on each page, as Next
 * rebuilds its own CSS, so that a class added to a component shows on the next load; every build's files stay
 * servable for a while (a page and its assets are built a moment apart).
 */
async function currentAssets(): Promise<ReaderAssets> {
  if (process.env.NODE_ENV === "development") {
    const { buildReaderAssets } = await import("./build-reader-assets");
    const assets = await buildReaderAssets();
    for (const asset of [assets.stylesheet, assets.script]) {
      devAssets.delete(asset.name);
      devAssets.set(asset.name, asset);
      if (devAssets.size > 20) devAssets.delete(devAssets.keys().next().value!);
    }
    return assets;
  }
  built ??= import("./build-reader-assets").then(({ readReaderAssets }) => readReaderAssets());
  // A failed read (a build without its assets) is tried again by the next request, and said each time.
  built.catch(() => (built = null));
  return built;
}

let built: Promise<ReaderAssets> | null = null;
const devAssets = new Map<string, ReaderAsset>();

/**
 * The addresses of the stylesheet and the script a published check's document links, named by their content.
 * Throws when the build has no reader assets (see readReaderAssets).
 */
export async function readerAssetUrls(): Promise<ReaderAssetUrls> {
  const assets = await currentAssets();
  return {
    stylesheet: ASSETS_PATH + assets.stylesheet.name,
    script: ASSETS_PATH + assets.script.name,
    icon: assets.icon,
  };
}

/** The reader's asset of that name (`reader-<hash>.css`, `evidence-popover-<hash>.js`), or null. */
export async function readerAsset(name: string): Promise<ReaderAsset | null> {
  if (process.env.NODE_ENV === "development" && devAssets.has(name)) return devAssets.get(name)!;
  const assets = await currentAssets();
  return [assets.stylesheet, assets.script].find((asset) => asset.name === name) ?? null;
}
