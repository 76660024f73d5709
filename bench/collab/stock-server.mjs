// The stock y-websocket server in a child process, run as it ships: plain Node (no TypeScript loader, which would
// add about 30 MB to its memory), @y/websocket-server's own bin (src/server.js) on a free port, with the same `ws`
// as our server (8.x; its bin resolves its optional ws 6 instead) and no persistence. Documents live in its memory;
// each path is a room. It answers the parent's requests as child.ts does for ours (same messages).
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});

const collect = () => {
  globalThis.gc();
  globalThis.gc();
};
const send = (message) => process.send?.(message);
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
process.on("disconnect", () => process.exit(0));
process.on("message", (request) => {
  switch (request.type) {
    case "memory": {
      collect();
      const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
      send({ id: request.id, value: { rss, heapTotal, heapUsed, external, arrayBuffers } });
      return;
    }
    case "cpu":
      send({ id: request.id, value: process.cpuUsage() });
      return;
    case "loop":
      send({
        id: request.id,
        value: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      });
      loop.reset();
      return;
    case "stats":
      send({ id: request.id, value: { rooms: docs.size, sockets: wss.clients.size } });
      return;
    case "snapshot":
      collect();
      send({ id: request.id, value: writeHeapSnapshot(request.path) });
      return;
    case "stop":
      for (const ws of wss.clients) ws.terminate();
      server.close(() => {
        send({ id: request.id, value: null });
        process.exit(0);
      });
  }
});
server.listen(0, "127.0.0.1", () => send({ type: "listening", port: server.address().port }));
