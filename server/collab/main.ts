import { createPrisma } from "../db/create-prisma";
import { getEnv } from "../env";
import { loadDotEnv } from "../load-dotenv";
import { createCollabServer } from "./index";
import { limitsFromEnv } from "./limits";
import { consoleLogger } from "./logger";
import { createPrismaPersistence } from "./persistence";

// The collaboration server process: `npm run collab`, or started beside Next by `npm start`.
loadDotEnv();
const env = getEnv();
const prisma = createPrisma(env.DATABASE_URL);
const server = createCollabServer({
  persistence: createPrismaPersistence(prisma),
  tokenSecret: env.COLLAB_TOKEN_SECRET,
  limits: limitsFromEnv(env),
  accessCheckIntervalMs: env.COLLAB_ACCESS_CHECK_MS,
});
const port = await server.listen(env.COLLAB_PORT);
consoleLogger.info(`listening on ws://localhost:${port}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  consoleLogger.info(`${signal}: storing open documents and closing`);
  try {
    await server.close();
    await prisma.$disconnect();
    process.exit(0);
  } catch (error) {
    consoleLogger.error("shutdown failed", error);
    process.exit(1);
  }
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
