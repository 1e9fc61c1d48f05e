// Issue 7, findings 5, 8, 9 and 22 over real HTTP against the production server the e2e run
// starts (next start on 127.0.0.1:<E2E_PORT>): odd requests get a 4xx, never a 500; only the
// app's own origin may sign in; every HTML response carries the CSP, prefetches included; a
// malformed PARLEY_URL stops the server at start-up, naming the variable.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { callAction, formData, signInCookie } from "../support/http-actions";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";

const SLUG = "gaza-ceasefire-2024";

/** A raw HTTP/1.1 request (fetch will not send a made-up Host header or an invalid path). */
function raw(baseURL: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }) {
  const url = new URL(baseURL);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    // The server may answer (413) and close before a large body is all sent.
    req.on("error", reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

test.describe("requests that used to end in a 500 (finding 8)", () => {
  test("a path segment with invalid UTF-8 escapes is a 400 page", async ({ baseURL }) => {
    for (const path of ["/negotiations/%FF", `/negotiations/${SLUG}/sources/%E2%80`, "/history/entry/%C0"]) {
      const r = await raw(baseURL!, { path });
      expect(r.status, path).toBe(400);
      expect(r.body).toContain("Bad request");
      expect(r.headers["content-security-policy"]).toBeTruthy();
    }
  });

  test("a Host header the app does not answer as (bare localhost, another port, another name) is a 421 page", async ({ baseURL }) => {
    const port = new URL(baseURL!).port;
    for (const host of ["localhost", `localhost:${Number(port) + 1}`, "evil.example", `evil.example:${port}`]) {
      const r = await raw(baseURL!, { path: `/negotiations/${SLUG}`, headers: { Host: host } });
      expect(r.status, host).toBe(421);
      expect(r.body).toContain("Unknown host");
    }
    // The app's own hosts still answer.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw(baseURL!, { path: "/", headers: { Host: host } })).status, host).toBe(200);
    }
  });

  test("an auth request with a 20 MB body is refused early with 413", async ({ baseURL }) => {
    const started = Date.now();
    const body = Buffer.alloc(20 * 1024 * 1024, "a");
    const r = await raw(baseURL!, {
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: { "Content-Type": "application/json", Origin: baseURL!, "Content-Length": String(body.length) },
      body,
    }).catch((error: unknown) => ({ status: -1, body: String(error), headers: {} }));
    expect(r.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test("an auth request with a 2 MB body and no Content-Length (chunked) is refused with 413", async ({ baseURL }) => {
    const url = new URL("/api/auth/sign-in/email", baseURL);
    const r = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, method: "POST", path: url.pathname, headers: { "Content-Type": "application/json", Origin: baseURL!, "Transfer-Encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      for (let i = 0; i < 32; i++) req.write(Buffer.alloc(64 * 1024, "a"));
      req.end();
    });
    expect(r).toBe(413);
  });

  test("a server action with a body over 1 MB is refused with 413, nothing saved", async ({ baseURL }) => {
    const cookie = await signInCookie(baseURL!, "editor@e2e.test", E2E_PASSWORD);
    const r = await callAction({ baseURL: baseURL!, name: "createNegotiationAction", args: [{}, formData({ title: "Huge", description: "x".repeat(1_200_000) })], cookie });
    expect(r.status).toBe(413);
    const page = await raw(baseURL!, { path: "/" });
    expect(page.body).not.toContain("Huge");
  });

  test("a server action called with a non-form argument or deeply nested JSON gets a 4xx or a form message", async ({ baseURL }) => {
    const cookie = await signInCookie(baseURL!, "editor@e2e.test", E2E_PASSWORD);
    let deep: unknown = "x";
    for (let i = 0; i < 1000; i++) deep = [deep];
    const calls: Array<[string, unknown[]]> = [
      ["createNegotiationAction", [{}, "not a form"]],
      ["createNegotiationAction", [{}, deep]],
      ["deleteEntryAction", [SLUG, 1, {}, 42]],
      ["createUserAction", [{}, { email: "x" }]],
      ["restoreAction", ["entry", 1, {}, null]],
    ];
    for (const [name, args] of calls) {
      const r = await callAction({ baseURL: baseURL!, name, args, cookie });
      expect(r.status, name).toBeLessThan(500);
      expect(r.status, name).toBeGreaterThanOrEqual(200);
    }
    const notAForm = await callAction({ baseURL: baseURL!, name: "createNegotiationAction", args: [{}, "not a form"], cookie });
    expect(notAForm.status).toBe(200);
    expect(notAForm.body).toContain("did not send a form");
    const nested = await callAction({ baseURL: baseURL!, name: "createNegotiationAction", args: [{}, deep], cookie });
    expect(nested.status).toBe(400);
  });

  test("a lone surrogate in a text field: a form message for forms, a 4xx for auth JSON", async ({ baseURL }) => {
    const cookie = await signInCookie(baseURL!, "editor@e2e.test", E2E_PASSWORD);
    // A form's fields travel as UTF-8, where a lone surrogate cannot exist (it arrives as
    // U+FFFD); JSON's \ud800 escape can carry one into the auth endpoints.
    const json = (path: string, body: string, withCookie: boolean) =>
      fetch(new URL(path, baseURL), {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: baseURL!, ...(withCookie ? { Cookie: cookie } : {}) },
        body,
      });
    const signIn = await json("/api/auth/sign-in/email", '{"email":"editor\\ud800@e2e.test","password":"x\\udc00xxxxxxx"}', false);
    expect(signIn.status).toBeGreaterThanOrEqual(400);
    expect(signIn.status).toBeLessThan(500);
    const rename = await json("/api/auth/update-user", '{"name":"Eddie\\ud800"}', true);
    expect(rename.status).toBe(400);
    // In a form, the rule itself answers by the field (tests/unit/text-rules.test.ts covers
    // every field); here the same rule over HTTP for invisible-only text.
    const zw = await callAction({ baseURL: baseURL!, name: "createNegotiationAction", args: [{}, formData({ title: "\u200B\u200B" })], cookie });
    expect(zw.status).toBe(200);
    expect(zw.body).toContain("must contain visible characters");
  });
});

test("only the app's own origin may sign in: Origin http://localhost:9999 is refused (finding 5)", async ({ baseURL }) => {
  const port = new URL(baseURL!).port;
  const signIn = (origin: string) =>
    fetch(new URL("/api/auth/sign-in/email", baseURL), {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify({ email: "editor@e2e.test", password: E2E_PASSWORD }),
    });
  for (const origin of ["http://localhost:9999", "http://127.0.0.1:9999", `http://127.0.0.1:${Number(port) + 1}`]) {
    const response = await signIn(origin);
    expect(response.status, origin).toBe(403);
    expect(response.headers.getSetCookie().join(), origin).not.toContain("session_token");
  }
  expect((await signIn(baseURL!)).status).toBe(200);
  // A write with a valid session from another local port is refused too.
  const cookie = await signInCookie(baseURL!, "editor@e2e.test", E2E_PASSWORD);
  const write = await callAction({ baseURL: baseURL!, name: "createNegotiationAction", args: [{}, formData({ title: "Planted from port 9999" })], cookie, origin: "http://localhost:9999" });
  expect(write.redirect).toBeNull();
  expect((await raw(baseURL!, { path: "/" })).body).not.toContain("Planted from port 9999");
});

test("every HTML response carries the same Content-Security-Policy, prefetches included (finding 9)", async ({ baseURL }) => {
  const variants: Array<Record<string, string>> = [
    {},
    { "Next-Router-Prefetch": "1", RSC: "1" },
    { Purpose: "prefetch" },
    { "Sec-Purpose": "prefetch" },
    { RSC: "1", "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])) },
  ];
  for (const path of ["/", `/negotiations/${SLUG}`, `/negotiations/${SLUG}/gaps`, "/sign-in"]) {
    for (const headers of variants) {
      const r = await raw(baseURL!, { path, headers });
      const label = `${path} ${JSON.stringify(headers)}`;
      expect(r.status, label).toBeLessThan(400);
      const csp = String(r.headers["content-security-policy"] ?? "");
      expect(csp, label).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp, label).toContain("frame-ancestors 'none'");
      expect(r.headers["x-content-type-options"], label).toBe("nosniff");
    }
  }
});

test("the server refuses to start with PARLEY_URL=not-a-url, naming the variable (finding 22)", async () => {
  const run = (command: string, args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(command, args, { env: { ...process.env, PARLEY_URL: "not-a-url", DATABASE_URL: "file:./tests/.tmp/never-created.db" }, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr.on("data", (c: Buffer) => (output += c.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  // npm start's first step, before it creates or builds anything.
  const setup = await run(process.execPath, ["scripts/setup.mjs"]);
  expect(setup.code).toBe(1);
  expect(setup.output).toContain("PARLEY_URL");
  // The server itself (instrumentation.ts register()).
  const server = await run(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", "3189"]);
  expect(server.code).not.toBe(0);
  expect(server.output).toContain("PARLEY_URL");
});
