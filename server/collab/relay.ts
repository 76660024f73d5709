import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { LRUCache } from "lru-cache";

/**
 * What one collaboration process tells the others that serve the same story (redis-relay.ts):
 * - `update`: a document update it accepted, after appending it to the log (so a process that misses it finds
 *   it in the database);
 * - `awareness`: presence of its sockets, stamped with who they are;
 * - `query`: a process opened the room and asks the others for their sockets' presence;
 * - `owners`: which person took which Yjs client ids (Room.ownerOf), for rooms open elsewhere, so that nobody on
 *   another process writes or shows presence under them (a room that opens later reads them: owners()).
 */
export type RelayMessage =
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query" }
  | { kind: "owners"; owners: Array<[clientId: number, userId: string]> };

/**
 * How the rooms of one process reach the same rooms in other processes. Without REDIS_URL the process is alone
 * (createSoloRelay): nothing crosses, and it compacts every room itself.
 */
export interface Relay {
  /**
   * Starts receiving a story's messages from other processes (one receiver per story: a new one replaces the
   * old). Resolves once receiving has begun, with the function that stops it.
   */
  subscribe(storyId: string, receive: (message: RelayMessage) => void): Promise<() => Promise<void>>;
  /** Sends a message to every other process in the story's room (best effort: the log is what is durable). */
  publish(storyId: string, message: RelayMessage): void;
  /** Records that a person took a Yjs client id in a story (the first claim stands) and tells the open rooms. */
  claim(storyId: string, clientId: number, userId: string): void;
  /** The owners of a story's client ids that the processes recorded. */
  owners(storyId: string): Promise<Array<[clientId: number, userId: string]>>;
  /**
   * Runs `task` unless another process holds the lock `name`; the lock expires after `ttlMs` even if its holder
   * dies. Resolves with whether `task` ran.
   */
  exclusively(name: string, ttlMs: number, task: () => Promise<void>): Promise<boolean>;
  /**
   * Called after the relay lost messages (a broken connection to Redis, now back): each room must reload from the
   * log what it may have missed.
   */
  onResume(listener: () => void): void;
  /** Whether the relay can send and receive now, for /healthz. */
  readonly healthy: boolean;
  /** Whether this process serves its stories alone: no other process writes to their logs. */
  readonly alone: boolean;
  close(): Promise<void>;
}

/**
 * How long the owners of a story's client ids are kept after the last claim: longer than anyone stays offline with
 * unsent edits under an id (the same person may always take their own id back).
 */
export const OWNERS_TTL_MS = 30 * 24 * 3600 * 1000;
/**
 * Client ids whose owners a process alone keeps (about 125 bytes each), those of the least recently claimed
 * stories forgotten first; and per story, where every page load of the workspace is a new client id, the oldest
 * forgotten first.
 */
const SOLO_OWNED_CLIENT_IDS = 100_000;
const SOLO_OWNED_PER_STORY = 1_000;

/**
 * The relay of a process that serves its stories alone. It keeps the owners of client ids in memory, as Redis
 * keeps them for several processes: a room unloads when its last socket leaves, and the story's next room must
 * still refuse writes under the id of someone offline with unsent edits.
 */
export function createSoloRelay(): Relay {
  const owners = new LRUCache<string, Map<number, string>>({
    maxSize: SOLO_OWNED_CLIENT_IDS,
    sizeCalculation: (story) => Math.max(1, story.size),
    ttl: OWNERS_TTL_MS,
  });
  return {
    subscribe: () => Promise.resolve(() => Promise.resolve()),
    publish: () => undefined,
    claim(storyId, clientId, userId) {
      const story = owners.get(storyId) ?? new Map<number, string>();
      if (!story.has(clientId)) story.set(clientId, userId);
      if (story.size > SOLO_OWNED_PER_STORY) story.delete(story.keys().next().value!);
      // Set anew, not over itself: lru-cache weighs an entry again only when its value is another object.
      owners.delete(storyId);
      owners.set(storyId, story);
    },
    owners: (storyId) => Promise.resolve([...(owners.get(storyId) ?? [])]),
    exclusively: async (_name, _ttlMs, task) => {
      await task();
      return true;
    },
    onResume: () => undefined,
    healthy: true,
    alone: true,
    close: () => Promise.resolve(),
  };
}

const KINDS = ["update", "awareness", "query", "owners"] as const;

/** Encodes a relay message with the id of the process that sends it (each process ignores its own). */
export function encodeRelayMessage(sender: string, message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, sender);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  if (message.kind === "update" || message.kind === "awareness") encoding.writeVarUint8Array(encoder, message.update);
  if (message.kind === "owners") encoding.writeVarString(encoder, JSON.stringify(message.owners));
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes a relay message.
 * @throws Error when the bytes are not one (Redis is trusted, but a malformed message must not crash a process).
 */
export function decodeRelayMessage(bytes: Uint8Array): { sender: string; message: RelayMessage } {
  const decoder = decoding.createDecoder(bytes);
  const sender = decoding.readVarString(decoder);
  const kind = KINDS[decoding.readVarUint(decoder)];
  switch (kind) {
    case "update":
    case "awareness":
      return { sender, message: { kind, update: decoding.readVarUint8Array(decoder) } };
    case "query":
      return { sender, message: { kind } };
    case "owners": {
      const owners: unknown = JSON.parse(decoding.readVarString(decoder));
      if (
        !Array.isArray(owners) ||
        !owners.every((pair) => Array.isArray(pair) && typeof pair[0] === "number" && typeof pair[1] === "string")
      ) {
        throw new Error("malformed owners");
      }
      return { sender, message: { kind, owners: owners as Array<[number, string]> } };
    }
    default:
      throw new Error("unknown relay message");
  }
}
