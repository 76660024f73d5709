// A y-websocket protocol client without the stock provider's timers and awareness bookkeeping, for the scenarios
// with thousands of sockets or messages, where 50 stock providers or 2,000 Y.Docs would make the bench's own
// threads the bottleneck. It syncs a Y.Doc (sync step 1 and 2, then updates both ways) and announces the
// workspace's presence on open. On the wire it can behave as the stock provider does with presence: it sends back
// every presence change it receives that is newer than what it has seen (the provider re-encodes the one changed
// state, which gives the same bytes as the frame received). A passive client reads the document and its updates
// without applying them (it answers the server's sync step 1 from its empty document): the server cannot tell it
// from a client that applies them, and the bench's threads are spared the work and the memory.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export interface RawClientOptions {
  /** The presence state to announce on open (the workspace's: who, and the claim in view); none when unset. */
  presence?: Record<string, unknown>;
  /** Read the document and its updates without applying them. */
  passive?: boolean;
  /** Send back every newer presence change received, as the stock provider does. */
  echoPresence?: boolean;
  /** Called for each presence state received that is newer than the last seen for its client id. */
  onPresence?: (clientId: number, clock: number) => void;
  /**
   * Sends the presence state again, unchanged, every 15 s, as the stock provider's Awareness renews a state
   * half-way to y-protocols' 30 s time-out (without it, every server times the state out and tells the room).
   */
  renewPresence?: boolean;
}

/** How often Awareness renews an unchanged local state: half its 30 s time-out. */
const PRESENCE_RENEWAL_MS = 15_000;

export class RawClient {
  readonly socket: WebSocket;
  /** Resolves once the server has answered this client's sync step 1; rejects if the socket closes first. */
  readonly synced: Promise<void>;
  /** How the server closed the socket, when it did. */
  closed: { code: number; reason: string } | null = null;
  private closing = false;
  /** Waiting for the answers to sync step 1s sent after the first. */
  private readonly answers: Array<() => void> = [];
  /** The newest presence clock seen per client id (this client's own included). */
  private readonly presenceClocks = new Map<number, number>();
  private presence: Record<string, unknown> | null;
  private readonly onPresence: RawClientOptions["onPresence"];
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    readonly doc: Y.Doc = new Y.Doc(),
    options: RawClientOptions = {},
  ) {
    this.onPresence = options.onPresence;
    this.presence = options.presence ?? null;
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = "arraybuffer";
    let resolveSynced!: () => void;
    let rejectSynced!: (error: Error) => void;
    this.synced = new Promise<void>((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    // A caller that never awaits `synced` must not see an unhandled rejection when the socket closes.
    this.synced.catch(() => undefined);

    this.socket.on("open", () => {
      this.socket.send(this.syncRequest());
      if (this.presence) this.setPresence(this.presence);
      if (options.renewPresence)
        this.renewal = setInterval(() => this.presence && this.setPresence(this.presence), PRESENCE_RENEWAL_MS);
    });
    this.socket.on("message", (data: ArrayBuffer) => {
      const frame = new Uint8Array(data);
      const decoder = decoding.createDecoder(frame);
      const messageType = decoding.readVarUint(decoder);
      if (messageType === MESSAGE_AWARENESS) {
        if (this.readPresence(decoder) && options.echoPresence) this.send(frame);
        return;
      }
      if (messageType !== MESSAGE_SYNC) return;
      if (options.passive && frame[1] !== syncProtocol.messageYjsSyncStep1) {
        if (frame[1] === syncProtocol.messageYjsSyncStep2) resolveSynced();
        return;
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (type === syncProtocol.messageYjsSyncStep2) {
        resolveSynced();
        this.answers.shift()?.();
      }
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
    });
    this.socket.on("close", (code, reason) => {
      if (this.renewal) clearInterval(this.renewal);
      if (!this.closing) this.closed = { code, reason: reason.toString() };
      rejectSynced(new Error(`socket closed before it synced: ${code} ${reason.toString()}`));
    });
    this.socket.on("error", () => undefined); // a close follows
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE_SYNC);
      syncProtocol.writeUpdate(message, update);
      this.send(encoding.toUint8Array(message));
    });
  }

  /** Replaces this client's presence state (the next awareness clock), as Awareness.setLocalState does. */
  setPresence(state: Record<string, unknown>): number {
    this.presence = state;
    const clock = (this.presenceClocks.get(this.doc.clientID) ?? 0) + 1;
    this.presenceClocks.set(this.doc.clientID, clock);
    this.send(presenceMessage(this.doc.clientID, clock, state));
    return clock;
  }

  /**
   * Reads an awareness update's states (client id, clock; the JSON is skipped) and notes the newer ones.
   * @returns whether any state was newer than what this client had seen, which makes the stock provider send it back.
   */
  private readPresence(decoder: decoding.Decoder): boolean {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    let newer = false;
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const length = decoding.readVarUint(update); // of the state's JSON, in UTF-8 bytes, which is skipped
      update.pos += length;
      if (clock <= (this.presenceClocks.get(clientId) ?? 0)) continue;
      this.presenceClocks.set(clientId, clock);
      newer = true;
      this.onPresence?.(clientId, clock);
    }
    return newer;
  }

  /**
   * Asks the server for the document again and resolves with its answer: the server handles a socket's frames in
   * order, so everything this client sent before has been applied by then.
   */
  roundTrip(): Promise<void> {
    return new Promise((resolve) => {
      this.answers.push(resolve);
      this.send(this.syncRequest());
    });
  }

  private syncRequest(): Uint8Array {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    return encoding.toUint8Array(step1);
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }

  /** Closes the socket (not counted as a close by the server) and resolves when it is closed. */
  close(): Promise<void> {
    this.closing = true;
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.close();
    });
  }
}

/** An awareness message carrying one client's state. */
function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/**
 * Opens `count` clients, `parallel` at a time, each synced before the next batch starts.
 * @throws Error when a client's socket closes before it syncs.
 */
export async function openMany<T extends { synced: Promise<void> }>(
  count: number,
  parallel: number,
  open: (index: number) => T | Promise<T>,
): Promise<T[]> {
  const clients: T[] = [];
  for (let at = 0; at < count; at += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - at) }, (_, i) => open(at + i)));
    await Promise.all(batch.map((client) => client.synced));
    clients.push(...batch);
  }
  return clients;
}
