import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { StoryDoc } from "../../lib/story-doc/schema";
import { checkUpdate, type DocumentLimits } from "../../lib/story-doc/write-policy";
import { Deferral, Refusal, type Connection, type RoomHook } from "./hooks";
import type { Logger } from "./logger";
import type { Persistence, StoredDocument } from "./persistence";
import { PresenceThrottle } from "./presence-throttle";
import { caretsMessage, encodeCursor, sameBesidesCursor } from "../../lib/collab/caret-messages";
import type { Relay, RelayMessage } from "./relay";
import {
  awarenessMessage,
  decodeClientMessage,
  isEmptyStateVector,
  syncAnswerMessage,
  syncRequestMessage,
  syncStateMessage,
  syncUpdateMessage,
} from "./protocol";
import type { CollabSocket } from "./socket";

/** The origin of changes the server itself makes (a recorded review decision, a re-anchoring, a stamp). */
export const SERVER_ORIGIN = Symbol("server");
const LOADED_FROM_STORAGE = Symbol("loaded from storage");
/** The origin of changes that are already in the log: another process's updates, or the log reloaded. */
const FROM_LOG = Symbol("from the log");
/** The longest wait between two attempts to append to the log while the database fails. */
const MAX_APPEND_RETRY_MS = 5_000;
/** How long one process may hold a room's compaction lock before another may take it. */
const COMPACTION_LOCK_MS = 30_000;
/** Updates, and their bytes, one socket may have waiting for changes it has not sent yet (a catch-up after a reconnect). */
const MAX_WAITING_UPDATES = 256;
const MAX_WAITING_BYTES = 4 * 1024 * 1024;

/** What a room needs from the process that runs it. */
export interface RoomOptions {
  persistence: Persistence;
  /** The other processes that serve the same stories (createSoloRelay() when there are none). */
  relay: Relay;
  log: Logger;
  hooks: readonly RoomHook[];
  documentLimits: DocumentLimits;
  /** Quiet time after the last append before the log is folded into the compacted state. */
  compactDelayMs: number;
  /** Appends after which the log is folded even while edits keep coming. */
  compactEveryAppends: number;
  /** Most frames one socket may send while the room is still loading. */
  maxBacklogFrames: number;
  /** Shortest time between two presence messages of one client (presence-throttle.ts). */
  presenceIntervalMs: number;
  /** Called whenever every accepted update is in the log, so that an empty room unloads once its last edit is safe. */
  onDurable(room: Room): void;
}

/** The state vector of the stored document each socket was sent as its room loaded, until it asks for the document. */
const sentOnLoad = new WeakMap<Connection, Uint8Array>();
/**
 * The frames of each socket that its room has not greeted yet (it is loading), in order. This and `waitingUpdates` are
 * kept per socket, not in a map of each room: most rooms have neither, and an empty Map takes 0.2 KB.
 */
const backlogs = new WeakMap<Connection, Uint8Array[]>();
/** Each socket's updates that wait for changes it has not sent yet (see Deferral), oldest first. */
const waitingUpdates = new WeakMap<Connection, Uint8Array[]>();

/** Whether a presence change is this process's own: not another process's, nor a time-out (each process times out stale presence itself). */
const isOwn = (origin: unknown): boolean => origin !== FROM_LOG && origin !== "timeout";

/** The stored document of a story fails the schema: it is not served (see the close code Quarantined). */
export class QuarantinedError extends Error {
  override name = "QuarantinedError";
}

/**
 * Refuses to serve a stored document that fails the write policy. A document stored before the policy existed, or
 * by the app, may hold what the policy refuses (a structure that makes every reader recurse until the stack
 * overflows). One that passes is marked, so that the next load skips this check, the slowest part of opening a
 * long story; one already marked for this policy is not checked again. One that fails is logged.
 * @throws QuarantinedError when the document fails the policy.
 */
export function checkStoredDocument(
  storyId: string,
  stored: StoredDocument,
  options: Pick<RoomOptions, "persistence" | "log" | "documentLimits">,
): void {
  if (stored.checked) return;
  const scratch = new StoryDoc();
  const verdict = checkUpdate(stored.state, {
    doc: scratch,
    writer: "server",
    mayWriteAs: () => true,
    limits: options.documentLimits,
  });
  scratch.destroy();
  if (!verdict.ok) {
    const error = new QuarantinedError(`the stored document fails the schema (${verdict.reason})`);
    options.log.error(`story ${storyId} is quarantined: ${error.message}`);
    throw error;
  }
  if (stored.version !== null) {
    options.persistence
      .markChecked(storyId, stored.version)
      .catch((error: unknown) => options.log.warn(`marking story ${storyId} as checked failed`, error));
  }
}

/**
 * One story's live document, shared by every socket in the room: it loads once (every socket awaits the same
 * load; frames that arrive meanwhile are queued in order) and checks each socket's messages through its hooks.
 * An accepted update is applied at once, appended to the log (the updates of one moment together), and only
 * then sent to the other sockets and processes: nobody ever receives an edit that a crash could lose. Now and
 * then the log is folded into the compacted state. The registry (rooms.ts) opens and unloads rooms; the
 * concerns (presence, the write policy, claim audit, limits) are hooks.
 */
export class Room {
  readonly doc: Y.Doc = new StoryDoc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<CollabSocket, Connection>();
  readonly ready: Promise<void>;
  /**
   * The person each Yjs client id belongs to: whoever first announced it or wrote under it while the room was
   * open (presence.ts, document-policy.ts). Nobody else may write under it, even while its owner is offline,
   * so an edit made offline is never pre-empted by someone else's structs at the same clocks.
   */
  private readonly owners = new Map<number, string>();
  /** An upper bound of the document's encoded size: its size when loaded or compacted plus every update since. */
  approximateBytes = 0;
  /** Until when an empty room stays loaded (ms since the epoch): set by the app's requests (Rooms.withDocument). */
  keepLoadedUntil = 0;
  /** The pending check for unloading the room once it is empty and may go. */
  unloadTimer: NodeJS.Timeout | null = null;
  private readonly presence: PresenceThrottle;
  /**
   * Each present client's state as it last went out (the object the awareness held then): whether a caret can
   * stand for the next.
   */
  private readonly sentStates = new Map<number, Record<string, unknown>>();
  /** Relay messages that arrived while the room was loading; null once it has loaded. */
  private relayBacklog: RelayMessage[] | null = [];
  /** Accepted updates not yet handed to the log. */
  private unsent: Uint8Array[] = [];
  /** How many updates were accepted, and how many of them are in the log. */
  private accepted = 0;
  private appended = 0;
  /** Messages and waiters held until the updates accepted before them are in the log. */
  private held: Array<{ upTo: number; release: () => void }> = [];
  private appending: Promise<void> | null = null;
  /** Whether the last attempt to append failed (the room keeps trying; /healthz reports it). */
  appendFailing = false;
  /** When the log last caught up with the room or took a batch, while updates wait for it (else null). */
  private waitingSince: number | null = null;
  private appendsSinceCompaction = 0;
  private compactTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<void> | null = null;
  private destroyed = false;
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    readonly storyId: string,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.presence = new PresenceThrottle(options.presenceIntervalMs, (clientIds, published) => {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds);
      this.broadcastPresence(clientIds, awarenessMessage(update));
      if (published.length === 0) return;
      const own =
        published.length === clientIds.length
          ? update
          : awarenessProtocol.encodeAwarenessUpdate(this.awareness, published);
      this.options.relay.publish(this.storyId, { kind: "awareness", update: own });
    });
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    // Subscribed before reading the log: an update another process appends meanwhile arrives in the backlog.
    this.unsubscribe = await this.options.relay.subscribe(this.storyId, (message) => {
      if (this.relayBacklog) this.relayBacklog.push(message);
      else this.receiveRelayed(message);
    });
    if (this.destroyed) void this.leaveRelay();
    const [owners, stored] = await Promise.all([
      this.options.relay.owners(this.storyId),
      this.options.persistence.load(this.storyId),
    ]);
    for (const [clientId, userId] of owners) this.owners.set(clientId, userId);
    if (stored) {
      const { state } = stored;
      checkStoredDocument(this.storyId, stored, this.options);
      // A cold open: the sockets that wait for the load are sent the stored document now, and apply it while
      // the room applies it too (for a long story, milliseconds each) rather than after.
      const waiting = [...this.connections.values()].filter((connection) => backlogs.has(connection));
      if (waiting.length > 0) {
        const message = syncStateMessage(state);
        for (const connection of waiting) this.send(connection, message);
      }
      Y.applyUpdate(this.doc, state, LOADED_FROM_STORAGE);
      this.approximateBytes = state.length;
      if (waiting.length > 0) {
        const sent = Y.encodeStateVector(this.doc);
        for (const connection of waiting) sentOnLoad.set(connection, sent);
      }
    }
    this.doc.on("afterTransaction", (transaction: Y.Transaction) => {
      const connection = this.connectionOf(transaction.origin);
      if (connection) for (const hook of this.options.hooks) hook.afterUpdate?.(this, connection, transaction);
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      this.approximateBytes += update.length;
      if (origin === FROM_LOG) this.broadcast(syncUpdateMessage(update));
      else this.appendSoon(update);
    });
    type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };
    // "change" tells states that differ; "update" follows it with every state set, changed or only renewed.
    this.awareness.on("change", ({ added, updated, removed }: AwarenessChange, origin: unknown) =>
      this.presence.changed([...added, ...updated], removed, isOwn(origin)),
    );
    this.awareness.on("update", ({ updated }: AwarenessChange, origin: unknown) =>
      this.presence.renewed(updated, isOwn(origin)),
    );
    for (const hook of this.options.hooks) hook.onLoad?.(this);
    const backlog = this.relayBacklog ?? [];
    this.relayBacklog = null;
    for (const message of backlog) this.receiveRelayed(message);
    this.options.relay.publish(this.storyId, { kind: "query" });
  }

  /** A message from another process serving this story (relay.ts); it was checked there. */
  private receiveRelayed(message: RelayMessage): void {
    if (this.destroyed) return;
    switch (message.kind) {
      case "update":
        Y.applyUpdate(this.doc, message.update, FROM_LOG);
        return;
      case "awareness":
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_LOG);
        return;
      case "owners":
        for (const [clientId, userId] of message.owners)
          if (!this.owners.has(clientId)) this.owners.set(clientId, userId);
        return;
      case "query": {
        const local = [...this.connections.values()]
          .flatMap((connection) => connection.clientIds)
          .filter((id) => this.awareness.getStates().has(id));
        if (local.length > 0)
          this.options.relay.publish(this.storyId, {
            kind: "awareness",
            update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, local),
          });
        return;
      }
    }
  }

  /**
   * Reads the log again and applies what this room lacks (after the relay lost messages); what it lacked reaches
   * the room's sockets like any update from another process.
   */
  async catchUp(): Promise<void> {
    await this.ready;
    const stored = await this.options.persistence.load(this.storyId);
    if (stored && !this.destroyed) Y.applyUpdate(this.doc, stored.state, FROM_LOG);
  }

  /**
   * The person each Yjs client id belongs to: whoever first announced it or wrote under it while the room was
   * open, here or in another process (presence.ts, document-policy.ts). Nobody else may write under it, even
   * while its owner is offline, so an edit made offline is never pre-empted by someone else's structs at the
   * same clocks.
   */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** Records who owns a client id (the first to claim it), here and in the other processes. */
  claimClientId(clientId: number, userId: string): void {
    if (this.owners.has(clientId)) return;
    this.owners.set(clientId, userId);
    this.options.relay.claim(this.storyId, clientId, userId);
  }

  /** The limits this room's document is held to. */
  get documentLimits(): DocumentLimits {
    return this.options.documentLimits;
  }

  /** Whether some accepted update is not in the log yet. */
  get hasUnsavedUpdates(): boolean {
    return this.appended < this.accepted;
  }

  /** How long updates have waited for the log without it taking any (0 when none waits). */
  get appendStalledMs(): number {
    return this.waitingSince === null ? 0 : Date.now() - this.waitingSince;
  }

  /** Adds an authenticated socket; its frames are queued until the room has loaded, then greeted. */
  join(connection: Connection): void {
    this.connections.set(connection.socket, connection);
    backlogs.set(connection, []);
    for (const hook of this.options.hooks) hook.onJoin?.(this, connection);
  }

  /** Starts serving a socket once the room has loaded: the first step of sync, who is present, then its queue. */
  greet(connection: Connection): void {
    const backlog = backlogs.get(connection);
    if (!backlog || !connection.socket.isOpen) return;
    backlogs.delete(connection);
    this.send(connection, syncRequestMessage(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.send(connection, this.presentNow(present));
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
      const backlog = backlogs.get(connection);
      if (backlog) {
        if (backlog.length >= this.options.maxBacklogFrames)
          throw new Refusal(CloseCode.RateLimited, "too many messages while the story loads");
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
      throw new Refusal(
        CloseCode.BadMessage,
        `malformed message: ${error instanceof Error ? error.message : "unreadable"}`,
      );
    }
    switch (message.type) {
      case "sync-request": {
        for (const hook of this.options.hooks) hook.onSyncRequest?.(this, connection);
        // A socket that was sent the stored document as the room loaded asked before it had it: what it lacks is
        // what the document has beyond that (an update that came from another process during the load).
        const sent = sentOnLoad.get(connection);
        sentOnLoad.delete(connection);
        let answer: Uint8Array;
        try {
          answer = syncAnswerMessage(
            this.doc,
            sent && isEmptyStateVector(message.stateVector) ? sent : message.stateVector,
          );
        } catch {
          throw new Refusal(CloseCode.BadMessage, "malformed message: state vector");
        }
        // The answer may hold updates still on their way to the log: it waits for them.
        this.whenAppended(() => this.send(connection, answer));
        return;
      }
      case "update":
        if (!this.applyUpdate(connection, message.update)) return;
        this.retryWaiting(connection);
        return;
      case "awareness": {
        let update = message.update;
        for (const hook of this.options.hooks)
          if (hook.onAwareness) update = hook.onAwareness(this, connection, update);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
        return;
      }
      case "query-awareness":
        this.send(connection, this.presentNow([...this.awareness.getStates().keys()]));
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
      const waiting = waitingUpdates.get(connection) ?? [];
      const bytes = waiting.reduce((sum, queued) => sum + queued.length, update.length);
      if (waiting.length >= MAX_WAITING_UPDATES || bytes > MAX_WAITING_BYTES) throw error;
      waiting.push(update);
      waitingUpdates.set(connection, waiting);
      return false;
    }
    Y.applyUpdate(this.doc, update, connection);
    return true;
  }

  /** Tries a socket's waiting updates again, as long as each round applies one of them. */
  private retryWaiting(connection: Connection): void {
    for (let waiting = waitingUpdates.get(connection); waiting; waiting = waitingUpdates.get(connection)) {
      waitingUpdates.delete(connection);
      let applied = false;
      // An update that still waits goes back on the (new) list in its order.
      for (const update of waiting) if (this.applyUpdate(connection, update)) applied = true;
      if (!applied) return;
    }
  }

  /** Closes a socket for what it sent; an unexpected error is logged and closes it as a bad message. */
  refuse(connection: Connection, error: unknown): void {
    const refusal = error instanceof Refusal ? error : new Refusal(CloseCode.BadMessage, "malformed message");
    if (!(error instanceof Refusal))
      this.options.log.warn(`unexpected error on a socket of ${connection.user.id} in story ${this.storyId}`, error);
    else
      this.options.log.info(
        `closed a socket of ${connection.user.id} in story ${this.storyId}: ${refusal.code} ${refusal.reason}`,
      );
    connection.socket.close(refusal.code, refusal.reason);
    this.leave(connection.socket);
  }

  /** Forgets a socket and the presence it controlled. */
  leave(socket: CollabSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    backlogs.delete(connection);
    waitingUpdates.delete(connection);
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

  /**
   * The presence of these clients as it is now, for one socket (a greeting, an answer to a query). A change that
   * waits in the throttle reaches this socket now but the others later: until it goes out, no caret may stand for
   * such a client (a caret applies to what each socket holds, and this socket holds something newer).
   */
  private presentNow(clientIds: number[]): Uint8Array {
    const states = this.awareness.getStates();
    for (const clientId of clientIds) {
      const state = states.get(clientId);
      const sent = this.sentStates.get(clientId);
      if (state && sent && !sameBesidesCursor(sent, state)) this.sentStates.delete(clientId);
    }
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
  }

  /**
   * Sends presence that changed: as awareness to every socket, except that a socket that reads carets gets a
   * caret for each client whose state changed only in its cursor since it last went out
   * (lib/collab/caret-messages.ts) and awareness for the rest.
   */
  private broadcastPresence(clientIds: number[], awareness: Uint8Array): void {
    const states = this.awareness.getStates();
    const carets: Array<{ clientId: number; clock: number; cursor: Uint8Array }> = [];
    const whole: number[] = [];
    for (const clientId of clientIds) {
      const state = states.get(clientId);
      if (!state) {
        this.sentStates.delete(clientId);
        whole.push(clientId);
        continue;
      }
      const sent = this.sentStates.get(clientId);
      const cursor = sent && sameBesidesCursor(sent, state) ? encodeCursor(state.cursor) : null;
      const clock = this.awareness.meta.get(clientId)?.clock;
      if (cursor && clock !== undefined) carets.push({ clientId, clock, cursor });
      else whole.push(clientId);
      this.sentStates.set(clientId, state);
    }
    if (carets.length === 0) return this.broadcast(awareness);
    const caretMessage = caretsMessage(carets);
    const rest =
      whole.length > 0 ? awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, whole)) : null;
    for (const connection of [...this.connections.values()]) {
      if (backlogs.has(connection)) continue;
      if (!connection.carets) this.send(connection, awareness);
      else {
        if (rest) this.send(connection, rest);
        this.send(connection, caretMessage);
      }
    }
  }

  private broadcast(message: Uint8Array): void {
    for (const connection of [...this.connections.values()])
      if (!backlogs.has(connection)) this.send(connection, message);
  }

  /** The connection a transaction came from (its origin), if it came from a socket of this room. */
  connectionOf(origin: unknown): Connection | undefined {
    const socket = (origin as Partial<Connection> | null)?.socket;
    return socket && this.connections.get(socket) === origin ? (origin as Connection) : undefined;
  }

  /**
   * Runs a change on the document as the server; it reaches every socket and is stored like any edit.
   * @throws Error on an unloaded room, whose document nothing stores any more (the change would be lost).
   */
  changeAsServer<T>(change: (doc: Y.Doc) => T): T {
    if (this.destroyed) throw new Error(`the room of story ${this.storyId} is unloaded`);
    let result!: T;
    this.doc.transact(() => {
      result = change(this.doc);
    }, SERVER_ORIGIN);
    return result;
  }

  /** Runs `release` once every update accepted so far is in the log (at once when it already is). */
  private whenAppended(release: () => void): void {
    if (this.appended >= this.accepted) release();
    else this.held.push({ upTo: this.accepted, release });
  }

  /** Resolves once every update accepted so far is in the log. */
  appendedSoFar(): Promise<void> {
    return new Promise((resolve) => this.whenAppended(resolve));
  }

  /**
   * Puts an accepted update in the log: at once where the log writes synchronously and nothing waits before it,
   * else queued, and updates that arrive while an append is under way go in the next one.
   */
  private appendSoon(update: Uint8Array): void {
    this.accepted++;
    if (this.appendNow(update)) return;
    this.waitingSince ??= Date.now();
    this.unsent.push(update);
    this.appending ??= this.appendAll().finally(() => {
      this.appending = null;
    });
  }

  /**
   * On a log that writes synchronously (SQLite: a commit takes microseconds), an update with nothing queued
   * before it may be appended within the frame that brought it and sent on at once, as the stock server
   * broadcasts, instead of at the end of the turn (after every other frame the turn reads). A failure leaves it
   * to the queue, which retries.
   * @returns whether the update is in the log and sent.
   */
  private appendNow(update: Uint8Array): boolean {
    const { persistence } = this.options;
    if (!persistence.appendNow || this.appending || this.destroyed) return false;
    try {
      if (!persistence.appendNow(this.storyId, update)) return false;
    } catch {
      return false;
    }
    this.appended++;
    this.sendAppended(update);
    // Not from inside the transaction that made the update: unloading would destroy the document it runs on.
    queueMicrotask(() => {
      if (!this.hasUnsavedUpdates && !this.destroyed) this.options.onDurable(this);
    });
    return true;
  }

  /**
   * Appends the queued updates until none is left: each batch in one row, then sends it to the room's sockets
   * and the other processes and releases what waited for it. A failed append is retried with growing waits for
   * as long as the room is open; nothing is sent meanwhile.
   */
  private async appendAll(): Promise<void> {
    let retryMs = 50;
    while (this.unsent.length > 0 && !this.destroyed) {
      const batch = this.unsent.slice();
      const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      try {
        await this.options.persistence.append(this.storyId, update);
      } catch (error) {
        if (!this.appendFailing)
          this.options.log.error(`appending to the log of story ${this.storyId} failed; retrying`, error);
        this.appendFailing = true;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, MAX_APPEND_RETRY_MS);
        continue;
      }
      if (this.appendFailing) this.options.log.info(`appending to the log of story ${this.storyId} works again`);
      this.appendFailing = false;
      retryMs = 50;
      this.unsent.splice(0, batch.length);
      this.appended += batch.length;
      this.waitingSince = this.hasUnsavedUpdates ? Date.now() : null;
      this.sendAppended(update);
    }
    if (!this.hasUnsavedUpdates) this.options.onDurable(this);
  }

  /** What follows an append: the update goes to the room's sockets and the other processes, and what waited for it is released. */
  private sendAppended(update: Uint8Array): void {
    this.broadcast(syncUpdateMessage(update));
    this.options.relay.publish(this.storyId, { kind: "update", update });
    const released = this.held.filter((waiter) => waiter.upTo <= this.appended);
    this.held = this.held.filter((waiter) => waiter.upTo > this.appended);
    for (const waiter of released) waiter.release();
    this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    this.appendsSinceCompaction++;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    const delay = this.appendsSinceCompaction >= this.options.compactEveryAppends ? 0 : this.options.compactDelayMs;
    this.compactTimer = setTimeout(() => void this.compact(), delay);
    this.compactTimer.unref();
  }

  /**
   * Folds the log into the compacted state, unless another process is doing it (the lock); a failure is logged
   * and left to the next compaction (the log holds every edit either way).
   */
  compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.compacting ??= (async () => {
      const since = this.appendsSinceCompaction;
      try {
        let folded = 0;
        await this.options.relay.exclusively(`compact:${this.storyId}`, COMPACTION_LOCK_MS, async () => {
          folded = await this.options.persistence.compact(this.storyId);
        });
        this.appendsSinceCompaction -= since;
        // Measured again only when something was folded: encoding a long story takes milliseconds, and every room
        // compacts when its last socket leaves, most of them with nothing to fold.
        if (folded && !this.destroyed) this.approximateBytes = Y.encodeStateAsUpdate(this.doc).length;
      } catch (error) {
        this.options.log.warn(`compacting the log of story ${this.storyId} failed; the log keeps every edit`, error);
      }
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async leaveRelay(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.().catch((error: unknown) =>
      this.options.log.warn(`leaving story ${this.storyId} on the relay failed`, error),
    );
  }

  /** Closes the room: it stops appending (what is unsent stays unsent), receiving from other processes and timing. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.presence.destroy();
    void this.leaveRelay();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
