// The scenarios of `npm run bench:collab`, each run against the stock server and ours with the same clients. The
// clients run in the bench's process; each server runs in a child process of its own (server-process.ts).
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import * as Y from "yjs";
import { MESSAGE_CARETS } from "../../lib/collab/caret-messages";
import { userColor } from "../../lib/presence/user-color";
import { distribution, percentile, type Distribution } from "../stats";
import type { MemorySample } from "./child";
import { SOCKETS_PER_PERSON, type Scale } from "./config";
import { roomUrl, tokenFor, type BenchDatabase, type Person } from "./database";
import { CLIENT_THREADS, ClientThreads } from "./client-threads";
import type { CursorJob, CursorOutcome, TypingJob, TypingOutcome } from "./client-worker";
import { KeystrokeLatency } from "./latency";
import { openEditor } from "./provider-client";
import { openMany, RawClient } from "./raw-client";
import { startServer, type ServerKind, type ServerProcess } from "./server-process";
import { random } from "../seeded-random";
import { Caret, demoParagraphs, historyState, smallStory, storyState, summaryLength } from "./story-text";

export const KINDS: readonly ServerKind[] = ["stock", "corroborate"];

export interface Context {
  db: BenchDatabase;
  scale: Scale;
  /** Progress lines (stderr), so that stdout is the report. */
  progress(line: string): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const next = random(2026);

/** The presence the workspace announces for a person: the caret's user (name, colour) and no claim in view. */
function presenceOf(person: Person): Record<string, unknown> {
  return { user: { name: person.name, color: userColor(person.id) }, claim: null };
}

/** The person holding socket `index` when every person holds SOCKETS_PER_PERSON sockets. */
const holder = (people: readonly Person[], index: number) =>
  people[Math.floor(index / SOCKETS_PER_PERSON) % people.length]!;

/** Signs one token per socket, as the workspace fetches one per connection. */
function tokens(count: number, person: (index: number) => Person, story: (index: number) => string): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => tokenFor(person(i), story(i))));
}

/**
 * Puts documents into the stock server, which keeps them in memory only (ours loads them from the database): a
 * client with the document connects, syncs, and leaves once the server has applied what it sent.
 */
async function pushDocuments(
  server: ServerProcess,
  storyIds: readonly string[],
  state: (index: number) => Uint8Array,
  person: Person,
): Promise<void> {
  const signed = await tokens(
    storyIds.length,
    () => person,
    (i) => storyIds[i]!,
  );
  await openMany(storyIds.length, 10, async (i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state(i));
    const client = new RawClient(roomUrl(server.url, storyIds[i]!, signed[i]!), doc);
    await client.synced;
    await client.roundTrip();
    await client.close();
    doc.destroy();
    return { synced: Promise.resolve() };
  });
}

/** The p99 of the samples whose change was made in each second of the window (`at`: ms since it opened). */
function timeline(samples: readonly number[], at: readonly number[]): number[] {
  const seconds: number[][] = [];
  samples.forEach((sample, i) => (seconds[Math.max(0, Math.floor(at[i]! / 1000))] ??= []).push(sample));
  return Array.from(seconds, (second) => (second ? percentile(second, 0.99) : NaN));
}

/** CPU milliseconds (user and system) a process used between two readings. */
function cpuMs(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage): number {
  return (after.user - before.user + after.system - before.system) / 1000;
}

export interface LatencyResult {
  latency: Distribution;
  /** For each round, the p99 of the changes made in each second of the timed window (ms). */
  timelines: number[][];
  /** Changes that no other client received within the wait. */
  lost: number;
  /** Sockets the server closed. */
  closed: number;
  serverCores: number;
  clientCores: number;
  /** The clients' event-loop delay p99 (ms) while measuring: how late the clients themselves were. */
  clientLoopDelayP99: number;
  /** The server's event-loop delay p99 (ms) while measuring (the worst round). */
  serverLoopDelayP99: number;
  notes: string[];
}

/** Runs `measure` against each server in turn, `rounds` times, alternating; merges the samples per server. */
async function alternate(
  servers: Record<ServerKind, ServerProcess>,
  rounds: number,
  measure: (
    server: ServerProcess,
    round: number,
  ) => Promise<{
    samples: number[];
    timeline?: number[];
    lost: number;
    closed: number;
    serverCpu: number;
    clientCpu: number;
    loop: number;
    serverLoop: number;
    ms: number;
  }>,
): Promise<Record<ServerKind, LatencyResult & { rounds: Distribution[] }>> {
  const merged = {} as Record<
    ServerKind,
    {
      samples: number[];
      timelines: number[][];
      lost: number;
      closed: number;
      serverCpu: number;
      clientCpu: number;
      loop: number[];
      serverLoop: number[];
      ms: number;
      rounds: Distribution[];
    }
  >;
  for (const kind of KINDS)
    merged[kind] = {
      samples: [],
      timelines: [],
      lost: 0,
      closed: 0,
      serverCpu: 0,
      clientCpu: 0,
      loop: [],
      serverLoop: [],
      ms: 0,
      rounds: [],
    };
  for (let round = 0; round < rounds; round++) {
    for (const kind of KINDS) {
      const result = await measure(servers[kind], round);
      const into = merged[kind];
      for (const sample of result.samples) into.samples.push(sample);
      into.rounds.push(distribution(result.samples));
      if (result.timeline) into.timelines.push(result.timeline);
      into.lost += result.lost;
      into.closed += result.closed;
      into.serverCpu += result.serverCpu;
      into.clientCpu += result.clientCpu;
      into.loop.push(result.loop);
      into.serverLoop.push(result.serverLoop);
      into.ms += result.ms;
    }
  }
  const results = {} as Record<ServerKind, LatencyResult & { rounds: Distribution[] }>;
  for (const kind of KINDS) {
    const m = merged[kind];
    results[kind] = {
      latency: distribution(m.samples),
      timelines: m.timelines,
      lost: m.lost,
      closed: m.closed,
      serverCores: m.serverCpu / m.ms,
      clientCores: m.clientCpu / m.ms,
      clientLoopDelayP99: Math.max(...m.loop),
      serverLoopDelayP99: Math.max(...m.serverLoop),
      rounds: m.rounds,
      notes: [],
    };
  }
  return results;
}

/**
 * CPU milliseconds of the server and of this process, the event-loop delay p99 (ms) of this process and of the
 * server, and the wall time (ms) of `run`.
 */
async function metered(
  server: ServerProcess,
  run: () => Promise<void>,
): Promise<{ serverCpu: number; clientCpu: number; loop: number; serverLoop: number; ms: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const serverBefore = await server.cpu();
  await server.loopDelay();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  loop.enable();
  await run();
  loop.disable();
  const ms = performance.now() - started;
  const serverLoop = (await server.loopDelay()).p99;
  const serverAfter = await server.cpu();
  return {
    serverCpu: cpuMs(serverBefore, serverAfter),
    clientCpu: cpuMs(clientBefore, process.cpuUsage()),
    loop: loop.percentile(99) / 1e6,
    serverLoop,
    ms,
  };
}

// ---- 1. Keystroke → remote observe, two clients ---------------------------------------------------------

/**
 * Two editors on the demo story, each with the stock provider as the workspace opens it. One types (a character,
 * then its caret's awareness update, as Tiptap's caret sends it); the other's document observes each keystroke.
 * One keystroke at a time: the next is typed 5–15 ms after the last arrived. 50 untimed keystrokes first, then
 * the timed ones, in two rounds per server, alternating.
 */
export async function twoClientLatency(ctx: Context) {
  const { db, scale } = ctx;
  const people = await db.people("latency", 2);
  const rounds = 2;
  const storyIds = await db.stories("latency", rounds, () => storyState(demoParagraphs));
  const servers = {
    stock: await startServer("stock"),
    corroborate: await startServer("corroborate", { DATABASE_URL: db.url }),
  };
  try {
    await pushDocuments(servers.stock, storyIds, () => storyState(demoParagraphs), people[0]!);
    return await alternate(servers, rounds, async (server, round) => {
      ctx.progress(`keystroke latency: ${server.kind}, round ${round + 1}`);
      const storyId = storyIds[round]!;
      const [a, b] = await Promise.all(
        people.map(async (person) => openEditor(server.url, storyId, await tokenFor(person, storyId), person)),
      );
      await Promise.all([a!.synced, b!.synced]);
      const tracker = new KeystrokeLatency();
      tracker.watch(b!.doc);
      const caret = new Caret(a!.doc, round, 0, round * 997);
      let lost = 0;
      const typeOne = async () => {
        const arrived = tracker.next(2_000);
        tracker.type(a!.doc, () => caret.type());
        a!.provider.awareness.setLocalStateField("cursor", caret.cursor());
        if (!(await arrived)) lost += 1;
        await sleep(5 + next() * 10);
      };
      for (let i = 0; i < 50; i++) await typeOne();
      lost = 0;
      const perRound = Math.ceil(scale.latencyKeystrokes / rounds);
      const meter = await metered(server, async () => {
        tracker.window.open();
        for (let i = 0; i < perRound; i++) await typeOne();
        tracker.window.close();
      });
      const closed = [a!, b!].filter((editor) => editor.closed).length;
      a!.destroy();
      b!.destroy();
      await sleep(200);
      return { samples: tracker.samples, lost, closed, ...meter };
    });
  } finally {
    await Promise.all([servers.stock.stop(), servers.corroborate.stop()]);
  }
}

// ---- 2. Many sockets, a fifth typing --------------------------------------------------------------------

/** Sockets of each document, besides the typists, that apply what they receive and are timed; the rest are passive. */
const WATCHERS_PER_DOCUMENT = 2;

/** CPU of the server and of this whole process (every client thread) over `run`, with its wall time. */
async function meteredThreads(
  server: ServerProcess,
  run: () => Promise<void>,
): Promise<{ serverCpu: number; clientCpu: number; serverLoop: number; ms: number }> {
  const serverBefore = await server.cpu();
  await server.loopDelay();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const serverLoop = (await server.loopDelay()).p99;
  return {
    serverCpu: cpuMs(serverBefore, await server.cpu()),
    clientCpu: cpuMs(clientBefore, process.cpuUsage()),
    serverLoop,
    ms,
  };
}

export interface TypingResult extends LatencyResult {
  keystrokes: number;
  documents: number;
  converged: number;
  /** Characters that some client of a document lacks at the end, summed over clients. */
  lostCharacters: number;
  connectSeconds: number;
}

/**
 * `typingSockets` raw protocol clients on `typingDocuments` documents of about 1 KB (10 sockets each), each
 * announcing the workspace's presence; a fifth of them (2 per document, in different paragraphs) type 5
 * characters a second (one every 200 ms from a random phase, document updates only). The documents are shared
 * out between CLIENT_THREADS client threads, whole. Besides the typists, 2 sockets of each document apply what
 * they receive; the other 6 read it without applying it (passive, to spare the bench's threads; the server sends
 * them the same). After a warm-up, every keystroke's arrival in the 3 other applying clients of its document is
 * timed. Then typing stops and every applying client of a document must hold the same state and every character
 * typed there.
 */
export async function manySocketsTyping(ctx: Context): Promise<Record<ServerKind, TypingResult>> {
  const { db, scale } = ctx;
  const sockets = scale.typingSockets;
  const documents = scale.typingDocuments;
  const perDocument = Math.round(sockets / documents);
  const typistsPerDocument = Math.round(perDocument / 5);
  const people = await db.people("typing", Math.ceil(sockets / SOCKETS_PER_PERSON));
  const initial = (d: number) => storyState(smallStory(d * 7));
  const storyIds = await db.stories("typing", documents, initial);
  const results = {} as Record<ServerKind, TypingResult>;
  for (const kind of KINDS) {
    const server = await startServer(kind, kind === "corroborate" ? { DATABASE_URL: db.url } : {});
    let threads: ClientThreads | null = null;
    try {
      if (kind === "stock") await pushDocuments(server, storyIds, initial, people[0]!);
      // Socket j of document d is socket d + j × documents: each person's 10 sockets are in 10 documents.
      const socketIndex = (d: number, j: number) => d + j * documents;
      const signed = await tokens(
        sockets,
        (i) => holder(people, i),
        (i) => storyIds[i % documents]!,
      );
      const jobs: TypingJob[] = Array.from({ length: CLIENT_THREADS }, (_, t) => ({
        kind: "typing",
        baseUrl: server.url,
        seed: 100 + t,
        documents: storyIds.flatMap((storyId, d) =>
          d % CLIENT_THREADS !== t
            ? []
            : [
                {
                  storyId,
                  typists: typistsPerDocument,
                  watchers: WATCHERS_PER_DOCUMENT,
                  sockets: Array.from({ length: perDocument }, (_, j) => ({
                    token: signed[socketIndex(d, j)]!,
                    presence: presenceOf(holder(people, socketIndex(d, j))),
                  })),
                },
              ],
        ),
      }));
      ctx.progress(`typing: ${kind}, connecting ${sockets} sockets from ${CLIENT_THREADS} client threads`);
      const connectStart = performance.now();
      threads = await ClientThreads.open(jobs);
      const connectSeconds = (performance.now() - connectStart) / 1000;
      ctx.progress(
        `typing: ${kind}, ${typistsPerDocument * documents} typists, ${scale.typingWarmUpSeconds} s warm-up, ${scale.typingSeconds} s timed`,
      );
      await threads.all("start");
      await sleep(scale.typingWarmUpSeconds * 1000);
      const meter = await meteredThreads(server, async () => {
        await threads!.all("openWindow");
        await sleep(scale.typingSeconds * 1000);
        await threads!.all("closeWindow");
      });
      const outcomes = await threads.all<TypingOutcome>("stop");
      await threads.all("close");
      const stats = await server.stats();
      const notes =
        kind === "corroborate"
          ? [
              `server log: ${stats.closedSockets ?? 0} sockets closed, ${stats.warn ?? 0} warnings, ${stats.error ?? 0} errors`,
            ]
          : [];
      const sum = (pick: (outcome: TypingOutcome) => number) =>
        outcomes.reduce((total, outcome) => total + pick(outcome), 0);
      results[kind] = {
        latency: distribution(outcomes.flatMap((outcome) => outcome.samples)),
        timelines: [
          timeline(
            outcomes.flatMap((outcome) => outcome.samples),
            outcomes.flatMap((outcome) => outcome.sentAt),
          ),
        ],
        lost: 0,
        closed: sum((outcome) => outcome.closed),
        serverCores: meter.serverCpu / meter.ms,
        clientCores: meter.clientCpu / meter.ms,
        clientLoopDelayP99: Math.max(...outcomes.map((outcome) => outcome.loopDelayP99)),
        serverLoopDelayP99: meter.serverLoop,
        keystrokes: sum((outcome) => outcome.keystrokes),
        documents: sum((outcome) => outcome.documents),
        converged: sum((outcome) => outcome.converged),
        lostCharacters: sum((outcome) => outcome.lostCharacters),
        connectSeconds,
        notes,
      };
    } finally {
      await threads?.terminate();
      await server.stop();
    }
  }
  return results;
}

// ---- 3. 50 editors moving their cursors at 10 Hz on one document -----------------------------------------

/**
 * `cursorEditors` editors on the demo story, shared out between CLIENT_THREADS client threads, each announcing
 * the workspace's presence; each moves its caret (a click to a random place: awareness `cursor` as y-tiptap sets
 * it) ten times a second from a random phase. Every move's arrival in each other editor is timed, on a clock all
 * threads share. The editors are raw protocol clients that send what the stock provider sends, including every
 * newer presence change they receive, sent back as the provider does in the browser (so each socket also sends
 * about 490 presence messages a second): 50 stock providers need about a core of the bench's own at this rate,
 * which made the first runs measure the clients.
 */
export async function cursorsOnOneDocument(ctx: Context) {
  const { db, scale } = ctx;
  const editors = scale.cursorEditors;
  const people = await db.people("cursors", editors);
  const storyIds = await db.stories("cursors", scale.cursorRounds, () => storyState(demoParagraphs));
  const servers = {
    stock: await startServer("stock"),
    corroborate: await startServer("corroborate", { DATABASE_URL: db.url }),
  };
  try {
    await pushDocuments(servers.stock, storyIds, () => storyState(demoParagraphs), people[0]!);
    return await alternate(servers, scale.cursorRounds, async (server, round) => {
      ctx.progress(
        `cursors: ${server.kind}, round ${round + 1}, ${editors} editors from ${CLIENT_THREADS} client threads`,
      );
      const storyId = storyIds[round]!;
      const signed = await tokens(
        editors,
        (i) => people[i]!,
        () => storyId,
      );
      const jobs: CursorJob[] = Array.from({ length: CLIENT_THREADS }, (_, t) => ({
        kind: "cursors",
        baseUrl: server.url,
        seed: 200 + round * 10 + t,
        storyId,
        editors: people.flatMap((person, i) =>
          i % CLIENT_THREADS === t ? [{ token: signed[i]!, presence: presenceOf(person) }] : [],
        ),
      }));
      const threads = await ClientThreads.open(jobs);
      try {
        await threads.all("start");
        await sleep(scale.cursorWarmUpSeconds * 1000);
        const meter = await meteredThreads(server, async () => {
          await threads.all("openWindow");
          await sleep(scale.cursorSeconds * 1000);
          await threads.all("closeWindow");
        });
        const outcomes = await threads.all<CursorOutcome>("stop");
        await threads.all("close");
        const moved = new Map<string, number>();
        for (const { moves } of outcomes)
          for (let i = 0; i < moves.length; i += 3) moved.set(`${moves[i]}:${moves[i + 1]}`, moves[i + 2]!);
        const opened = Math.min(...moved.values());
        const samples: number[] = [];
        const sentAt: number[] = [];
        for (const { arrivals } of outcomes) {
          for (let i = 0; i < arrivals.length; i += 3) {
            const at = moved.get(`${arrivals[i]}:${arrivals[i + 1]}`);
            if (at === undefined) continue;
            samples.push(arrivals[i + 2]! - at);
            sentAt.push(at - opened);
          }
        }
        await sleep(500);
        return {
          samples,
          timeline: timeline(samples, sentAt),
          lost: 0,
          closed: outcomes.reduce((total, outcome) => total + outcome.closed, 0),
          ...meter,
          loop: Math.max(...outcomes.map((outcome) => outcome.loopDelayP99)),
        };
      } finally {
        await threads.terminate();
      }
    });
  } finally {
    await Promise.all([servers.stock.stop(), servers.corroborate.stop()]);
  }
}

// ---- 4 and 5. Memory ------------------------------------------------------------------------------------

export interface MemoryResult {
  before: MemorySample;
  /** 3 s after the last socket synced. */
  after: MemorySample;
  /** `memoryLaterSeconds` after that, the sockets still open and renewing their presence. */
  later: MemorySample;
  count: number;
  closed: number;
  connectSeconds: number;
}

/**
 * Memory of a fresh server process before any socket (after two full collections) and after `sockets` raw
 * clients have connected to `documents` documents, synced and announced their presence (renewed every 15 s, as
 * the workspace's provider renews it), and 3 s more; then again `memoryLaterSeconds` later, the sockets
 * still open and renewing: by then V8's memory reducer, which runs once the allocation rate has stayed low for
 * some seconds, may have given back the young generation the connections grew and compacted the old one.
 */
async function memoryWith(
  ctx: Context,
  kind: ServerKind,
  label: string,
  sockets: number,
  documents: readonly string[],
  people: readonly Person[],
  docFor: (index: number) => Y.Doc,
): Promise<MemoryResult> {
  const server = await startServer(kind, kind === "corroborate" ? { DATABASE_URL: ctx.db.url } : {});
  try {
    await sleep(500);
    const before = await server.memory();
    const snapshot = (when: string) =>
      server.snapshot(`bench/.tmp/${label.replace(/\W+/g, "-")}-${kind}-${when}.heapsnapshot`);
    if (process.env.BENCH_SNAPSHOTS) await snapshot("before");
    const signed = await tokens(
      sockets,
      (i) => holder(people, i),
      (i) => documents[i % documents.length]!,
    );
    ctx.progress(`${label}: ${kind}, connecting ${sockets} sockets to ${documents.length} documents`);
    const started = performance.now();
    const clients = await openMany(
      sockets,
      200,
      (i) =>
        new RawClient(roomUrl(server.url, documents[i % documents.length]!, signed[i]!), docFor(i), {
          presence: presenceOf(holder(people, i)),
          renewPresence: true,
        }),
    );
    const connectSeconds = (performance.now() - started) / 1000;
    await sleep(3_000);
    const after = await server.memory();
    await sleep(ctx.scale.memoryLaterSeconds * 1000);
    const later = await server.memory();
    const closed = clients.filter((client) => client.closed).length;
    if (process.env.BENCH_SNAPSHOTS) await snapshot("with-sockets");
    await Promise.all(clients.map((client) => client.close()));
    for (const client of clients) client.doc.destroy();
    return { before, after, later, count: sockets, closed, connectSeconds };
  } finally {
    await server.stop();
  }
}

/** `idleSockets` sockets, 10 to a document (empty drafts), each with the workspace's presence, then idle. */
export async function idleSockets(ctx: Context): Promise<Record<ServerKind, MemoryResult>> {
  const sockets = ctx.scale.idleSockets;
  const people = await ctx.db.people("idle", Math.ceil(sockets / SOCKETS_PER_PERSON));
  const storyIds = await ctx.db.stories("idle", Math.ceil(sockets / 10), () => null);
  const results = {} as Record<ServerKind, MemoryResult>;
  for (const kind of KINDS)
    results[kind] = await memoryWith(ctx, kind, "idle sockets", sockets, storyIds, people, () => new Y.Doc());
  return results;
}

/**
 * `smallDocuments` documents of about 1 KB of text, each open with one socket. Ours loads them from the database;
 * the stock server receives each from its socket's client, which holds it (it has no storage of its own).
 */
export async function smallDocuments(ctx: Context): Promise<Record<ServerKind, MemoryResult>> {
  const count = ctx.scale.smallDocuments;
  const people = await ctx.db.people("small", Math.ceil(count / SOCKETS_PER_PERSON));
  const state = (i: number) => storyState(smallStory(i));
  const storyIds = await ctx.db.stories("small", count, state);
  const results = {} as Record<ServerKind, MemoryResult>;
  for (const kind of KINDS) {
    results[kind] = await memoryWith(ctx, kind, "small documents", count, storyIds, people, (i) => {
      const doc = new Y.Doc();
      if (kind === "stock") Y.applyUpdate(doc, state(i));
      return doc;
    });
  }
  return results;
}

// ---- 6. Cold open of a document with a long history ------------------------------------------------------

export interface ColdOpenResult {
  open: Distribution;
  firstOpenMs: number;
  stateBytes: number;
  textLength: number;
  wrong: number;
}

/**
 * A draft with `historyEdits` edits (historyState: two editors typing, backspacing, starting paragraphs), sent to
 * the server by a client in one sync. Ours stores it in the database; the bench then restarts it, so that every
 * document is opened cold from the database. The stock server keeps it in memory. Then each document is opened
 * once by a fresh stock provider (the workspace's client): connect → synced, one at a time (untimed warm-up
 * opens of other documents first).
 */
export async function coldOpen(ctx: Context): Promise<Record<ServerKind, ColdOpenResult>> {
  const { db, scale } = ctx;
  const history = historyState(scale.historyEdits);
  const total = scale.coldOpens + scale.coldWarmUpOpens;
  const [person] = await db.people("cold", 1);
  const storyIds = await db.stories("cold", total, () => null);
  const results = {} as Record<ServerKind, ColdOpenResult>;
  for (const kind of KINDS) {
    const env: Record<string, string> = kind === "corroborate" ? { DATABASE_URL: db.url } : {};
    let server = await startServer(kind, env);
    try {
      ctx.progress(`cold open: ${kind}, sending ${total} documents of ${history.state.length} bytes`);
      await pushDocuments(server, storyIds, () => history.state, person!);
      if (kind === "corroborate") {
        // Stopping stores every open room; the new process has every document in the database only.
        await server.stop();
        server = await startServer(kind, env);
      }
      const signed = await tokens(
        total,
        () => person!,
        (i) => storyIds[i]!,
      );
      const times: number[] = [];
      let wrong = 0;
      let firstOpenMs = NaN;
      for (let i = 0; i < total; i++) {
        const started = performance.now();
        const editor = openEditor(server.url, storyIds[i]!, signed[i]!, person!);
        await editor.synced;
        const ms = performance.now() - started;
        if (i === 0) firstOpenMs = ms;
        if (i >= scale.coldWarmUpOpens) times.push(ms);
        if (summaryLength(editor.doc) !== history.length) wrong += 1;
        editor.destroy();
        await sleep(10);
      }
      results[kind] = {
        open: distribution(times),
        firstOpenMs,
        stateBytes: history.state.length,
        textLength: history.length,
        wrong,
      };
    } finally {
      await server.stop();
    }
  }
  return results;
}

// ---- 7. Wire bytes per keystroke --------------------------------------------------------------------------

export interface WireResult {
  /** How the keystrokes were paced. */
  pace: string;
  keystrokes: number;
  bytes: number;
  documentBytes: number;
  awarenessBytes: number;
  frames: number;
}

/**
 * Two editors on the demo story; one types, each character followed by its caret's awareness update as Tiptap's
 * caret sends it: `wirePacedKeystrokes` characters at 5 a second (the typing scenario's pace), then
 * `wireKeystrokes` in a burst, one every 15 ms. The other's socket counts every byte it receives from the first
 * keystroke of each until 500 ms after its last (y-websocket frames, without WebSocket framing). The pace matters
 * to a server that coalesces presence over an interval.
 */
export async function wireBytes(ctx: Context): Promise<Record<ServerKind, WireResult[]>> {
  const { db, scale } = ctx;
  const people = await db.people("wire", 2);
  const [storyId] = await db.stories("wire", 1, () => storyState(demoParagraphs));
  const paces = [
    { pace: "5 characters/s", keystrokes: scale.wirePacedKeystrokes, intervalMs: 200 },
    { pace: "a burst, one every 15 ms", keystrokes: scale.wireKeystrokes, intervalMs: 15 },
  ];
  const results = {} as Record<ServerKind, WireResult[]>;
  for (const kind of KINDS) {
    const server = await startServer(kind, kind === "corroborate" ? { DATABASE_URL: db.url } : {});
    try {
      if (kind === "stock") await pushDocuments(server, [storyId!], () => storyState(demoParagraphs), people[0]!);
      const [a, b] = await Promise.all(
        people.map(async (person) => openEditor(server.url, storyId!, await tokenFor(person, storyId!), person)),
      );
      await Promise.all([a!.synced, b!.synced]);
      await sleep(500);
      const caret = new Caret(a!.doc, 1, 0, 4_000);
      results[kind] = [];
      for (const { pace, keystrokes, intervalMs } of paces) {
        ctx.progress(`wire bytes: ${kind}, ${keystrokes} keystrokes at ${pace}`);
        b!.received.reset();
        for (let i = 0; i < keystrokes; i++) {
          caret.type();
          a!.provider.awareness.setLocalStateField("cursor", caret.cursor());
          await sleep(intervalMs);
        }
        await sleep(500);
        const received = b!.received;
        results[kind].push({
          pace,
          keystrokes,
          bytes: received.bytes,
          documentBytes: received.byType.get(0)?.bytes ?? 0,
          awarenessBytes: (received.byType.get(1)?.bytes ?? 0) + (received.byType.get(MESSAGE_CARETS)?.bytes ?? 0),
          frames: received.frames,
        });
      }
      a!.destroy();
      b!.destroy();
    } finally {
      await server.stop();
    }
  }
  return results;
}
