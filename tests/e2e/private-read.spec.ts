// A private deployment (PARLEY_PUBLIC_READ=off; the second server in playwright.config.ts, with
// its own database): no reading route gives an anonymous visitor any of its data, whether asked
// as a page (a plain request), as a client navigation (an RSC request with the router's state
// tree, which renders only the page segment and skips the layouts above it) or as a prefetch.
// Every refusal is a way to sign in. The same requests with a signed-in reader's cookie do get
// the data, so a malformed request cannot pass for a refusal.
import { expect, test } from "@playwright/test";
import { callAction, formData, signInCookie } from "../support/http-actions";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { row } from "./db";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PRIVATE = `http://127.0.0.1:${Number(process.env.E2E_PRIVATE_PORT ?? PORT + 1)}`;
const SLUG = "gaza-ceasefire-2024";

test.use({ baseURL: PRIVATE });

type Who = "viewer" | "editor" | "admin";
/** A reading route, the text only its data would put in the response, and who may read it. */
type Route = { path: string; shows: string; reader: Who };

/** Everything the demo and the test accounts could leak; no anonymous response may contain any. */
const SECRETS = ["Gaza ceasefire talks", "Philadelphi", "Hamas", "Islamic Jihad", "@e2e.test", "Eddie Editor", "Vera Viewer"];

test("a private deployment gives anonymous visitors no data on any reading route, as a page, a client navigation or a prefetch", async ({ page }) => {
  test.setTimeout(180_000);
  const cookies: Record<Who, string> = {
    viewer: await signInCookie(PRIVATE, "viewer@e2e.test", E2E_PASSWORD),
    editor: await signInCookie(PRIVATE, "editor@e2e.test", E2E_PASSWORD),
    admin: await signInCookie(PRIVATE, "admin@e2e.test", E2E_PASSWORD),
  };

  // Demo records to ask for by id, and one entry moved to the trash (through the delete action).
  // The private server's own database.
  const read = <T,>(sql: string, ...params: unknown[]) => row<T>(sql, params, { private: true });
  const id = async (sql: string, ...params: unknown[]) => (await read<{ id: number }>(sql, ...params)).id;
  const negotiationId = await id(`SELECT id FROM Negotiation WHERE slug = ?`, SLUG);
  const hamas = await id(`SELECT id FROM Party WHERE negotiationId = ? AND name = 'Hamas'`, negotiationId);
  const philadelphi = await id(`SELECT id FROM Issue WHERE negotiationId = ? AND name = 'Philadelphi corridor'`, negotiationId);
  const seedSource = await id(`SELECT id FROM Source WHERE negotiationId = ? AND text IS NOT NULL ORDER BY id`, negotiationId);
  const entry = await read<{ id: number; summary: string }>(
    `SELECT e.id, e.summary FROM PositionEntry e JOIN PositionEntryParty p ON p.entryId = e.id WHERE e.negotiationId = ? AND p.partyId = ? AND e.issueId = ? AND e.deletedAt IS NULL ORDER BY e.id`,
    negotiationId,
    hamas,
    philadelphi,
  );
  const doomed = await read<{ id: number; version: number; summary: string }>(
    `SELECT id, version, summary FROM PositionEntry WHERE negotiationId = ? AND deletedAt IS NULL AND id <> ? ORDER BY id DESC`,
    negotiationId,
    entry.id,
  );
  const deleted = await callAction({ baseURL: PRIVATE, name: "deleteEntryAction", args: [SLUG, doomed.id, {}, formData({ version: String(doomed.version) })], cookie: cookies.editor });
  expect(deleted.redirect, deleted.body.slice(0, 300)).toBeTruthy();
  expect((await read<{ d: unknown }>(`SELECT deletedAt d FROM PositionEntry WHERE id = ?`, doomed.id)).d).not.toBeNull();

  const n = `/negotiations/${SLUG}`;
  const routes: Route[] = [
    { path: "/", shows: "Gaza ceasefire talks", reader: "viewer" },
    { path: n, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}?asOf=2024-08-25`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}/compare?from=2024-05-01&to=2024-09-01`, shows: "Hamas", reader: "viewer" },
    { path: `${n}/timeline`, shows: "Hamas", reader: "viewer" },
    { path: `${n}/gaps`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}/cells/${hamas}/${philadelphi}`, shows: entry.summary, reader: "viewer" },
    { path: `${n}/parties`, shows: "Islamic Jihad", reader: "viewer" },
    { path: `${n}/parties/${hamas}`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}/issues`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}/issues/${philadelphi}`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `${n}/sources`, shows: "MENAFN", reader: "viewer" },
    { path: `${n}/sources/${seedSource}`, shows: "Philadelphia axis", reader: "viewer" },
    { path: `/history/negotiation/${negotiationId}`, shows: "Gaza ceasefire talks", reader: "viewer" },
    { path: `/history/party/${hamas}`, shows: "Hamas", reader: "viewer" },
    { path: `/history/issue/${philadelphi}`, shows: "Philadelphi corridor", reader: "viewer" },
    { path: `/history/source/${seedSource}`, shows: "Philadelphia axis", reader: "viewer" },
    { path: `/history/entry/${entry.id}`, shows: entry.summary, reader: "viewer" },
    // The trash and what is in it: for those who may restore.
    { path: "/trash", shows: doomed.summary, reader: "editor" },
    { path: `/history/entry/${doomed.id}`, shows: doomed.summary, reader: "editor" },
    // Forms show the record they change (the empty "Add source" form shows no data, so it is not here).
    { path: `${n}/edit`, shows: "Gaza ceasefire talks", reader: "editor" },
    { path: `${n}/entries/new`, shows: "Philadelphi corridor", reader: "editor" },
    { path: `${n}/entries/${entry.id}/edit`, shows: entry.summary, reader: "editor" },
    { path: `${n}/parties/${hamas}/edit`, shows: "Hamas", reader: "editor" },
    { path: `${n}/issues/${philadelphi}/edit`, shows: "Philadelphi corridor", reader: "editor" },
    { path: `${n}/sources/${seedSource}/edit`, shows: "Philadelphia axis", reader: "editor" },
    { path: "/users", shows: "viewer@e2e.test", reader: "admin" },
  ];

  // A client navigation inside the negotiation: the router state tree Chromium sends (Next.js
  // 16.4) when a reader clicks the Gaps tab on the matrix. It asks the server to render from
  // below the negotiation's layout, so a check that lives only in that layout is skipped: what
  // the finding replayed without the cookie. The signed-in controls below show that the server
  // does render each route's data with it.
  const tree = ["", { children: ["negotiations", { children: [["slug", SLUG, "d", null], { children: ["gaps", { children: ["__PAGE__", {}, null, null, 0] }, null, "refetch", 0] }, null, null, 0] }, null, null, 0] }, null, null, 16];
  const rsc: Record<string, string> = { RSC: "1", "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(tree)), "Next-Url": n };

  const kinds = {
    page: {} as Record<string, string>,
    "client navigation": rsc,
    prefetch: { ...rsc, "Next-Router-Prefetch": "1" },
  };
  const get = async (path: string, headers: Record<string, string>, cookie?: string) => {
    let url = new URL(path, PRIVATE);
    for (;;) {
      const response = await fetch(url, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) }, redirect: "manual" });
      const location = response.headers.get("location");
      // Next may answer an RSC request whose cache-busting `_rsc` parameter does not fit its
      // headers with a redirect to the same URL with the right one; the router follows it, so do we.
      const next = location ? new URL(location, url) : null;
      if (response.status === 307 && next && next.pathname === url.pathname && next.searchParams.get("_rsc") !== url.searchParams.get("_rsc")) {
        url = next;
        continue;
      }
      return { status: response.status, location, body: await response.text() };
    }
  };

  const leaks: string[] = [];
  let refused = 0;
  for (const route of routes) {
    for (const [kind, headers] of Object.entries(kinds)) {
      const label = `${kind} ${route.path}`;
      // Control: the reader it is meant for gets the data with exactly these headers (a prefetch
      // of a dynamic page may stop short of the data, so there only the status counts).
      const allowed = await get(route.path, headers, cookies[route.reader]);
      expect(allowed.status, `${label} as ${route.reader}`).toBe(200);
      if (kind !== "prefetch") expect(allowed.body, `${label} as ${route.reader} shows its data`).toContain(route.shows);

      const anonymous = await get(route.path, headers);
      const found = [...new Set([route.shows, ...SECRETS])].filter((secret) => anonymous.body.includes(secret));
      // A way to sign in and come back: a redirect, or the redirect instruction in the RSC payload.
      // (A prefetch of a dynamic page may stop before the page's queries run; it must only carry no data.)
      const target = anonymous.location ?? /NEXT_REDIRECT;[a-z]+;([^;"]+);/.exec(anonymous.body)?.[1] ?? "";
      const toSignIn = kind === "prefetch" || new URL(target, PRIVATE).pathname === "/sign-in";
      if (found.length > 0 || !toSignIn || anonymous.status >= 500) {
        leaks.push(`${label}: status ${anonymous.status}${toSignIn ? "" : ", not sent to sign in"}${found.length ? `, shows ${found.join(", ")}` : ""}`);
      } else refused++;
    }
  }
  console.log(`private deployment: ${routes.length} routes × ${Object.keys(kinds).length} request kinds; ${refused} anonymous requests got no data, ${leaks.length} did`);
  expect(leaks, "anonymous requests that got data or were not sent to sign in").toEqual([]);

  // And as a person: the anonymous visitor who follows a link lands on the sign-in page, then
  // back where they were going once signed in.
  await page.context().clearCookies();
  await page.goto(`${n}/gaps`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill("viewer@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${n}/gaps$`));
  await expect(page.getByRole("table")).toContainText("Philadelphi corridor");
});
