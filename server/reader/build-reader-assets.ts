import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** A file the reader's pages load, named by its content. */
export interface ReaderAsset {
  /** `<kind>-<hash>.<ext>`: a new content is a new name, so a browser may keep each one for ever. */
  name: string;
  contentType: string;
  body: string;
}

/** What a published check's page links: its stylesheet and the evidence popover's script, and the site's icon. */
export interface ReaderAssets {
  stylesheet: ReaderAsset;
  script: ReaderAsset;
  /** The address of app/icon.svg (Next serves it) with a hash of its content, as Next's metadata links it. */
  icon: string;
}

/** The manifest written beside the assets: the name of each, and the icon's address. */
export type ReaderAssetManifest = Record<keyof ReaderAssets, string>;

/**
 * Next's build folder (NEXT_DIST_DIR, else `.next`, as next.config.ts says): each build (the app's, the end-to-end
 * tests', the bench's) has its own reader assets, and whatever copies the build (the Dockerfile) copies them with it.
 */
export function nextDistDir(): string {
  // Read at run time, not a file of the app's bundle: Next's file tracing is told to leave it (else it traces the
  // whole project into the build's output).
  return path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
}

/**
 * Where the assets' files go: `static/reader/` in the build folder, which `next start` serves at this path. With a
 * `basePath` or an `assetPrefix` in next.config.ts (neither is set) this address would have to carry it too.
 */
export const READER_ASSETS_PATH = "/_next/static/reader/";

/**
 * The assets' files in the build folder: `next start` serves every file of `<distDir>/static/` at `/_next/static/`
 * as it serves its own chunks (compressed, and cached a year as immutable), listed when it starts. So they are
 * written after `next build` (which empties the folder) and before the server starts.
 */
function assetsDir(distDir: string): string {
  return path.join(distDir, "static", "reader");
}

/** The manifest of the assets' names, beside Next's own manifests (not among the files served). */
function manifestPath(distDir: string): string {
  return path.join(distDir, "reader-assets.json");
}

/**
 * Builds the reader's assets from the sources:
 * - the stylesheet: app/globals.css through the pipeline Next runs on the same file for every other page: PostCSS
 *   with the project's postcss.config.mjs (Tailwind, which finds the classes in the sources as it does there), then
 *   Lightning CSS for Next's default browsers (lowering what they lack, such as oklch colours), minified;
 * - the evidence popover's script (lib/reader/evidence-popover.ts), bundled by esbuild for browsers (minified in
 *   production).
 * Throws what PostCSS, Lightning CSS or esbuild throw.
 */
export async function buildReaderAssets(): Promise<ReaderAssets> {
  const production = process.env.NODE_ENV === "production";
  const [css, script] = await Promise.all([buildStylesheet(), buildScript(production)]);
  return {
    stylesheet: named("reader", "css", "text/css; charset=utf-8", css),
    script: named("evidence-popover", "js", "text/javascript; charset=utf-8", script),
    icon: `/icon.svg?${contentHash(readFileSync(path.join(process.cwd(), "app", "icon.svg")))}`,
  };
}

/**
 * Builds the assets into a build folder (nextDistDir() by default) with their manifest, each file written beside
 * its place and renamed into it, the manifest last: a process reading meanwhile finds the old set or the new one.
 */
export async function writeReaderAssets(distDir = nextDistDir()): Promise<ReaderAssetManifest> {
  const assets = await buildReaderAssets();
  const dir = assetsDir(distDir);
  mkdirSync(dir, { recursive: true });
  const manifest = manifestOf(assets);
  const files: Array<[string, string]> = [
    [path.join(dir, assets.stylesheet.name), assets.stylesheet.body],
    [path.join(dir, assets.script.name), assets.script.body],
    [manifestPath(distDir), `${JSON.stringify(manifest, null, 2)}\n`],
  ];
  for (const [file, body] of files) {
    const partial = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
    writeFileSync(partial, body);
    renameSync(partial, file);
  }
  return manifest;
}

/**
 * The names of the assets a build wrote into its folder (nextDistDir() by default): `next start` serves the files
 * themselves, so only their names are read. Throws, saying how to build them, when they are missing.
 */
export function readReaderAssetManifest(distDir = nextDistDir()): ReaderAssetManifest {
  const missing = (cause?: unknown) =>
    new Error(
      `The reader's assets are missing from ${distDir}: \`npm run build\` builds them after \`next build\` (npm run build:reader).`,
      { cause },
    );
  let manifest: ReaderAssetManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(distDir), "utf8")) as ReaderAssetManifest;
  } catch (error) {
    throw missing(error);
  }
  const dir = assetsDir(distDir);
  if (![manifest.stylesheet, manifest.script].every((name) => existsSync(path.join(dir, name)))) throw missing();
  return manifest;
}

/** The assets' names and the icon's address, as the manifest lists them and a document links them. */
export function manifestOf(assets: ReaderAssets): ReaderAssetManifest {
  return { stylesheet: assets.stylesheet.name, script: assets.script.name, icon: assets.icon };
}

function named(kind: string, extension: string, contentType: string, body: string): ReaderAsset {
  return { name: `${kind}-${contentHash(body)}.${extension}`, contentType, body };
}

/** 72 bits of a content's SHA-256, URL-safe: the part of an asset's name that changes with it. */
function contentHash(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("base64url").slice(0, 12);
}

/**
 * The browsers Next builds CSS for when the project names none (next/dist/shared/lib/modern-browserslist-target.js:
 * chrome 111, edge 111, firefox 111, safari 16.4), as Lightning CSS's targets (major << 16 | minor << 8).
 */
const NEXT_DEFAULT_TARGETS = { chrome: 111 << 16, edge: 111 << 16, firefox: 111 << 16, safari: (16 << 16) | (4 << 8) };

/**
 * Build tools loaded by Node at run time, from the project's node_modules: under `next dev` this module is part of
 * Next's server bundle, which must not bundle them (esbuild runs a native binary; Tailwind loads native modules).
 */
function buildTool<T>(name: string): T {
  return createRequire(path.join(process.cwd(), "package.json"))([name].join("")) as T;
}

type PostCssPlugin = (options?: object) => unknown;
interface PostCss {
  (plugins: unknown[]): { process(css: string, options: { from: string }): Promise<{ css: string }> };
}

async function buildStylesheet(): Promise<string> {
  const root = process.cwd();
  const configUrl = pathToFileURL(path.join(root, "postcss.config.mjs")).href;
  const config = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ configUrl)) as {
    default: { plugins: Record<string, object> };
  };
  const plugins = Object.entries(config.default.plugins).map(([name, options]) =>
    buildTool<PostCssPlugin>(name)(options),
  );
  const from = path.join(root, "app", "globals.css");
  const result = await buildTool<PostCss>("postcss")(plugins).process(readFileSync(from, "utf8"), { from });
  const { code } = buildTool<typeof import("lightningcss")>("lightningcss").transform({
    filename: "reader.css",
    code: Buffer.from(result.css),
    minify: true,
    targets: NEXT_DEFAULT_TARGETS,
  });
  return Buffer.from(code).toString("utf8");
}

async function buildScript(minify: boolean): Promise<string> {
  const esbuild = buildTool<typeof import("esbuild")>("esbuild");
  const { outputFiles } = await esbuild.build({
    stdin: {
      contents:
        'import { attachEvidencePopover } from "./lib/reader/evidence-popover";\nattachEvidencePopover(document);\n',
      resolveDir: process.cwd(),
      loader: "ts",
      sourcefile: "evidence-popover-entry.ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify,
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  return outputFiles[0]?.text ?? "";
}
