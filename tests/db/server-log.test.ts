// Finding 23 of issue 7: refused writes and unexpected errors are logged as JSON lines with
// who, what and why, and never with a password, a session token or the submitted values.
// Also finding 8's "server action called with a non-form argument": a form message, not a 500.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { formData } from "../support/http-actions";
import { getAuth } from "@/server/auth";
import { getDb } from "@/server/db";
import { createUser } from "@/server/users";
import { captureLog, logRequestError } from "@/server/log";
import { createUserAction } from "@/server/actions/users";
import { createNegotiationAction, deleteNegotiationAction } from "@/server/actions/negotiations";
import { NOT_A_FORM } from "@/server/actions/run";

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "Tr0ub4dor&3-never-in-the-log";
let users: Record<"viewer" | "editor", { id: string; cookie: string }>;

async function signIn(email: string): Promise<string> {
  const result = await (await getAuth()).api.signInEmail({
    body: { email, password: PASSWORD },
    headers: new Headers({ origin: ORIGIN, host: "127.0.0.1:3000" }),
    returnHeaders: true,
  });
  return result.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function as(cookie: string | null, extra: Record<string, string> = {}) {
  request.headers = new Headers({
    host: "127.0.0.1:3000",
    origin: ORIGIN,
    "x-parley-method": "POST",
    "x-parley-path": "/users",
    "next-action": "40c0ffee",
    ...(cookie ? { cookie } : {}),
    ...extra,
  });
}

let capture: ReturnType<typeof captureLog> | null = null;
afterEach(() => {
  capture?.stop();
  capture = null;
});

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET = "parley-log-tests-0123456789abcdefghijklmnop";
  process.env.PARLEY_RATE_LIMIT = "off";
  process.env.PARLEY_LOG_LEVEL = "info";
  delete process.env.PARLEY_URL;
  delete process.env.PORT;
  useFreshDatabase();
  users = {} as typeof users;
  for (const role of ["viewer", "editor"] as const) {
    const { id } = await createUser({ email: `${role}@example.org`, name: role, password: PASSWORD, role });
    users[role] = { id, cookie: await signIn(`${role}@example.org`) };
  }
});

describe("refused writes are logged: who, what, why", () => {
  it("a viewer creating an account: one line naming the viewer, the request and the reason, without the password", async () => {
    as(users.viewer.cookie);
    capture = captureLog();
    const state = await createUserAction({}, formData({ email: "new@example.org", name: "New", password: NEW_PASSWORD, role: "admin" }));
    expect(state.formError).toMatch(/cannot make this change/);
    const lines = capture.lines().filter((l) => l.event === "write.refused");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "warn",
      who: users.viewer.id,
      what: { method: "POST", path: "/users", action: "40c0ffee" },
      why: "role",
      message: expect.stringMatching(/viewer/),
    });
    expect(typeof lines[0]!.time).toBe("string");
    const raw = capture.raw();
    expect(raw).not.toContain(NEW_PASSWORD);
    expect(raw).not.toContain(users.viewer.cookie.split("=")[1]!.split(".")[0]!);
    expect(await (await getDb()).user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("a write from another local port: logged as cross-origin, with the signed-in user", async () => {
    as(users.editor.cookie, { origin: "http://localhost:9999" });
    capture = captureLog();
    const state = await createNegotiationAction({}, formData({ title: "From another port" }));
    expect(state.formError).toMatch(/did not come from Parley's own pages/);
    expect(capture.lines()).toEqual([expect.objectContaining({ event: "write.refused", who: users.editor.id, why: "cross-origin" })]);
  });

  it("anonymous: logged as signed-out", async () => {
    as(null);
    capture = captureLog();
    await createNegotiationAction({}, formData({ title: "Anonymous" }));
    expect(capture.lines()).toEqual([expect.objectContaining({ event: "write.refused", who: "anonymous", why: "signed-out" })]);
  });

  it("invalid input: the field names are logged, never the values", async () => {
    as(users.editor.cookie, { "x-parley-path": "/negotiations/new" });
    capture = captureLog();
    const secretish = `x${"\u202E"}gnp.exe my-private-note-${Date.now()}`;
    const state = await createNegotiationAction({}, formData({ title: secretish, description: "private draft text" }));
    expect(state.fieldErrors?.title).toBeDefined();
    expect(capture.lines()).toEqual([
      expect.objectContaining({ event: "write.refused", who: users.editor.id, why: "invalid", fields: ["title"], what: expect.objectContaining({ path: "/negotiations/new" }) }),
    ]);
    expect(capture.raw()).not.toContain("my-private-note");
    expect(capture.raw()).not.toContain("private draft text");
  });
});

describe("a server action called with something other than a form (issue 7, finding 8)", () => {
  it.each([
    ["a string", "not a form"],
    ["a number", 42],
    ["null", null],
    ["nested arrays", JSON.parse("[".repeat(500) + "]".repeat(500))],
    ["an object", { title: "looks like a form" }],
  ])("%s: a form message, logged, nothing saved", async (_, arg) => {
    as(users.editor.cookie);
    const db = await getDb();
    const before = await db.negotiation.count();
    capture = captureLog();
    const state = await createNegotiationAction({}, arg as unknown as FormData);
    expect(state.formError).toBe(NOT_A_FORM);
    expect(await db.negotiation.count()).toBe(before);
    expect(capture.lines()).toEqual([expect.objectContaining({ why: "not-a-form", who: users.editor.id })]);
  });
  it("delete and account actions too: a form message, not an exception", async () => {
    as(users.editor.cookie);
    await expect(deleteNegotiationAction(1, {}, "x" as unknown as FormData)).resolves.toHaveProperty("formError");
    await expect(createUserAction({}, 7 as unknown as FormData)).resolves.toHaveProperty("formError");
  });
});

describe("the auth library's messages", () => {
  it("a wrong password is a JSON warn line without the password or the email's account data", async () => {
    capture = captureLog();
    const tried = "guessed-password-never-logged-42";
    const response = await (await getAuth()).handler(
      new Request("http://127.0.0.1:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000" },
        body: JSON.stringify({ email: "editor@example.org", password: tried }),
      }),
    );
    expect(response.status).toBe(401);
    expect(capture.lines()).toContainEqual(expect.objectContaining({ level: "warn", event: "auth", msg: expect.stringMatching(/password/i) }));
    expect(capture.raw()).not.toContain(tried);
  });
});

describe("unexpected errors are logged (onRequestError)", () => {
  it("logs the error, method and path; not the query, cookies or headers", () => {
    capture = captureLog();
    const error = Object.assign(new Error("database exploded"), { digest: "123456" });
    logRequestError(
      error,
      { path: "/negotiations/x?token=abc123secret", method: "GET", headers: { cookie: "better-auth.session_token=SESSIONSECRET" } } as never,
      { routerKind: "App Router", routePath: "/negotiations/[slug]", routeType: "render" },
    );
    const [line] = capture.lines();
    expect(line).toMatchObject({
      level: "error",
      event: "request.error",
      method: "GET",
      path: "/negotiations/x",
      route: "/negotiations/[slug]",
      error: { name: "Error", message: "database exploded", digest: "123456" },
    });
    expect(capture.raw()).not.toContain("SESSIONSECRET");
    expect(capture.raw()).not.toContain("abc123secret");
  });
});
