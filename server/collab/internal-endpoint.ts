import type { Env } from "../env";

/**
 * Where the collaboration server answers the app's internal requests, and the secret that signs them: its own
 * listener (COLLAB_INTERNAL_HOST, by default 127.0.0.1, on COLLAB_INTERNAL_PORT, by default COLLAB_PORT + 1),
 * never the public port browsers reach, and COLLAB_INTERNAL_SECRET, falling back to COLLAB_TOKEN_SECRET for a
 * .env written before it existed. The app calls COLLAB_INTERNAL_URL, by default that listener on this machine.
 */
export function internalEndpoint(env: Env): {
  host: string;
  port: number;
  url: string;
  secret: string;
  ownSecret: boolean;
} {
  const port = env.COLLAB_INTERNAL_PORT ?? env.COLLAB_PORT + 1;
  return {
    host: env.COLLAB_INTERNAL_HOST,
    port,
    url: env.COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${port}`,
    secret: env.COLLAB_INTERNAL_SECRET ?? env.COLLAB_TOKEN_SECRET,
    ownSecret: env.COLLAB_INTERNAL_SECRET !== undefined,
  };
}
