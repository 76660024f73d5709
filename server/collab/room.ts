import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { defineStoryDocRoots } from "../../lib/story-doc/schema";
import { checkUpdate, type DocumentLimits } from "../../lib/story-doc/write-policy";
import { Deferral, Refusal, type Connection, type RoomHook } from "./hooks";
import type { Logger } from "./logger";
import type { Persistence } from "./persistence";
import { awarenessMessage, decodeClientMessage, syncAnswerMessage, syncRequestMessage, syncUpdateMessage } from "./protocol";
import type { CollabSocket } from "./socket";

/** The origin of changes the server itself makes (a recorded review decision, a re-anchoring, a stamp). */
export const SERVER_ORIGIN = Symbol("server");
const LOADED_FROM_STORAGE = Symbol("loaded from storage");
/** Updates, and their bytes, one socket may have waiting for changes it has not sent yet (a catch-up after a reconnect). */
const MAX_WAITING_UPDATES = 256;
const MAX_WAITING_BYTES = 4 * 1024 * 1024;

/** What a room needs from the process that runs it. */
export interface RoomOptions {
  persistence: Persistence;
  log: Logger;
  hooks: readonly RoomHook[];
  documentLimits: DocumentLimits;
  /** Quiet time after the last edit before a room is stored. */
  storeDebounceMs: number;
  /** Longest time an edit waits to be stored while edits keep coming. */
  storeMaxWaitMs: number;
  /** Most frames one socket may send while the room is still loading. */
  maxBacklogFrames: number;
  /** Called after each successful store, so that an empty room unloads once its last edit is safe. */
  onStored(room: Room): void;
}

/** The stored document of a story fails the schema: it is not served (see the close code Quarantined). */
export class QuarantinedError extends Error {
  override name = "QuarantinedError";
}

/**
 * One story's live document, shared by every socket in the room: it loads once (every socket awaits the same
 * load; frames that arrive meanwhile are queued in order), checks each socket's messages through its hooks,
 * applies and broadcasts, and stores debounced with a dirty flag. The registry (rooms.ts) opens and unloads
 * rooms; the concerns (presence, the write policy, claim audit, limits) are hooks.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<CollabSocket, Connection>();
  readonly ready: Promise<void>;
  /**
   * The person each Yjs client id belongs to: whoever first announced it or wrote under it while the room was
   * open (presence.ts, document-policy.ts). Nobody else may write under it, even while its owner is offline,
   * so an edit made offline is never pre-empted by someone else's structs at the same clocks.
   */
  readonly clientOwners = new Map<number, string>();
  /** An upper bound of the document's encoded size: its size when loaded or stored plus every update since. */
  approximateBytes = 0;
  /** When the room last had a socket or served an internal request. */
  lastUsed = Date.now();
  /** The pending check for unloading the room once it has been idle long enough. */
  unloadTimer: NodeJS.Timeout | null = null;
  private readonly backlogs = new Map<Connection, Uint8Array[]>();
  /** Each socket's updates that wait for changes it has not sent yet (see Deferral), oldest first. */
  private readonly waiting = new Map<Connection, Uint8Array[]>();
  private dirty = false;
  private debounceTimer: NodeJS.Timeout | null = null;
  private maxWaitTimer: NodeJS.Timeout | null = null;
  private storing: Promise<void> = Promise.resolve();

  constructor(
    readonly storyId: string,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    defineStoryDocRoots(this.doc);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const state = await this.options.persistence.load(this.storyId);
    if (state) {
      // A document stored before the write policy existed may hold what it refuses (a structure that makes
      // every reader recurse until the stack overflows): it is not served.
      const scratch = new Y.Doc();
      defineStoryDocRoots(scratch);
      const verdict = checkUpdate(state, { doc: scratch, writer: "server", mayWriteAs: () => true, limits: this.options.documentLimits });
      if (!verdict.ok) throw new QuarantinedError(`the stored document fails the schema (${verdict.reason})`);
      Y.applyUpdate(this.doc, state, LOADED_FROM_STORAGE);
      this.approximateBytes = state.length;
    }
    this.doc.on("afterTransaction", (transaction: Y.Transaction) => {
      const connection = this.connectionOf(transaction.origin);
      if (connection) for (const hook of this.options.hooks) hook.afterUpdate?.(this, connection, transaction);
    });
    this.doc.on("update", (update: Uint8Array) => {
      this.broadcast(syncUpdateMessage(update));
      this.markDirty();
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      this.broadcast(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
    for (const hook of this.options.hooks) hook.onLoad?.(this);
  }

  /** The limits this room's document is held to. */
  get documentLimits(): DocumentLimits {
    return this.options.documentLimits;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Adds an authenticated socket; its frames are queued until the room has loaded, then greeted. */
  join(connection: Connection): void {
    this.connections.set(connection.socket, connection);
    this.backlogs.set(connection, []);
    for (const hook of this.options.hooks) hook.onJoin?.(this, connection);
  }

  /** Starts serving a socket once the room has loaded: the first step of sync, who is present, then its queue. */
  greet(connection: Connection): void {
    const backlog = this.backlogs.get(connection);
    if (!backlog || !connection.socket.isOpen) return;
    this.backlogs.delete(connection);
    this.send(connection, syncRequestMessage(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.send(connection, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
    for (const frame of backlog) if (!this.receive(connection, frame)) return;
  }

  /**
   * Handles one frame from a socket: the hooks check it, then it is applied or answered. A refused or
   * malformed frame closes the socket with its code and reason and changes nothing.
   * @returns whether the socket is still served.
   */
  receive(connection: Connection, frame: Uint8Array): boolean {
    // Frames a closing socket had in flight after it was refused.
    if (this.connections.get(connection.socket) !== connection) return false;
    try {
      for (const hook of this.options.hooks) hook.onFrame?.(this, connection, frame);
      const backlog = this.backlogs.get(connection);
      if (backlog) {
        if (backlog.length >= this.options.maxBacklogFrames) throw new Refusal(CloseCode.RateLimited, "too many messages while the story loads");
        backlog.push(frame);
        return true;
      }
      this.handle(connection, frame);
      return connection.socket.isOpen;
    } catch (error) {
      this.refuse(connection, error);
      return false;
    }
  }

  private handle(connection: Connection, frame: Uint8Array): void {
    let message;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      throw new Refusal(CloseCode.BadMessage, `malformed message: ${error instanceof Error ? error.message : "unreadable"}`);
    }
    switch (message.type) {
      case "sync-request": {
        for (const hook of this.options.hooks) hook.onSyncRequest?.(this, connection);
        let answer;
        try {
          answer = syncAnswerMessage(this.doc, message.stateVector);
        } catch {
          throw new Refusal(CloseCode.BadMessage, "malformed message: state vector");
        }
        this.send(connection, answer);
        return;
      }
      case "update":
        if (!this.applyUpdate(connection, message.update)) return;
        this.retryWaiting(connection);
        return;
      case "awareness": {
        let update = message.update;
        for (const hook of this.options.hooks) if (hook.onAwareness) update = hook.onAwareness(this, connection, update);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
        return;
      }
      case "query-awareness":
        this.send(connection, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  /**
   * Applies a socket's update after the hooks allow it; keeps one that waits for changes not here yet.
   * @returns whether it was applied.
   * @throws Refusal when a hook refuses it, or when the socket already has too many updates waiting.
   */
  private applyUpdate(connection: Connection, update: Uint8Array): boolean {
    try {
      for (const hook of this.options.hooks) hook.beforeUpdate?.(this, connection, update);
    } catch (error) {
      if (!(error instanceof Deferral)) throw error;
      const waiting = this.waiting.get(connection) ?? [];
      const bytes = waiting.reduce((sum, queued) => sum + queued.length, update.length);
      if (waiting.length >= MAX_WAITING_UPDATES || bytes > MAX_WAITING_BYTES) throw error;
      waiting.push(update);
      this.waiting.set(connection, waiting);
      return false;
    }
    Y.applyUpdate(this.doc, update, connection);
    this.approximateBytes += update.length;
    return true;
  }

  /** Tries a socket's waiting updates again, as long as each round applies one of them. */
  private retryWaiting(connection: Connection): void {
    for (let waiting = this.waiting.get(connection); waiting; waiting = this.waiting.get(connection)) {
      this.waiting.delete(connection);
      let applied = false;
      // An update that still waits goes back on the (new) list in its order.
      for (const update of waiting) if (this.applyUpdate(connection, update)) applied = true;
      if (!applied) return;
    }
  }

  /** Closes a socket for what it sent; an unexpected error is logged and closes it as a bad message. */
  refuse(connection: Connection, error: unknown): void {
    const refusal = error instanceof Refusal ? error : new Refusal(CloseCode.BadMessage, "malformed message");
    if (!(error instanceof Refusal)) this.options.log.warn(`unexpected error on a socket of ${connection.user.id} in story ${this.storyId}`, error);
    else this.options.log.info(`closed a socket of ${connection.user.id} in story ${this.storyId}: ${refusal.code} ${refusal.reason}`);
    connection.socket.close(refusal.code, refusal.reason);
    this.leave(connection.socket);
  }

  /** Forgets a socket and the presence it controlled. */
  leave(socket: CollabSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    this.backlogs.delete(connection);
    this.waiting.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.clientIds], null);
    for (const hook of this.options.hooks) hook.onLeave?.(this, connection);
  }

  /** Sends a message to one socket; the hooks may close it (a reader that does not keep up). */
  send(connection: Connection, message: Uint8Array): void {
    if (!connection.socket.isOpen) return;
    connection.socket.send(message);
    try {
      for (const hook of this.options.hooks) hook.afterSend?.(this, connection);
    } catch (error) {
      this.refuse(connection, error);
    }
  }

  private broadcast(message: Uint8Array): void {
    for (const connection of [...this.connections.values()]) if (!this.backlogs.has(connection)) this.send(connection, message);
  }

  /** The connection a transaction came from (its origin), if it came from a socket of this room. */
  private connectionOf(origin: unknown): Connection | undefined {
    const socket = (origin as Partial<Connection> | null)?.socket;
    return socket && this.connections.get(socket) === origin ? (origin as Connection) : undefined;
  }

  /** Runs a change on the document as the server; it reaches every socket and is stored like any edit. */
  changeAsServer<T>(change: (doc: Y.Doc) => T): T {
    let result!: T;
    this.doc.transact(() => {
      result = change(this.doc);
    }, SERVER_ORIGIN);
    return result;
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.store(), this.options.storeDebounceMs);
    this.maxWaitTimer ??= setTimeout(() => void this.store(), this.options.storeMaxWaitMs);
  }

  /**
   * Stores the document if it changed since the last store. Stores run one at a time; the flag is cleared
   * before writing so that edits made during the write mark the room dirty again, and it is set again when
   * the write fails (a retry is scheduled), so an edit is never dropped by a failed write.
   */
  store(): Promise<void> {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = this.maxWaitTimer = null;
    this.storing = this.storing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const state = Y.encodeStateAsUpdate(this.doc);
      try {
        await this.options.persistence.store(this.storyId, state);
      } catch (error) {
        this.options.log.error(`storing story ${this.storyId} failed; will retry`, error);
        this.markDirty();
        return;
      }
      this.approximateBytes = state.length;
      this.options.onStored(this);
    });
    return this.storing;
  }

  destroy(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
