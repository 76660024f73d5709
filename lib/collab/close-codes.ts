/**
 * WebSocket close codes of the collaboration server, shared by the server and the browser client so that
 * each side names the same reason. 4000–4999 is the range RFC 6455 leaves to applications; the last three
 * digits mirror the HTTP status a reader would expect.
 */
export const CloseCode = {
  /** The client sent a frame that is not a valid y-websocket message. */
  BadMessage: 4400,
  /** The token is missing, expired, forged or malformed: fetch a new one and reconnect. */
  Unauthorized: 4401,
  /** The token is valid but its role or story does not allow this room. Do not retry. */
  Forbidden: 4403,
  /** The story of this room does not exist. Do not retry. */
  NotFound: 4404,
  /** The room or server is full. Retry later. */
  TooManyConnections: 4429,
  /** The server is shutting down; the client reconnects and finds another process or the restarted one. */
  ServerShutdown: 1012,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether a client should stop reconnecting after the server closed its socket with `code`. */
export function isFinalCloseCode(code: number): boolean {
  return code === CloseCode.Forbidden || code === CloseCode.NotFound;
}
