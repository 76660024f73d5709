// Speed and memory of the collaboration server beside the stock y-websocket server (@y/websocket-server, pinned),
// measured in one run: `npm run bench:collab` (about 6 minutes; `-- --quick` for smaller counts in about two).
// Issue 12's targets. Each server runs in a child process of its own (bench/collab/server-process.ts), so that its
// memory is its own; ours is createCollabServer with the Prisma persistence on a fresh SQLite file, as
// server/collab/main.ts runs it, with the limits in bench/collab/config.ts raised. The clients run in this
// process: the stock y-websocket provider as the workspace uses it (token in the URL, presence as the caret sets
// it), and, for thousands of sockets or messages, raw protocol clients that send what the provider sends, spread
// over client threads (bench/collab/client-threads.ts) where one thread would be the bottleneck. The report
// (markdown) goes to stdout, progress to stderr. `-- --only=typing,idle` runs some of the scenarios.
// BENCH_SERVER_ARGS adds Node options to both servers (e.g. "--cpu-prof --cpu-prof-dir=bench/.tmp"),
// BENCH_CORROBORATE_ARGS to ours only (e.g. "--optimize-for-size", docs/DEPLOY.md).
// BENCH_SNAPSHOTS=1 also writes heap snapshots of each server in the memory scenarios (before any socket and with
// them) to bench/.tmp/; its memory figures then count the snapshots too.
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Distribution } from "./stats";
import { BENCH_LIMITS, FULL, QUICK } from "./collab/config";
import { BenchDatabase } from "./collab/database";
import {
  coldOpen,
  cursorsOnOneDocument,
  idleSockets,
  KINDS,
  manySocketsTyping,
  smallDocuments,
  twoClientLatency,
  wireBytes,
  type Context,
  type LatencyResult,
  type MemoryResult,
} from "./collab/scenarios";
import { SERVER_NAMES, type ServerKind } from "./collab/server-process";
import { acrossTwoProcesses, editDurable } from "./collab/log-and-relay";

const quick = process.argv.includes("--quick");
/** `--only=latency,wire,cold,cursors,typing,small,idle,durable,relay` runs some scenarios (while working on one). */
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const runs = (name: string) => !only || only.includes(name);
const scale = quick ? QUICK : FULL;
const started = performance.now();
const loadAtStart = os.loadavg()[0] ?? 0;
const progress = (line: string) =>
  process.stderr.write(`[bench:collab ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

// ---- Run ---------------------------------------------------------------------------------------------------

// Every stock provider adds a process exit listener; 50 editors are more than Node's default warning threshold.
process.setMaxListeners(200);
const db = BenchDatabase.create();
const ctx: Context = { db, scale, progress };
progress(`${quick ? "quick" : "full"} run; database ${db.file}`);
let results;
try {
  results = {
    twoClients: runs("latency") ? await twoClientLatency(ctx) : undefined,
    wire: runs("wire") ? await wireBytes(ctx) : undefined,
    cold: runs("cold") ? await coldOpen(ctx) : undefined,
    cursors: runs("cursors") ? await cursorsOnOneDocument(ctx) : undefined,
    typing: runs("typing") ? await manySocketsTyping(ctx) : undefined,
    small: runs("small") ? await smallDocuments(ctx) : undefined,
    idle: runs("idle") ? await idleSockets(ctx) : undefined,
    durable: runs("durable") ? await editDurable(ctx) : undefined,
    relay: runs("relay") ? await acrossTwoProcesses(ctx) : undefined,
  };
} finally {
  await db.close();
}
const { twoClients, wire, cold, cursors, typing, small, idle, durable, relay } = results;
const seconds = (performance.now() - started) / 1000;

// ---- Report ------------------------------------------------------------------------------------------------

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : "–");
const ratio = (ours: number, stock: number) => (Number.isFinite(ours / stock) ? `${(ours / stock).toFixed(2)}×` : "–");
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const verdict = (met: boolean) => (met ? "met" : "**not met**");
/** The reading 3 s after the sockets synced, or the one `memoryLaterSeconds` after it. */
type Reading = "after" | "later";
const perSocket = (
  result: MemoryResult,
  field: "rss" | "heapTotal" | "heapUsed" | "external",
  reading: Reading = "after",
) => (result[reading][field] - result.before[field]) / result.count;
const growth = (result: MemoryResult) => result.after.rss - result.before.rss;
const laterLabel = (seconds: number) => `${seconds} s later`;

const lines: string[] = [];
const row = (...cells: Array<string | number>) => lines.push(`| ${cells.join(" | ")} |`);
/** A summary row: both servers' values, the ratio, the target and whether ours meets it. */
const compare = (
  measure: string,
  stock: number,
  ours: number,
  format: (value: number) => string,
  target = "",
  met?: boolean,
) => row(measure, format(stock), format(ours), ratio(ours, stock), target, met === undefined ? "" : verdict(met));

lines.push(
  `Collaboration server beside ${SERVER_NAMES.stock} 0.1.1 (node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model.trim()}, load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]?.toFixed(1)} at the end; ${quick ? "quick" : "full"} run${only ? ` of ${only.join(", ")}` : ""}, ${(seconds / 60).toFixed(1)} min, ${new Date().toISOString().slice(0, 10)}). Limits raised on ours: ${JSON.stringify(BENCH_LIMITS)}.`,
  "",
  "| measure | stock | Corroborate | Corroborate ÷ stock | target | Corroborate |",
  "|---|---|---|---|---|---|",
);
const s2label = `${scale.typingSockets} sockets on ${scale.typingDocuments} documents, 20% typing 5 characters/s`;
const s3label = `${scale.cursorEditors} editors, cursors at 10 Hz, one document`;
if (twoClients) {
  const { stock, corroborate } = twoClients;
  compare("keystroke → remote observe, 2 clients: p50 ms", stock.latency.p50, corroborate.latency.p50, ms);
  compare(
    "keystroke → remote observe, 2 clients: p99 ms",
    stock.latency.p99,
    corroborate.latency.p99,
    ms,
    "≤ 3 ms and ≤ 1.2× stock",
    corroborate.latency.p99 <= 3 && corroborate.latency.p99 <= 1.2 * stock.latency.p99,
  );
}
if (typing) {
  const { stock, corroborate } = typing;
  compare(`${s2label}: p50 ms`, stock.latency.p50, corroborate.latency.p50, ms);
  compare(
    `${s2label}: p99 ms`,
    stock.latency.p99,
    corroborate.latency.p99,
    ms,
    "≤ 15 ms",
    corroborate.latency.p99 <= 15,
  );
  row(
    `${s2label}: characters missing at the end / documents converged`,
    `${stock.lostCharacters} / ${stock.converged} of ${stock.documents}`,
    `${corroborate.lostCharacters} / ${corroborate.converged} of ${corroborate.documents}`,
    "",
    "none lost",
    verdict(corroborate.lostCharacters === 0 && corroborate.converged === corroborate.documents),
  );
}
if (cursors) {
  const { stock, corroborate } = cursors;
  compare(`${s3label}: p50 ms`, stock.latency.p50, corroborate.latency.p50, ms);
  compare(
    `${s3label}: p99 ms`,
    stock.latency.p99,
    corroborate.latency.p99,
    ms,
    "≤ 30 ms",
    corroborate.latency.p99 <= 30,
  );
}
if (idle) {
  for (const reading of ["after", "later"] as const) {
    const [stock, ours] = [perSocket(idle.stock, "rss", reading), perSocket(idle.corroborate, "rss", reading)];
    const when = reading === "after" ? "" : `, ${laterLabel(scale.memoryLaterSeconds)}`;
    compare(
      `${scale.idleSockets} idle sockets: KB per socket (RSS growth${when})`,
      stock,
      ours,
      kb,
      "≤ 8 KB",
      ours <= 8 * 1024,
    );
  }
}
if (small) {
  const limit = 150 * 1024 * 1024;
  compare(
    `${scale.smallDocuments} open documents of 1 KB of text: MB (RSS growth)`,
    growth(small.stock),
    growth(small.corroborate),
    mb,
    "≤ 150 MB",
    growth(small.corroborate) <= limit,
  );
  compare(
    `${scale.smallDocuments} open documents of 1 KB of text: MB (process RSS)`,
    small.stock.after.rss,
    small.corroborate.after.rss,
    mb,
    "≤ 150 MB",
    small.corroborate.after.rss <= limit,
  );
  compare(
    `${scale.smallDocuments} open documents of 1 KB of text: MB (process RSS, ${laterLabel(scale.memoryLaterSeconds)})`,
    small.stock.later.rss,
    small.corroborate.later.rss,
    mb,
    "≤ 150 MB",
    small.corroborate.later.rss <= limit,
  );
}
if (cold) {
  compare(
    `cold open of a document with ${scale.historyEdits} edits of history: p99 ms to synced`,
    cold.stock.open.p99,
    cold.corroborate.open.p99,
    ms,
    "≤ 20 ms",
    cold.corroborate.open.p99 <= 20,
  );
}
if (wire) {
  wire.stock.forEach(({ pace }, i) => {
    const perKeystroke = (kind: ServerKind) => wire[kind][i]!.bytes / wire[kind][i]!.keystrokes;
    const ours = perKeystroke("corroborate");
    // The target is judged at the typing scenario's pace; a burst is shown beside it.
    compare(
      `wire bytes received per keystroke with a moving cursor, typing ${pace}`,
      perKeystroke("stock"),
      ours,
      (value) => value.toFixed(0),
      i === 0 ? "≤ 80 B" : "",
      i === 0 ? ours <= 80 : undefined,
    );
  });
}
if (durable) {
  row(
    "edit durable in the database: p95 ms after it is sent",
    "–",
    ms(durable.durable.p95),
    "",
    "≤ 100 ms",
    verdict(durable.durable.p95 <= 100 && durable.missing === 0),
  );
}
if (relay) {
  const measure = "keystroke → remote observe across two processes through Redis: p99 ms";
  if ("skipped" in relay) row(measure, "–", `not measured: ${relay.skipped}`, "", "≤ 10 ms", "not measured");
  else row(measure, "–", ms(relay.latency.p99), "", "≤ 10 ms", verdict(relay.latency.p99 <= 10 && relay.lost === 0));
}

const latencyRows = (title: string, result: Record<ServerKind, LatencyResult & { rounds?: Distribution[] }>) => {
  lines.push(
    "",
    title,
    "",
    "| server | samples | p50 ms | p95 ms | p99 ms | max ms | p99 by round | lost | sockets closed by the server | server CPU (cores) | server event-loop delay p99 ms | client CPU (cores) | client event-loop delay p99 ms |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const kind of KINDS) {
    const r = result[kind];
    row(
      SERVER_NAMES[kind],
      r.latency.count,
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.p99),
      ms(r.latency.max),
      r.rounds?.map((round) => ms(round.p99)).join(", ") ?? "",
      r.lost,
      r.closed,
      r.serverCores.toFixed(2),
      ms(r.serverLoopDelayP99),
      r.clientCores.toFixed(2),
      ms(r.clientLoopDelayP99),
    );
  }
  for (const kind of KINDS) for (const note of result[kind].notes) lines.push(`- ${SERVER_NAMES[kind]}: ${note}`);
  for (const kind of KINDS) {
    const rounds = result[kind].timelines.map((seconds) =>
      seconds.map((p99) => (Number.isFinite(p99) ? p99.toFixed(p99 < 10 ? 1 : 0) : "–")).join(" "),
    );
    if (rounds.length > 0)
      lines.push(
        `- ${SERVER_NAMES[kind]}, p99 ms of each second of the timed window${rounds.length > 1 ? ", by round" : ""}: ${rounds.join(" | ")}`,
      );
  }
};
if (twoClients)
  latencyRows(
    "1. Keystroke → remote observe, 2 clients, one document (stock providers; each keystroke followed by its caret's awareness update):",
    twoClients,
  );
if (typing) {
  latencyRows(
    `2. ${s2label}, document updates only (raw clients; per document 2 typists and 2 more that apply and are timed, 6 passive):`,
    typing,
  );
  for (const kind of KINDS) {
    const r = typing[kind];
    lines.push(
      `- ${SERVER_NAMES[kind]}: ${r.keystrokes} keystrokes in ${scale.typingWarmUpSeconds + scale.typingSeconds} s; ${scale.typingSockets} sockets connected and synced in ${r.connectSeconds.toFixed(1)} s; ${r.converged} of ${r.documents} documents converged; ${r.lostCharacters} characters missing.`,
    );
  }
}
if (cursors)
  latencyRows(
    `3. ${s3label} (raw clients sending what the stock provider sends, including every newer presence change received, sent back):`,
    cursors,
  );

const memory: Array<[string, Record<ServerKind, MemoryResult>]> = [];
if (idle) memory.push([`${scale.idleSockets} idle sockets, 10 per document`, idle]);
if (small) memory.push([`${scale.smallDocuments} documents of 1 KB, one socket each`, small]);
if (memory.length > 0) {
  lines.push(
    "",
    `4–5. Memory of the server process (after two full collections), before any socket, with the sockets open (3 s after the last synced) and ${laterLabel(scale.memoryLaterSeconds)}, the sockets renewing their presence:`,
    "",
  );
  lines.push(
    "| scenario | server | RSS before | RSS with sockets | RSS growth | per socket | V8 heap (committed) growth per socket | heap used growth per socket | external growth per socket | later: RSS | later: per socket | later: V8 heap (committed) growth per socket | sockets closed | connect s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const [label, result] of memory) {
    for (const kind of KINDS) {
      const r = result[kind];
      row(
        label,
        SERVER_NAMES[kind],
        `${mb(r.before.rss)} MB`,
        `${mb(r.after.rss)} MB`,
        `${mb(growth(r))} MB`,
        `${kb(perSocket(r, "rss"))} KB`,
        `${kb(perSocket(r, "heapTotal"))} KB`,
        `${kb(perSocket(r, "heapUsed"))} KB`,
        `${kb(perSocket(r, "external"))} KB`,
        `${mb(r.later.rss)} MB`,
        `${kb(perSocket(r, "rss", "later"))} KB`,
        `${kb(perSocket(r, "heapTotal", "later"))} KB`,
        r.closed,
        r.connectSeconds.toFixed(1),
      );
    }
  }
}

if (cold) {
  lines.push(
    "",
    `6. Cold open, connect → synced, of a document with ${scale.historyEdits} edits of history (${cold.corroborate.stateBytes} bytes encoded, ${cold.corroborate.textLength} characters), one open at a time:`,
    "",
  );
  lines.push(
    "| server | opens | p50 ms | p95 ms | p99 ms | max ms | first open after start ms | wrong content |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const kind of KINDS) {
    const r = cold[kind];
    row(
      SERVER_NAMES[kind],
      r.open.count,
      ms(r.open.p50),
      ms(r.open.p95),
      ms(r.open.p99),
      ms(r.open.max),
      ms(r.firstOpenMs),
      r.wrong,
    );
  }
}

if (wire) {
  lines.push(
    "",
    "7. Bytes a remote editor receives per keystroke (each keystroke followed by a caret awareness update):",
    "",
  );
  lines.push(
    "| server | typing | keystrokes | frames | bytes | per keystroke | document updates per keystroke | awareness per keystroke |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const kind of KINDS) {
    for (const r of wire[kind]) {
      row(
        SERVER_NAMES[kind],
        r.pace,
        r.keystrokes,
        r.frames,
        r.bytes,
        (r.bytes / r.keystrokes).toFixed(1),
        (r.documentBytes / r.keystrokes).toFixed(1),
        (r.awarenessBytes / r.keystrokes).toFixed(1),
      );
    }
  }
}

if (durable) {
  lines.push(
    "",
    `8. Edit durable in the database: ${durable.typists} editors typing 5 characters a second on ${durable.documents} documents (stock providers, each keystroke followed by its caret's awareness update), our server on SQLite; the bench reads the log every 5 ms on a connection of its own:`,
    "",
  );
  lines.push(
    "| samples | p50 ms | p95 ms | p99 ms | max ms | keystrokes never seen in the database | compactions while timing |",
    "|---|---|---|---|---|---|---|",
  );
  const d = durable.durable;
  row(d.count, ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max), durable.missing, durable.compactions);
}
if (relay) {
  lines.push(
    "",
    "9. Keystroke → remote observe across two of our processes on one PostgreSQL database and one Redis, one editor on each (stock providers, as in 1):",
    "",
  );
  if ("skipped" in relay) lines.push(`Not measured: ${relay.skipped}.`);
  else {
    lines.push(
      "| samples | p50 ms | p95 ms | p99 ms | max ms | lost | sockets closed by the server |",
      "|---|---|---|---|---|---|---|",
    );
    const r = relay.latency;
    row(r.count, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), relay.lost, relay.closed);
    lines.push(
      "",
      "The floor under it: round trips from the bench's process at the keystrokes' pace (5–15 ms apart), on one connection each. A keystroke's way has two of these (the append to PostgreSQL, the publish through Redis) besides the two sockets.",
      "",
      "| round trip | samples | p50 ms | p95 ms | p99 ms | max ms |",
      "|---|---|---|---|---|---|",
    );
    for (const [name, d] of [
      ["PostgreSQL `SELECT 1`", relay.roundTrips.postgres],
      ["Redis `PING`", relay.roundTrips.redis],
    ] as const)
      row(name, d.count, ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max));
  }
}

console.log(lines.join("\n"));
