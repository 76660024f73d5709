import * as z from "zod";
import { databaseUrlSchema } from "./db/database-url";

/** An optional positive whole number from the environment. */
const limit = () => z.coerce.number().int().positive().optional();

// --- Single sign-on (server/auth/sso.ts) -----------------------------------------------------------------
/** An optional variable that counts as unset when empty (an `.env` line such as OIDC_ISSUER="" sets none). */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const SSO_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

const ssoFields = {
  /** The OpenID Connect issuer; its /.well-known/openid-configuration is read at sign-in. */
  OIDC_ISSUER: unsetWhenEmpty(z.string().regex(/^https?:\/\/[^/]/, "OIDC_ISSUER must be an http:// or https:// URL")),
  OIDC_CLIENT_ID: unsetWhenEmpty(z.string().max(500)),
  OIDC_CLIENT_SECRET: unsetWhenEmpty(z.string().max(500)),
  /** The provider's name on the sign-in button ("Sign in with …"). */
  OIDC_NAME: unsetWhenEmpty(z.string().max(60)),
};

/** Single sign-on is configured by all three of issuer, client id and secret, or not at all. */
function requireWholeSso(env: Partial<Record<(typeof SSO_REQUIRED)[number], string>>, ctx: z.RefinementCtx): void {
  const missing = SSO_REQUIRED.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === SSO_REQUIRED.length) return;
  for (const name of missing) {
    ctx.addIssue({
      code: "custom",
      path: [name],
      message: `${name} is missing: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none of them)`,
    });
  }
}

const ssoEnvSchema = z.object(ssoFields).superRefine(requireWholeSso);

/** The single sign-on variables. */
export type SsoEnv = z.infer<typeof ssoEnvSchema>;

/**
 * The single sign-on variables alone, without the rest of the environment: the auth options build their
 * providers when imported, which `next build` does without the app's secrets.
 * @throws Error naming what is missing when only some of the three are set.
 */
export function getSsoEnv(): SsoEnv {
  const parsed = ssoEnvSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
}
// ---------------------------------------------------------------------------------------------------------

const envSchema = z
  .object({
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
    /** Where the collaboration server listens for the app's internal requests; by default 127.0.0.1 on COLLAB_PORT + 1. */
    COLLAB_INTERNAL_HOST: z.string().min(1).default("127.0.0.1"),
    COLLAB_INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Signs the app's requests to those endpoints; unset, COLLAB_TOKEN_SECRET does (set one of its own). */
    COLLAB_INTERNAL_SECRET: z
      .string()
      .min(32, "COLLAB_INTERNAL_SECRET must be at least 32 characters (npm run setup makes one)")
      .optional(),
    /** Where the Next app reaches the collaboration server's internal endpoints. */
    COLLAB_INTERNAL_URL: z
      .string()
      .regex(/^https?:\/\//, "COLLAB_INTERNAL_URL must start with http:// or https://")
      .optional(),
    /** The public address of the site, for permalinks and structured data; by default NEXTAUTH_URL. */
    PUBLIC_SITE_URL: z.string().url().optional(),
    NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
    ...ssoFields,
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
    /**
     * SMTP server for invitations and password links (smtp://user:pass@host:587, smtps://… for TLS from the start);
     * unset: nothing is mailed and admins pass links on by hand.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    /** The sender of that mail. */
    MAIL_FROM: z.string().min(3).max(320).default("Corroborate <corroborate@localhost>"),
    /**
     * How long notifications gather before they are mailed, in seconds: what arrives together is one digest (only
     * when SMTP_URL is set).
     */
    NOTIFICATION_DIGEST_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
    /** How often the collaboration server checks connected people's roles, in milliseconds. */
    COLLAB_ACCESS_CHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  })
  .superRefine(requireWholeSso);

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
