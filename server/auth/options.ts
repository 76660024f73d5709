import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import * as z from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso";
import { roleSchema } from "@/lib/auth/roles";
import { throttledSignInError } from "@/lib/auth/sign-in-throttle";
import { prisma } from "../db/prisma";
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from "./password";
import { beginSignIn, signInAddress, signInSucceeded } from "./sign-in-throttle";
import { admitSsoSignIn, ssoProviders } from "./sso";
import { currentSessionUser } from "../users/manage-people";

/** The token field with when the person signed in (ms since the epoch), compared with User.sessionsValidFrom. */
const SIGNED_IN_AT = "signedInAt";

/** Thrown by the jwt callback to end a session that no longer counts; not logged as an error. */
class SessionEndedError extends Error {
  override name = "SessionEndedError";
  constructor() {
    super("The session ended: the person was disabled, changed their password, or no longer exists.");
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});

/**
 * next-auth configuration: email and password (bcrypt) against the User table, sessions as signed JWTs
 * carrying the user's id and role. The secret comes from NEXTAUTH_SECRET. Sign-in is throttled per account
 * and per address (server/auth/sign-in-throttle.ts) before any password is checked; a refusal reaches the
 * sign-in form as the error `SignInThrottled:<seconds>`.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // Every next-auth error lands on the sign-in page, which says what to do (its own error page has inline styles
  // that the Content-Security-Policy refuses).
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    // An ended session (SessionEndedError from the jwt callback) is expected, not an error worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: unknown } | undefined)?.name === "SessionEndedError")
        return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        // Before the database and bcrypt (about 0.25 s of CPU each), and the same for an unknown email.
        const decision = beginSignIn(parsed.data.email, signInAddress(request?.headers));
        if (!decision.allowed) throw new Error(throttledSignInError(decision.retryAfterMs));
        const user = await prisma().user.findUnique({ where: { email: parsed.data.email } });
        // Compare against a hash even for an unknown email, so timing does not tell which emails exist.
        const hash = user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH;
        const valid = await verifyPassword(parsed.data.password, hash);
        // A disabled person is refused like a wrong password, after the same bcrypt work.
        if (!user || !valid || user.disabledAt) return null;
        signInSucceeded(decision.attempt);
        return { id: user.id, name: user.name, email: user.email, role: roleSchema.parse(user.role) };
      },
    }),
    // Single sign-on (server/auth/sso.ts): an OpenID Connect provider when OIDC_* configure one.
    ...ssoProviders(),
  ],
  callbacks: {
    // Single sign-on admits only a verified email of an existing or invited person (server/auth/sso.ts), and
    // makes `user` that person; other providers decide in their own authorize.
    signIn({ user, account, profile }) {
      return account?.provider === SSO_PROVIDER_ID ? admitSsoSignIn(user, profile) : true;
    },
    // Where next-auth sends a person after signing in or out (its callbackUrl parameter and cookie): only a
    // path on this site; anything else goes to the story list.
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      return `${origin}${safeCallbackPath(url, "/", origin)}`;
    },
    // Every request with a session checks the person in the database: disabled, sessions ended since this one
    // began (password changed or reset), or gone ends the session (next-auth clears its cookie and
    // getServerSession answers null); the role and name are the current ones.
    async jwt({ token, user }) {
      if (user) {
        token.role = user.role;
        token[SIGNED_IN_AT] = Date.now();
        return token;
      }
      const stamped = token[SIGNED_IN_AT];
      const signedInAt = typeof stamped === "number" ? stamped : typeof token.iat === "number" ? token.iat * 1000 : 0;
      const current = token.sub ? await currentSessionUser(prisma(), token.sub, signedInAt) : null;
      if (!current) throw new SessionEndedError();
      token.role = current.role;
      token.name = current.name;
      token.email = current.email;
      return token;
    },
    session({ session, token }) {
      if (token.sub && token.role) {
        session.user = { id: token.sub, name: token.name ?? "", email: token.email ?? "", role: token.role };
      }
      return session;
    },
  },
};
