// Speed of the verification assistant's engine: `npm run bench:assistant`.
// Indexing a 5,000-word source (target < 50 ms) and ranking suggestions for one claim over 10 sources of
// 5,000 words after indexing (target < 20 ms), each beside a baseline measured in the same run. The sources
// are the seed story's sentences (001–004) recombined in a different seeded order for each source, in
// paragraphs of three to five sentences, so the words, names and sentence lengths are those of real news text.
// The engine runs as the workspace's worker runs it, with the word vectors of public/assistant/word-vectors.bin
// (npm run assistant:vectors), beside the BM25-only engine in the same run.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { createAssistant } from "@/lib/assistant/assistant";
import { indexPublishedClaims, rankPublishedClaims } from "@/lib/assistant/checked-before";
import { buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import { proposeClaims } from "@/lib/assistant/proposals";
import type { AssistantSource } from "@/lib/assistant/sources";
import { sentencesOf } from "@/lib/assistant/text-analysis";
import { decodeWordVectors } from "@/lib/assistant/word-vectors";
import { demoSummary, seedEval, seedSources } from "../tests/fixtures/assistant/seed-story";
import { percentile } from "./stats";
import { random } from "./seeded-random";

const WORDS = 5_000;
const SOURCES = 10;
const WARM_UP = 5;
const INDEX_RUNS = 40;
const RANK_RUNS = 300;

const seedSentences = seedSources.flatMap((source) => sentencesOf(source.text).map((sentence) => sentence.text));
const wordCount = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** About WORDS words of seed sentences in a seeded order, three to five sentences a paragraph. */
function recombinedText(seed: number): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const paragraph: string[] = [];
    const length = 3 + Math.floor(next() * 3);
    for (let i = 0; i < length && words < WORDS; i += 1) {
      const sentence = seedSentences[Math.floor(next() * seedSentences.length)] ?? "";
      paragraph.push(sentence);
      words += wordCount(sentence);
    }
    paragraphs.push(paragraph.join(" "));
  }
  return paragraphs.join("\n");
}

const sources: AssistantSource[] = Array.from({ length: SOURCES }, (_, at) => ({
  id: `bench-${at + 1}`,
  outlet: `Outlet ${at + 1}`,
  biasLabel: "unknown",
  text: recombinedText(at + 1),
}));
const claims = seedEval.claims.map((claim) => claim.text);

/**
 * Times `run` `runs` times after WARM_UP untimed runs: wall-clock and CPU milliseconds of each run. The CPU
 * time (this process's, user and system) shows what the code costs when other work shares the 2 cores.
 */
function time(runs: number, run: (at: number) => unknown): { wall: number[]; cpu: number[] } {
  for (let at = 0; at < WARM_UP; at += 1) run(at);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let at = 0; at < runs; at += 1) {
    const usage = process.cpuUsage();
    const start = performance.now();
    run(at);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const rows: string[] = [];
function row(operation: string, { wall, cpu }: { wall: readonly number[]; cpu: readonly number[] }): void {
  const format = (value: number) => value.toFixed(2);
  rows.push(
    `| ${operation} | ${wall.length} | ${format(percentile(wall, 0.5))} | ${format(percentile(wall, 0.95))} | ${format(Math.max(...wall))} | ${format(percentile(cpu, 0.5))} |`,
  );
}

// The word vectors, decoded as the worker decodes the file it fetches (the heap and array buffers they hold).
const vectorFile = new URL("../public/assistant/word-vectors.bin", import.meta.url);
if (!existsSync(vectorFile)) throw new Error("No word vectors: run npm run assistant:vectors first");
const vectorBytes = readFileSync(vectorFile);
row(
  `word vectors: decode the file (${(vectorBytes.length / 1e6).toFixed(1)} MB)`,
  time(5, () => decodeWordVectors(vectorBytes)),
);
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const beforeVectors = process.memoryUsage();
const vectors = decodeWordVectors(new Uint8Array(vectorBytes));
collect?.();
const afterVectors = process.memoryUsage();
const vectorMemory = {
  heap: (afterVectors.heapUsed - beforeVectors.heapUsed) / 1e6,
  buffers: vectors.values.byteLength / 1e6,
};

const source = sources[0] as AssistantSource;
// Baseline for indexing: splitting the same text into lower-case words, the least any word index must do.
row(
  `baseline: split one source into lower-case words (${wordCount(source.text)} words)`,
  time(INDEX_RUNS, () => source.text.toLowerCase().match(/[\p{L}\p{N}]+/gu)),
);
row(
  `index one source (${wordCount(source.text)} words): sentences, tokens, stems, BM25`,
  time(INDEX_RUNS, (at) => buildEvidenceIndex([sources[at % SOURCES] as AssistantSource])),
);
row(
  `index one source (${wordCount(source.text)} words) with word vectors`,
  time(INDEX_RUNS, (at) => buildEvidenceIndex([sources[at % SOURCES] as AssistantSource], { vectors })),
);

const index = buildEvidenceIndex(sources);
const semanticIndex = buildEvidenceIndex(sources, { vectors });
// Baseline for ranking: a linear scan of the same sentences counting the claim's lower-case words.
const scanned = index.sentences.map((entry) => ({
  entry,
  words: new Set(entry.sentence.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
}));
const linearScan = (claim: string) => {
  const words = new Set(claim.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return scanned
    .map(({ entry, words: sentenceWords }) => ({
      entry,
      score: [...words].filter((word) => sentenceWords.has(word)).length,
    }))
    .filter((item) => item.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
};
const totalWords = sources.reduce((sum, item) => sum + wordCount(item.text), 0);
row(
  `baseline: linear scan of ${index.sentences.length} sentences for a claim's words`,
  time(RANK_RUNS, (at) => linearScan(claims[at % claims.length] ?? "")),
);
row(
  `BM25 only: rank suggestions for one claim (k = 5) over ${SOURCES} sources, ${totalWords} words`,
  time(RANK_RUNS, (at) => suggestEvidence(index, claims[at % claims.length] ?? "", { k: 5 })),
);
row(
  `with word vectors: the same, the claim words' neighbours cached (a claim seen before)`,
  time(RANK_RUNS, (at) => suggestEvidence(semanticIndex, claims[at % claims.length] ?? "", { k: 5 })),
);
row(
  `with word vectors: the same, no neighbour cached (every claim word new: ${semanticIndex.semantic?.stems.length} source words compared)`,
  time(RANK_RUNS, (at) => {
    semanticIndex.semantic?.neighbours.clear();
    return suggestEvidence(semanticIndex, claims[at % claims.length] ?? "", { k: 5 });
  }),
);

// The whole assistant on every change of the draft: the demo summary with its seven labelled claims, one of
// which is edited before every run (the others' suggestions are cached from the run before).
// The BM25-only engine as the baseline of what the worker does first: the evidence index of the same sources.
row(
  `baseline, BM25 only: buildEvidenceIndex() of the ${SOURCES} sources`,
  time(5, () => buildEvidenceIndex(sources)),
);
row(
  `baseline, BM25 only: createAssistant() of the ${SOURCES} sources without word vectors`,
  time(5, () => createAssistant(sources.map((source) => ({ ...source })))),
);
row(
  `createAssistant(): index ${SOURCES} sources with word vectors and compare them with each other (quotations, facts)`,
  // Fresh source objects each run, as the worker receives them: nothing is kept from an earlier run but the
  // stem cache, which the worker keeps too.
  time(5, () =>
    createAssistant(
      sources.map((source) => ({ ...source })),
      { vectors },
    ),
  ),
);
// What the worker holds: the heap one assistant of these sources keeps (after a collection when the bench runs
// with --expose-gc: `node --expose-gc --import tsx bench/assistant.bench.ts`).
collect?.();
// Heap and typed arrays (the semantic table's vectors live in an array buffer).
const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = held();
const assistant = createAssistant(sources, { vectors });
collect?.();
const heapHeld = (held() - heapBefore) / 1e6;
/** The demo summary with the words of some claims edited (run `at`), and every claim where its words now are. */
function editedDraft(at: number, edit: (index: number) => boolean) {
  let summary = demoSummary;
  const texts = seedEval.claims.map((claim, index) => {
    if (!edit(index)) return claim.text;
    const edited = `${claim.text} (${at})`;
    summary = summary.replace(claim.text, edited);
    return edited;
  });
  const claims = seedEval.claims.map((claim, index) => {
    const text = texts[index] ?? "";
    const start = summary.indexOf(text);
    if (start === -1) throw new Error(`claim ${claim.id} is not in the summary`);
    return { id: claim.id, text, span: { start, end: start + text.length }, quotes: [] };
  });
  return { summary, claims };
}
const claimCount = seedEval.claims.length;
row(
  `assist(): demo summary, ${claimCount} claims over the same ${SOURCES} sources, one claim edited each run`,
  time(60, (at) => assistant.assist(editedDraft(at, (index) => index === claimCount - 1))),
);
row(
  `assist(): the same, every claim edited each run (no suggestion cached)`,
  time(20, (at) => assistant.assist(editedDraft(1_000 + at, () => true))),
);
const bm25Assistant = createAssistant(sources);
row(
  `baseline, BM25 only: assist(), every claim edited each run, without word vectors`,
  time(20, (at) => bm25Assistant.assist(editedDraft(2_000 + at, () => true))),
);

// Claim proposals of the demo summary (the worker runs them on every change while they are shown), and
// "checked before": every sentence of the bench's sources taken as a published claim, indexed once per set of
// latest versions, then one draft claim ranked against them as the route does.
row(
  `proposeClaims(): the demo summary (${wordCount(demoSummary)} words)`,
  time(60, () => proposeClaims(demoSummary)),
);
const publishedTexts = index.sentences.map((entry) => ({ text: entry.sentence.text }));
row(
  `checked before: index ${publishedTexts.length} published claims`,
  time(5, () => indexPublishedClaims(publishedTexts)),
);
const publishedIndex = indexPublishedClaims(publishedTexts);
row(
  `checked before: rank one claim over ${publishedTexts.length} published claims`,
  time(RANK_RUNS, (at) => rankPublishedClaims(publishedIndex, claims[at % claims.length] ?? "")),
);

console.log(
  `Verification assistant speed (node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end, ${WARM_UP} warm-up runs each)\n`,
);
console.log("| operation | runs | p50 ms | p95 ms | max ms | CPU p50 ms |\n|---|---|---|---|---|---|");
console.log(rows.join("\n"));
console.log(
  `\nHeap held by one assistant of these ${SOURCES} sources (with word vectors): ${heapHeld.toFixed(1)} MB${collect ? " (after a collection)" : " (no --expose-gc: without a collection first)"}; the word vectors: ${vectorMemory.buffers.toFixed(1)} MB of int8 values and ${vectorMemory.heap.toFixed(1)} MB of heap (their words); process resident ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, wink-nlp and its model included.`,
);
