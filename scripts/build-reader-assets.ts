import { readerAssetsDir, writeReaderAssets } from "../server/reader/build-reader-assets";

// `npm run build:reader` (part of `npm run build`, after `next build`, which empties its build folder): the
// stylesheet and the evidence popover's script of the published checks' pages, which are static documents and not
// Next pages (server/reader/reader-document.tsx), written to reader-assets/ in Next's build folder (NEXT_DIST_DIR).

// As `next build` does: Tailwind minifies its output in production.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
const manifest = await writeReaderAssets();
console.log(`Reader assets in ${readerAssetsDir()}: ${manifest.stylesheet}, ${manifest.script}`);
