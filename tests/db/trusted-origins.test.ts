// Finding 5 of issue 7: only the app's own origin may sign in or write. Before, localhost,
// 127.0.0.1 and [::1] on every port were trusted, so any other local service could sign a
// visitor in (login CSRF). Here the app is at 127.0.0.1:3000 (PORT unset, PARLEY_URL unset).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { formData } from "../support/http-actions";
import { getAuth } from "@/server/auth";
import { getDb } from "@/server/db";
import { createUser } from "@/server/users";
import { createNegotiationAction } from "@/server/actions/negotiations";

const APP = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery staple";

function signIn(origin: string, host = "127.0.0.1:3000") {
  return getAuth().then((auth) =>
    auth.handler(
      new Request(`${APP}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, host },
        body: JSON.stringify({ email: "editor@example.org", password: PASSWORD }),
      }),
    ),
  );
}

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET = "parley-origin-tests-0123456789abcdefghijklmnop";
  process.env.PARLEY_RATE_LIMIT = "off";
  delete process.env.PARLEY_URL;
  delete process.env.PARLEY_HOSTS;
  delete process.env.PORT;
  (globalThis as { parleyAuth?: unknown }).parleyAuth = undefined;
  useFreshDatabase();
  await createUser({ email: "editor@example.org", name: "Editor", password: PASSWORD, role: "editor" });
});

describe("sign-in", () => {
  it("from the app's own origin: signed in", async () => {
    const response = await signIn(APP);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join()).toContain("session_token");
  });
  it.each(["http://localhost:9999", "http://127.0.0.1:9999", "http://[::1]:9999", "https://evil.example"])(
    "from %s (another port or site): refused, no session",
    async (origin) => {
      const response = await signIn(origin);
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie().join()).not.toContain("session_token");
    },
  );
});

describe("a write", () => {
  it("from http://localhost:9999 with a valid session, even with a matching Host header: refused, nothing saved", async () => {
    const cookie = (await signIn(APP)).headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const db = await getDb();
    const before = await db.negotiation.count();
    // A non-browser client can claim any Host; the origin must still be the app's own.
    request.headers = new Headers({ host: "localhost:9999", origin: "http://localhost:9999", cookie });
    const state = await createNegotiationAction({}, formData({ title: "Planted from another port" }));
    expect(state.formError).toMatch(/did not come from Parley's own pages/);
    expect(await db.negotiation.count()).toBe(before);
    request.headers = new Headers({ host: "127.0.0.1:3000", origin: APP, cookie });
    await expect(createNegotiationAction({}, formData({ title: "From the app itself" }))).rejects.toHaveProperty("digest", expect.stringContaining("NEXT_REDIRECT"));
    expect(await db.negotiation.count()).toBe(before + 1);
  });
});
