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

/** A `ws` WebSocket as a CollabSocket. A failed write terminates the socket (its close handler cleans up). */
export function wsSocket(ws: WebSocket): CollabSocket {
  return {
    send(message) {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(message, (error) => {
        if (error) ws.terminate();
      });
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, closeReason(reason));
    },
    get isOpen() {
      return ws.readyState === ws.OPEN;
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}
