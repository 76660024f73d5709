// Our collaboration server in a child process, as server/collab/main.ts runs it: the persistence on
// DATABASE_URL (the bench's fresh SQLite file, tuned as main.ts tunes it, or its PostgreSQL database), the bench's
// raised limits and otherwise the defaults (roles checked every 2 s, empty rooms unloaded once their edits are stored, and so on).
// BENCH_REDIS_URL (not REDIS_URL, which the shell running the bench may have set) shares rooms through Redis, with
// the relay's keys under BENCH_REDIS_PREFIX. Its log is
// counted, and its first warnings and errors are printed.
import { createCollabServer } from "../../server/collab/index";
import type { Logger } from "../../server/collab/logger";
import { openPersistence } from "../../server/collab/open-persistence";
import { createRedisRelay } from "../../server/collab/redis-relay";
import { serveParent } from "./child";
import { BENCH_LIMITS, TOKEN_SECRET } from "./config";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");

const counts = { info: 0, closedSockets: 0, warn: 0, error: 0 };
const printed = { warn: 0, error: 0 };
const print = (level: "warn" | "error", message: string, error: unknown) => {
  if (printed[level]++ < 5) console.error(`[our server ${level}] ${message}`, error ?? "");
};
const log: Logger = {
  info(message) {
    counts.info += 1;
    if (message.startsWith("closed a socket") || message.startsWith("refused a socket")) counts.closedSockets += 1;
  },
  warn(message, error) {
    counts.warn += 1;
    print("warn", message, error);
  },
  error(message, error) {
    counts.error += 1;
    print("error", message, error);
  },
};

const persistence = await openPersistence(databaseUrl, { log });
const redisUrl = process.env.BENCH_REDIS_URL;
const relay = redisUrl ? await createRedisRelay(redisUrl, log, process.env.BENCH_REDIS_PREFIX) : undefined;
const server = createCollabServer({
  persistence,
  relay,
  tokenSecret: TOKEN_SECRET,
  limits: BENCH_LIMITS,
  log,
});
const port = await server.listen(0, "127.0.0.1");
// main.ts also opens the listener of the internal endpoints; nothing calls it here.
await server.listenInternal(0, "127.0.0.1");
serveParent({
  port,
  stats: () => ({ rooms: server.rooms.size, ...counts }),
  stop: async () => {
    await server.close();
    await Promise.all([relay?.close(), persistence.close()]);
  },
});
