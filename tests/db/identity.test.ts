// Issue 7, findings 1, 4 and 6 on a real SQLite file, through the real auth route
// (app/api/auth/[...all]/route.ts) and Better Auth: who a sign-in attempt counts against, the
// per-account delays, the closed update-user endpoint, names kept with revisions, and disabled
// accounts.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { execFile } from "node:child_process";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { getDb } from "@/server/db";
import { createUser, setDisabled, setRole, LAST_ADMIN_MESSAGE } from "@/server/users";
import { beginSignInAttempt, signInSucceeded } from "@/server/sign-in-throttle";
import { FREE_ATTEMPTS, MAX_DELAY_SECONDS } from "@/lib/sign-in-throttle";
import { createNegotiation, updateNegotiation } from "@/server/mutations/negotiations";
import { listRevisions } from "@/server/queries/revisions";
import { getAuth } from "@/server/auth";
import * as authRoute from "@/app/api/auth/[...all]/route";

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "a long enough password";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET = "parley-identity-tests-0123456789abcdefghijklmnop";
  delete process.env.PARLEY_RATE_LIMIT;
  delete process.env.PARLEY_TRUSTED_PROXIES;
  useFreshDatabase();
  // As scripts/serve.mjs does: the app trusts its own peer-address header.
  (globalThis as Record<symbol, unknown>)[Symbol.for("parley.peerAddressHeader")] = "x-parley-peer-address";
});
afterEach(() => {
  delete process.env.PARLEY_TRUSTED_PROXIES;
});

let counter = 0;
async function newAccount(role: "viewer" | "editor" | "admin" = "editor", name = "Someone") {
  const email = `user${++counter}-${Date.now().toString(36)}@example.org`;
  const { id } = await createUser({ email, name, password: PASSWORD, role });
  return { id, email };
}

/** A POST to the auth route as it arrives from scripts/serve.mjs: socket address plus any headers. */
function post(path: string, body: unknown, opts: { peer: string; headers?: Record<string, string>; cookie?: string }) {
  const headers = new Headers({ "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-parley-peer-address": opts.peer, ...opts.headers });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  // What `next start` itself does: X-Forwarded-For is the socket's address unless the client sent one.
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", opts.peer);
  return authRoute.POST(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}
const signIn = (email: string, password: string, peer: string, headers?: Record<string, string>) => post("/sign-in/email", { email, password }, { peer, headers });
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

// Every failed sign-in of an unknown account still hashes a password (Argon2id, 19 MiB): slow on a busy machine.
describe("finding 1: the sign-in throttle counts the socket's address, not X-Forwarded-For", { timeout: 120_000 }, () => {
  it("rotating X-Forwarded-For does not reset the per-address limit (20 a minute)", async () => {
    const statuses: number[] = [];
    // A different (unknown) account each time, so only the per-address limit can apply.
    for (let i = 0; i < 23; i++) {
      const response = await signIn(`nobody${i}@example.org`, "wrong password", "198.51.100.10", { "x-forwarded-for": `192.0.2.${i + 1}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401), statuses.join(",")).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429]);
  });

  it("a victim's address sent in the header does not lock the victim out", async () => {
    const victim = await newAccount();
    for (let i = 0; i < 23; i++) await signIn(`stranger${i}@example.org`, "wrong password", "198.51.100.20", { "x-forwarded-for": "203.0.113.77" });
    const response = await signIn(victim.email, PASSWORD, "203.0.113.77");
    expect(response.status).toBe(200);
  });

  it("behind a trusted proxy (PARLEY_TRUSTED_PROXIES=1) keys on the address the proxy appended", async () => {
    process.env.PARLEY_TRUSTED_PROXIES = "1";
    const statuses: number[] = [];
    // The proxy is 10.0.0.2; the client 198.51.100.30 puts a different fake address first each time.
    for (let i = 0; i < 21; i++) {
      statuses.push((await signIn(`ghost${i}@example.org`, "wrong", "10.0.0.2", { "x-forwarded-for": `192.0.2.${i + 1}, 198.51.100.30` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not affected.
    const other = await newAccount();
    expect((await signIn(other.email, PASSWORD, "10.0.0.2", { "x-forwarded-for": "198.51.100.31" })).status).toBe(200);
  });

  it("wrong passwords for one account from ever-changing addresses meet growing delays; a second account is unaffected", async () => {
    const target = await newAccount();
    const bystander = await newAccount();
    const statuses: number[] = [];
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) {
      statuses.push((await signIn(target.email, `guess ${i}`, `198.51.100.${100 + i}`, { "x-forwarded-for": `192.0.2.${i + 1}` })).status);
    }
    expect(statuses).toEqual([...Array(FREE_ATTEMPTS).fill(401), 429, 429]);
    // Even the right password waits, from anywhere...
    const waiting = await signIn(target.email, PASSWORD, "198.51.100.200");
    expect(waiting.status).toBe(429);
    expect(await waiting.json()).toMatchObject({ code: "ACCOUNT_THROTTLED", message: expect.stringMatching(/Too many failed sign-ins for this account\. Wait \d+ seconds?/) });
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
    // ...while another account signs in at once, from the same address.
    expect((await signIn(bystander.email, PASSWORD, "198.51.100.200")).status).toBe(200);
  });
});

describe("finding 1: per-account delays (server/sign-in-throttle.ts, stored in the database)", () => {
  const t0 = new Date("2026-11-30T10:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it("grows the wait after the free attempts and never locks for longer than the ceiling", async () => {
    const email = "delays@example.org";
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect(await beginSignInAttempt(email, t0)).toEqual({ allowed: true });
    expect(await beginSignInAttempt(email, t0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect((await beginSignInAttempt(email, at(2))).allowed).toBe(true);
    expect(await beginSignInAttempt(email, at(2))).toEqual({ allowed: false, retryAfterSeconds: 4 });
    // An attacker keeps going; the wait stops growing at the ceiling.
    let now = 6;
    for (let i = 0; i < 20; i++) {
      const decision = await beginSignInAttempt(email, at(now));
      expect(decision.allowed).toBe(true);
      const refused = await beginSignInAttempt(email, at(now));
      expect(refused.allowed).toBe(false);
      const wait = refused.allowed ? 0 : refused.retryAfterSeconds;
      expect(wait).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
      now += wait;
    }
    expect(await beginSignInAttempt(email, at(now - 1))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // A success clears it.
    await signInSucceeded("DELAYS@example.org");
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await beginSignInAttempt(email, at(now))).allowed).toBe(true);
  });

  it("keys on the email in any case, and forgets attempts a day after the last one", async () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) await beginSignInAttempt(i % 2 ? "Case@Example.org" : "case@example.org", t0);
    expect((await beginSignInAttempt("CASE@EXAMPLE.ORG", t0)).allowed).toBe(false);
    expect((await beginSignInAttempt("case@example.org", at(24 * 3600 + 10))).allowed).toBe(true);
    expect((await beginSignInAttempt("case@example.org", at(24 * 3600 + 10))).allowed).toBe(true);
    // A new account's first attempt clears rows forgotten long ago.
    await beginSignInAttempt("old@example.org", t0);
    await beginSignInAttempt("fresh@example.org", at(3 * 24 * 3600));
    const db = await getDb();
    expect(await db.signInThrottle.findUnique({ where: { email: "old@example.org" } })).toBeNull();
  });

  it("lets exactly the free attempts through when many arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => beginSignInAttempt("burst@example.org", t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(FREE_ATTEMPTS);
  });
});

describe("finding 4: display names", () => {
  it("update-user is closed: a signed-in viewer cannot set a huge display name", async () => {
    const viewer = await newAccount("viewer", "Vera");
    const cookie = cookieOf(await signIn(viewer.email, PASSWORD, "198.51.100.40"));
    expect(cookie).toContain("session_token");
    const response = await post("/update-user", { name: "x".repeat(200_000) }, { peer: "198.51.100.40", cookie });
    expect(response.status).toBe(404);
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe("Vera");
  });

  it("renaming an account does not rewrite who made past changes", async () => {
    const editor = await newAccount("editor", "Eddie Before");
    const { id } = await createNegotiation({ title: "Attribution talks", slug: "attribution-talks", description: "" }, editor.id);
    const db = await getDb();
    await db.user.update({ where: { id: editor.id }, data: { name: "Eddie After" } });
    await updateNegotiation(id, 1, { title: "Attribution talks (edited)", slug: "attribution-talks", description: "" }, editor.id);
    const revisions = await listRevisions("negotiation", id);
    expect(revisions.map((r) => r.actorName)).toEqual(["Eddie Before", "Eddie After"]);
    expect(revisions.map((r) => r.actorName).join(" ")).not.toContain("@");
  });
});

describe("finding 6: disabling accounts", { timeout: 60_000 }, () => {
  it("disabling ends every session at once, refuses sign-in with a clear message, and enabling restores it", async () => {
    const user = await newAccount("editor");
    const cookies = [cookieOf(await signIn(user.email, PASSWORD, "198.51.100.50")), cookieOf(await signIn(user.email, PASSWORD, "198.51.100.51"))];
    const auth = await getAuth();
    for (const cookie of cookies) expect(await auth.api.getSession({ headers: new Headers({ cookie, host: "127.0.0.1:3000" }) })).not.toBeNull();

    await setDisabled(user.id, true);
    const db = await getDb();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const cookie of cookies) expect(await auth.api.getSession({ headers: new Headers({ cookie, host: "127.0.0.1:3000" }) })).toBeNull();
    const refused = await signIn(user.email, PASSWORD, "198.51.100.52");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "ACCOUNT_DISABLED", message: expect.stringMatching(/This account is disabled/) });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // A wrong password for a disabled account says nothing about the account.
    expect((await signIn(user.email, "not the password", "198.51.100.52")).status).toBe(401);

    await setDisabled(user.id, false);
    expect((await signIn(user.email, PASSWORD, "198.51.100.53")).status).toBe(200);
  });

  it("keeps at least one active admin: the last one can be neither demoted nor disabled", async () => {
    const db = await getDb();
    // Start from one active admin: every other admin made by earlier tests stops being one.
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "editor" } });
    const admin = await newAccount("admin");
    await expect(setRole(admin.id, "editor")).rejects.toMatchObject({ fieldErrors: { _form: [LAST_ADMIN_MESSAGE] } });
    await expect(setDisabled(admin.id, true)).rejects.toMatchObject({ fieldErrors: { _form: [LAST_ADMIN_MESSAGE] } });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect({ role: row.role, disabledAt: row.disabledAt }).toEqual({ role: "admin", disabledAt: null });

    // A disabled admin does not count: with a second admin disabled, the first is still the last.
    const second = await newAccount("admin");
    await setDisabled(second.id, true);
    await expect(setRole(admin.id, "viewer")).rejects.toMatchObject({ fieldErrors: { _form: [LAST_ADMIN_MESSAGE] } });
    await setDisabled(second.id, false);
    await setRole(admin.id, "viewer");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("viewer");
  });

  it("two admins demoting or disabling each other at once: exactly one change lands", async () => {
    const db = await getDb();
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "editor" } });
    const a = await newAccount("admin");
    const b = await newAccount("admin");
    const results = await Promise.allSettled([setRole(a.id, "editor"), setDisabled(b.id, true)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  // better-sqlite3 is synchronous: two connections in one process would block each other's event
  // loop, so each change runs in a process of its own, as on two app servers.
  it("the same race from two processes on one file (two app servers): exactly one lands, the other is refused, never an error", { timeout: 180_000 }, async () => {
    const db = await getDb();
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "editor" } });
    const run = (op: "demote" | "disable", userId: string, startAt: number) =>
      new Promise<{ ok: boolean; name?: string; fieldErrors?: unknown; message?: string }>((resolve, reject) => {
        execFile(
          process.execPath,
          ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/support/account-change.mts", op, userId, String(startAt)],
          { env: { ...process.env }, timeout: 120_000 },
          (error, stdout, stderr) => {
            if (error) return reject(new Error(`${error.message}\n${stderr}`));
            resolve(JSON.parse(stdout.trim().split("\n").at(-1)!));
          },
        );
      });
    for (let round = 0; round < 3; round++) {
      const a = await newAccount("admin");
      const b = await newAccount("admin");
      const startAt = Date.now() + 12_000; // both processes are up by then, even on a busy machine
      const results = await Promise.all([run(round % 2 ? "disable" : "demote", a.id, startAt), run(round % 2 ? "demote" : "disable", b.id, startAt)]);
      expect(results.filter((r) => r.ok), JSON.stringify(results)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ name: "ValidationError", fieldErrors: { _form: [LAST_ADMIN_MESSAGE] } });
      expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
      await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { role: "editor", disabledAt: null } });
    }
  });

  it("a missing account is a NotFoundError", async () => {
    await expect(setDisabled("no-such-user", true)).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(setRole("no-such-user", "editor")).rejects.toMatchObject({ name: "NotFoundError" });
  });
});
