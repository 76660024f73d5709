// Reader page throughput: `npm run bench:reader`. Builds and starts the app (as the end-to-end tests do, on
// a fresh database, ports 3200/1434), publishes the demo story with three claims, then loads the reader page
// and, as the baseline in the same run, the static /about page, each with autocannon (50 connections, 10 s).
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";

const PORT = 3200;
const base = `http://localhost:${PORT}`;
const env = {
  ...process.env,
  PORT: String(PORT),
  COLLAB_PORT: "1434",
  DATABASE_URL: "file:./tests/.tmp/bench-reader.db",
  NEXTAUTH_URL: base,
  NEXTAUTH_SECRET: "bench-nextauth-secret-0123456789-abcdefghijklmnop",
  COLLAB_TOKEN_SECRET: "e2e-collab-secret-0123456789-abcdefghijklmnop",
  NEXT_DIST_DIR: ".next-bench",
  NEXT_TELEMETRY_DISABLED: "1",
};
// The publishing helpers of the end-to-end tests read their database and ports from these.
process.env.E2E_DATABASE_URL = env.DATABASE_URL;
process.env.E2E_COLLAB_URL = "http://127.0.0.1:1434";
// Imported after the environment is set: the helpers read it when they load.
const { publishStoryWithClaims } = await import("../tests/e2e/published-story");
const { copyDemoStory } = await import("../tests/e2e/fixtures");

const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/e2e/serve.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
async function ready(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/about`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not start");
}

try {
  await ready();
  const slug = await copyDemoStory();
  await publishStoryWithClaims(slug, [
    {
      words: "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials",
      evidence: [
        { outlet: "NBC News", passage: "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy for the United States" },
        { outlet: "Bloomberg", passage: "The Central Intelligence Agency released two videos Thursday aimed at recruiting Chinese officials" },
      ],
    },
    { words: "CIA Director John Ratcliffe emphasized the urgency of this effort", evidence: [{ outlet: "NBC News", passage: "Our Agency must continue responding to this threat with urgency, creativity, and grit" }] },
    { words: "Chinese officials have yet to respond.", evidence: [{ outlet: "NBC News", passage: "The Chinese embassy did not immediately respond to a request for comment." }] },
  ]);
  const rows: string[] = [];
  for (const [label, path] of [
    ["baseline: static /about page", "/about"],
    ["reader page, published demo story", `/stories/${slug}`],
  ] as const) {
    await fetch(`${base}${path}`); // render once into the cache
    const result = await autocannon({ url: `${base}${path}`, connections: 50, duration: 10 });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    rows.push(`| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${(result.throughput.average / 1024).toFixed(0)} |`);
  }
  console.log(`\nautocannon, 50 connections, 10 s each, node ${process.version}\n`);
  console.log("| page | requests/s (mean) | latency p50 ms | latency p99 ms | KiB/s |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  server.kill("SIGTERM");
}
