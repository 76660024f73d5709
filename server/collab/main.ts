import { getEnv } from "../env";
import { loadDotEnv } from "../load-dotenv";
import { createCollabServer } from "./index";
import { limitsFromEnv } from "./limits";
import { internalEndpoint } from "./internal-endpoint";
import { consoleLogger } from "./logger";
import { openPersistence } from "./open-persistence";
import { createRedisRelay } from "./redis-relay";

// The collaboration server process: `npm run collab`, or started beside Next by `npm start`. With REDIS_URL,
// several of these serve the same stories (docs/DEPLOY.md).
loadDotEnv();
const env = getEnv();
const relay = env.REDIS_URL ? await createRedisRelay(env.REDIS_URL, consoleLogger) : undefined;
const internal = internalEndpoint(env);
if (!internal.ownSecret)
  consoleLogger.warn(
    "COLLAB_INTERNAL_SECRET is not set: the app's internal requests are signed with COLLAB_TOKEN_SECRET",
  );
const persistence = await openPersistence(env.DATABASE_URL);
const server = createCollabServer({
  persistence,
  relay,
  tokenSecret: env.COLLAB_TOKEN_SECRET,
  internalSecret: internal.secret,
  limits: limitsFromEnv(env),
  accessCheckIntervalMs: env.COLLAB_ACCESS_CHECK_MS,
  shutdownTimeoutMs: env.COLLAB_SHUTDOWN_TIMEOUT * 1000,
  presenceIntervalMs: env.COLLAB_PRESENCE_INTERVAL_MS,
});
const port = await server.listen(env.COLLAB_PORT);
const internalPort = await server.listenInternal(internal.port, internal.host);
consoleLogger.info(
  `listening on ws://localhost:${port} (internal requests on ${internal.host}:${internalPort})${relay ? ", sharing rooms through Redis" : ""}`,
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  consoleLogger.info(`${signal}: storing the last edits and closing`);
  let code = 0;
  try {
    await server.close();
  } catch (error) {
    consoleLogger.error("shutdown could not store every edit", error);
    code = 1;
  }
  // A database that holds an append forever would hold the disconnect too: the exit does not wait for it.
  const settled = Promise.all([relay?.close(), persistence.close()]);
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  process.exit(code);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
