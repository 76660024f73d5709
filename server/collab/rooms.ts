import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { claimsMap } from "../../lib/claims/story-claims";
import { CloseCode } from "../../lib/collab/close-codes";
import type { CollabUser } from "./authenticate";
import type { Logger } from "./logger";
import { StoryNotFoundError, type Persistence } from "./persistence";
import { stampAwarenessUpdate } from "./presence";

// Message types of the y-websocket protocol.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

const LOADED_FROM_STORAGE = Symbol("loaded from storage");
/** The origin of changes the server itself makes (a recorded review decision). */
export const SERVER_ORIGIN = Symbol("server");

export interface RoomsOptions {
  persistence: Persistence;
  log: Logger;
  /** Quiet time after the last edit before a room is stored. */
  storeDebounceMs: number;
  /** Longest time an edit waits to be stored while edits keep coming. */
  storeMaxWaitMs: number;
  /**
   * How long an empty, stored room stays loaded before it is unloaded, so that a reconnect or the app's
   * internal reads do not load the document from the database again.
   */
  unloadDelayMs: number;
}

interface RoomHooks extends RoomsOptions {
  /** Called after each successful store, so that an empty room unloads once its last edit is safe. */
  onStored(room: Room): void;
}

interface Connection {
  user: CollabUser;
  /** Awareness client ids this socket controls, removed when it goes. */
  clientIds: Set<number>;
  /** Messages that arrived while the room was loading, handled in order once it has loaded. */
  backlog: Uint8Array[] | null;
}

/**
 * One story's live document, shared by every socket in the room. It loads once (every socket awaits the
 * same load), stores debounced with a dirty flag, and is unloaded only when empty and stored.
 */
class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  readonly ready: Promise<void>;
  private dirty = false;
  private debounceTimer: NodeJS.Timeout | null = null;
  /** When the room last had a socket or served an internal request. */
  lastUsed = Date.now();
  /** The pending check for unloading the room once it has been idle long enough. */
  unloadTimer: NodeJS.Timeout | null = null;
  private maxWaitTimer: NodeJS.Timeout | null = null;
  private storing: Promise<void> = Promise.resolve();

  constructor(
    readonly storyId: string,
    private readonly options: RoomHooks,
  ) {
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const state = await this.options.persistence.load(this.storyId);
    if (state) Y.applyUpdate(this.doc, state, LOADED_FROM_STORAGE);
    this.doc.on("update", (update: Uint8Array) => {
      this.broadcast(syncUpdateMessage(update));
      this.markDirty();
    });
    this.awareness.on("update", this.onAwarenessUpdate);
    this.claimStates = this.readClaimStates();
    claimsMap(this.doc).observeDeep(this.onClaimsChanged);
  }

  /** Each claim's status and number of quotes as last seen, to say in the audit log what a deleted claim was. */
  private claimStates = new Map<string, { status: string | null; quotes: number }>();

  private readClaimStates(): Map<string, { status: string | null; quotes: number }> {
    const states = new Map<string, { status: string | null; quotes: number }>();
    claimsMap(this.doc).forEach((entry, claimId) => {
      if (!(entry instanceof Y.Map)) return;
      const status = entry.get("status");
      const quotes = entry.get("quotes");
      states.set(claimId, { status: typeof status === "string" ? status : null, quotes: quotes instanceof Y.Array ? quotes.length : 0 });
    });
    return states;
  }

  /**
   * Records who marked a claim, attached a quote, changed a status or deleted a claim, from the authenticated
   * socket the change came on: the document's own createdBy/addedBy are written by clients, so the four-eyes
   * rule and the audit log cannot trust them.
   */
  private onClaimsChanged = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void => {
    const user = this.connections.get(transaction.origin as WebSocket)?.user;
    if (user) this.recordClaimChanges(events, user);
    this.claimStates = this.readClaimStates();
  };

  private recordClaimChanges(events: Array<Y.YEvent<Y.AbstractType<unknown>>>, user: CollabUser): void {
    const claims = claimsMap(this.doc);
    const record = (claimId: string, kind: "marked" | "quoted") =>
      void this.options.persistence
        .recordActivity({ storyId: this.storyId, claimId, userId: user.id, kind })
        .catch((error: unknown) => this.options.log.error(`recording ${kind} on ${claimId} failed`, error));
    for (const event of events) {
      if (event.target === claims) {
        for (const [key, change] of event.changes.keys) {
          if (change.action === "add") record(key, "marked");
          if (change.action === "delete") {
            const deletion = { storyId: this.storyId, claimId: key, userId: user.id, ...(this.claimStates.get(key) ?? { status: null, quotes: 0 }) };
            void this.options.persistence
              .recordClaimDeleted(deletion)
              .catch((error: unknown) => this.options.log.error(`auditing the deletion of ${key} failed`, error));
          }
        }
      } else if (event.target instanceof Y.Map && event.target.parent === claims && event.changes.keys.has("status")) {
        const claimId = [...claims].find(([, entry]) => entry === event.target)?.[0];
        const change = event.changes.keys.get("status");
        if (claimId && change) {
          void this.options.persistence
            .recordStatusChange({ storyId: this.storyId, claimId, userId: user.id, from: change.oldValue, to: event.target.get("status") })
            .catch((error: unknown) => this.options.log.error(`auditing a status change of ${claimId} failed`, error));
        }
      } else if (event.target instanceof Y.Array && event.changes.added.size > 0) {
        const owner = event.target.parent;
        for (const [claimId, entry] of claims) {
          if (entry === owner && entry.get("quotes") === event.target) record(claimId, "quoted");
        }
      }
    }
  }

  private onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = this.connections.get(origin as WebSocket);
    if (connection) {
      for (const id of changes.added) connection.clientIds.add(id);
      for (const id of changes.removed) connection.clientIds.delete(id);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    this.broadcast(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
  };

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Starts serving a socket that has loaded the room: the first step of sync and who is present. */
  greet(socket: WebSocket): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    send(socket, encoding.toUint8Array(encoder));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) {
      send(socket, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
    }
  }

  /**
   * Handles one y-websocket message from a socket.
   * @throws Error when the message is malformed; the caller closes that socket.
   */
  handle(socket: WebSocket, connection: Connection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(socket, decoder);
        return;
      case MESSAGE_AWARENESS: {
        const update = stampAwarenessUpdate(decoding.readVarUint8Array(decoder), connection.user, (clientId) =>
          this.mayControl(connection, clientId),
        );
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, socket);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        const ids = [...this.awareness.getStates().keys()];
        send(socket, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  /**
   * The sync half of the protocol, as y-protocols' readSyncMessage but strict: Yjs logs and swallows an
   * update it cannot decode, so each update is decoded first and a malformed one throws, closing its socket.
   */
  private handleSync(socket: WebSocket, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncStep1(decoder, encoder, this.doc);
        send(socket, encoding.toUint8Array(encoder));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        Y.decodeUpdate(update);
        Y.applyUpdate(this.doc, update, socket);
        return;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  /**
   * Whether a socket may set the awareness state of a client id: its own ids, or a new id that no other
   * socket controls, up to MAX_CLIENT_IDS_PER_SOCKET (one document per tab; Yjs may renew its id on a clash).
   */
  private mayControl(connection: Connection, clientId: number): boolean {
    if (connection.clientIds.has(clientId)) return true;
    if (connection.clientIds.size >= MAX_CLIENT_IDS_PER_SOCKET) return false;
    for (const other of this.connections.values()) if (other !== connection && other.clientIds.has(clientId)) return false;
    return true;
  }

  /** Forgets a socket and the presence it controlled. */
  leave(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.clientIds], null);
  }

  private broadcast(message: Uint8Array): void {
    for (const socket of this.connections.keys()) send(socket, message);
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
      try {
        await this.options.persistence.store(this.storyId, Y.encodeStateAsUpdate(this.doc));
      } catch (error) {
        this.options.log.error(`storing story ${this.storyId} failed; will retry`, error);
        this.markDirty();
        return;
      }
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

/** The rooms of one collaboration server process, one per open story. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();

  constructor(private readonly options: RoomsOptions) {}

  /** How many rooms are open. */
  get size(): number {
    return this.rooms.size;
  }

  /** The live document of an open room, for tests and diagnostics; undefined when the room is not open. */
  document(storyId: string): Y.Doc | undefined {
    return this.rooms.get(storyId)?.doc;
  }

  /**
   * Adds an authenticated socket to a story's room, opening (and loading) the room if needed. Messages that
   * arrive during the load are kept and handled in order afterwards.
   */
  join(storyId: string, socket: WebSocket, user: CollabUser): void {
    const current = this.open(storyId);
    const connection: Connection = { user, clientIds: new Set(), backlog: [] };
    current.connections.set(socket, connection);
    socket.binaryType = "arraybuffer";

    const handle = (message: Uint8Array): void => {
      try {
        current.handle(socket, connection, message);
      } catch (error) {
        this.options.log.warn(`malformed message from ${user.id} in story ${storyId}`, error);
        socket.close(CloseCode.BadMessage, "malformed message");
      }
    };
    socket.on("message", (data: ArrayBuffer | Buffer) => {
      const message =
        data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (connection.backlog) connection.backlog.push(message);
      else handle(message);
    });
    socket.on("close", () => {
      current.leave(socket);
      current.lastUsed = Date.now();
      if (current.connections.size === 0) void this.unloadWhenIdle(current);
    });
    socket.on("error", (error) => this.options.log.warn(`socket error in story ${storyId}`, error));

    current.ready.then(
      () => {
        if (socket.readyState !== socket.OPEN) return;
        current.greet(socket);
        const backlog = connection.backlog ?? [];
        connection.backlog = null;
        for (const message of backlog) handle(message);
      },
      (error: unknown) => {
        if (this.rooms.get(storyId) === current) this.rooms.delete(storyId);
        if (error instanceof StoryNotFoundError) socket.close(CloseCode.NotFound, "story not found");
        else {
          this.options.log.error(`loading story ${storyId} failed`, error);
          socket.close(CloseCode.ServerShutdown, "could not load the story; retry");
        }
      },
    );
  }

  /** The open room of a story, opened (and its load started) if needed: one room and one load per story. */
  private open(storyId: string): Room {
    let room = this.rooms.get(storyId);
    if (!room) {
      room = new Room(storyId, { ...this.options, onStored: (stored) => this.unloadIfIdle(stored) });
      this.rooms.set(storyId, room);
    }
    return room;
  }

  /** Stores a room that has emptied, then unloads it unless someone joined or edited meanwhile. */
  private async unloadWhenIdle(room: Room): Promise<void> {
    await room.ready.catch(() => undefined);
    await room.store();
    this.unloadIfIdle(room);
  }

  /**
   * Unloads a room that nobody is in, whose every edit is stored and that has been idle for unloadDelayMs;
   * a failed store keeps it loaded. An idle room that is not due yet is checked again when it will be.
   */
  private unloadIfIdle(room: Room): void {
    if (room.connections.size > 0 || room.isDirty || this.rooms.get(room.storyId) !== room) return;
    const due = room.lastUsed + this.options.unloadDelayMs - Date.now();
    if (due > 0) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      room.unloadTimer = setTimeout(() => this.unloadIfIdle(room), due);
      room.unloadTimer.unref();
      return;
    }
    this.rooms.delete(room.storyId);
    room.destroy();
  }

  /**
   * Runs `change` on a story's live document as the server (its changes reach every socket in the room and
   * are stored like any edit), loading the room if nobody has it open and unloading it again afterwards.
   * @throws StoryNotFoundError when the story does not exist.
   */
  async withDocument<T>(storyId: string, change: (doc: Y.Doc) => T): Promise<T> {
    const current = this.open(storyId);
    try {
      await current.ready;
    } catch (error) {
      if (this.rooms.get(storyId) === current) this.rooms.delete(storyId);
      throw error;
    }
    current.lastUsed = Date.now();
    let result!: T;
    current.doc.transact(() => {
      result = change(current.doc);
    }, SERVER_ORIGIN);
    if (current.connections.size === 0) await this.unloadWhenIdle(current);
    return result;
  }

  /** Stores every open room (on shutdown). Resolves when every store has been attempted. */
  async storeAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.ready.then(() => room.store(), () => undefined)));
  }
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** How many awareness client ids one socket may control. */
const MAX_CLIENT_IDS_PER_SOCKET = 2;

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(message, (error) => {
    if (error) socket.terminate();
  });
}
