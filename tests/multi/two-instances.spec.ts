// Two app servers, one database (issue 10, item 4): playwright.multi.config.ts starts servers
// "a" and "b" from one build behind a balancer that alternates between them. A page is pinned to
// one server with the balancer's test header; every answer names the server that gave it.
import { expect, test, type Page, type Response } from "@playwright/test";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { cell, signIn } from "../e2e/helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";
const MATRIX = `${DEMO}?asOf=2024-08-25&view=detail`;
type Server = "a" | "b";

/** From now on every request of this page goes to `server`. */
async function pinTo(page: Page, server: Server) {
  await page.setExtraHTTPHeaders({ "x-parley-backend": server });
}
const servedBy = (response: Response | null) => response?.headers()["x-parley-served-by"];

async function openOn(page: Page, server: Server, path: string) {
  await pinTo(page, server);
  const response = await page.goto(path);
  expect(servedBy(response), `${path} should be served by ${server}`).toBe(server);
}

async function openEditOf(page: Page, server: Server, party: string, issue: string) {
  await openOn(page, server, MATRIX);
  await cell(page, party, issue).getByRole("link", { name: /earlier|later/ }).first().click();
  await page.getByRole("link", { name: "Edit entry" }).last().click();
  await expect(page.getByRole("heading", { name: "Edit position entry" })).toBeVisible();
}

/** The detailed matrix at the date of the entry just saved (where the save sent the page). */
function savedMatrix(page: Page): string {
  const url = new URL(page.url());
  url.searchParams.set("view", "detail");
  return url.pathname + url.search;
}

/** Clicks Save entry and returns the server that ran the action (the form's POST). */
async function saveEntry(page: Page): Promise<string | undefined> {
  const post = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(DEMO));
  await page.getByRole("button", { name: "Save entry" }).click();
  return servedBy(await post);
}

test("a session made on one server works on the other, and signing out on it ends it on both", async ({ page }) => {
  await openOn(page, "a", "/sign-in");
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await openOn(page, "b", `${DEMO}/entries/new`);
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await openOn(page, "a", `${DEMO}/entries/new`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a save on one server is seen on the other at once", async ({ browser }) => {
  const onA = await browser.newPage();
  const onB = await browser.newPage();
  await signIn(onA, "editor");
  await signIn(onB, "editor");
  await openEditOf(onA, "a", "Egypt", "Philadelphi corridor");
  // b renders the same form first, so a copy of the page it kept would now be stale.
  const form = new URL(onA.url());
  await openOn(onB, "b", form.pathname + form.search);
  const before = await onB.getByLabel("Summary").inputValue();

  const edited = `${before} (seen on the other server)`;
  await onA.getByLabel("Summary").fill(edited);
  expect(await saveEntry(onA)).toBe("a");
  await expect(onA).toHaveURL(/saved=/);

  await openOn(onB, "b", form.pathname + form.search);
  await expect(onB.getByLabel("Summary")).toHaveValue(edited);
  await openOn(onB, "b", savedMatrix(onA));
  await expect(cell(onB, "Egypt", "Philadelphi corridor")).toContainText("seen on the other server");
  await onA.close();
  await onB.close();
});

test("two people save the same entry on different servers: the second is refused with the conflict, nothing overwritten", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "editor");
  await signIn(second, "admin");
  await openEditOf(first, "a", "Israel", "Philadelphi corridor");
  await openEditOf(second, "b", "Israel", "Philadelphi corridor");

  await first.getByLabel("Summary").fill("Israel offers a partial pull-back (saved on server a).");
  expect(await saveEntry(first)).toBe("a");
  await expect(first).toHaveURL(/saved=/);

  await second.getByLabel("Summary").fill("Israel offers to thin out its forces (saved on server b).");
  expect(await saveEntry(second)).toBe("b");
  await expect(second.getByText("Someone else saved this record", { exact: false })).toBeVisible();
  await expect(second.getByLabel("Summary")).toHaveValue("Israel offers to thin out its forces (saved on server b).");
  await expect(second.getByRole("table", { name: "What changed meanwhile" })).toContainText("saved on server a");

  // Nothing was overwritten: both servers show the first save.
  const saved = savedMatrix(first);
  for (const server of ["a", "b"] as const) {
    await openOn(first, server, saved);
    await expect(cell(first, "Israel", "Philadelphi corridor")).toContainText("saved on server a");
  }
  await first.close();
  await second.close();
});

test("two saves of the same entry at the same moment on different servers: one is saved, the other refused", async ({ browser }) => {
  const pages = [await browser.newPage(), await browser.newPage()] as const;
  await signIn(pages[0], "editor");
  await signIn(pages[1], "admin");
  const servers = ["a", "b"] as const;
  for (const [i, page] of pages.entries()) {
    await openEditOf(page, servers[i]!, "Egypt", "Philadelphi corridor");
    await page.getByLabel("Summary").fill(`Egypt restates its demand (saved at once on server ${servers[i]}).`);
  }
  // Both writes are in flight together: two processes race for the same row.
  expect(await Promise.all(pages.map(saveEntry))).toEqual(["a", "b"]);
  const outcome = async (page: Page) => {
    if (/[?&]saved=/.test(page.url())) return "saved";
    return (await page.getByText("Someone else saved this record", { exact: false }).count()) > 0 ? "conflict" : "pending";
  };
  for (const page of pages) await expect.poll(() => outcome(page)).not.toBe("pending");
  const outcomes = await Promise.all(pages.map(outcome));
  expect([...outcomes].sort()).toEqual(["conflict", "saved"]);

  // The refused one kept its text; both servers show the one that was saved.
  const winner = outcomes.indexOf("saved");
  const loser = pages[1 - winner]!;
  await expect(loser.getByLabel("Summary")).toHaveValue(`Egypt restates its demand (saved at once on server ${servers[1 - winner]}).`);
  const saved = savedMatrix(pages[winner]!);
  for (const server of servers) {
    await openOn(pages[winner]!, server, saved);
    await expect(cell(pages[winner]!, "Egypt", "Philadelphi corridor")).toContainText(`saved at once on server ${servers[winner]}`);
  }
  for (const page of pages) await page.close();
});

test("a form loaded from one server is saved by the other (server actions across servers)", async ({ page }) => {
  await signIn(page, "editor");
  await openEditOf(page, "a", "Hamas", "Philadelphi corridor");
  const summary = page.getByLabel("Summary");
  await summary.fill(`${await summary.inputValue()} (form from a, saved by b)`);
  await pinTo(page, "b");
  expect(await saveEntry(page)).toBe("b");
  await expect(page).toHaveURL(/saved=/);
  await openOn(page, "a", savedMatrix(page));
  await expect(cell(page, "Hamas", "Philadelphi corridor")).toContainText("form from a, saved by b");
});

test("with requests alternating between the servers, a person signs in, creates a negotiation and adds a party", async ({ page }) => {
  const servers = new Set<string>();
  page.on("response", (response) => {
    const server = servedBy(response);
    if (server) servers.add(server);
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("link", { name: "New negotiation" }).click();
  await page.getByLabel("Title").fill("Talks served by two servers");
  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Talks served by two servers" })).toBeVisible();
  await page.getByRole("navigation", { name: "Negotiation" }).getByRole("link", { name: "Parties", exact: true }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Northland");
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page.getByRole("cell", { name: "Northland", exact: true })).toBeVisible();
  expect([...servers].sort()).toEqual(["a", "b"]);
});
