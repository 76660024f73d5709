import { parseArgs } from "node:util";
import { BLOCK_FRAMES, blockOf, KNOWN_BUGS, type KnownBug } from "./frames";

// `npm run fuzz -- --seed 1..5 --frames 50000 [--start 0] [--check-every 256] [--avoid reused-client-ids,…]`:
// long runs of the frame fuzzer (run-fuzz.ts) on a database of its own. Seeds are a number or a range;
// without one, a random seed is printed first. --avoid leaves out the frames of known bugs (frames.ts).
// Exits non-zero on the first failure, printing how to replay it.
const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    frames: { type: "string", default: "100000" },
    start: { type: "string", default: "0" },
    "check-every": { type: "string", default: "256" },
    avoid: { type: "string", default: "" },
  },
});
const seeds = parseSeeds(values.seed ?? String(Math.floor(Math.random() * 2 ** 31)));
const frames = Number(values.frames);
const start = Number(values.start);
const checkEvery = Number(values["check-every"]);
const avoid = values.avoid.split(",").filter((bug) => bug.length > 0);
if (
  !Number.isSafeInteger(frames) ||
  frames <= 0 ||
  !Number.isSafeInteger(start) ||
  start < 0 ||
  !Number.isSafeInteger(checkEvery) ||
  checkEvery <= 0
) {
  console.error("--frames and --check-every must be positive integers, --start a non-negative one");
  process.exit(2);
}
if (!avoid.every((bug): bug is KnownBug => (KNOWN_BUGS as readonly string[]).includes(bug))) {
  console.error(`--avoid takes a comma-separated list of ${KNOWN_BUGS.join(", ")}`);
  process.exit(2);
}
console.log(`fuzzing seeds ${seeds.join(", ")}: frames ${start}–${start + frames - 1}`);

// database.ts names its database when it is first imported: set it before, a SQLite file of this run's own, so
// that it neither shares nor deletes the integration tests' database (nor uses a PostgreSQL one).
process.env.INTEGRATION_DATABASE_FILE = `tests/.tmp/fuzz-${process.pid}.db`;
process.env.INTEGRATION_DATABASE_URL = `file:./${process.env.INTEGRATION_DATABASE_FILE}`;
const { default: createDatabase } = await import("../integration/global-setup");
const { fuzz, FuzzFailure } = await import("./run-fuzz");
const removeDatabase = createDatabase();

let failed = false;
for (const seed of seeds) {
  try {
    const summary = await fuzz({ seed, frames, start, checkEvery, avoid, progress: (line) => console.log(line) });
    console.log(
      `seed ${seed}: ${summary.framesSent} frames in ${summary.seconds.toFixed(1)} s; memory: rss +${summary.peakRssGrowthMb} MB${summary.peakHeapGrowthMb === null ? "" : `, heap after gc +${summary.peakHeapGrowthMb} MB`} at most; documents up to ${summary.largestDocumentMb} MB`,
    );
    console.log(
      `  slowest: frame ${summary.slowestFrame.index} (${summary.slowestFrame.kind}), ${summary.slowestFrame.ms} ms`,
    );
    console.log(`  closes by code: ${JSON.stringify(summary.closes)}`);
    for (const [reason, count] of Object.entries(summary.reasons).sort(([, a], [, b]) => b - a))
      console.log(`  ${String(count).padStart(7)}  ${reason}`);
    for (const [message, { count, firstAfterFrame }] of Object.entries(summary.unexpectedErrors)) {
      console.log(`  unexpected error (${count}×, first after frame ${firstAfterFrame}): ${message}`);
    }
  } catch (error) {
    failed = true;
    if (!(error instanceof FuzzFailure)) throw error;
    console.error(`FAILED ${error.message}`);
    const blockStart = Math.max(start, blockOf(error.frame) * BLOCK_FRAMES);
    const options = `--seed ${error.seed} --start ${blockStart} --frames ${error.frame - blockStart + 1}${avoid.length > 0 ? ` --avoid ${avoid.join(",")}` : ""}`;
    console.error(`replay its block: npm run fuzz -- ${options}`);
    break;
  }
}
removeDatabase();
process.exit(failed ? 1 : 0);

/** "7" or "1..5". */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, n) => from + n);
  }
  if (!/^\d+$/.test(text)) throw new Error(`--seed must be a number or a range like 1..5, not "${text}"`);
  return [Number(text)];
}
