import "server-only";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { hash, verify } from "@node-rs/argon2";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { waitMessage } from "@/lib/sign-in-throttle";
import { getDb } from "./db";
import { env } from "./env";
import { beginSignInAttempt, signInSucceeded } from "./sign-in-throttle";
import { log } from "./log";

// Accounts with Better Auth: email and password only, sessions in the database, sign-up
// closed (users are created by an admin or `npm run user:create`). docs/decisions/006-auth.md.

/** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* Argon2id */ } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2);
}

function authSecret(): string {
  const { authSecret: secret, secretFile } = env();
  if (secret) return secret;
  // The local demo: scripts/setup.mjs writes a random secret beside the database.
  try {
    return readFileSync(/*turbopackIgnore: true*/ secretFile, "utf8").trim();
  } catch {
    throw new Error("Set BETTER_AUTH_SECRET (or run npm start, which writes data/auth-secret for the local demo).");
  }
}

/** The request header the auth route fills with the client's address (server/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = "x-parley-client-address";

/**
 * Better Auth endpoints Parley does not use. /update-user would let any signed-in user set a
 * display name of any size (issue 7, finding 4): names are set by an admin with the rules of
 * the Users page. Changing one's email or deleting one's account are not offered either.
 */
export const DISABLED_AUTH_PATHS = ["/update-user", "/change-email", "/delete-user", "/update-session"];

export const ACCOUNT_DISABLED_MESSAGE = "This account is disabled. Ask an admin of this Parley to enable it again.";

/** Per-account throttle around /sign-in/email (docs/decisions/008): count first, clear on success. */
const beforeSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  // Better Auth refuses a malformed email itself, before any password is checked.
  if (typeof email !== "string" || !z.email().safeParse(email).success) return;
  const decision = await beginSignInAttempt(email);
  if (!decision.allowed) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: waitMessage(decision.retryAfterSeconds), code: "ACCOUNT_THROTTLED" },
      { "Retry-After": String(decision.retryAfterSeconds) },
    );
  }
});
const afterSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email" || !ctx.context.newSession) return;
  await signInSucceeded(ctx.context.newSession.user.email);
});

async function createAuth() {
  const db = await getDb();
  return betterAuth({
    secret: authSecret(),
    // Only the app's own hosts and origins (lib/env.ts appOrigins), never "any local port".
    baseURL: { allowedHosts: env().hosts, protocol: env().secure ? "https" : "http" },
    trustedOrigins: env().origins,
    database: prismaAdapter(db, { provider: "sqlite" }),
    // The library's own warnings (a wrong password, a foreign origin) as lines of the server
    // log: the first line of the message only, never its arguments, which can carry request or
    // database data.
    logger: { level: "warn", log: (level, message) => log()[level]({ event: "auth" }, String(message).split("\n")[0]!.slice(0, 200)) },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: {
        hash: hashPassword,
        verify: ({ hash: stored, password }) => verify(stored, password).catch(() => false),
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    disabledPaths: DISABLED_AUTH_PATHS,
    hooks: { before: beforeSignIn, after: afterSignIn },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password was checked, so it says nothing about accounts to a guesser.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: ACCOUNT_DISABLED_MESSAGE, code: "ACCOUNT_DISABLED" });
          },
        },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: env().rateLimit,
      storage: "memory",
      window: 60,
      max: 300,
      // 20 sign-in attempts a minute per address, then 429 until the minute is over: enough to
      // stop guessing, short enough not to lock the real user out for long. The address is the
      // one server/client-address.ts worked out (trusted proxies only); each account also has
      // its own growing delays (server/sign-in-throttle.ts). docs/decisions/008.
      customRules: { "/sign-in/email": { window: 60, max: 20 } },
    },
    advanced: {
      // Secure cookies whenever the app is served over https (any real deployment); the local
      // demo on http://localhost cannot set them.
      useSecureCookies: env().secure,
      // Better Auth skips its origin check when NODE_ENV is "test"; say explicitly that it
      // applies, so the tests check what production does.
      disableOriginCheck: false,
      // Never X-Forwarded-For itself (any client sets it): only the address the auth route put
      // here from the socket and the trusted proxies (server/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { parleyAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.parleyAuth ??= createAuth();
  return globalForAuth.parleyAuth;
}
