import { CloseCode } from "../../lib/collab/close-codes";
import type { Env } from "../env";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "../../lib/story-doc/write-policy";
import { Refusal, type Connection, type RoomHook } from "./hooks";

/**
 * What one collaboration process lets one socket, one person and all sockets cost, each enforced with its
 * close code (lib/collab/close-codes.ts). README's "Limits" section lists them with their variables.
 */
export interface CollabLimits {
  /** The schema's limits and the largest document (4400, 4413). */
  document: DocumentLimits;
  /** Largest frame; a larger one closes the socket with 1009 (message too big). */
  maxPayloadBytes: number;
  /** Messages other than presence a socket may send per second on average, and in a burst (4429). */
  messagesPerSecond: number;
  messageBurst: number;
  /**
   * Presence messages a socket may send per second on average, and in a burst (4429). The stock client sends
   * back every presence change it receives, so its rate grows with the room's: 50 people moving their cursors
   * ten times a second make each client send 500.
   */
  presencePerSecond: number;
  presenceBurst: number;
  /** Bytes per second a socket may send on average, and in a burst (4429). */
  bytesPerSecond: number;
  byteBurst: number;
  /** Requests for the document (sync step 1, each answered with an encoding of it) per minute, and in a burst (4429). */
  syncRequestsPerMinute: number;
  syncRequestBurst: number;
  /** Bytes queued for a socket that does not read before it is closed (4408), and how long it may stay above. */
  maxBufferedBytes: number;
  slowConsumerGraceMs: number;
  /** Frames one socket may send while its story loads (4429). */
  maxBacklogFrames: number;
  /** Sockets one person may hold open in this process (4503). */
  maxSocketsPerUser: number;
  /** Sockets this process accepts (4503). */
  maxConnections: number;
  /** Stories this process keeps open at once (4503). */
  maxRooms: number;
}

/** The limits unless configured otherwise: generous for people typing, pasting and reconnecting; tight for scripts. */
export const DEFAULT_LIMITS: CollabLimits = {
  document: DEFAULT_DOCUMENT_LIMITS,
  maxPayloadBytes: 2 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 500,
  presencePerSecond: 1_000,
  presenceBurst: 2_000,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  syncRequestsPerMinute: 12,
  syncRequestBurst: 6,
  maxBufferedBytes: 8 * 1024 * 1024,
  slowConsumerGraceMs: 5_000,
  maxBacklogFrames: 1_000,
  maxSocketsPerUser: 20,
  maxConnections: 10_000,
  maxRooms: 5_000,
};

/** The limits with what the environment sets (COLLAB_MAX_DOCUMENT_BYTES and the rest, see .env.example). */
export function limitsFromEnv(env: Env): CollabLimits {
  const set = <T>(value: T | undefined, fallback: T): T => value ?? fallback;
  const d = DEFAULT_LIMITS;
  return {
    document: { ...d.document, maxDocumentBytes: set(env.COLLAB_MAX_DOCUMENT_BYTES, d.document.maxDocumentBytes) },
    maxPayloadBytes: set(env.COLLAB_MAX_MESSAGE_BYTES, d.maxPayloadBytes),
    messagesPerSecond: set(env.COLLAB_MESSAGES_PER_SECOND, d.messagesPerSecond),
    messageBurst: set(env.COLLAB_MESSAGE_BURST, d.messageBurst),
    presencePerSecond: set(env.COLLAB_PRESENCE_PER_SECOND, d.presencePerSecond),
    presenceBurst: set(env.COLLAB_PRESENCE_BURST, d.presenceBurst),
    bytesPerSecond: set(env.COLLAB_BYTES_PER_SECOND, d.bytesPerSecond),
    byteBurst: set(env.COLLAB_BYTE_BURST, d.byteBurst),
    syncRequestsPerMinute: set(env.COLLAB_SYNC_REQUESTS_PER_MINUTE, d.syncRequestsPerMinute),
    syncRequestBurst: set(env.COLLAB_SYNC_REQUEST_BURST, d.syncRequestBurst),
    maxBufferedBytes: set(env.COLLAB_MAX_BUFFERED_BYTES, d.maxBufferedBytes),
    slowConsumerGraceMs: set(env.COLLAB_SLOW_CONSUMER_GRACE_MS, d.slowConsumerGraceMs),
    maxBacklogFrames: set(env.COLLAB_MAX_BACKLOG_FRAMES, d.maxBacklogFrames),
    maxSocketsPerUser: set(env.COLLAB_SOCKETS_PER_USER, d.maxSocketsPerUser),
    maxConnections: set(env.COLLAB_MAX_CONNECTIONS, d.maxConnections),
    maxRooms: set(env.COLLAB_MAX_ROOMS, d.maxRooms),
  };
}

/** A rate: up to `capacity` tokens, refilled at `perSecond`. */
interface Rate {
  capacity: number;
  perSecond: number;
}

/**
 * One socket's token buckets, one per rate, refilled together: take() says whether a bucket had enough. Their
 * state is one array of numbers ([last refill, tokens of each rate…, when the send buffer filled or NaN]) rather
 * than an object per bucket: about 0.1 KB per socket instead of 0.5 KB (heap snapshots of 10,000 idle sockets).
 * An array filled with NaN first holds unboxed doubles and has exactly its length: 104 bytes for four rates,
 * where a Float64Array with its ArrayBuffer takes 256.
 */
export class SocketBudget {
  private readonly state: number[];

  constructor(
    private readonly rates: readonly Rate[],
    private readonly now: () => number = Date.now,
  ) {
    this.state = new Array<number>(rates.length + 2).fill(NaN);
    this.state[0] = now();
    rates.forEach((rate, i) => (this.state[i + 1] = rate.capacity));
  }

  /** Takes `cost` tokens from the bucket of rate `index`; false (and nothing taken) when it holds fewer. */
  take(index: number, cost = 1): boolean {
    const now = this.now();
    const elapsed = (now - this.state[0]!) / 1000;
    this.state[0] = now;
    this.rates.forEach((rate, i) => {
      this.state[i + 1] = Math.min(rate.capacity, this.state[i + 1]! + elapsed * rate.perSecond);
    });
    if (this.state[index + 1]! < cost) return false;
    this.state[index + 1]! -= cost;
    return true;
  }

  /** Since when the socket's send buffer has been above the threshold, or null. */
  get fullSince(): number | null {
    const since = this.state[this.rates.length + 1]!;
    return Number.isNaN(since) ? null : since;
  }

  set fullSince(since: number | null) {
    this.state[this.rates.length + 1] = since ?? NaN;
  }
}

/** The rates of limitsHook's budgets, in SocketBudget's order. */
const MESSAGES = 0;
const PRESENCE = 1;
const BYTES = 2;
const SYNC_REQUESTS = 3;

/**
 * What one socket may cost: its message and byte rates, its requests for the whole document, and how far
 * it may fall behind reading what the room sends it before it is closed.
 */
export function limitsHook(limits: CollabLimits, now: () => number = Date.now): RoomHook {
  const rates: Rate[] = [];
  rates[MESSAGES] = { capacity: limits.messageBurst, perSecond: limits.messagesPerSecond };
  rates[PRESENCE] = { capacity: limits.presenceBurst, perSecond: limits.presencePerSecond };
  rates[BYTES] = { capacity: limits.byteBurst, perSecond: limits.bytesPerSecond };
  rates[SYNC_REQUESTS] = { capacity: limits.syncRequestBurst, perSecond: limits.syncRequestsPerMinute / 60 };
  const budgets = new WeakMap<Connection, SocketBudget>();
  const budgetOf = (connection: Connection): SocketBudget => {
    let budget = budgets.get(connection);
    if (!budget) {
      budget = new SocketBudget(rates, now);
      budgets.set(connection, budget);
    }
    return budget;
  };
  return {
    onFrame(_room, connection, frame) {
      const budget = budgetOf(connection);
      // The first byte is the y-websocket message type for every type below 128; 1 is presence.
      if (!budget.take(frame[0] === 1 ? PRESENCE : MESSAGES))
        throw new Refusal(CloseCode.RateLimited, "too many messages");
      if (!budget.take(BYTES, frame.length)) throw new Refusal(CloseCode.RateLimited, "too many bytes");
    },
    onSyncRequest(_room, connection) {
      if (!budgetOf(connection).take(SYNC_REQUESTS))
        throw new Refusal(CloseCode.RateLimited, "too many requests for the document");
    },
    afterSend(_room, connection) {
      const budget = budgetOf(connection);
      const buffered = connection.socket.bufferedAmount;
      if (buffered <= limits.maxBufferedBytes) {
        budget.fullSince = null;
        return;
      }
      budget.fullSince ??= now();
      // Far above the threshold, or above it for too long: the socket does not read what it is sent.
      if (buffered > 4 * limits.maxBufferedBytes || now() - budget.fullSince > limits.slowConsumerGraceMs) {
        throw new Refusal(CloseCode.SlowConsumer, "the connection does not keep up with the story's changes");
      }
    },
  };
}
