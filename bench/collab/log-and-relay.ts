// The two scenarios of `npm run bench:collab` that only our server has: an edit's way into the database (the
// durable log), and an edit's way from one collaboration process to another through Redis. The stock server keeps
// documents in one process's memory, so there is nothing of its to put beside them.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createClient } from "redis";
import * as Y from "yjs";
import { distribution, type Distribution } from "../stats";
import { random } from "../seeded-random";
import { BenchDatabase, tokenFor } from "./database";
import { KeystrokeLatency } from "./latency";
import { openEditor, type Editor } from "./provider-client";
import type { Context } from "./scenarios";
import { startServer, type ServerProcess } from "./server-process";
import { Caret, demoParagraphs, smallStory, storyState } from "./story-text";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const next = random(2027);

/** How often the bench reads the log while timing durability (ms): the resolution of its samples. */
const POLL_MS = 5;

export interface DurableResult {
  /** Keystroke sent → readable from the database, on a connection of the bench's own (ms). */
  durable: Distribution;
  /** Keystrokes made in the timed window that the database never showed. */
  missing: number;
  documents: number;
  typists: number;
  /** Compactions seen while timing (the log folded into the compacted state). */
  compactions: number;
}

/**
 * Editors type in `durableDocuments` documents (2 typists each, stock providers as the workspace opens them, 5
 * characters a second from a random phase, each keystroke followed by its caret's awareness update) on our server
 * with the Prisma persistence on the bench's SQLite file, as in the other scenarios. Every POLL_MS the bench reads,
 * on its own connection, the log rows appended since its last read (and a document's compacted state whenever its
 * version moves, since compaction deletes the rows it folds) and applies them to a copy of each document; a
 * keystroke is durable when it reaches that copy. So a sample is the time from the keystroke to the first read
 * that saw it: up to POLL_MS more than the commit itself.
 */
export async function editDurable(ctx: Context): Promise<DurableResult> {
  const { db, scale } = ctx;
  const documents = scale.durableDocuments;
  const people = await db.people("durable", documents * 2);
  const storyIds = await db.stories("durable", documents, (d) => storyState(smallStory(d * 3)));
  const server = await startServer("corroborate", { DATABASE_URL: db.url });
  const editors: Editor[] = [];
  try {
    for (const [d, storyId] of storyIds.entries()) {
      for (const person of people.slice(d * 2, d * 2 + 2))
        editors.push(openEditor(server.url, storyId, await tokenFor(person, storyId), person));
    }
    await Promise.all(editors.map((editor) => editor.synced));
    const tracker = new KeystrokeLatency();
    const log = new LogReader(db, storyIds, (doc) => tracker.watch(doc));
    await log.read();
    ctx.progress(`edit durable: ${editors.length} typists on ${documents} documents, ${scale.durableSeconds} s timed`);
    let typing = true;
    const typists = editors.map(async (editor, i) => {
      const caret = new Caret(editor.doc, i % 2, 0, i * 131);
      await sleep(next() * 200);
      while (typing) {
        tracker.type(editor.doc, () => caret.type());
        editor.provider.awareness.setLocalStateField("cursor", caret.cursor());
        await sleep(200);
      }
    });
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await log.read();
        await sleep(POLL_MS);
      }
    })();
    await sleep(2_000);
    tracker.window.open();
    await sleep(scale.durableSeconds * 1000);
    tracker.window.close();
    typing = false;
    await Promise.all(typists);
    // Long enough for the slowest append to land; what is still missing then is lost.
    await sleep(3_000);
    polling = false;
    await poller;
    await log.read();
    const made = tracker.madeInWindow();
    return {
      durable: distribution(tracker.samples),
      missing: made - tracker.samples.length,
      documents,
      typists: editors.length,
      compactions: log.compactions,
    };
  } finally {
    for (const editor of editors) editor.destroy();
    await server.stop();
  }
}

/** The bench's own view of the log: the rows appended since it last looked, applied to a copy of each document. */
class LogReader {
  /** When the newest row read was appended (as the log writes it: ISO 8601 text), and the ids of the rows read with that time. */
  private since = "";
  private readonly seenAtSince = new Set<string>();
  private readonly copies = new Map<string, Y.Doc>();
  private readonly versions = new Map<string, number>();
  compactions = 0;

  constructor(
    private readonly db: BenchDatabase,
    private readonly storyIds: readonly string[],
    watch: (doc: Y.Doc) => void,
  ) {
    for (const storyId of storyIds) {
      const doc = new Y.Doc();
      watch(doc);
      this.copies.set(storyId, doc);
    }
  }

  /**
   * Applies what is new in the database: the rows appended at or after the newest one read (the log's one writer
   * stamps them in commit order, several to a millisecond), but those already read. When a document's version
   * moves (a compaction deleted rows), its compacted state and the whole log are read again (applying an update
   * twice changes nothing).
   */
  async read(): Promise<void> {
    const { prisma } = this.db;
    const stored = await prisma.storyDocument.findMany({
      where: { storyId: { in: [...this.storyIds] } },
      select: { storyId: true, version: true, state: true },
    });
    let compacted = false;
    for (const { storyId, version, state } of stored) {
      if (this.versions.get(storyId) === version) continue;
      if (this.versions.has(storyId)) this.compactions += 1;
      this.versions.set(storyId, version);
      Y.applyUpdate(this.copies.get(storyId)!, state);
      compacted = true;
    }
    const from = compacted ? "" : this.since;
    const rows = await prisma.$queryRaw<Array<{ id: string; at: string; storyId: string; update: Uint8Array }>>`
      SELECT "id", CAST("createdAt" AS TEXT) AS "at", "storyId", "update" FROM "StoryUpdate"
      WHERE CAST("createdAt" AS TEXT) >= ${from} ORDER BY "at"`;
    for (const { id, at, storyId, update } of rows) {
      if (at === this.since && this.seenAtSince.has(id)) continue;
      if (at > this.since) {
        this.since = at;
        this.seenAtSince.clear();
      }
      this.seenAtSince.add(id);
      const copy = this.copies.get(storyId);
      if (copy) Y.applyUpdate(copy, update);
    }
  }
}

export interface RelayResult {
  latency: Distribution;
  lost: number;
  closed: number;
  /**
   * Round trips from the bench's process to the same PostgreSQL and Redis at the keystrokes' pace (ms): the floor
   * each of a keystroke's hops stands on (the append is one such trip, the publish to the other process another).
   */
  roundTrips: { postgres: Distribution; redis: Distribution };
}

/**
 * Two of our collaboration processes on one PostgreSQL database (a fresh one on the integration server) and one
 * Redis, as docs/DEPLOY.md runs them: one editor on each process, as scenario 1 has them on one process. One types
 * (a character, then its caret's awareness update), the other's document observes each keystroke; one keystroke at
 * a time, the next 5–15 ms after the last arrived; 50 untimed first. Skipped, with the reason, when PostgreSQL or
 * Redis cannot be reached.
 */
export async function acrossTwoProcesses(ctx: Context): Promise<RelayResult | { skipped: string }> {
  // BENCH_REDIS_URL, not REDIS_URL: a shell's REDIS_URL may name a Redis that others use.
  const redisUrl = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379";
  const unreachable = (await redisUnreachable(redisUrl)) ?? (await BenchDatabase.postgresUnreachable());
  if (unreachable) return { skipped: unreachable };
  const db = await BenchDatabase.createPostgres();
  const servers: ServerProcess[] = [];
  try {
    const people = await db.people("relay", 2);
    const [storyId] = await db.stories("relay", 1, () => storyState(demoParagraphs));
    // Keys of this run only: the relay's names start with the prefix.
    const env = { DATABASE_URL: db.url, BENCH_REDIS_URL: redisUrl, BENCH_REDIS_PREFIX: `bench-${process.pid}` };
    servers.push(await startServer("corroborate", env), await startServer("corroborate", env));
    const [a, b] = await Promise.all(
      people.map(async (person, i) => openEditor(servers[i]!.url, storyId!, await tokenFor(person, storyId!), person)),
    );
    await Promise.all([a!.synced, b!.synced]);
    const tracker = new KeystrokeLatency();
    tracker.watch(b!.doc);
    const caret = new Caret(a!.doc, 0, 0);
    let lost = 0;
    const typeOne = async () => {
      const arrived = tracker.next(2_000);
      tracker.type(a!.doc, () => caret.type());
      a!.provider.awareness.setLocalStateField("cursor", caret.cursor());
      if (!(await arrived)) lost += 1;
      await sleep(5 + next() * 10);
    };
    const roundTrips = {
      postgres: await pacedRoundTrips(ctx.scale.latencyKeystrokes, async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return { trip: () => client.query("SELECT 1"), close: () => client.end() };
      }),
      redis: await pacedRoundTrips(ctx.scale.latencyKeystrokes, async () => {
        const client = createClient({ url: redisUrl });
        await client.connect();
        return { trip: () => client.ping(), close: () => client.quit() };
      }),
    };
    ctx.progress(`across two processes: ${ctx.scale.latencyKeystrokes} keystrokes from process A to process B`);
    for (let i = 0; i < 50; i++) await typeOne();
    lost = 0;
    tracker.window.open();
    const started = performance.now();
    for (let i = 0; i < ctx.scale.latencyKeystrokes; i++) await typeOne();
    tracker.window.close();
    ctx.progress(`across two processes: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const closed = [a!, b!].filter((editor) => editor.closed).length;
    a!.destroy();
    b!.destroy();
    return { latency: distribution(tracker.samples), lost, closed, roundTrips };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await db.close();
  }
}

/** `count` round trips on one connection, each 5–15 ms after the last (as the keystrokes go), 50 untimed first. */
async function pacedRoundTrips(
  count: number,
  open: () => Promise<{ trip: () => Promise<unknown>; close: () => Promise<unknown> }>,
): Promise<Distribution> {
  const { trip, close } = await open();
  const samples: number[] = [];
  try {
    for (let i = -50; i < count; i++) {
      const started = performance.now();
      await trip();
      if (i >= 0) samples.push(performance.now() - started);
      await sleep(5 + next() * 10);
    }
  } finally {
    await close();
  }
  return distribution(samples);
}

/** Why Redis at `url` does not answer, or null when it does. */
async function redisUnreachable(url: string): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `no Redis at ${url} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    if (client.isOpen) await client.quit();
  }
}
