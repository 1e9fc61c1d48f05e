// Identity and sign-in (issue 7, findings 1, 6 and 7) against the production server as `npm
// start` runs it (scripts/serve.mjs). Sign-in attempts leave from different loopback addresses
// (127.0.0.x: every one reaches the server on 127.0.0.1), so the server sees real, different
// socket addresses, as it would see different clients.
import { expect, test, type Browser } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { signIn } from "./helpers";

/** POST /api/auth/sign-in/email from `localAddress`, with any extra headers; status and JSON body. */
function signInFrom(baseURL: string, localAddress: string, email: string, password: string, headers: Record<string, string> = {}) {
  const url = new URL("/api/auth/sign-in/email", baseURL);
  const body = JSON.stringify({ email, password });
  return new Promise<{ status: number; body: { code?: string; message?: string } }>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: baseURL, ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          let parsed: { code?: string; message?: string } = {};
          try {
            parsed = JSON.parse(text) as typeof parsed;
          } catch {
            // not JSON (e.g. an empty body)
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("rotating X-Forwarded-For does not reset the per-address limit, and a victim's address in the header does not lock the victim out", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const attacker = "127.0.0.2";
  const victim = "127.0.0.3";
  const statuses: number[] = [];
  // A different unknown account each time, so only the per-address limit (20 a minute) applies;
  // the header names a new address each time, and the victim's as well.
  for (let i = 0; i < 22; i++) {
    const forged = i % 2 ? victim : `192.0.2.${i + 1}`;
    statuses.push((await signInFrom(baseURL!, attacker, `nobody-${i}@e2e.test`, "wrong password", { "x-forwarded-for": forged })).status);
  }
  expect(statuses.slice(0, 20).every((s) => s === 401), statuses.join(",")).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
  expect((await signInFrom(baseURL!, victim, "viewer@e2e.test", E2E_PASSWORD)).status).toBe(200);
});

test("wrong passwords for one account from many addresses meet growing delays; a second account is unaffected", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const target = `target-${Date.now().toString(36)}@e2e.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await signInFrom(baseURL!, `127.0.0.${10 + i}`, target, `guess ${i}`, { "x-forwarded-for": `198.51.100.${i + 1}` })).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  const waiting = await signInFrom(baseURL!, "127.0.0.20", target, "another guess");
  expect(waiting.status).toBe(429);
  expect(waiting.body).toMatchObject({ code: "ACCOUNT_THROTTLED" });
  expect(waiting.body.message).toMatch(/Too many failed sign-ins for this account\. Wait \d+ seconds?, then try again\./);
  expect((await signInFrom(baseURL!, "127.0.0.20", "editor@e2e.test", E2E_PASSWORD)).status).toBe(200);
});

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("an admin disables an account on the Users page: its open session ends at once and it cannot sign in until enabled", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const name = `Dana Disabled ${stamp}`;
  const email = `dana-${stamp}@e2e.test`;
  const password = "dana's long password";

  const admin = await newPage(browser);
  await signIn(admin.page, "admin");
  await admin.page.goto("/users");
  await admin.page.getByRole("textbox", { name: "Name" }).fill(name);
  await admin.page.getByRole("textbox", { name: "Email" }).fill(email);
  await admin.page.getByLabel("Password").fill(password);
  await admin.page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Editor" });
  await admin.page.getByRole("button", { name: "Create account" }).click();
  await expect(admin.page).toHaveURL(/\/users\?created=1$/);
  const row = admin.page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  // Dana signs in in her own browser.
  const dana = await newPage(browser);
  await dana.page.goto("/sign-in?next=/trash");
  await dana.page.getByLabel("Email").fill(email);
  await dana.page.getByLabel("Password").fill(password);
  await dana.page.getByRole("button", { name: "Sign in" }).click();
  await expect(dana.page).toHaveURL(/\/trash$/);
  await expect(dana.page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The admin disables her account.
  admin.page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Disable account" }).click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Enable account" })).toBeVisible();

  // Her next request is anonymous: the trash asks her to sign in.
  await dana.page.reload();
  await expect(dana.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(dana.page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // Signing in again is refused with a clear message.
  await dana.page.getByLabel("Email").fill(email);
  await dana.page.getByLabel("Password").fill(password);
  await dana.page.getByRole("button", { name: "Sign in" }).click();
  await expect(dana.page.getByText(/This account is disabled\. Ask an admin/)).toBeVisible();

  // Enabled again, she signs in.
  await row.getByRole("button", { name: "Enable account" }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await dana.page.getByLabel("Password").fill(password);
  await dana.page.getByRole("button", { name: "Sign in" }).click();
  await expect(dana.page).toHaveURL(/\/trash$/);
  await expect(dana.page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The admin cannot disable their own account.
  const own = admin.page.getByRole("row", { name: /Ada Admin/ });
  admin.page.once("dialog", (dialog) => void dialog.accept());
  await own.getByRole("button", { name: "Disable account" }).click();
  await expect(own.getByRole("alert")).toHaveText(/cannot disable your own account/);
  await admin.context.close();
  await dana.context.close();
});

test("after sign-in, next never leaves the site: tab, CR and LF tricks land on the home page", async ({ page, baseURL }) => {
  await page.goto("/sign-in?next=/%09/evil.example");
  await page.getByLabel("Email").fill("viewer@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Signed in, the sign-in page redirects at once: odd `next` values never give a 500.
  for (const next of ["/%0d%0a/evil.example", "/%0aSet-Cookie:%20x=1", "/negotiations/%E2%9C%93", "/%0D/evil.example"]) {
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response!.status(), next).toBeLessThan(500);
    expect(new URL(page.url()).origin, next).toBe(baseURL);
  }
});
