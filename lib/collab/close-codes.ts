/**
 * WebSocket close codes of the collaboration server, shared by the server and the browser client so that
 * each side names the same reason. 4000–4999 is the range RFC 6455 leaves to applications; the last three
 * digits mirror the HTTP status a reader would expect (4xx: reconnecting as it is cannot help; 45xx: try
 * again later). The close reason says which limit or rule it was.
 */
export const CloseCode = {
  /** The client sent a frame that is not a valid y-websocket message, or an update the write policy refuses. */
  BadMessage: 4400,
  /** The token is missing, expired, forged, malformed or already used: fetch a new one and reconnect. */
  Unauthorized: 4401,
  /** The token is valid but its role or story does not allow this room. Do not retry. */
  Forbidden: 4403,
  /** The story of this room does not exist. Do not retry. */
  NotFound: 4404,
  /** The client did not read what the server sent (its send buffer stayed full): reconnect. */
  SlowConsumer: 4408,
  /** The person's role changed or they were removed since the token was issued: fetch a new token. */
  AccessChanged: 4409,
  /** The update would make the story's document larger than the server allows. */
  DocumentTooLarge: 4413,
  /** The story's stored document fails the schema and is not served until an administrator repairs it. */
  Quarantined: 4423,
  /** The socket sent more messages, bytes or document requests than its budget allows: back off. */
  RateLimited: 4429,
  /** The process, the person's sockets or the room's load queue is full: retry later. */
  TooManyConnections: 4503,
  /** The server is shutting down; the client reconnects and finds another process or the restarted one. */
  ServerShutdown: 1012,
} as const;

/** The reason of the Forbidden close of every socket of a person an admin disabled (the workspace says so). */
export const ACCOUNT_DISABLED_REASON = "your account has been disabled";

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Whether a client should stop reconnecting after the server closed its socket with `code`: the story or
 * the person's access is gone, or what the client would send again was refused.
 */
export function isFinalCloseCode(code: number): boolean {
  return (
    code === CloseCode.Forbidden ||
    code === CloseCode.NotFound ||
    code === CloseCode.BadMessage ||
    code === CloseCode.DocumentTooLarge ||
    code === CloseCode.Quarantined
  );
}
