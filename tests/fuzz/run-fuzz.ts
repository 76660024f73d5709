import { performance } from "node:perf_hooks";
import type { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { readClaims } from "@/lib/claims/story-claims";
import { defineStoryDocRoots } from "@/lib/story-doc/schema";
import { summaryText, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { checkUpdate, DEFAULT_DOCUMENT_LIMITS } from "@/lib/story-doc/write-policy";
import { signCollabToken } from "@/server/auth/collab-token";
import type { CollabServer } from "@/server/collab";
import type { Logger } from "@/server/collab/logger";
import type { Persistence } from "@/server/collab/persistence";
import {
  connectProvider,
  eventually,
  openRawSocket,
  startServer,
  synced,
  TOKEN_SECRET,
} from "../support/collab-harness";
import {
  createStory,
  createUser,
  INTEGRATION_PROVIDER,
  integrationPersistence,
  integrationPrisma,
} from "../support/database";
import {
  ATTACKER_SOCKETS,
  BLOCK_FRAMES,
  blockOf,
  blockPlan,
  FrameSource,
  storyDraft,
  type BlockPlan,
  type Frame,
  type KnownBug,
} from "./frames";

/** What to fuzz: frames [start, start + frames) of the run of `seed`. */
export interface FuzzOptions {
  seed: number;
  frames: number;
  /** The first frame's index: a regression test replays a window of a run. */
  start?: number;
  /** Frames between two checks of the server, the honest clients and memory. */
  checkEvery?: number;
  /** Receives a line after every block (the CLI prints them). */
  progress?: (line: string) => void;
  /**
   * Whether an error the server did not expect (it closes the socket with 4400 and warns) ends the run. By
   * default such errors are counted in the summary: the socket is still refused, and what they may break is
   * checked on its own (convergence, loading).
   */
  failOnUnexpectedErrors?: boolean;
  /** Known bugs whose frames the run leaves out (frames.ts), so that it can find others. */
  avoid?: readonly KnownBug[];
}

/** What a run did. */
export interface FuzzSummary {
  seed: number;
  framesSent: number;
  /** How the server closed attacker sockets, by close code. */
  closes: Record<number, number>;
  /** Why, by close code and reason (made-up ids and numbers in reasons are folded). */
  reasons: Record<string, number>;
  seconds: number;
  /** The most the process's resident memory grew over its size at the start, in MB. */
  peakRssGrowthMb: number;
  /** The most the heap grew after a full collection, in MB; null when the process does not expose gc. */
  peakHeapGrowthMb: number | null;
  /** The largest stored document of the run, in MB. */
  largestDocumentMb: number;
  /** The frame after which the server was slowest to be ready for the next one. */
  slowestFrame: { index: number; kind: string; ms: number };
  /** Errors the server did not expect and refused the socket for, by message, with the first frame that caused each. */
  unexpectedErrors: Record<string, { count: number; firstAfterFrame: number }>;
}

/** A check failed: the seed and the last frame sent before it say how to replay it. */
export class FuzzFailure extends Error {
  override name = "FuzzFailure";
  constructor(
    readonly seed: number,
    readonly frame: number,
    readonly kind: string,
    reason: string,
  ) {
    super(`seed ${seed}, after frame ${frame} (${kind}): ${reason}`);
  }
}

/** How far memory may grow over a run: the server's documents are bounded by its limits, so steady growth is a leak. */
const MAX_RSS_GROWTH_MB = 400;
const MAX_HEAP_GROWTH_MB = 200;
/** How long honest clients get to see each other's typing at a check. */
const CONVERGENCE_TIMEOUT_MS = 20_000;

type Person = { id: string; name: string; role: "admin" | "editor" | "reviewer" };

/**
 * Fuzzes a real collaboration server with frames of `seed` (tests/fuzz/frames.ts). Each block of frames
 * gets a server under that block's limits, a story stored from the block's draft and two honest stock
 * y-websocket clients; its frames go over six attacker sockets (three people, tokens signed per socket),
 * reopened whenever the server closes one. Before the first frame of a block, every `checkEvery` frames and
 * at its end: the server answers /healthz and logged no error (an unexpected error that refused a socket is
 * counted, see failOnUnexpectedErrors); the honest clients were not closed and, after each types a line,
 * both see both lines and hold what the server holds; the document as it would be stored passes the write
 * policy as the server checks it when loading; memory stays bounded. After each block a new server loads
 * the block's story and reads it; after the run, every story.
 * @throws FuzzFailure naming the seed, the last frame sent and what failed.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const { seed, frames, start = 0, checkEvery = 256, progress, failOnUnexpectedErrors = false, avoid = [] } = options;
  const began = performance.now();
  const prisma = integrationPrisma();
  // SQLite commits without waiting for the disk: the claim audit writes rows for most claim edits, and a run
  // is about what the server does with frames, not about the durability of a scratch database.
  if (INTEGRATION_PROVIDER === "sqlite") await prisma.$executeRawUnsafe("PRAGMA synchronous = OFF");
  const persistence = await integrationPersistence(prisma);
  const source = new FrameSource(seed, avoid);
  const stats = new RunStats(failOnUnexpectedErrors);
  const uncaught = (error: unknown) => stats.failures.push(`uncaught: ${describeError(error)}`);
  process.on("uncaughtException", uncaught);
  process.on("unhandledRejection", uncaught);
  try {
    const honest = [await createUser(prisma, "editor", "Maya Chen"), await createUser(prisma, "editor", "Tom Okafor")];
    const attackers = [
      await createUser(prisma, "editor", "Mallory"),
      await createUser(prisma, "admin", "Eve"),
      await createUser(prisma, "reviewer", "Trudy"),
    ];
    const stories: string[] = [];
    const end = start + frames;
    for (let block = blockOf(start); block * BLOCK_FRAMES < end; block++) {
      const storyId = await createStory(prisma, []);
      await persistence.append(storyId, storyDraft(seed, block));
      stories.push(storyId);
      const range = { from: Math.max(start, block * BLOCK_FRAMES), to: Math.min(end, (block + 1) * BLOCK_FRAMES) };
      const plan = blockPlan(seed, block);
      await runBlock({ seed, plan, range, storyId, honest, attackers, persistence, source, stats, checkEvery });
      await checkStoriesLoad(persistence, [storyId], stats, seed);
      progress?.(
        `seed ${seed}: frames ${range.from}–${range.to - 1} sent (block ${block}, ${plan.limitsName} limits), ${stats.memoryLine()}, ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );
    }
    await checkStoriesLoad(persistence, stories, stats, seed);
    return stats.summary(seed, (performance.now() - began) / 1000);
  } finally {
    process.off("uncaughtException", uncaught);
    process.off("unhandledRejection", uncaught);
    await persistence.close();
    await prisma.$disconnect();
  }
}

/** Counts and failures of a run, and the frame they follow. */
class RunStats {
  framesSent = 0;
  readonly closes: Record<number, number> = {};
  readonly reasons: Record<string, number> = {};
  /** What the server logged, an honest client saw or the process threw that no check should let pass. */
  readonly failures: string[] = [];
  readonly unexpectedErrors: FuzzSummary["unexpectedErrors"] = {};
  last: Frame | null = null;
  slowest = { index: -1, kind: "", ms: 0 };
  largestDocumentBytes = 0;
  private readonly rssAtStart = process.memoryUsage().rss;
  private readonly heapAtStart = heapAfterGc();
  private peakRss = 0;
  private peakHeap: number | null = null;

  constructor(private readonly failOnUnexpectedErrors: boolean) {}

  recordUnexpectedError(message: string): void {
    if (this.failOnUnexpectedErrors) this.failures.push(message);
    // One entry per kind of error: what differs between messages of a kind (a position, a quoted excerpt) is cut.
    const key = message.replace(/ of \S+ in story \S+/, "").replace(/( in JSON| at position|[,:] ["'.`]).*$/, "…)");
    const seen = (this.unexpectedErrors[key] ??= { count: 0, firstAfterFrame: this.last?.index ?? -1 });
    seen.count += 1;
  }

  recordClose(code: number, reason: string): void {
    this.closes[code] = (this.closes[code] ?? 0) + 1;
    // Fold what differs between otherwise equal reasons (client ids, counts), so the table stays short.
    const key = `${code} ${reason.replace(/\d+/g, "N").slice(0, 100)}`;
    this.reasons[key] = (this.reasons[key] ?? 0) + 1;
  }

  /** Samples memory; returns why it is out of bounds, if it is. */
  sampleMemory(): string | null {
    const rss = mb(process.memoryUsage().rss - this.rssAtStart);
    this.peakRss = Math.max(this.peakRss, rss);
    const heap = heapAfterGc();
    if (heap !== null && this.heapAtStart !== null)
      this.peakHeap = Math.max(this.peakHeap ?? 0, mb(heap - this.heapAtStart));
    if (this.peakHeap !== null && this.peakHeap > MAX_HEAP_GROWTH_MB)
      return `the heap grew by ${this.peakHeap} MB after a full collection`;
    if (rss > MAX_RSS_GROWTH_MB) return `resident memory grew by ${rss} MB`;
    return null;
  }

  memoryLine(): string {
    return `rss +${this.peakRss} MB${this.peakHeap === null ? "" : `, heap after gc +${this.peakHeap} MB`} at most, documents up to ${documentMb(this.largestDocumentBytes)} MB`;
  }

  /** Throws the first failure seen so far, if any. */
  throwIfFailed(seed: number): void {
    const reason = this.failures[0];
    if (reason !== undefined) this.fail(seed, reason);
  }

  /** Throws a failure for the last frame sent. */
  fail(seed: number, reason: string): never {
    throw new FuzzFailure(seed, this.last?.index ?? -1, this.last?.kind ?? "before any frame", reason);
  }

  summary(seed: number, seconds: number): FuzzSummary {
    return {
      seed,
      framesSent: this.framesSent,
      closes: this.closes,
      reasons: this.reasons,
      seconds,
      peakRssGrowthMb: this.peakRss,
      peakHeapGrowthMb: this.peakHeap,
      largestDocumentMb: documentMb(this.largestDocumentBytes),
      slowestFrame: this.slowest,
      unexpectedErrors: this.unexpectedErrors,
    };
  }
}

interface BlockRun {
  seed: number;
  plan: BlockPlan;
  range: { from: number; to: number };
  storyId: string;
  honest: Person[];
  attackers: Person[];
  persistence: Persistence;
  source: FrameSource;
  stats: RunStats;
  checkEvery: number;
}

async function runBlock(run: BlockRun): Promise<void> {
  const { seed, plan, range, storyId, stats } = run;
  const { server, url } = await startServer(run.persistence, {
    limits: plan.limits,
    log: failingLogger(stats),
    // Compacted as in production: folding a document of megabytes every 50 ms would be most of the run's work.
    compactDelayMs: 10_000,
  });
  let closing = false;
  let attackers: AttackerSockets | null = null;
  const honest: WebsocketProvider[] = [];
  try {
    for (const [n, clientId] of plan.honestClientIds.entries()) {
      const person = run.honest[n]!;
      const doc = new Y.Doc();
      doc.clientID = clientId;
      const provider = connectProvider(url, storyId, await longLivedToken(person, storyId), doc);
      provider.on("connection-close", (event: CloseEvent | null) => {
        if (!closing)
          stats.failures.push(
            `honest client ${person.name} was disconnected (${event?.code ?? "no code"} ${event?.reason ?? ""})`,
          );
      });
      honest.push(provider);
    }
    await Promise.all(honest.map((provider) => synced(provider)));

    attackers = new AttackerSockets(url, storyId, run.attackers, stats);
    // Once before the first frame, so that the honest clients have written before any attacker does.
    await check(run, server, url, honest, attackers, `before frame ${range.from}`);
    for (let index = range.from; index < range.to; index++) {
      const frame = run.source.frame(index);
      const socket = await attackers.socket(frame.socket);
      const sentAt = performance.now();
      socket.send(frame.data, { binary: !frame.text });
      stats.framesSent += 1;
      stats.last = frame;
      // Hands the event loop to the server, which reads the frame before the next one is made.
      await new Promise((resolve) => setImmediate(resolve));
      const ms = performance.now() - sentAt;
      if (ms > stats.slowest.ms) stats.slowest = { index, kind: frame.kind, ms: Math.round(ms) };
      stats.throwIfFailed(seed);
      if ((index + 1 - range.from) % run.checkEvery === 0)
        await check(run, server, url, honest, attackers, `after frame ${index}`);
    }
    await check(run, server, url, honest, attackers, `after frame ${range.to - 1}`);
  } finally {
    closing = true;
    for (const provider of honest) {
      provider.destroy();
      // The provider leaves its awareness, and with it the document, to a timer that only the document's destroy stops.
      provider.doc.destroy();
    }
    attackers?.close();
    await server.close();
  }
  stats.throwIfFailed(seed);
}

/** The checks between frames: health, logged errors, honest clients converging, the stored form of the document, memory. */
async function check(
  run: BlockRun,
  server: CollabServer,
  url: string,
  honest: WebsocketProvider[],
  attackers: AttackerSockets,
  when: string,
): Promise<void> {
  const { stats, seed, storyId } = run;
  const live = server.rooms.document(storyId);
  if (!live) return stats.fail(seed, "the story's room is not open while honest clients are in it");
  // Frames still in the sockets' buffers, then on the wire, reach the server before the check: until the
  // buffers are empty and the document has not changed for a while.
  for (let before = "", now = "x"; before !== now; before = now) {
    while (attackers.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    now = `${Y.encodeStateVector(live).join()}:${live.store.pendingStructs?.update.length ?? 0}`;
  }
  stats.throwIfFailed(seed);

  const health = await fetch(`${url.replace(/^ws/, "http")}/healthz`).then(
    async (response) => (response.ok ? ((await response.json()) as { ok: boolean }).ok : false),
    () => false,
  );
  if (!health) stats.fail(seed, "GET /healthz did not answer ok");

  const maxDocumentBytes = (run.plan.limits.document ?? DEFAULT_DOCUMENT_LIMITS).maxDocumentBytes;
  // A full document refuses their typing too (4413, as it should): then they only compare what they hold.
  const lines =
    Y.encodeStateAsUpdate(live).length + 64 * 1024 < maxDocumentBytes
      ? honest.map((_, n) => `Honest ${n + 1} typed ${when}.`)
      : [];
  honest.forEach((provider, n) => {
    const line = lines[n];
    if (line === undefined) return;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(line)]);
    provider.doc.getXmlFragment(SUMMARY_FIELD).push([paragraph]);
  });
  await eventually(() => {
    // A failure seen meanwhile (an honest client disconnected) is reported below, without waiting here.
    if (stats.failures.length > 0) return;
    const expected = view(live);
    for (const provider of honest) {
      const seen = view(provider.doc);
      for (const line of lines)
        if (!seen.plain.includes(line)) throw new Error(`an honest client does not see "${line}"`);
      if (seen.plain !== expected.plain) throw new Error("an honest client's summary differs from the server's");
      if (seen.claims !== expected.claims)
        throw new Error(
          `an honest client's claims differ from the server's: ${firstDifference(seen.claims, expected.claims)}`,
        );
      if (seen.stateVector !== expected.stateVector)
        throw new Error(
          `an honest client's state vector differs from the server's: ${seen.stateVector} vs ${expected.stateVector}`,
        );
    }
  }, CONVERGENCE_TIMEOUT_MS).catch((error: unknown) =>
    stats.fail(seed, `honest clients did not converge: ${describeError(error)}`),
  );
  stats.throwIfFailed(seed);

  const verdict = storedFormVerdict(Y.encodeStateAsUpdate(live), run.plan.limits.document ?? DEFAULT_DOCUMENT_LIMITS);
  if (!verdict.ok) stats.fail(seed, `the live document would be quarantined when loaded again: ${verdict.reason}`);
  const memory = stats.sampleMemory();
  if (memory) stats.fail(seed, memory);
}

/** What two documents that converged agree on: the summary's text, the claims as read, the state vector. */
function view(doc: Y.Doc): { plain: string; claims: string; stateVector: string } {
  const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  return {
    plain: summaryText(doc).plain,
    claims: JSON.stringify(readClaims(doc)),
    stateVector: JSON.stringify(vector),
  };
}

/** Where two texts first differ, with a little of each from there. */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return `at ${at}: "${a.slice(Math.max(0, at - 60), at + 80)}" vs "${b.slice(Math.max(0, at - 60), at + 80)}"`;
}

/** The write policy's verdict on a stored state, as a room checks it when it loads the story. */
function storedFormVerdict(state: Uint8Array, limits = DEFAULT_DOCUMENT_LIMITS) {
  const scratch = new Y.Doc();
  defineStoryDocRoots(scratch);
  return checkUpdate(state, { doc: scratch, writer: "server", mayWriteAs: () => true, limits });
}

/** A new server under the default limits loads each story, and its claims and summary read without throwing. */
async function checkStoriesLoad(
  persistence: Persistence,
  storyIds: string[],
  stats: RunStats,
  seed: number,
): Promise<void> {
  const { server } = await startServer(persistence, { log: failingLogger(stats) });
  try {
    for (const storyId of storyIds) {
      const state = (await persistence.load(storyId))?.state ?? new Uint8Array();
      stats.largestDocumentBytes = Math.max(stats.largestDocumentBytes, state.length);
      const verdict = storedFormVerdict(state);
      if (!verdict.ok) stats.fail(seed, `story ${storyId}'s stored document fails the write policy: ${verdict.reason}`);
      await server.rooms
        .withDocument(storyId, (doc) => {
          readClaims(doc);
          summaryText(doc);
        })
        .catch((error: unknown) => stats.fail(seed, `story ${storyId} does not load: ${describeError(error)}`));
    }
  } finally {
    await server.close();
  }
  stats.throwIfFailed(seed);
}

/** Whose each attacker socket is: two each, so that a socket reopened before the server let its predecessor go meets a cap of two. */
const SLOT_PEOPLE = [0, 1, 2, 0, 1, 2];

/**
 * The attacker sockets of a block, one per slot (ATTACKER_SOCKETS, SLOT_PEOPLE), each signed a token of its
 * own. A socket the server closes is replaced at once, so that the frame that next needs its
 * slot seldom waits for a handshake; how the server closed each is counted.
 */
class AttackerSockets {
  private readonly slots: Array<Promise<WebSocket>>;
  private readonly live = new Set<WebSocket>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly storyId: string,
    private readonly people: Person[],
    private readonly stats: RunStats,
  ) {
    this.slots = Array.from({ length: ATTACKER_SOCKETS }, (_, slot) => this.connect(slot));
  }

  /**
   * The open socket of a slot, replaced if the server has closed it.
   * @throws Error when a new socket cannot be opened (the server is gone).
   */
  async socket(slot: number): Promise<WebSocket> {
    const socket = await this.slots[slot]!;
    if (socket.readyState === WebSocket.OPEN) return socket;
    this.slots[slot] = this.connect(slot);
    return this.slots[slot];
  }

  /** Bytes sent and not yet written to the network, over every socket. */
  get bufferedAmount(): number {
    let total = 0;
    for (const socket of this.live) total += socket.bufferedAmount;
    return total;
  }

  close(): void {
    this.closed = true;
    for (const socket of this.live) socket.terminate();
  }

  private connect(slot: number): Promise<WebSocket> {
    const opening = (async () => {
      const socket = await openRawSocket(
        this.url,
        this.storyId,
        await longLivedToken(this.people[SLOT_PEOPLE[slot]!]!, this.storyId),
      );
      this.live.add(socket);
      // A socket the server cut off without a close frame reports an error, then closes.
      socket.on("error", () => undefined);
      socket.on("close", (code, reason) => {
        this.live.delete(socket);
        if (this.closed) return;
        this.stats.recordClose(code, reason.toString());
        if (this.slots[slot] === opening) this.slots[slot] = this.connect(slot);
      });
      if (this.closed) socket.terminate();
      return socket;
    })();
    // Awaited when its slot is next used; until then a failure must not count as unhandled.
    opening.catch(() => undefined);
    return opening;
  }
}

/** Logs of the server under fuzzing: an unexpected error or a failed store is a finding; refusals are not. */
function failingLogger(stats: RunStats): Logger {
  return {
    info() {},
    warn(message, error) {
      // `ws` reports a frame it refuses itself (too big, bad UTF-8) as a socket error, then closes the socket.
      if (message.startsWith("socket error")) return;
      const warning = `the server warned: ${message}${error ? ` (${describeError(error)})` : ""}`;
      if (message.startsWith("unexpected error")) stats.recordUnexpectedError(warning);
      else stats.failures.push(warning);
    },
    error(message, error) {
      stats.failures.push(`the server logged an error: ${message}${error ? ` (${describeError(error)})` : ""}`);
    },
  };
}

function longLivedToken(person: Person, storyId: string): Promise<string> {
  // Long-lived, so that no socket of a long run is closed for an expired token (each token opens one socket).
  return signCollabToken({ userId: person.id, name: person.name, role: person.role, storyId }, TOKEN_SECRET, 24 * 3600);
}

function heapAfterGc(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed;
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function documentMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
