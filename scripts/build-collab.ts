import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// `npm run build:collab` (part of `npm run build`): the collaboration server compiled to an ES module,
// dist/collab/main.mjs, with the chunks it loads later in dist/collab/chunks/, which `npm start`, `npm run collab`
// and the Procfile run with plain Node. Packages stay in node_modules, but for those in BUNDLED: our TypeScript is
// bundled with them. Compiled, the process needs about 40 MB less memory than under tsx, which transforms every
// module as it loads (bench/RESULTS.md).

/**
 * Packages compiled into the bundle, so that only what the server uses of them loads. Zod from node_modules is 95
 * modules, 64 of them the messages of every language, 2 MB of the process's heap before any socket (heap snapshots); bundled,
 * and imported as a namespace (`import * as z`) so that esbuild can drop what no code reads, it is 170 KB of source.
 */
const BUNDLED = /^zod(\/|$)/;

/**
 * The Node options the compiled collaboration process runs with: `npm start` and the bench use these; `npm run
 * collab`, the Procfile and the compose file write the same. Stack traces point into our TypeScript.
 */
export const COLLAB_NODE_OPTIONS = ["--enable-source-maps"];

/**
 * The environment the collaboration process runs with, unless the caller's sets the same: glibc's malloc with two
 * arenas instead of up to eight per core, one for each thread that allocates (V8's helpers, libuv's pool). Each
 * arena keeps the pages it once used; with two, a process holding 2,000 open documents needed 4–5 MB less, in four
 * pairs of runs (bench/RESULTS.md). `npm start` and the bench use this; `npm run collab`, the Procfile and the
 * compose file write the same. Other C libraries (musl, macOS) ignore it.
 */
export const COLLAB_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: "2" };

/**
 * Compiles a collaboration server entry point (main.ts, or the bench's) to `outfile`; resolves to its path. Each
 * file is written beside its place and renamed into it, so that a process starting meanwhile (another test run
 * in the same folder) reads the old bundle or the new one, never half of one.
 */
export async function buildCollab(entry: string, outfile: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: { [path.basename(outfile, ".mjs")]: entry },
    outdir: path.dirname(outfile),
    outExtension: { ".js": ".mjs" },
    // What main.ts imports only when it needs it (Prisma, with the first record to write) goes to a chunk of its
    // own, which Node loads then: bundled in one file, its packages would load with the server.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [
      {
        name: "packages-external-but-bundled",
        setup(build) {
          // Our own aliases (tsconfig's `@/`, package.json's `#`) are left to esbuild's resolver, like BUNDLED.
          build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
            BUNDLED.test(specifier) || /^(@\/|#)/.test(specifier) ? null : { path: specifier, external: true },
          );
        },
      },
    ],
    sourcemap: true,
    // Stack traces need the mappings, not the sources, which Node would otherwise keep in memory (0.5 MB).
    sourcesContent: false,
    logLevel: "warning",
    write: false,
  });
  // The chunks (named by their content) first, the entry point (and its source map) last.
  const isEntry = (file: { path: string }) => Number(file.path.startsWith(path.resolve(outfile)));
  for (const file of outputFiles.sort((a, b) => isEntry(a) - isEntry(b))) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await buildCollab(path.join("server", "collab", "main.ts"), path.join("dist", "collab", "main.mjs"));
