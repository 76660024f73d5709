import { z } from "zod";
import { databaseUrlSchema } from "./db/database-url";

/** An optional positive whole number from the environment. */
const limit = () => z.coerce.number().int().positive().optional();

const envSchema = z.object({
  DATABASE_URL: databaseUrlSchema,
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (npm run setup makes one)"),
  COLLAB_TOKEN_SECRET: z
    .string()
    .min(32, "COLLAB_TOKEN_SECRET must be at least 32 characters (npm run setup makes one)"),
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  /** Where browsers reach the collaboration server; by default the app's host name on COLLAB_PORT. */
  COLLAB_PUBLIC_URL: z
    .string()
    .regex(/^wss?:\/\//, "COLLAB_PUBLIC_URL must start with ws:// or wss://")
    .optional(),
  /** Where the Next app reaches the collaboration server's internal endpoints. */
  COLLAB_INTERNAL_URL: z
    .string()
    .regex(/^https?:\/\//, "COLLAB_INTERNAL_URL must start with http:// or https://")
    .optional(),
  /** The public address of the site, for permalinks and structured data; by default NEXTAUTH_URL. */
  PUBLIC_SITE_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
  /** The organisation named as the author of published fact checks. */
  ORGANISATION_NAME: z.string().min(1).max(200).default("Corroborate Newsroom"),
  /** Seconds a collaboration token stays valid. */
  COLLAB_TOKEN_TTL: z.coerce.number().int().min(10).max(3600).default(300),
  // What a socket, a person and the collaboration process may cost (server/collab/limits.ts); unset: its defaults.
  COLLAB_MAX_DOCUMENT_BYTES: limit(),
  COLLAB_MAX_MESSAGE_BYTES: limit(),
  COLLAB_MESSAGES_PER_SECOND: limit(),
  COLLAB_MESSAGE_BURST: limit(),
  COLLAB_PRESENCE_PER_SECOND: limit(),
  COLLAB_PRESENCE_BURST: limit(),
  COLLAB_BYTES_PER_SECOND: limit(),
  COLLAB_BYTE_BURST: limit(),
  COLLAB_SYNC_REQUESTS_PER_MINUTE: limit(),
  COLLAB_SYNC_REQUEST_BURST: limit(),
  COLLAB_MAX_BUFFERED_BYTES: limit(),
  COLLAB_SLOW_CONSUMER_GRACE_MS: limit(),
  COLLAB_MAX_BACKLOG_FRAMES: limit(),
  COLLAB_SOCKETS_PER_USER: limit(),
  COLLAB_MAX_CONNECTIONS: limit(),
  COLLAB_MAX_ROOMS: limit(),
  /**
   * Redis, when several collaboration processes serve the same stories (docs/DEPLOY.md); unset, one process
   * serves every story by itself.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  /** Shortest time between two presence messages of one client, in milliseconds (server/collab/presence-throttle.ts). */
  COLLAB_PRESENCE_INTERVAL_MS: z.coerce.number().int().min(0).max(1_000).default(80),
  /** Seconds a stopping collaboration process waits for its last edits to reach the database. */
  COLLAB_SHUTDOWN_TIMEOUT: z.coerce.number().int().min(1).max(600).default(20),
  /** How often the collaboration server checks connected people's roles, in milliseconds. */
  COLLAB_ACCESS_CHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/**
 * The validated server environment, parsed on first use.
 * @throws Error listing every missing or invalid variable, so a misconfigured process fails at start.
 */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
