import type * as Y from "yjs";
import type { CollabUser } from "./authenticate";
import type { Room } from "./room";
import type { CollabSocket } from "./socket";

/** One authenticated socket in a room. */
export interface Connection {
  readonly socket: CollabSocket;
  readonly user: CollabUser;
  /** When the socket's token expires (ms since the epoch). */
  readonly expiresAt: number;
  /**
   * The Yjs client ids this socket controls: the first it introduces in awareness (presence.ts). Another
   * socket may neither set their presence nor add document structs under them (document-policy.ts). At most
   * two, replaced rather than changed (presence.ts): an array of one id takes about a third of a Set's memory.
   */
  clientIds: readonly number[];
  /** Whether the socket asked for caret messages (lib/collab/caret-messages.ts) instead of every cursor as awareness. */
  readonly carets?: boolean;
}

/**
 * Thrown by a hook to refuse what a socket sent: the room closes that socket with `code` and `reason`, and
 * the refused message reaches neither the document nor anyone else.
 */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Thrown by a hook for an update that depends on changes the room does not have yet: the room keeps it for the
 * socket (bounded) and tries it again after the socket's next update, as Yjs would keep it pending, but outside
 * the document, so nothing unchecked is ever stored.
 */
export class Deferral extends Refusal {
  override name = "Deferral";
}

/**
 * One concern of a room (presence ownership, the write policy, claim audit, limits), called by the room
 * core at fixed points, as Hocuspocus extensions are. Each method may throw Refusal where it says so.
 */
export interface RoomHook {
  /** The room's document has loaded (before any socket is greeted). */
  onLoad?(room: Room): void;
  /** A socket joined the room (it may still be loading). */
  onJoin?(room: Room, connection: Connection): void;
  /** Every frame a socket sends, before it is decoded or queued. May refuse. */
  onFrame?(room: Room, connection: Connection, frame: Uint8Array): void;
  /** A socket asks for the document (sync step 1), which costs an encoding of it. May refuse. */
  onSyncRequest?(room: Room, connection: Connection): void;
  /** A document update from a socket, before it is applied. May refuse. */
  beforeUpdate?(room: Room, connection: Connection, update: Uint8Array): void;
  /**
   * A socket's update has been applied. Runs before the update is broadcast, so a change the hook makes in
   * its own transaction (an authorship stamp) reaches every socket right after it.
   */
  afterUpdate?(room: Room, connection: Connection, transaction: Y.Transaction): void;
  /** An awareness update from a socket: returns what the room applies instead. May refuse. */
  onAwareness?(room: Room, connection: Connection, update: Uint8Array): Uint8Array;
  /** A message was queued for a socket. May refuse (the socket is closed). */
  afterSend?(room: Room, connection: Connection): void;
  /** A socket left the room. */
  onLeave?(room: Room, connection: Connection): void;
}
