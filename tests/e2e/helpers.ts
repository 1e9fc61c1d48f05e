// What a person does again and again in Parley, as steps the end-to-end tests share.
import { expect, test, type Page } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";

export async function addParty(page: Page, name: string) {
  await tab(page, "Parties").click();
  await expect(page.getByRole("heading", { name: "Add a party" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
}

export async function addIssue(page: Page, name: string) {
  await tab(page, "Issues").click();
  await expect(page.getByRole("heading", { name: "Add an issue" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Add issue" }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
}

export async function addSource(page: Page, title: string, publishedOn: string, text: string) {
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Add source" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Outlet").fill("Test Wire");
  await page.getByLabel("Published").fill(publishedOn);
  if (text) await page.getByLabel("Text").fill(text);
  else await page.getByLabel("Address (URL)").fill("https://example.org/report");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

export async function fillEntry(page: Page, e: { parties: string[]; issue: string; source: string; stance: string; statedOn?: string; summary: string; quote?: string }) {
  await tab(page, "Matrix").click();
  await page.getByRole("link", { name: "Add position entry" }).click();
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  for (const p of e.parties) await page.getByRole("checkbox", { name: p }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: e.issue });
  const source = page.getByRole("combobox", { name: "Source", exact: true });
  const option = source.locator("option", { hasText: e.source });
  await source.selectOption({ value: (await option.getAttribute("value"))! });
  await page.getByLabel("Stance").selectOption({ label: e.stance });
  if (e.statedOn) await page.getByLabel("Date stated").fill(e.statedOn);
  await page.getByLabel("Summary").fill(e.summary);
  if (e.quote) await page.getByLabel("Quote").fill(e.quote);
  await page.getByRole("button", { name: "Add entry" }).click();
}

/**
 * Adds an entry that must be saved, and waits for the proof that it was: the matrix at the
 * entry's date with the saved entry marked (`saved=<id>` in the URL). A step after a write never
 * starts before the write's visible outcome, or a busy machine can navigate away mid-save.
 */
export async function addEntry(page: Page, e: Parameters<typeof fillEntry>[1]) {
  await fillEntry(page, e);
  await expect(page).toHaveURL(/[?&]saved=\d+/);
}

export const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Negotiation" }).getByRole("link", { name, exact: true });

/** A cell of the detailed matrix (and of the comparison), by its "Party on Issue:" label. */
export const cell = (page: Page, party: string, issue: string) => page.getByRole("cell", { name: new RegExp(`^${party} on ${issue}:`) });

/** A cell of the overview matrix (an ARIA grid): its name is the sentence "Party on Issue: Stance, …". */
export const overviewCell = (page: Page, party: string, issue: string) => page.getByRole("gridcell", { name: new RegExp(`^${party} on ${issue}:`) });

/** Switches the matrix from the overview to the detailed view (same date and marks). */
export async function detailedView(page: Page) {
  await page.getByRole("link", { name: "Detailed view" }).click();
  await expect(page).toHaveURL(/view=detail/);
}

export async function showAsOf(page: Page, day: string) {
  await page.getByLabel("As of").fill(day);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`asOf=${day}`));
}


export async function createNegotiation(page: Page, title: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "New negotiation" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}


/**
 * Starts a signed-in session for this page: the sign-in request leaves from its own loopback
 * address (127.0.0.100-249; every one reaches the server on 127.0.0.1), as a different person's
 * browser would, and its session cookie goes into the page's browser. The server allows 20
 * sign-ins a minute from one address (docs/decisions/008), which a suite that signs in from one
 * address for every test would exceed. Signing in through the form itself is tested in
 * trust.spec.ts and sign-in.spec.ts.
 */
export async function signIn(page: Page, role: "admin" | "editor" | "viewer") {
  const baseURL = new URL(test.info().project.use.baseURL!).origin;
  const localAddress = `127.0.0.${100 + (signIns++ % 150)}`;
  const cookies = await new Promise<string[]>((resolve, reject) => {
    const body = JSON.stringify({ email: `${role}@e2e.test`, password: E2E_PASSWORD });
    const req = httpRequest(
      new URL("/api/auth/sign-in/email", baseURL),
      { method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: baseURL } },
      (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve(res.headers["set-cookie"] ?? []) : reject(new Error(`sign-in as ${role} answered ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  await page.context().addCookies(
    cookies.map((c) => {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      return { name: pair!.slice(0, at), value: pair!.slice(at + 1), url: baseURL, httpOnly: true, sameSite: "Lax" as const };
    }),
  );
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
let signIns = 0;

/**
 * A generated entries CSV of `rows` rows (columns of lib/exchange/csv.ts ENTRY_COLUMNS): three
 * parties, four issues and 40 link-only sources, created by the import ("create missing").
 */
export function generatedEntriesCsv(rows: number): string {
  const header = "stated_on,parties,issue,stance,firmness,summary,quote,notes,source_title,source_outlet,source_url,source_published_on,source_language";
  const parties = ["Northland", "Southland", "Northland; Southland", "Mediator"];
  const issues = ["Water rights", "Border line", "Prisoners", "Aid access"];
  const stances = ["demands", "rejects", "proposes", "accepts", "conditions"];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const source = i % 40;
    lines.push(
      [day, `"${parties[i % 4]}"`, issues[i % 4], stances[i % 5], "", `Generated position ${i + 1}`, "", "", `Wire report ${source}`, "Wire", `https://example.org/wire/${source}`, day, "en"].join(","),
    );
  }
  return lines.join("\n") + "\n";
}
