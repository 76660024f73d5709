// Reader page throughput: `npm run bench:reader`. Builds and starts the app (as the end-to-end tests do, on
// a fresh database, ports 3200/1434, or BENCH_READER_PORT and the two after it), publishes the demo story with
// three claims, then loads the reader page and, as the baseline in the same run, the static /about page, with
// autocannon (50 connections), and scores the reader page with Lighthouse in Debian's Chromium, desktop and mobile.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";
import type * as LH from "lighthouse/types/lh.js";

// Another port (and the two after it for the collaboration server) lets a run share the machine with another.
const PORT = Number(process.env.BENCH_READER_PORT ?? 3200);
const COLLAB_PORT = process.env.BENCH_READER_PORT ? PORT + 1 : 1434;
const suffix = process.env.BENCH_READER_PORT ? `-${PORT}` : "";
const base = `http://localhost:${PORT}`;
const env = {
  ...process.env,
  PORT: String(PORT),
  COLLAB_PORT: String(COLLAB_PORT),
  DATABASE_URL: `file:./tests/.tmp/bench-reader${suffix}.db`,
  NEXTAUTH_URL: base,
  NEXTAUTH_SECRET: "bench-nextauth-secret-0123456789-abcdefghijklmnop",
  COLLAB_TOKEN_SECRET: "e2e-collab-secret-0123456789-abcdefghijklmnop",
  // The secrets tests/support/e2e/published-story.ts signs with (playwright.config.ts).
  COLLAB_INTERNAL_SECRET: "e2e-internal-secret-0123456789-abcdefghijklmn",
  NEXT_DIST_DIR: `.next-bench${suffix}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The publishing helpers of the end-to-end tests read their database and ports from these.
process.env.E2E_DATABASE_URL = env.DATABASE_URL;
process.env.E2E_COLLAB_URL = `http://127.0.0.1:${COLLAB_PORT}`;
process.env.E2E_COLLAB_INTERNAL_URL = `http://127.0.0.1:${COLLAB_PORT + 1}`;
// Imported after the environment is set: the helpers read it when they load.
const { DEMO_CHECK, publishStoryWithClaims } = await import("../tests/support/e2e/published-story");
const { copyDemoStory } = await import("../tests/support/e2e/test");

const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/e2e/serve.ts"], {
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
const ROUNDS = 3;
const LIGHTHOUSE_RUNS = 5;

async function load(path: string, duration: number): Promise<autocannon.Result> {
  // A 30 s timeout: on a machine shared with builds a slow answer is slow, not an error.
  const result = await autocannon({ url: `${base}${path}`, connections: 50, duration, timeout: 30 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

function lighthouse(url: string, formFactor: "desktop" | "mobile", run: number): LH.Result {
  const output = `tests/.tmp/lighthouse-${formFactor}-${new URL(url).pathname.replace(/\W+/g, "-")}-${run}.json`;
  rmSync(output, { force: true });
  const flags =
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
  const lighthouseRun = spawnSync(
    "node_modules/.bin/lighthouse",
    [
      url,
      `--chrome-path=${process.env.CHROME_PATH ?? "/usr/bin/chromium"}`,
      `--chrome-flags=${flags}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      formFactor === "desktop" ? "--preset=desktop" : "--form-factor=mobile",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
    ],
    { stdio: "inherit" },
  );
  // A run Lighthouse could not record (NO_NAVSTART: a trace lost under load) exits 1 with a report that carries
  // it as its runtimeError; anything else that fails (a page answering 500, say) stops the bench.
  const report = existsSync(output) ? (JSON.parse(readFileSync(output, "utf8")) as LH.Result) : null;
  if (!report || (lighthouseRun.status !== 0 && report.runtimeError?.code !== "NO_NAVSTART"))
    throw new Error(`lighthouse (${formFactor}) exited with ${lighthouseRun.status}`);
  return report;
}

/** A category's score out of 100, or "n/a" where Lighthouse could not score it. */
function score(report: LH.Result, category: string): string {
  const value = report.categories[category]?.score;
  return typeof value === "number" ? String(Math.round(value * 100)) : "n/a";
}

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
  await publishStoryWithClaims(slug, DEMO_CHECK);
  const reader = `/stories/${slug}`;
  const pages = [
    { label: "baseline: static /about page", path: "/about" },
    { label: "reader page, published demo story", path: reader },
    { label: "reader page in Arabic", path: `/ar${reader}` },
    { label: "front page (signed out)", path: "/" },
    { label: "read API: the story (latest version)", path: `/api/v1/stories/${slug}` },
    { label: "read API: version 1", path: `/api/v1/stories/${slug}/versions/1` },
  ];
  // Warm both pages up (JIT, caches), then alternate 10 s runs so that drift on a shared machine hits both.
  for (const { path } of pages) await load(path, 3);
  const runs = new Map<string, autocannon.Result[]>(pages.map(({ path }) => [path, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const { path } of pages) runs.get(path)?.push(await load(path, 10));
  }
  const mean = (path: string, pick: (result: autocannon.Result) => number) => {
    const results = runs.get(path) ?? [];
    return results.reduce((sum, result) => sum + pick(result), 0) / results.length;
  };
  console.log(
    `\nautocannon, 50 connections, ${ROUNDS} alternating runs of 10 s per page after a 3 s warm-up, node ${process.version}\n`,
  );
  console.log("| page | requests/s (mean of runs) | latency p50 ms | latency p99 ms | bytes per response |");
  console.log("|---|---|---|---|---|");
  for (const { label, path } of pages) {
    const rps = mean(path, (result) => result.requests.average);
    const bytes = mean(path, (result) => result.throughput.total / result.requests.total);
    console.log(
      `| ${label} | ${rps.toFixed(0)} | ${mean(path, (r) => r.latency.p50).toFixed(0)} | ${mean(path, (r) => r.latency.p99).toFixed(0)} | ${bytes.toFixed(0)} |`,
    );
  }
  const baseline = mean("/about", (r) => r.requests.average);
  console.log("");
  for (const { label, path } of pages.slice(1)) {
    const ratio = mean(path, (r) => r.requests.average) / baseline;
    console.log(`${label} ÷ baseline: ${ratio.toFixed(2)}×${path === reader ? " (target ≥ 0.80×)" : ""}`);
  }

  // Lighthouse 12.8.2 (the devDependency) in Debian's Chromium, after the load test, on the two pages issue 17 names:
  // five runs each, reported by Lighthouse's own median run (closest to the median first paint and time to
  // interactive), as Lighthouse advises for its variability; every run's performance score is listed too.
  console.log(
    `\n| Lighthouse 12.8.2, median of ${LIGHTHOUSE_RUNS} runs | page | performance | accessibility | best practices | SEO | performance of each run |\n|---|---|---|---|---|---|---|`,
  );
  for (const path of [reader, "/"]) {
    for (const formFactor of ["desktop", "mobile"] as const) {
      // A run that could not time first paint or interactivity (a trace lost under load) has no place in the
      // median: another run is made in its place, at most three in all.
      const runs: LH.Result[] = [];
      let valid: LH.Result[] = [];
      while (valid.length < LIGHTHOUSE_RUNS && runs.length < LIGHTHOUSE_RUNS + 3) {
        runs.push(lighthouse(`${base}${path}`, formFactor, runs.length));
        valid = filterToValidRuns(runs);
      }
      const median = valid.length > 0 ? computeMedianRun(valid) : null;
      const scores = ["performance", "accessibility", "best-practices", "seo"].map((category) =>
        median ? score(median, category) : "n/a",
      );
      console.log(
        `| ${formFactor} | ${path} | ${scores.join(" | ")} | ${runs.map((run) => score(run, "performance")).join(", ")}${valid.length < runs.length ? ` (${runs.length - valid.length} without timings, left out)` : ""} |`,
      );
    }
  }
} finally {
  server.kill("SIGTERM");
}
// The publishing helpers leave a database client and a socket open; the figures are out, so end here.
process.exit(0);
