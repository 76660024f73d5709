import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT, errors } from "jose";
import * as z from "zod";
import { roleSchema, type Role } from "../../lib/auth/roles";

const ISSUER = "corroborate";
const AUDIENCE = "corroborate-collab";

/** Who a collaboration token was issued to, and for which story. */
export interface CollabTokenClaims {
  userId: string;
  name: string;
  role: Role;
  storyId: string;
}

/** A verified collaboration token: who, for which story, and the token's own id and expiry. */
export interface VerifiedCollabToken extends CollabTokenClaims {
  /** The token's unique id: the collaboration server accepts each token for one socket only. */
  tokenId: string;
  /** When the token expires (ms since the epoch); a socket opened with it is closed then. */
  expiresAt: number;
}

const payloadSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  role: roleSchema,
  story: z.string().min(1),
  jti: z.string().min(16).max(64),
  exp: z.number().int(),
});

/** Why a token was refused. */
export class CollabTokenError extends Error {
  override name = "CollabTokenError";
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a short-lived, single-use collaboration token (HS256 JWT with a random jti) for one user and one story. */
export function signCollabToken(claims: CollabTokenClaims, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ name: claims.name, role: claims.role, story: claims.storyId })
    .setProtectedHeader({ alg: "HS256" })
    .setJti(randomUUID())
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/**
 * Verifies a collaboration token's signature, issuer, audience, expiry and claims.
 * @throws CollabTokenError saying whether it expired or is invalid.
 */
export async function verifyCollabToken(token: string, secret: string): Promise<VerifiedCollabToken> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    const claims = payloadSchema.parse(payload);
    return {
      userId: claims.sub,
      name: claims.name,
      role: claims.role,
      storyId: claims.story,
      tokenId: claims.jti,
      expiresAt: claims.exp * 1000,
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new CollabTokenError("token expired");
    throw new CollabTokenError("invalid token");
  }
}

const SERVICE_AUDIENCE = "corroborate-internal";

/** Signs a one-minute token with which the Next app calls the collaboration server's internal endpoints. */
export function signServiceToken(secret: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("next-app")
    .setIssuer(ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("60s")
    .sign(key(secret));
}

/** Whether a token is a valid service token (a collaboration token for a user is not). Never throws. */
export async function isServiceToken(token: string, secret: string): Promise<boolean> {
  try {
    await jwtVerify(token, key(secret), { issuer: ISSUER, audience: SERVICE_AUDIENCE, algorithms: ["HS256"] });
    return true;
  } catch {
    return false;
  }
}
