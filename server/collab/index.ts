import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../lib/collab/close-codes";
import { createAccessControl } from "./access";
import { authenticate, UsedTokens } from "./authenticate";
import { claimAuditHook } from "./claim-audit";
import { documentPolicyHook } from "./document-policy";
import { handleInternalRequest } from "./internal-api";
import { DEFAULT_LIMITS, limitsHook, type CollabLimits } from "./limits";
import { consoleLogger, type Logger } from "./logger";
import type { Persistence } from "./persistence";
import { presenceHook } from "./presence";
import { createSoloRelay, type Relay } from "./relay";
import { Rooms } from "./rooms";

export interface CollabServerOptions {
  persistence: Persistence;
  /** The other processes serving the same stories (redis-relay.ts); by default none. */
  relay?: Relay;
  /** The secret the Next app signs collaboration tokens with. */
  tokenSecret: string;
  /** The secret of the service tokens of the internal endpoints (default: tokenSecret; set one of its own). */
  internalSecret?: string;
  /** What a socket, a person and the process may cost (limits.ts); unset fields keep their defaults. */
  limits?: Partial<CollabLimits>;
  /** How often the roles of connected people are checked against the database (revocation within that time). */
  accessCheckIntervalMs?: number;
  /** Quiet time after the last append before a room's log is folded into its compacted state (default 10 s). */
  compactDelayMs?: number;
  /** Appends after which a room's log is folded even while edits keep coming (default 500). */
  compactEveryAppends?: number;
  /**
   * Shortest time between two presence messages of one client (default 80 ms): a caret that moves with every
   * keystroke is sent once per interval, the latest state.
   */
  presenceIntervalMs?: number;
  /** How long close() waits for the last edits to reach the log (default 20 s). */
  shutdownTimeoutMs?: number;
  /**
   * How long a room that served the app's change to a story's live document (a decision, an assignment, a
   * source's correction) while nobody was in it stays loaded (default 30 s), so that the app's next change (a
   * reviewer deciding claim after claim) does not load it again. The app's reads do not load a room: a story
   * nobody is in is read from the database (Rooms.readDocument). A room whose last socket has left is unloaded
   * as soon as every edit is in the log (and a compaction has been tried), as the stock y-websocket server and
   * Hocuspocus unload a document: kept 30 s, the rooms of everyone who had left filled the heap, and the
   * collections that brought made every other socket wait (opening 200 stories of 10,000 edits one after
   * another: p99 30 ms against 14 ms, bench/RESULTS.md, issue 12). Loading a story again costs about 6 ms.
   */
  unloadDelayMs?: number;
  /** How often dead sockets are detected with a ping. */
  pingIntervalMs?: number;
  log?: Logger;
}

export interface CollabServer {
  /** Starts listening for browsers' sockets (and /healthz); resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Starts listening for the Next app's internal requests (and /healthz), on an address of their own that only
   * the app reaches; resolves with the port.
   */
  listenInternal(port: number, host?: string): Promise<number>;
  /**
   * Closes every socket, waits for every accepted edit to reach the log, compacts, then stops listening.
   * @throws UnsavedEditsError when some edits could not be stored in time.
   */
  close(): Promise<void>;
  readonly rooms: Rooms;
}

/**
 * The collaboration server: y-websocket protocol over `ws`, one room per story, each connection
 * authenticated in the HTTP upgrade with a collaboration token. `GET /healthz` reports rooms, sockets and
 * storage (503 while appends to the log fail or Redis is unreachable). The internal endpoints that serve the
 * Next app (internal-api.ts) answer on a listener of their own (listenInternal), never on the public one.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const log = options.log ?? consoleLogger;
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const access = createAccessControl({
    persistence: options.persistence,
    log,
    intervalMs: options.accessCheckIntervalMs ?? 2_000,
  });
  const usedTokens = new UsedTokens();
  const relay = options.relay ?? createSoloRelay();
  const rooms = new Rooms({
    persistence: options.persistence,
    relay,
    log,
    // The order is the order of the checks: cost first, then who may write what, then what is recorded.
    hooks: [
      limitsHook(limits),
      access.hook,
      presenceHook,
      documentPolicyHook,
      claimAuditHook(options.persistence, log),
    ],
    limits,
    compactDelayMs: options.compactDelayMs ?? 10_000,
    compactEveryAppends: options.compactEveryAppends ?? 500,
    presenceIntervalMs: options.presenceIntervalMs ?? 80,
    unloadDelayMs: options.unloadDelayMs ?? 30_000,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes });
  const alive = new WeakSet<WebSocket>();
  let closing = false;

  const health = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== "GET" || request.url !== "/healthz") return false;
    const storage = rooms.storage;
    const ok = !closing && storage.failingRooms === 0 && relay.healthy;
    response.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        ok,
        rooms: rooms.size,
        connections: wss.clients.size,
        storage,
        relay: relay.healthy ? "ok" : "unreachable",
      }),
    );
    return true;
  };
  const notFound = (response: ServerResponse): void => {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Corroborate collaboration server: connect with a y-websocket client.\n");
  };

  const http: Server = createServer((request, response) => {
    if (!health(request, response)) notFound(response);
  });
  const internalHttp: Server = createServer((request, response) => {
    if (health(request, response)) return;
    handleInternalRequest(
      request,
      response,
      { rooms, persistence: options.persistence },
      options.internalSecret ?? options.tokenSecret,
    ).then(
      (handled) => {
        if (!handled) notFound(response);
      },
      (error: unknown) => {
        log.error("internal request failed", error);
        if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: "internal error" }));
      },
    );
  });

  // The listeners a socket keeps for its whole life are made here, not in the upgrade handler: a closure made there
  // would hold the handler's scope, and with it the upgrade request and its buffers, for as long as the socket
  // lives (about 1.8 KB per socket, measured by bench:collab's heap snapshots).
  const onSocketError = (error: Error) => log.warn("upgrade socket error", error);
  function onPong(this: WebSocket): void {
    alive.add(this);
  }

  http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", onSocketError);
    void authenticate(request, options.tokenSecret, usedTokens).then((result) => {
      if (closing) {
        socket.destroy();
        return;
      }
      // The handshake completes even for a refused token so that the client receives a close code and a
      // reason it can act on; a refused socket never joins a room or reaches the document.
      wss.handleUpgrade(request, socket, head, (ws) => {
        if (!result.ok) {
          log.info(`refused a socket: ${result.reason}`);
          ws.close(result.code, result.reason);
          return;
        }
        if (wss.clients.size > limits.maxConnections) {
          ws.close(CloseCode.TooManyConnections, "too many connections");
          return;
        }
        alive.add(ws);
        ws.on("pong", onPong);
        rooms.join(result.storyId, ws, result.user, result.expiresAt, result.carets);
      });
    });
  });

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  return {
    rooms,
    listen: (port, host) => listenOn(http, port, host),
    listenInternal: (port, host) => listenOn(internalHttp, port, host),
    async close() {
      closing = true;
      clearInterval(pinger);
      access.stop();
      for (const ws of wss.clients) ws.close(CloseCode.ServerShutdown, "server shutting down");
      const unsaved = await rooms.storeAll(options.shutdownTimeoutMs ?? 20_000);
      for (const ws of wss.clients) ws.terminate();
      for (const server of [http, internalHttp]) {
        if (!server.listening) continue;
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
      }
      if (unsaved.length > 0) throw new UnsavedEditsError(unsaved);
    },
  };
}

function listenOn(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** A closing server could not append every accepted edit to the log (the database failed until the timeout). */
export class UnsavedEditsError extends Error {
  override name = "UnsavedEditsError";
  constructor(readonly storyIds: readonly string[]) {
    super(`edits of ${storyIds.length} stories could not be stored: ${storyIds.join(", ")}`);
  }
}
