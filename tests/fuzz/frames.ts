import * as encoding from "lib0/encoding";
import * as prng from "lib0/prng";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { markClaimSpan } from "@/lib/anchoring/claim-spans";
import { ASSISTANT_DISMISSALS_FIELD, dismissFlag } from "@/lib/assistant/dismissals";
import {
  addComment,
  addQuote,
  claimsMap,
  createClaim,
  deleteClaim,
  setClaimStatusAsEditor,
} from "@/lib/claims/story-claims";
import { parseAggregatorPage } from "@/lib/import/aggregator-page";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { AUTHORSHIP_FIELD } from "@/lib/story-doc/authorship";
import { SOURCE_REVISIONS_FIELD, recordSourceRevision } from "@/lib/story-doc/source-revisions";
import { summaryText, SUMMARY_FIELD, writeSummaryParagraphs } from "@/lib/story-doc/summary";
import { DEFAULT_DOCUMENT_LIMITS } from "@/lib/story-doc/write-policy";
import { DEFAULT_LIMITS, type CollabLimits } from "@/server/collab/limits";
import { awarenessMessage, syncUpdateMessage } from "@/server/collab/protocol";
import { seedFile } from "../support/seed-files";
import { HOSTILE_DEPTH, nestElements, nestMaps, pushNestedMap } from "../support/hostile-document";

/**
 * Frames served by one collaboration server, on one story of their own, under one set of limits: run-fuzz.ts
 * starts a server and a story from its draft for each block, so a window of frames replays against the same
 * story it first ran against, whatever came before its block.
 */
export const BLOCK_FRAMES = 2_048;
/** Frames over which the shadow editor keeps one Yjs client id and one history before it starts again from the draft. */
const EPOCH_FRAMES = 64;
/**
 * The attacker sockets a block's frames are spread over. The first two carry what a client may send (edits,
 * presence, queries, requests for the document), so that they stay open long enough to meet the rate
 * limits; the others carry the rest and are closed all the time.
 */
export const ATTACKER_SOCKETS = 6;
const STEADY_SOCKETS = 2;

/**
 * The limits of the odd blocks (the even ones keep the defaults): small budgets, so that a block meets the
 * rate limits (messages, bytes, requests for the document), the frame size limit, the per-person socket cap
 * and the document size limit and its counts.
 */
export const TIGHT_LIMITS: Partial<CollabLimits> = {
  maxPayloadBytes: 256 * 1024,
  // Above what an honest stock client sends while others change presence: it echoes every presence update it receives.
  messagesPerSecond: 40,
  messageBurst: 60,
  bytesPerSecond: 128 * 1024,
  byteBurst: 256 * 1024,
  syncRequestsPerMinute: 2,
  syncRequestBurst: 1,
  maxSocketsPerUser: 2,
  document: {
    ...DEFAULT_DOCUMENT_LIMITS,
    maxDocumentBytes: 512 * 1024,
    maxClaims: 40,
    maxQuotesPerClaim: 12,
    maxCommentsPerClaim: 12,
    maxDismissals: 30,
  },
};

/**
 * Frames that tripped a bug, which a run can leave out while the bug is open so that it finds others; each has
 * a regression test in tests/integration/server/collab/fuzz.test.ts, which replays its frames with the
 * options it was found with.
 * - `reused-client-ids` (fixed): other content under Yjs client ids that already have some at those clocks
 *   (the honest clients', the shadow editor's, also by mutating frames that carry its history, and a pool of
 *   ids shared by frames). Left out, every attacking frame writes under ids of its own.
 * - `parked-updates` (fixed): updates Yjs cannot integrate yet, which it would keep in its pending store (a
 *   clock gap: the shadow editor's frames after one the server never read; a struct whose predecessor was not
 *   sent). Left out, the shadow editor's frames carry everything since the draft.
 * - `presence-flood` (fixed): one awareness update setting the presence of many client ids. Left out, it sets two.
 */
export const KNOWN_BUGS = ["reused-client-ids", "parked-updates", "presence-flood"] as const;
export type KnownBug = (typeof KNOWN_BUGS)[number];

/** One frame of a run: what an attacker socket sends, and which of the block's sockets sends it. */
export interface Frame {
  index: number;
  /** What the generator meant to send (`edit`, `hostile:deep-claim`, `mutation:truncate(awareness)`, …), for summaries and failures. */
  kind: string;
  socket: number;
  data: Uint8Array;
  /** Sent as a WebSocket text frame (its bytes need not be UTF-8). */
  text: boolean;
}

/** What a block of frames runs against: its server's limits and the Yjs ids of its two honest clients. */
export interface BlockPlan {
  block: number;
  limitsName: "default" | "tight";
  limits: Partial<CollabLimits>;
  honestClientIds: [number, number];
}

/** A 32-bit hash of a few integers (FNV-1a over their words, then murmur3's finaliser): the seeds of a run's parts. */
function hash32(...values: number[]): number {
  let hash = 0x811c9dc5;
  for (const value of values) {
    hash = Math.imul(hash ^ (value >>> 0), 0x01000193);
    hash = Math.imul(hash ^ Math.floor(value / 0x1_0000_0000), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  // lib0's xoroshiro stays at zero from a zero seed.
  return hash >>> 0 || 1;
}

/** Salts, so that the ids and generators of different parts of a run never share a seed. */
const Salt = { frame: 1, story: 2, honest: 3, shadow: 4, pool: 5 } as const;

/** The block a frame belongs to, and what that block runs against. */
export function blockPlan(seed: number, block: number): BlockPlan {
  return {
    block,
    limitsName: block % 2 === 0 ? "default" : "tight",
    limits: block % 2 === 0 ? {} : TIGHT_LIMITS,
    honestClientIds: [hash32(seed, Salt.honest, block, 0), hash32(seed, Salt.honest, block, 1)],
  };
}

/** The block of a frame index. */
export function blockOf(index: number): number {
  return Math.floor(index / BLOCK_FRAMES);
}

// Real text, never lorem ipsum: the seed story's summary is the draft; its four articles are what editors
// type, paste and quote.
const SUMMARY_PARAGRAPHS = parseAggregatorPage(seedFile("000")).summary;
const ARTICLES = ["001", "002", "003", "004"].map((number) => ({
  sourceId: `source-${number}`,
  text: seedFile(number),
}));
const WORDS = ARTICLES.flatMap(({ text }) => text.split(/\s+/).filter((word) => word.length > 0));
const PEOPLE = [
  { id: "u-maya", name: "Maya Chen" },
  { id: "u-tom", name: "Tom Okafor" },
];
const DRAFT_CLAIM = "claim-draft";
const BASE_TIME = Date.parse("2026-11-23T10:00:00.000Z");

/**
 * The stored first draft of a block's story: the seed story's summary, a claim with a quote and the four
 * sources' revisions (a server-written root), written under a Yjs client id taken from the seed and the
 * block so that every frame's references to the draft are the same on every run.
 */
export function storyDraft(seed: number, block: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = hash32(seed, Salt.story, block);
  writeSummaryParagraphs(doc, SUMMARY_PARAGRAPHS);
  createClaim(doc, { id: DRAFT_CLAIM, by: PEOPLE[0]!, at: new Date(BASE_TIME) });
  markClaimSpan(doc, DRAFT_CLAIM, 4, 40);
  const source = ARTICLES[0]!;
  addQuote(doc, DRAFT_CLAIM, {
    id: "quote-draft",
    sourceId: source.sourceId,
    selector: createQuoteSelector(source.text, 0, 60),
    stance: "supports",
    note: "",
    addedBy: PEOPLE[0]!,
    addedAt: new Date(BASE_TIME).toISOString(),
  });
  for (const { sourceId } of ARTICLES) recordSourceRevision(doc, sourceId, 1);
  return Y.encodeStateAsUpdate(doc);
}

type Gen = prng.PRNG;

/** Runs one of `actions`, each as likely. */
function perform(gen: Gen, actions: Array<() => unknown>): void {
  prng.oneOf(gen, actions)();
}

/** Picks one of `choices` with probability proportional to its weight. */
function weighted<T>(gen: Gen, choices: ReadonlyArray<readonly [number, T]>): T {
  const total = choices.reduce((sum, [weight]) => sum + weight, 0);
  let draw = prng.real53(gen) * total;
  for (const [weight, choice] of choices) {
    draw -= weight;
    if (draw < 0) return choice;
  }
  return choices[choices.length - 1]![1];
}

/** An integer between 1 and `max`, uniform in its logarithm: mostly small, now and then near `max`. */
function logUniform(gen: Gen, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(Math.exp(prng.real53(gen) * Math.log(max + 1)))));
}

/** Words of the seed articles, `length` characters of them (cut to fit). */
function articleText(gen: Gen, length: number): string {
  let text = "";
  let at = prng.int32(gen, 0, WORDS.length - 1);
  while (text.length < length) {
    text += `${WORDS[at % WORDS.length]} `;
    at += 1;
  }
  return text.slice(0, length);
}

function frameOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync message carrying a Yjs update: as an update (what a typing client sends) or as sync step 2 (its answer to step 1). */
function updateFrame(gen: Gen, update: Uint8Array): Uint8Array {
  if (prng.bool(gen)) return syncUpdateMessage(update);
  return frameOf((encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/**
 * The honest editor inside the generator: a client document on the story's draft that types, pastes, marks
 * claims, quotes, comments and dismisses flags through the app's own functions. It lives for one epoch; its
 * frames carry either its last change or everything since the draft, so a frame the server never read (its
 * socket was closed first) is repaired by a later one.
 */
class ShadowEditor {
  readonly doc = new Y.Doc();
  private readonly draftVector: Uint8Array;
  private cursor: { text: Y.XmlText; at: number } | null = null;
  private readonly claims: string[] = [DRAFT_CLAIM];
  private encoded: Uint8Array | null = null;

  /** @param sendsHistory Whether every frame carries everything since `start`, never the last edit alone. */
  constructor(
    start: Uint8Array,
    clientId: number,
    private readonly sendsHistory = false,
  ) {
    Y.applyUpdate(this.doc, start);
    // Set after applying: Yjs gives a document a random id when an update brings structs under its own.
    this.doc.clientID = clientId;
    this.draftVector = Y.encodeStateVector(this.doc);
  }

  /** Makes one edit; returns what it was and the frame that sends it. */
  edit(gen: Gen, index: number): { kind: string; data: Uint8Array } {
    const { kind, update } = this.write(gen, index);
    return { kind: `edit:${kind}`, data: updateFrame(gen, update) };
  }

  /** Makes one edit; returns what it was and the update: mostly the edit alone, sometimes everything since the draft. */
  write(gen: Gen, index: number): { kind: string; update: Uint8Array } {
    const before = Y.encodeStateVector(this.doc);
    this.encoded = null;
    const kind = this.change(gen, index);
    const alone = prng.int32(gen, 0, 9) < 7 && !this.sendsHistory;
    return { kind, update: Y.encodeStateAsUpdate(this.doc, alone ? before : this.draftVector) };
  }

  /** The editor's document so far, for a hostile writer to start from. */
  state(): Uint8Array {
    this.encoded ??= Y.encodeStateAsUpdate(this.doc);
    return this.encoded;
  }

  get draftStateVector(): Uint8Array {
    return this.draftVector;
  }

  private change(gen: Gen, index: number): string {
    const at = new Date(BASE_TIME + index * 1_000);
    const by = prng.oneOf(gen, PEOPLE);
    const claimId = prng.oneOf(gen, this.claims);
    const edit = weighted(gen, [
      [35, "type"],
      [10, "move"],
      [8, "delete"],
      [6, "paragraph"],
      [4, "paste"],
      [4, "format"],
      [8, "claim"],
      [8, "quote"],
      [6, "comment"],
      [4, "status"],
      [3, "dismiss"],
      [2, "delete-claim"],
    ] as const);
    try {
      switch (edit) {
        case "move":
          this.cursor = null;
          this.type(gen, articleText(gen, prng.int32(gen, 1, 40)));
          return edit;
        case "type":
          this.type(gen, articleText(gen, prng.int32(gen, 1, 40)));
          return edit;
        case "paste":
          this.type(gen, articleText(gen, logUniform(gen, DEFAULT_DOCUMENT_LIMITS.maxStringLength)));
          return edit;
        case "delete": {
          const segment = this.segment(gen);
          if (!segment || segment.length === 0) break;
          const from = prng.int32(gen, 0, segment.length - 1);
          segment.text.delete(from, Math.min(segment.length - from, prng.int32(gen, 1, 20)));
          return edit;
        }
        case "paragraph": {
          const fragment = this.doc.getXmlFragment(SUMMARY_FIELD);
          const paragraph = new Y.XmlElement("paragraph");
          const text = new Y.XmlText(articleText(gen, prng.int32(gen, 10, 200)));
          paragraph.insert(0, [text]);
          fragment.insert(prng.int32(gen, 0, fragment.length), [paragraph]);
          this.cursor = { text, at: text.length };
          return edit;
        }
        case "format": {
          const segment = this.segment(gen);
          if (!segment || segment.length === 0) break;
          const from = prng.int32(gen, 0, segment.length - 1);
          segment.text.format(from, Math.min(segment.length - from, prng.int32(gen, 1, 30)), {
            [prng.oneOf(gen, ["bold", "italic"])]: true,
          });
          return edit;
        }
        case "claim": {
          const plain = summaryText(this.doc).plain;
          if (plain.length < 2) break;
          const id = `claim-${index}`;
          const start = prng.int32(gen, 0, plain.length - 2);
          createClaim(this.doc, { id, by, at });
          markClaimSpan(this.doc, id, start, Math.min(plain.length, start + prng.int32(gen, 1, 60)));
          this.claims.push(id);
          return edit;
        }
        case "quote": {
          const { sourceId, text } = prng.oneOf(gen, ARTICLES);
          const start = prng.int32(gen, 0, text.length - 100);
          addQuote(this.doc, claimId, {
            id: `quote-${index}`,
            sourceId,
            selector: createQuoteSelector(text, start, start + prng.int32(gen, 20, 99)),
            stance: prng.oneOf(gen, ["supports", "contradicts", "context"] as const),
            note: articleText(gen, logUniform(gen, 2_000)),
            addedBy: by,
            addedAt: at.toISOString(),
          });
          return edit;
        }
        case "comment":
          addComment(this.doc, claimId, {
            id: `comment-${index}`,
            body: articleText(gen, logUniform(gen, 4_000)).trim() || "Checked.",
            author: by,
            createdAt: at.toISOString(),
          });
          return edit;
        case "status": {
          const status = claimsMap(this.doc).get(claimId)?.get("status");
          setClaimStatusAsEditor(this.doc, claimId, status === "draft" ? "needs_review" : "draft");
          return edit;
        }
        case "dismiss":
          dismissFlag(this.doc, `single_source:${claimId}:${prng.int32(gen, 0, 99)}`, {
            reason: articleText(gen, prng.int32(gen, 5, 300)).trim() || "Enough.",
            by,
            at: at.toISOString(),
          });
          return edit;
        case "delete-claim":
          if (claimId === DRAFT_CLAIM) break;
          deleteClaim(this.doc, claimId);
          this.claims.splice(this.claims.indexOf(claimId), 1);
          return edit;
      }
    } catch {
      // An operation the editor's state refuses (a claim another frame deleted, a status an editor may not
      // set): the editor types instead, as a person would.
    }
    this.type(gen, articleText(gen, prng.int32(gen, 1, 12)));
    return `${edit}:typed`;
  }

  /** Types at the cursor, which then follows the text, as in an editor; picks a new place when it has none. */
  private type(gen: Gen, words: string): void {
    if (!this.cursor || this.cursor.text._item?.deleted || this.cursor.at > this.cursor.text.length) {
      const segment = this.segment(gen);
      if (!segment) {
        const paragraph = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        this.doc.getXmlFragment(SUMMARY_FIELD).push([paragraph]);
        this.cursor = { text, at: 0 };
      } else this.cursor = { text: segment.text, at: prng.int32(gen, 0, segment.length) };
    }
    this.cursor.text.insert(this.cursor.at, words);
    this.cursor.at += words.length;
  }

  private segment(gen: Gen): { text: Y.XmlText; length: number } | undefined {
    const { segments } = summaryText(this.doc);
    return segments.length === 0 ? undefined : prng.oneOf(gen, segments);
  }
}

/** The frames of a run: frame `index` is a function of the run's seed and the index alone. */
export class FrameSource {
  private shadow: { epoch: number; next: number; editor: ShadowEditor } | null = null;

  /** @param avoid Known bugs whose frames this run leaves out. */
  constructor(
    readonly seed: number,
    private readonly avoid: readonly KnownBug[] = [],
  ) {}

  /** Frame `index`. Fastest in increasing order; any other order replays the shadow editor's epoch up to it. */
  frame(index: number): Frame {
    const editor = this.editorAt(index);
    const gen = this.generator(index);
    const { kind, socket } = frameHead(gen);
    this.shadow!.next = index + 1;
    if (kind === "edit") return { index, socket, text: false, ...editor.edit(gen, index) };
    return { index, socket, ...this.attack(gen, kind, index, editor) };
  }

  private generator(index: number): Gen {
    return prng.create(hash32(this.seed, Salt.frame, index));
  }

  /**
   * The shadow editor as it is just before frame `index`, replaying the edits of its epoch when needed. An
   * epoch lies within one block (BLOCK_FRAMES is a multiple of EPOCH_FRAMES), so it edits one story.
   */
  private editorAt(index: number): ShadowEditor {
    const epoch = Math.floor(index / EPOCH_FRAMES);
    if (!this.shadow || this.shadow.epoch !== epoch || this.shadow.next > index) {
      const draft = storyDraft(this.seed, blockOf(index));
      const editor = new ShadowEditor(
        draft,
        hash32(this.seed, Salt.shadow, epoch),
        this.avoid.includes("parked-updates"),
      );
      this.shadow = { epoch, next: epoch * EPOCH_FRAMES, editor };
    }
    for (; this.shadow.next < index; this.shadow.next++) {
      const gen = this.generator(this.shadow.next);
      if (frameHead(gen).kind === "edit") this.shadow.editor.edit(gen, this.shadow.next);
    }
    return this.shadow.editor;
  }

  private attack(
    gen: Gen,
    kind: FrameKind,
    index: number,
    editor: ShadowEditor,
  ): { kind: string; data: Uint8Array; text: boolean } {
    const plan = blockPlan(this.seed, blockOf(index));
    const maxPayloadBytes = plan.limits.maxPayloadBytes ?? DEFAULT_LIMITS.maxPayloadBytes;
    const reuse = !this.avoid.includes("reused-client-ids");
    const connected = [...plan.honestClientIds, hash32(this.seed, Salt.shadow, Math.floor(index / EPOCH_FRAMES))];
    const clientIds = {
      // Presence may name any id: whose it is, is the server's to decide.
      connected,
      taken: reuse ? connected : [],
      pool: Array.from({ length: 8 }, (_, n) =>
        reuse ? hash32(this.seed, Salt.pool, n) : hash32(this.seed, Salt.pool, index, n),
      ),
    };
    const clientId = (): number =>
      weighted(gen, [
        [60, () => prng.uint32(gen, 1, 0xffff_ffff)],
        [25, () => prng.oneOf(gen, clientIds.pool)],
        [reuse ? 12 : 0, () => prng.oneOf(gen, clientIds.taken)],
        [3, () => prng.int53(gen, 2 ** 32, Number.MAX_SAFE_INTEGER)],
      ] as const)();
    const base = (
      baseKind: Exclude<FrameKind, "mutation" | "oversized">,
    ): { kind: string; data: Uint8Array; text: boolean } => {
      switch (baseKind) {
        case "edit": {
          // A copy of the editor, so that a mutated edit does not change what the editor's later frames build on.
          const copy = new ShadowEditor(editor.state(), prng.oneOf(gen, clientIds.pool));
          return { ...copy.edit(gen, index), text: false };
        }
        case "hostile": {
          const { kind: hostileKind, update } = hostileUpdate(gen, index, editor, {
            clientId: clientId(),
            taken: clientIds.taken,
            withHistory: reuse,
            gaps: !this.avoid.includes("parked-updates"),
          });
          return { kind: `hostile:${hostileKind}`, data: updateFrame(gen, update), text: false };
        }
        case "awareness": {
          const { kind: awarenessKind, update } = awarenessUpdate(
            gen,
            clientId,
            clientIds.connected,
            this.avoid.includes("presence-flood") ? 2 : 5_000,
          );
          return { kind: `awareness:${awarenessKind}`, data: awarenessMessage(update), text: false };
        }
        case "sync-request": {
          const { kind: requestKind, vector } = stateVector(gen, editor, clientId);
          const data = frameOf((encoder) => {
            encoding.writeVarUint(encoder, 0);
            encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
            encoding.writeVarUint8Array(encoder, vector);
          });
          return { kind: `sync-request:${requestKind}`, data, text: false };
        }
        case "query-awareness":
          return { kind: "query-awareness", data: Uint8Array.of(3), text: false };
        case "garbage":
          return garbage(gen);
      }
    };
    if (kind === "mutation") {
      const original = base(
        weighted(gen, [
          [30, "edit"],
          [30, "hostile"],
          [20, "awareness"],
          [15, "sync-request"],
          [5, "query-awareness"],
        ] as const),
      );
      const { kind: mutationKind, data } = mutate(gen, original.data);
      return { kind: `mutation:${mutationKind}(${original.kind.split(":")[0]})`, data, text: original.text };
    }
    if (kind === "oversized") return oversized(gen, maxPayloadBytes);
    return base(kind);
  }
}

type FrameKind =
  "edit" | "hostile" | "awareness" | "sync-request" | "query-awareness" | "garbage" | "mutation" | "oversized";

/** The first draws of a frame's generator: what kind of frame it is and which socket sends it. */
function frameHead(gen: Gen): { kind: FrameKind; socket: number } {
  const kind = weighted(gen, [
    [340, "edit"],
    [220, "hostile"],
    [120, "awareness"],
    [30, "sync-request"],
    [20, "query-awareness"],
    [40, "garbage"],
    [229, "mutation"],
    [1, "oversized"],
  ] as const);
  const steady = kind === "edit" || kind === "awareness" || kind === "query-awareness" || kind === "sync-request";
  return {
    kind,
    socket: steady ? prng.int32(gen, 0, STEADY_SOCKETS - 1) : prng.int32(gen, STEADY_SOCKETS, ATTACKER_SOCKETS - 1),
  };
}

/**
 * A well-formed Yjs update, made with a real Y.Doc, that the write policy must refuse or that tests what it
 * lets through: written on a copy of the shadow editor's document under `clientId`, and sent as the change
 * alone or, `withHistory`, now and then together with the editor's history since the draft. `taken` are ids
 * of connected clients to write under (none: that kind writes under `clientId`); `gaps`, whether a change
 * may come without its first part.
 */
function hostileUpdate(
  gen: Gen,
  index: number,
  editor: ShadowEditor,
  { clientId, taken, withHistory, gaps }: { clientId: number; taken: number[]; withHistory: boolean; gaps: boolean },
): { kind: string; update: Uint8Array } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, editor.state());
  doc.clientID = clientId;
  const before = Y.encodeStateVector(doc);
  const claims = claimsMap(doc);
  const claimIds = [...claims.keys()];
  const anyClaim = () => claims.get(prng.oneOf(gen, claimIds));
  const fragment = doc.getXmlFragment(SUMMARY_FIELD);
  const depth = () => logUniform(gen, HOSTILE_DEPTH);
  const kind = weighted(gen, [
    [8, "deep-claim"],
    [5, "deep-in-claim"],
    [8, "map-in-quotes"],
    [6, "server-root"],
    [4, "server-root-delete"],
    [6, "unknown-root"],
    [3, "huge-string"],
    [5, "huge-value"],
    [6, "deep-value"],
    [6, "status"],
    [5, "claim-shape"],
    [6, "summary-shape"],
    [4, "deep-summary"],
    [6, "taken-client"],
    [3, "many-entries"],
    [gaps ? 4 : 0, "clock-gap"],
    [4, "garbage-deletes"],
  ] as const);
  const quotesOf = (claim: Y.Map<unknown> | undefined) => claim?.get("quotes");
  switch (kind) {
    case "deep-claim":
      nestMaps(claims as Y.Map<unknown>, `claim-deep-${prng.uint32(gen, 0, 1e6)}`, depth());
      break;
    case "deep-in-claim": {
      const claim = anyClaim();
      if (claim) nestMaps(claim, prng.oneOf(gen, ["extra", "status", "quotes", "createdBy"]), depth());
      break;
    }
    case "map-in-quotes": {
      const quotes = quotesOf(anyClaim());
      if (quotes instanceof Y.Array) pushNestedMap(quotes, depth());
      break;
    }
    case "server-root":
      if (prng.bool(gen))
        doc.getMap(SOURCE_REVISIONS_FIELD).set(prng.oneOf(gen, ARTICLES).sourceId, prng.int32(gen, 2, 99));
      else
        doc
          .getMap(AUTHORSHIP_FIELD)
          .set(`claim:${prng.oneOf(gen, claimIds)}`, { by: { id: "u-mallory", name: "Maya Chen" }, contributors: [] });
      break;
    case "server-root-delete": {
      const revisions = doc.getMap(SOURCE_REVISIONS_FIELD);
      revisions.delete(prng.oneOf(gen, [...revisions.keys(), "source-001"]));
      break;
    }
    case "unknown-root":
      perform(gen, [
        () => doc.getMap(prng.oneOf(gen, ["hijack", "__proto__", "claims ", "Summary"])).set("x", articleText(gen, 20)),
        () => doc.getText("prosemirror").insert(0, articleText(gen, 50)),
        () => doc.getArray("versions").push([{ number: 99 }]),
        () => doc.getXmlFragment("default").insert(0, [new Y.XmlText("unbound")]),
      ]);
      break;
    case "huge-string": {
      const length = Math.floor(DEFAULT_DOCUMENT_LIMITS.maxStringLength * (0.9 + prng.real53(gen) * 0.6));
      const segments = summaryText(doc).segments;
      if (segments.length > 0) prng.oneOf(gen, segments).text.insert(0, articleText(gen, length));
      break;
    }
    case "huge-value": {
      const huge = articleText(gen, Math.floor(DEFAULT_DOCUMENT_LIMITS.maxValueLength * (0.8 + prng.real53(gen) * 2)));
      perform(gen, [
        () => anyClaim()?.set("createdBy", { id: "u-maya", name: huge }),
        () => (quotesOf(anyClaim()) as Y.Array<unknown> | undefined)?.push([{ id: "q-huge", note: huge }]),
        () =>
          doc
            .getMap(ASSISTANT_DISMISSALS_FIELD)
            .set("flag:huge", { reason: huge, by: PEOPLE[0]!, at: new Date(BASE_TIME).toISOString() }),
        () => summaryText(doc).segments[0]?.text.format(0, 1, { link: { href: huge } }),
      ]);
      break;
    }
    case "deep-value": {
      let value: unknown = "the bottom";
      for (let level = logUniform(gen, 3_000); level > 0; level--) value = prng.bool(gen) ? { next: value } : [value];
      perform(gen, [
        () => anyClaim()?.set("createdBy", value),
        () => (quotesOf(anyClaim()) as Y.Array<unknown> | undefined)?.push([value]),
        () => doc.getMap(ASSISTANT_DISMISSALS_FIELD).set("flag:deep", value),
        () => (fragment.get(0) as Y.XmlElement | undefined)?.setAttribute("data", value as string),
      ]);
      break;
    }
    case "status":
      anyClaim()?.set(
        "status",
        prng.oneOf(gen, ["approved", "rejected", "APPROVED", "", null, 1, { status: "approved" }]),
      );
      break;
    case "claim-shape": {
      const id = prng.oneOf(gen, [`claim-shape-${prng.uint32(gen, 0, 1e6)}`, "bad id!", "x".repeat(300), ""]);
      perform(gen, [
        () => claims.set(id, "a claim as a string" as unknown as Y.Map<unknown>),
        () => claims.set(id, new Y.Array() as unknown as Y.Map<unknown>),
        () => {
          const entry = new Y.Map<unknown>();
          entry.set("quotes", new Y.Map());
          entry.set("comments", new Y.Text("not a list"));
          claims.set(id, entry);
        },
        () => anyClaim()?.set(prng.oneOf(gen, ["id", "createdAt", "unknownField"]), [1, 2, 3]),
      ]);
      break;
    }
    case "summary-shape":
      perform(gen, [
        () => summaryText(doc).segments[0]?.text.insertEmbed(0, { image: "https://example.invalid/x.png" }),
        () => fragment.insert(0, [new Y.XmlElement(prng.oneOf(gen, ["script", "iframe", "paragraph ", "image"]))]),
        () =>
          summaryText(doc).segments[0]?.text.format(0, 3, {
            [prng.oneOf(gen, ["onclick", "claim--short", "style", "claim--AAAAAAAA"])]: { id: "x" },
          }),
        () => fragment.insert(0, [new Y.XmlHook("hook") as unknown as Y.XmlElement]),
        () => (fragment.get(0) as Y.XmlElement | undefined)?.insert(0, [new Y.Map() as unknown as Y.XmlText]),
      ]);
      break;
    case "deep-summary":
      nestElements(fragment, logUniform(gen, 2_000));
      break;
    case "taken-client":
      // Plausible content under the id of an honest client or of the shadow editor: the wrong owner.
      return {
        kind,
        update: new ShadowEditor(editor.state(), taken.length > 0 ? prng.oneOf(gen, taken) : clientId).write(gen, index)
          .update,
      };
    case "many-entries": {
      const quotes = quotesOf(anyClaim());
      // Mostly a handful, now and then one over the default limits (every claim created costs the audit a row).
      const count = prng.int32(gen, 0, 3) === 0 ? 2_001 + logUniform(gen, 500) : logUniform(gen, 60);
      perform(gen, [
        () =>
          doc.transact(() => {
            for (let n = 0; n < count; n++)
              createClaim(doc, { id: `claim-many-${n}`, by: PEOPLE[1]!, at: new Date(BASE_TIME) });
          }),
        () =>
          quotes instanceof Y.Array && quotes.push(Array.from({ length: count }, (_, n) => ({ id: `q-many-${n}` }))),
        () =>
          doc.transact(() => {
            for (let n = 0; n < count; n++) doc.getMap(ASSISTANT_DISMISSALS_FIELD).set(`flag:${n}`, { reason: "no" });
          }),
      ]);
      break;
    }
    case "clock-gap": {
      // A change whose earlier part never arrives: its structs wait in the document's pending store.
      summaryText(doc).segments[0]?.text.insert(0, articleText(gen, prng.int32(gen, 1, 50)));
      const gap = Y.encodeStateVector(doc);
      const segments = summaryText(doc).segments;
      if (segments.length > 0) prng.oneOf(gen, segments).text.insert(0, articleText(gen, prng.int32(gen, 1, 50)));
      return { kind, update: Y.encodeStateAsUpdate(doc, gap) };
    }
    case "garbage-deletes":
      return { kind, update: deleteSetUpdate(gen, clientId) };
  }
  return { kind, update: Y.encodeStateAsUpdate(doc, withHistory && prng.bool(gen) ? editor.draftStateVector : before) };
}

/** An update of no structs and a delete set of random ranges (Yjs's v1 encoding), mostly of clocks nobody wrote. */
function deleteSetUpdate(gen: Gen, clientId: number): Uint8Array {
  return frameOf((encoder) => {
    encoding.writeVarUint(encoder, 0);
    const clients = prng.int32(gen, 1, 8);
    encoding.writeVarUint(encoder, clients);
    for (let c = 0; c < clients; c++) {
      encoding.writeVarUint(encoder, c === 0 ? clientId : prng.uint32(gen, 0, 0xffff_ffff));
      const ranges = logUniform(gen, 500);
      encoding.writeVarUint(encoder, ranges);
      let clock = prng.int32(gen, 0, 1_000);
      for (let r = 0; r < ranges; r++) {
        encoding.writeVarUint(encoder, clock);
        const length = prng.int32(gen, 1, 100);
        encoding.writeVarUint(encoder, length);
        clock += length + prng.int32(gen, 1, 100);
      }
    }
  });
}

/**
 * An awareness update as y-protocols encodes it (count, then client id, clock and JSON state each), valid or
 * not, with presence for up to `most` client ids.
 */
function awarenessUpdate(
  gen: Gen,
  clientId: () => number,
  taken: number[],
  most: number,
): { kind: string; update: Uint8Array } {
  const kind = weighted(gen, [
    [30, "presence"],
    [15, "forged"],
    [10, "left"],
    [8, "huge"],
    [12, "invalid-json"],
    [8, "not-an-object"],
    [7, "many"],
    [10, "clocks"],
  ] as const);
  const presence = () => ({
    user: {
      name: prng.oneOf(gen, ["Maya Chen", "Rosa Lindqvist", "Ada Admin"]),
      color: prng.oneOf(gen, ["#175cd3", "#c11574", "red"]),
    },
    cursor: { anchor: prng.int32(gen, 0, 2_000), head: prng.int32(gen, 0, 2_000) },
  });
  const entries: Array<{ clientId: number; clock: number; json: string }> = [];
  const add = (id: number, state: unknown, clock = prng.int32(gen, 0, 1_000)) =>
    entries.push({ clientId: id, clock, json: JSON.stringify(state) });
  switch (kind) {
    case "presence":
      add(clientId(), presence());
      break;
    case "forged":
      add(prng.oneOf(gen, taken), presence(), prng.int32(gen, 1_000, 1e6));
      break;
    case "left":
      add(prng.bool(gen) ? prng.oneOf(gen, taken) : clientId(), null, prng.int32(gen, 1_000, 1e6));
      break;
    case "huge":
      add(clientId(), { ...presence(), note: articleText(gen, logUniform(gen, 1_000_000)) });
      break;
    case "invalid-json":
      entries.push({
        clientId: clientId(),
        clock: 1,
        json: prng.oneOf(gen, ["{", "undefined", '{"user":', "NaN", "'single'", "", "\u0000"]),
      });
      break;
    case "not-an-object":
      add(clientId(), prng.oneOf(gen, [1, "state", [1, 2], true, [{ user: "x" }]]));
      break;
    case "many":
      for (let n = logUniform(gen, most); n > 0; n--) add(clientId(), presence());
      break;
    case "clocks":
      add(clientId(), presence(), prng.oneOf(gen, [0, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER]));
      break;
  }
  return {
    kind,
    update: frameOf((encoder) => {
      encoding.writeVarUint(encoder, entries.length);
      for (const entry of entries) {
        encoding.writeVarUint(encoder, entry.clientId);
        encoding.writeVarUint(encoder, entry.clock);
        encoding.writeVarString(encoder, entry.json);
      }
    }),
  };
}

/** The state vector of a sync step 1: a real one, an empty one, or one of made-up clients and clocks. */
function stateVector(gen: Gen, editor: ShadowEditor, clientId: () => number): { kind: string; vector: Uint8Array } {
  const kind = weighted(gen, [
    [50, "real"],
    [10, "empty"],
    [15, "made-up"],
    [15, "garbage"],
    [10, "huge"],
  ] as const);
  switch (kind) {
    case "real":
      return { kind, vector: prng.bool(gen) ? Y.encodeStateVector(editor.doc) : editor.draftStateVector };
    case "empty":
      return { kind, vector: Uint8Array.of(0) };
    case "garbage":
      return { kind, vector: prng.uint8Array(gen, prng.int32(gen, 0, 64)) };
    case "made-up":
    case "huge": {
      const count = kind === "huge" ? prng.int32(gen, 1_000, 20_000) : prng.int32(gen, 1, 20);
      return {
        kind,
        vector: frameOf((encoder) => {
          encoding.writeVarUint(encoder, count);
          for (let n = 0; n < count; n++) {
            encoding.writeVarUint(encoder, clientId());
            encoding.writeVarUint(encoder, prng.oneOf(gen, [0, 1, prng.uint32(gen, 0, 1e6), Number.MAX_SAFE_INTEGER]));
          }
        }),
      };
    }
  }
}

/** Bytes that are no y-websocket message, or a message of a type the server does not speak; some as text frames. */
function garbage(gen: Gen): { kind: string; data: Uint8Array; text: boolean } {
  const kind = weighted(gen, [
    [20, "random"],
    [10, "empty"],
    [15, "unknown-type"],
    [15, "unknown-sync-type"],
    [10, "auth-message"],
    [15, "text"],
    [15, "text-invalid-utf8"],
  ] as const);
  switch (kind) {
    case "random":
      return { kind: `garbage:${kind}`, data: prng.uint8Array(gen, logUniform(gen, 4_096)), text: false };
    case "empty":
      return { kind: `garbage:${kind}`, data: new Uint8Array(0), text: false };
    case "unknown-type":
      return {
        kind: `garbage:${kind}`,
        data: frameOf((encoder) =>
          encoding.writeVarUint(encoder, prng.oneOf(gen, [2, 4, 5, 127, 2 ** 31, 2 ** 53 - 1])),
        ),
        text: false,
      };
    case "unknown-sync-type":
      return { kind: `garbage:${kind}`, data: Uint8Array.of(0, prng.int32(gen, 3, 255), 0), text: false };
    case "auth-message":
      // y-websocket's auth message type (2), which the server does not speak.
      return { kind: `garbage:${kind}`, data: Uint8Array.of(2, 0, 5, 0x74, 0x6f, 0x6b, 0x65, 0x6e), text: false };
    case "text":
      return {
        kind: `garbage:${kind}`,
        data: new TextEncoder().encode(JSON.stringify({ type: "sync", text: articleText(gen, 40) })),
        text: true,
      };
    case "text-invalid-utf8":
      return { kind: `garbage:${kind}`, data: Uint8Array.of(0xc3, 0x28, 0xff, 0xfe, 0x00), text: true };
  }
}

/** A byte-level mutation of a frame: truncated, bits flipped, garbage appended, a random length spliced in, or cut. */
function mutate(gen: Gen, frame: Uint8Array): { kind: string; data: Uint8Array } {
  const kind = weighted(gen, [
    [25, "truncate"],
    [25, "flip"],
    [15, "append"],
    [20, "varuint"],
    [10, "cut"],
    [5, "repeat"],
  ] as const);
  const at = frame.length === 0 ? 0 : prng.int32(gen, 0, frame.length - 1);
  const join = (...parts: Uint8Array[]) => {
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  };
  switch (kind) {
    case "truncate":
      return { kind, data: frame.slice(0, at) };
    case "flip": {
      const data = frame.slice();
      for (let n = prng.int32(gen, 1, 4); n > 0 && data.length > 0; n--)
        data[prng.int32(gen, 0, data.length - 1)]! ^= 1 << prng.int32(gen, 0, 7);
      return { kind, data };
    }
    case "append":
      return { kind, data: join(frame, prng.uint8Array(gen, logUniform(gen, 256))) };
    case "varuint": {
      const length = frameOf((encoder) =>
        encoding.writeVarUint(
          encoder,
          prng.oneOf(gen, [0, 1, 127, 128, 2 ** 31, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, prng.uint32(gen, 0, 1e6)]),
        ),
      );
      return { kind, data: join(frame.slice(0, at), length, frame.slice(at + prng.int32(gen, 0, 3))) };
    }
    case "cut":
      return { kind, data: join(frame.slice(0, at), frame.slice(Math.min(frame.length, at + logUniform(gen, 64)))) };
    case "repeat":
      return { kind, data: join(frame, frame) };
  }
}

/** A sync update over the server's maxPayloadBytes whose length prefix is honest; its bytes are one repeated value. */
function oversized(gen: Gen, maxPayloadBytes: number): { kind: string; data: Uint8Array; text: boolean } {
  const payload = new Uint8Array(maxPayloadBytes + logUniform(gen, 64 * 1024)).fill(prng.int32(gen, 0, 255));
  return { kind: "oversized", data: syncUpdateMessage(payload), text: false };
}
