import { nextDistDir, READER_ASSETS_PATH, writeReaderAssets } from "../server/reader/build-reader-assets";

// `npm run build:reader` (part of `npm run build`, after `next build`, which empties its build folder): the
// stylesheet and the evidence popover's script of the published checks' pages, which are static documents and not
// Next pages (server/reader/reader-document.tsx), written among the static files of Next's build folder
// (NEXT_DIST_DIR), which `next start` serves at /_next/static/.

// As `next build` does: Tailwind minifies its output in production.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
const manifest = await writeReaderAssets();
console.log(`Reader assets of ${nextDistDir()} at ${READER_ASSETS_PATH}: ${manifest.stylesheet}, ${manifest.script}`);
