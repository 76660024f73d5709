import type { WebSocket } from "ws";
import * as Y from "yjs";
import { Limiter } from "../../lib/async/limiter";
import { CloseCode } from "../../lib/collab/close-codes";
import type { CollabUser } from "./authenticate";
import type { Connection, RoomHook } from "./hooks";
import type { CollabLimits } from "./limits";
import type { Logger } from "./logger";
import { StoryNotFoundError, type Persistence } from "./persistence";
import type { Relay } from "./relay";
import { checkStoredDocument, QuarantinedError, Room, type RoomOptions } from "./room";
import { wsSocket } from "./socket";

/** How long the log may take no update from a room that has some waiting before /healthz reports it. */
const APPEND_STALL_MS = 3_000;

export interface RoomsOptions {
  persistence: Persistence;
  relay: Relay;
  log: Logger;
  hooks: readonly RoomHook[];
  limits: CollabLimits;
  /** Quiet time after the last append before a room's log is folded into its compacted state. */
  compactDelayMs: number;
  /** Appends after which a room's log is folded even while edits keep coming. */
  compactEveryAppends: number;
  /** Shortest time between two presence messages of one client. */
  presenceIntervalMs: number;
  /** How long a room that served the app's change while empty stays loaded (createCollabServer says why). */
  unloadDelayMs: number;
}

/**
 * How many of the app's reads may be at the database at once. On PostgreSQL the log has four connections, which
 * the appends need (a review queue asks for every story that changed at once); on SQLite each read holds the event
 * loop.
 */
const APP_READS_AT_ONCE = 2;

/** The rooms of one collaboration server process, one per open story, and the sockets each person holds. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly socketsPerUser = new Map<string, number>();
  /** The app's latest read of each story under way (readDocument), and whether it has begun to read. */
  private readonly reads = new Map<string, { read: Promise<Uint8Array>; begun: () => boolean }>();
  private readonly appReads = new Limiter(APP_READS_AT_ONCE);
  /** What every room is given: one object for all of them. */
  private readonly roomOptions: RoomOptions;

  constructor(private readonly options: RoomsOptions) {
    const { persistence, relay, log, hooks, limits, compactDelayMs, compactEveryAppends, presenceIntervalMs } = options;
    this.roomOptions = {
      persistence,
      relay,
      log,
      hooks,
      documentLimits: limits.document,
      compactDelayMs,
      compactEveryAppends,
      presenceIntervalMs,
      maxBacklogFrames: limits.maxBacklogFrames,
      onDurable: (durable) => this.unloadIfIdle(durable),
    };
    options.relay.onResume(() => {
      for (const room of this.rooms.values()) {
        room
          .catchUp()
          .catch((error: unknown) => options.log.warn(`reloading the log of story ${room.storyId} failed`, error));
      }
    });
  }

  /**
   * What /healthz reports about storage: rooms whose appends fail or have made no progress for APPEND_STALL_MS
   * (a database that hangs rather than fails), and rooms with updates not in the log yet.
   */
  get storage(): { failingRooms: number; unsavedRooms: number } {
    let failingRooms = 0;
    let unsavedRooms = 0;
    for (const room of this.rooms.values()) {
      if (room.appendFailing || room.appendStalledMs > APPEND_STALL_MS) failingRooms++;
      if (room.hasUnsavedUpdates) unsavedRooms++;
    }
    return { failingRooms, unsavedRooms };
  }

  /** How many rooms are open. */
  get size(): number {
    return this.rooms.size;
  }

  /** The live document of an open room, for tests and diagnostics; undefined when the room is not open. */
  document(storyId: string): Y.Doc | undefined {
    return this.rooms.get(storyId)?.doc;
  }

  /**
   * Adds an authenticated socket to a story's room, opening (and loading) the room if needed; refuses it
   * when the person already holds their share of sockets or the process its share of rooms.
   */
  join(storyId: string, ws: WebSocket, user: CollabUser, expiresAt: number, carets = false): void {
    const { limits } = this.options;
    const held = this.socketsPerUser.get(user.id) ?? 0;
    if (held >= limits.maxSocketsPerUser) {
      ws.close(CloseCode.TooManyConnections, "too many open connections for this person");
      return;
    }
    if (!this.rooms.has(storyId) && this.rooms.size >= limits.maxRooms) {
      ws.close(CloseCode.TooManyConnections, "too many open stories on this server");
      return;
    }
    this.socketsPerUser.set(user.id, held + 1);
    const room = this.open(storyId);
    const socket = wsSocket(ws);
    const connection: Connection = { socket, user, expiresAt, clientIds: [], carets };
    room.join(connection);
    ws.binaryType = "arraybuffer";
    ws.on("message", (data: ArrayBuffer | Buffer) => {
      room.receive(
        connection,
        data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      );
    });
    ws.on("close", () => {
      const left = (this.socketsPerUser.get(user.id) ?? 1) - 1;
      if (left > 0) this.socketsPerUser.set(user.id, left);
      else this.socketsPerUser.delete(user.id);
      room.leave(socket);
      if (room.connections.size === 0) void this.unloadWhenIdle(room);
    });
    ws.on("error", (error) => this.options.log.warn(`socket error in story ${storyId}`, error));

    room.ready.then(
      () => room.greet(connection),
      (error: unknown) => {
        this.discard(room);
        if (error instanceof StoryNotFoundError) socket.close(CloseCode.NotFound, "story not found");
        else if (error instanceof QuarantinedError) socket.close(CloseCode.Quarantined, error.message);
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
      room = new Room(storyId, this.roomOptions);
      this.rooms.set(storyId, room);
      // Whoever waits for the load is told why it failed (a quarantine is logged where it is found).
      room.ready.catch(() => undefined);
    }
    return room;
  }

  /** A room whose load failed: forgotten, so that the next socket tries again. */
  private discard(room: Room): void {
    if (this.rooms.get(room.storyId) === room) this.rooms.delete(room.storyId);
    room.destroy();
  }

  /** Compacts a room that has emptied, then unloads it unless someone joined or edited meanwhile. */
  private async unloadWhenIdle(room: Room): Promise<void> {
    try {
      await room.ready;
    } catch {
      return;
    }
    await room.appendedSoFar();
    await room.compact();
    this.unloadIfIdle(room);
  }

  /**
   * Unloads a room that nobody is in and whose every edit is in the log, once the app's last request to it is
   * unloadDelayMs old; a failing append keeps it loaded. A room that is not due yet is checked again when it will be.
   */
  private unloadIfIdle(room: Room): void {
    if (room.connections.size > 0 || room.hasUnsavedUpdates || this.rooms.get(room.storyId) !== room) return;
    const due = room.keepLoadedUntil - Date.now();
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
   * A story's live document, encoded as one update, for the app to read. From its room when this process has
   * it open; else from the database (the compacted state and the log), without opening a room: every update a
   * socket or another process has seen is in the log already (a room appends before it sends), so the stored
   * document is as new as anything anyone saw. The review queue reads the stories that changed this way, without
   * loading a room for each. A read that has not begun yet is shared by the reads of the story that come meanwhile
   * (one that has begun may miss an edit a later caller knows of); at most APP_READS_AT_ONCE go to the database
   * together (they share its connections with the appends). Resolves once what it returns is in the log.
   * @throws StoryNotFoundError when the story does not exist; QuarantinedError when its stored document fails
   * the schema.
   */
  readDocument(storyId: string): Promise<Uint8Array> {
    const shared = this.reads.get(storyId);
    if (shared && !shared.begun()) return shared.read;
    let begun = false;
    const read = this.read(storyId, () => (begun = true)).finally(() => {
      if (this.reads.get(storyId)?.read === read) this.reads.delete(storyId);
    });
    this.reads.set(storyId, { read, begun: () => begun });
    return read;
  }

  /** Reads a story's live document (readDocument); `begin` is called as it takes what it returns. */
  private async read(storyId: string, begin: () => void): Promise<Uint8Array> {
    const room = this.rooms.get(storyId);
    if (room) {
      try {
        await room.ready;
      } catch (error) {
        this.discard(room);
        throw error;
      }
      // Unloaded meanwhile: its edits are in the log.
      if (this.rooms.get(storyId) === room) {
        begin();
        const state = Y.encodeStateAsUpdate(room.doc);
        await room.appendedSoFar();
        if (this.options.relay.alone) return state;
        // Another process's edit may be in the log and still on its way to this room through Redis.
        const stored = await this.appReads.run(() => this.options.persistence.load(storyId));
        return stored ? Y.mergeUpdates([state, stored.state]) : state;
      }
    }
    const stored = await this.appReads.run(() => {
      begin();
      return this.options.persistence.load(storyId);
    });
    if (!stored) return Y.encodeStateAsUpdate(new Y.Doc());
    checkStoredDocument(storyId, stored, { ...this.options, documentLimits: this.options.limits.document });
    return stored.state;
  }

  /**
   * Runs `change` on a story's live document as the server (its changes reach every socket in the room and
   * are stored like any edit), loading the room if nobody has it open and unloading it again afterwards.
   * Resolves once the change is in the log.
   * @throws StoryNotFoundError when the story does not exist; QuarantinedError when its stored document fails
   * the schema.
   */
  async withDocument<T>(storyId: string, change: (doc: Y.Doc) => T): Promise<T> {
    const current = this.open(storyId);
    try {
      await current.ready;
    } catch (error) {
      this.discard(current);
      throw error;
    }
    // Only a room nobody is in is kept for the app's next changes: a room people are in must still unload when
    // they leave.
    if (current.connections.size === 0) current.keepLoadedUntil = Date.now() + this.options.unloadDelayMs;
    try {
      const result = current.changeAsServer(change);
      await current.appendedSoFar();
      return result;
    } finally {
      if (current.connections.size === 0) void this.unloadWhenIdle(current);
    }
  }

  /**
   * On shutdown: waits up to `timeoutMs` for every accepted update to reach the log, then compacts each room.
   * @returns the stories whose log still lacks accepted updates (their edits are lost with the process).
   */
  async storeAll(timeoutMs: number): Promise<string[]> {
    const open = [...this.rooms.values()];
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([
      Promise.all(
        open.map((room) =>
          room.ready.then(
            () => room.appendedSoFar(),
            () => undefined,
          ),
        ),
      ),
      deadline,
    ]);
    const unsaved = open.filter((room) => room.hasUnsavedUpdates).map((room) => room.storyId);
    await Promise.race([
      Promise.all(
        open
          .filter((room) => !room.hasUnsavedUpdates)
          .map((room) =>
            room.ready.then(
              () => room.compact(),
              () => undefined,
            ),
          ),
      ),
      deadline,
    ]);
    return unsaved;
  }
}
