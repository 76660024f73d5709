// A y-websocket protocol client without the stock provider's timers and awareness bookkeeping, for the scenarios
// with thousands of sockets: it syncs a Y.Doc (sync step 1 and 2, then updates both ways), announces one presence
// state on open as the workspace does, and reads presence from others without keeping it.
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
}

export class RawClient {
  readonly socket: WebSocket;
  /** Resolves once the server has answered this client's sync step 1; rejects if the socket closes first. */
  readonly synced: Promise<void>;
  /** How the server closed the socket, when it did. */
  closed: { code: number; reason: string } | null = null;
  bytesIn = 0;
  private closing = false;
  /** Waiting for the answers to sync step 1s sent after the first. */
  private readonly answers: Array<() => void> = [];

  constructor(
    url: string,
    readonly doc: Y.Doc = new Y.Doc(),
    options: RawClientOptions = {},
  ) {
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
      if (options.presence) this.socket.send(presenceMessage(this.doc.clientID, 1, options.presence));
    });
    this.socket.on("message", (data: ArrayBuffer) => {
      this.bytesIn += data.byteLength;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // presence of others: read, not kept
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
export function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
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
export async function openMany<T extends { synced: Promise<void> }>(count: number, parallel: number, open: (index: number) => T | Promise<T>): Promise<T[]> {
  const clients: T[] = [];
  for (let at = 0; at < count; at += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - at) }, (_, i) => open(at + i)));
    await Promise.all(batch.map((client) => client.synced));
    clients.push(...batch);
  }
  return clients;
}
