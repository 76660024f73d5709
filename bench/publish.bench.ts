// Publishing speed, server side: `npm run bench`. Builds two approved stories in a fresh SQLite database
// (the demo story with one claim per summary sentence, and a generated story of 2,000 words with 100 claims
// and 300 quotes), then times publishStory (live state from a real collaboration server, review, one
// transaction) and, as the baseline in the same run, a one-row transaction on the same database.
// Then the lists that review every story (the newsroom's home and the review queue) with LIST_STORIES more
// demo stories: a view after every story changed (each one reviewed, as every view did before reviews were
// kept), after one changed, and after none did. Run with `--conditions=react-server` (package.json) for the
// lists' `server-only` imports.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { markClaimSpan } from "../lib/anchoring/claim-spans";
import { addQuote, createClaim, setClaimStatusAsEditor } from "../lib/claims/story-claims";
import { parseAggregatorPage } from "../lib/import/aggregator-page";
import { readArticleMetadata } from "../lib/import/article-metadata";
import { normaliseArticleText } from "../lib/import/normalise-text";
import { createQuoteSelector } from "../lib/quotes/quote-selector";
import { summaryText, writeSummaryParagraphs } from "../lib/story-doc/summary";
import { createCollabClient } from "../server/collab/collab-client";
import { createCollabServer } from "../server/collab/index";
import { openPersistence } from "../server/collab/open-persistence";
import { createPrisma, type PrismaClient } from "../server/db/create-prisma";
import { publishStory } from "../server/review/publish-story";
import { loadReviewQueue } from "../server/review/review-queue";
import { reviewStory } from "../server/review/story-review";
import { loadNewsroomHome } from "../server/stories/queries";

const DATABASE_FILE = "bench/.tmp/bench.db";
const DATABASE_URL = `file:./${DATABASE_FILE}`;
const SECRET = "bench-secret-0123456789-abcdefghijklmnopqrstuv";
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const LIST_STORIES = Number(process.env.BENCH_LIST_STORIES ?? 300);
const DEMO = path.join("prisma", "demo");
const quiet = { info() {}, warn() {}, error() {} };

const files = readdirSync(DEMO)
  .sort()
  .map((name) => readFileSync(path.join(DEMO, name), "utf8"));
const page = parseAggregatorPage(files[0] ?? "");
const articles = files.slice(1).map((text) => normaliseArticleText(readArticleMetadata(text).body));
const sentencesOf = (text: string) => text.split(/(?<=[.!?”])\s+(?=[A-Z“])/).filter((s) => s.length > 20);

/** A story whose summary is `paragraphs`, with claims on the given sentences, each with quotes, all asked for review. */
async function buildStory(
  prisma: PrismaClient,
  slug: string,
  paragraphs: string[],
  claims: number,
  quotesPerClaim: number,
  editorId: string,
) {
  const story = await prisma.story.create({ data: { slug, title: slug } });
  const sources = await Promise.all(
    articles.map((text, i) =>
      prisma.source.create({
        data: {
          storyId: story.id,
          outlet: `Outlet ${i + 1}`,
          headline: `Article ${i + 1}`,
          text,
          contentHash: `${slug}-${i}`,
        },
      }),
    ),
  );
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, paragraphs);
  const plain = summaryText(doc).plain;
  const sentences: Array<{ start: number; end: number }> = [];
  for (const match of plain.matchAll(/[^.!?\n]+[.!?]/g))
    sentences.push({ start: match.index, end: match.index + match[0].length });
  const passages = articles.flatMap((text, sourceIndex) =>
    sentencesOf(text).map((sentence) => ({ sourceIndex, start: text.indexOf(sentence), length: sentence.length })),
  );
  const at = new Date();
  for (let c = 0; c < claims; c++) {
    const sentence = sentences[Math.floor((c * sentences.length) / claims)];
    if (!sentence) throw new Error("not enough sentences");
    const id = `claim-${c}`;
    createClaim(doc, { id, by: { id: editorId, name: "Editor" }, at });
    markClaimSpan(doc, id, sentence.start + (plain[sentence.start] === " " ? 1 : 0), sentence.end);
    for (let q = 0; q < quotesPerClaim; q++) {
      const passage = passages[(c * quotesPerClaim + q) % passages.length]!;
      const source = sources[passage.sourceIndex]!;
      addQuote(doc, id, {
        id: `q-${c}-${q}`,
        sourceId: source.id,
        selector: createQuoteSelector(source.text, passage.start, passage.start + passage.length),
        stance: "supports",
        note: "",
        addedBy: { id: editorId, name: "Editor" },
        addedAt: at.toISOString(),
      });
    }
    setClaimStatusAsEditor(doc, id, "needs_review");
  }
  await prisma.storyDocument.create({
    data: { storyId: story.id, state: Uint8Array.from(Y.encodeStateAsUpdate(doc)) },
  });
  return { storyId: story.id, doc };
}

/** Records an approval for every claim, bound to its current hash. */
async function approveAll(prisma: PrismaClient, storyId: string, doc: Y.Doc, reviewerId: string) {
  const review = await reviewStory(prisma, storyId, doc);
  await prisma.claimDecision.createMany({
    data: review.claims.map((claim) => ({
      storyId,
      claimId: claim.claim.id,
      decision: "approved",
      verdict: "supported",
      claimHash: claim.hash,
      snapshot: JSON.stringify(claim.snapshot),
      decidedById: reviewerId,
    })),
  });
  if (review.claims.length === 0) throw new Error("no claims");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function time(label: string, runs: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(-1 - i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const row = {
    label,
    runs,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
  };
  console.log(
    `| ${row.label} | ${row.runs} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.max.toFixed(1)} |`,
  );
  return row;
}

mkdirSync(path.dirname(DATABASE_FILE), { recursive: true });
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
  env: { ...process.env, DATABASE_URL },
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(migrate.stderr);

const prisma = createPrisma(DATABASE_URL);
const persistence = await openPersistence(DATABASE_URL, { prisma });
const server = createCollabServer({ persistence, tokenSecret: SECRET, log: quiet });
await server.listen(0, "127.0.0.1");
const internalPort = await server.listenInternal(0, "127.0.0.1");
const collab = createCollabClient(`http://127.0.0.1:${internalPort}`, SECRET);
const editor = await prisma.user.create({
  data: { email: "editor@bench", name: "Editor", role: "editor", passwordHash: "!" },
});
const asRole = <T extends { role: string }>(user: T) => ({ ...user, role: user.role as "reviewer" });
const reviewer = await prisma.user.create({
  data: { email: "reviewer@bench", name: "Reviewer", role: "reviewer", passwordHash: "!" },
});

const demoSentences = page.summary.join(" ").match(/[^.!?]+[.!?]/g)?.length ?? 0;
const demo = await buildStory(prisma, "demo", page.summary, demoSentences, 2, editor.id);
await approveAll(prisma, demo.storyId, demo.doc, reviewer.id);

// 2,000 words of real seed text: sentences of the four articles, in turn, as paragraphs of five sentences.
const pool = articles.flatMap(sentencesOf);
const words: string[] = [];
const generated: string[] = [];
for (let i = 0, paragraph: string[] = []; words.length < 2_000; i++) {
  const sentence = pool[i % pool.length]!;
  words.push(...sentence.split(/\s+/));
  paragraph.push(sentence);
  if (paragraph.length === 5) generated.push(paragraph.splice(0).join(" "));
}
const large = await buildStory(prisma, "generated", generated, 100, 3, editor.id);
await approveAll(prisma, large.storyId, large.doc, reviewer.id);

console.log(`\nnode ${process.version}, ${RUNS} runs each after 5 warm-up runs; milliseconds\n`);
console.log("| operation | runs | p50 | p95 | p99 | max |");
console.log("|---|---|---|---|---|---|");
await time("baseline: one-row transaction (audit event)", RUNS, () =>
  prisma.$transaction([prisma.auditEvent.create({ data: { actorId: reviewer.id, action: "bench", subject: "x" } })]),
);
await time(`publish demo story (${demoSentences} claims, ${demoSentences * 2} quotes)`, RUNS, (i) =>
  publishStory({ prisma, collab }, asRole(reviewer), demo.storyId, { correctionNote: `run ${i}` }),
);
await time(`publish generated story (${words.length} words, 100 claims, 300 quotes)`, RUNS, (i) =>
  publishStory({ prisma, collab }, asRole(reviewer), large.storyId, { correctionNote: `run ${i}` }),
);

// The lists: the demo story LIST_STORIES times more, every other one approved (published work stays listed).
const listed = [demo.storyId, large.storyId];
for (let i = 0; i < LIST_STORIES; i++) {
  const story = await buildStory(prisma, `listed-${i}`, page.summary, demoSentences, 2, editor.id);
  if (i % 2 === 0) await approveAll(prisma, story.storyId, story.doc, reviewer.id);
  listed.push(story.storyId);
}
/** Changes what the review of each of `storyIds` reads (a claim activity: someone touched a claim). */
let touches = 0;
const touch = (storyIds: string[]) => {
  const kind = `bench-${++touches}`;
  return prisma.claimActivity.createMany({
    data: storyIds.map((storyId) => ({ storyId, claimId: "claim-0", userId: editor.id, kind })),
  });
};
const viewer = { id: reviewer.id, role: "reviewer" as const };
const views = {
  "newsroom home": () => loadNewsroomHome(prisma, "sqlite", viewer),
  "review queue": () => loadReviewQueue({ prisma, collab }, reviewer.id),
};
const stories = listed.length;
console.log(`
${stories} stories (${LIST_STORIES} demo stories more); milliseconds per view
`);
console.log("| operation | runs | p50 | p95 | p99 | max |");
console.log("|---|---|---|---|---|---|");
for (const [name, view] of Object.entries(views)) {
  const timeAfter = async (label: string, runs: number, change: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = -2; i < runs; i++) {
      await change(i);
      const start = performance.now();
      await view();
      if (i >= 0) samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const cell = (p: number) => percentile(samples, p).toFixed(1);
    console.log(
      `| ${name}, ${label} | ${runs} | ${cell(50)} | ${cell(95)} | ${cell(99)} | ${samples.at(-1)?.toFixed(1)} |`,
    );
  };
  await timeAfter(`every story changed (each reviewed)`, 10, () => touch(listed));
  await timeAfter(`one story changed`, 30, (i) => touch([listed[Math.abs(i) % stories]!]));
  await timeAfter(`nothing changed`, 30, async () => {});
}

await server.close();
await prisma.$disconnect();
await persistence.close();
