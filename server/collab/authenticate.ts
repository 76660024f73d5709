import type { IncomingMessage } from "node:http";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { CARETS_PARAMETER } from "../../lib/collab/caret-messages";
import { CloseCode } from "../../lib/collab/close-codes";
import { CollabTokenError, verifyCollabToken } from "../auth/collab-token";

/** The person behind an accepted connection. */
export interface CollabUser {
  id: string;
  name: string;
  role: Role;
}

export type AuthResult =
  | { ok: true; storyId: string; user: CollabUser; expiresAt: number; carets: boolean }
  | { ok: false; code: number; reason: string };

const ROOM_PATH = /^\/([A-Za-z0-9_-]{1,64})$/;

/**
 * The tokens that have opened a socket, remembered until they expire: a token opens one socket only, so a
 * token that leaked (a log, a proxy, a shared screen) cannot be replayed. Per process: with several
 * collaboration processes a token could open one socket on each.
 */
export class UsedTokens {
  private readonly used = new Map<string, number>();

  /** Records a token's use; false when it was used before. */
  use(tokenId: string, expiresAt: number, now = Date.now()): boolean {
    // Tokens are issued with one lifetime, so insertion order is nearly expiry order.
    for (const [id, expiry] of this.used) {
      if (expiry > now) break;
      this.used.delete(id);
    }
    if (this.used.has(tokenId)) return false;
    this.used.set(tokenId, expiresAt);
    return true;
  }
}

/**
 * Authenticates an upgrade request before its socket joins a room: the path names the story
 * (`/<storyId>`, as the y-websocket client builds it) and the `token` query parameter must be a valid
 * collaboration token for that story and a role that may open its workspace, not used before; `presence=carets`
 * asks for caret messages (lib/collab/caret-messages.ts). Never throws.
 */
export async function authenticate(
  request: IncomingMessage,
  secret: string,
  usedTokens: UsedTokens,
): Promise<AuthResult> {
  const url = new URL(request.url ?? "/", "http://collab.invalid");
  const room = ROOM_PATH.exec(url.pathname);
  if (!room?.[1]) return { ok: false, code: CloseCode.NotFound, reason: "unknown room" };
  const token = url.searchParams.get("token");
  if (!token) return { ok: false, code: CloseCode.Unauthorized, reason: "missing token" };

  let claims;
  try {
    claims = await verifyCollabToken(token, secret);
  } catch (error) {
    const reason = error instanceof CollabTokenError ? error.message : "invalid token";
    return { ok: false, code: CloseCode.Unauthorized, reason };
  }
  if (claims.storyId !== room[1]) {
    return { ok: false, code: CloseCode.Forbidden, reason: "token is for another story" };
  }
  if (!can(claims.role, "open_workspace")) return { ok: false, code: CloseCode.Forbidden, reason: "role may not edit" };
  if (!usedTokens.use(claims.tokenId, claims.expiresAt))
    return { ok: false, code: CloseCode.Unauthorized, reason: "token already used" };
  return {
    ok: true,
    storyId: claims.storyId,
    user: { id: claims.userId, name: claims.name, role: claims.role },
    expiresAt: claims.expiresAt,
    carets: url.searchParams.get("presence") === CARETS_PARAMETER.presence,
  };
}
