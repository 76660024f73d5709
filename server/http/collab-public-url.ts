import type { Env } from "../env";

/**
 * Where browsers reach the collaboration server: COLLAB_PUBLIC_URL, or by default the host name people
 * opened the app with on COLLAB_PORT. The collaboration token route hands it to the workspace, and the
 * Content-Security-Policy allows pages to connect to it; both must agree.
 */
export function collabPublicUrl(env: Pick<Env, "COLLAB_PUBLIC_URL" | "COLLAB_PORT">, hostname: string): string {
  return env.COLLAB_PUBLIC_URL ?? `ws://${hostname}:${env.COLLAB_PORT}`;
}
