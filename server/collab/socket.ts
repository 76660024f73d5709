import type { WebSocket } from "ws";

/**
 * What a room needs of a client's connection. The room core talks only to this, so it is tested without a
 * network (tests/unit/server/collab/room.test.ts pairs it with an in-memory socket).
 */
export interface CollabSocket {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  readonly isOpen: boolean;
  /** Bytes queued for this socket and not yet written to the network. */
  readonly bufferedAmount: number;
}

/** The longest close reason RFC 6455 allows, in UTF-8 bytes: `ws` throws on a longer one. */
const MAX_REASON_BYTES = 123;

/** A close reason cut to what a close frame can carry, on a character boundary. */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= MAX_REASON_BYTES) return reason;
  let cut = reason;
  while (Buffer.byteLength(`${cut}…`) > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A `ws` WebSocket as a CollabSocket. A failed write terminates the socket (its close handler cleans up). A class,
 * so that each socket costs one small object: an object literal with getters and closures cost about 0.6 KB per
 * socket (heap snapshots of 10,000 idle sockets, bench/RESULTS.md).
 */
class WsSocket implements CollabSocket {
  constructor(private readonly ws: WebSocket) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, terminateOnError.bind(this.ws));
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING)
      this.ws.close(code, closeReason(reason));
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }
}

function terminateOnError(this: WebSocket, error?: Error): void {
  if (error) this.terminate();
}

/** A `ws` WebSocket as a CollabSocket. */
export function wsSocket(ws: WebSocket): CollabSocket {
  return new WsSocket(ws);
}
