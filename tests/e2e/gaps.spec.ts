// The gap view and a party's profile on the demo negotiation, acting through labels and roles.
// Reads only: the demo data is loaded fresh for every run (scripts/e2e-server.mjs).
import { expect, test, type Page } from "@playwright/test";

const BASE = "/negotiations/gaza-ceasefire-2024";

const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Negotiation" }).getByRole("link", { name, exact: true });
// The issue rows (each has a row header): the two header rows (sides, then parties) are left out.
const gapRows = (page: Page) =>
  page.getByRole("region", { name: /^Gaps between the parties/ }).getByRole("row").filter({ has: page.getByRole("rowheader") });

test("the gap view puts the most opposed issue first and can list issues in matrix order", async ({ page }) => {
  await page.goto(BASE);
  await tab(page, "Gaps").click();
  await expect(page).toHaveURL(/\/gaps$/);
  await expect(tab(page, "Gaps")).toHaveAttribute("aria-current", "page");

  await page.getByLabel("As of").fill("2024-08-25");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2024-08-25/);
  await expect(page.getByText(/Positions as of 25 Aug 2024/)).toBeVisible();

  // Most opposed first (the default): Hamas and Islamic Jihad demand a permanent ceasefire
  // (Islamic Jihad on a red line), Israel rejects it.
  const rows = gapRows(page);
  const first = rows.nth(0);
  await expect(first.getByRole("rowheader")).toHaveText("Permanent ceasefire");
  await expect(first.getByRole("cell").first()).toHaveText(/^Opposed/);
  await expect(first.getByRole("cell").first()).toContainText("Demands meet a rejection, with a red line");
  await expect(first.getByRole("cell", { name: /^Israel:/ })).toContainText("Rejects");
  await expect(first.getByRole("cell", { name: /^Hamas:/ })).toContainText("Demands");
  // A party without a position on an issue says so.
  await expect(page.getByRole("row", { name: /^Hostage-prisoner exchange/ }).getByRole("cell", { name: "Israel: No position" })).toBeVisible();
  // Open issues come after the opposed ones; the last one is open.
  await expect(rows.last().getByRole("cell").first()).toHaveText(/^Open/);
  // Mediators never decide the status: only mediators spoke on Rafah crossing.
  // Their positions are listed beside the gap, never dropped (issue 11, item 1).
  const rafah = page.getByRole("row", { name: /^Rafah crossing/ }).getByRole("cell").first();
  await expect(rafah).toHaveText(/^Open\s*Only mediators or observers have stated a position/);
  await expect(rafah).toContainText(/(Mediators|Observers): /);

  // Matrix order, kept in the URL together with the date.
  await page.getByLabel("Sort issues by").selectOption({ label: "Matrix order" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sort=matrix/);
  await expect(page).toHaveURL(/asOf=2024-08-25/);
  await expect(page.getByLabel("Sort issues by")).toHaveValue("matrix");
  await expect(rows.nth(0).getByRole("rowheader")).toHaveText("Overall ceasefire deal");
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText("Permanent ceasefire");
  // Israel's concession of 25 Aug leaves Hamas's demand unmet on Philadelphi: open, not opposed.
  await expect(page.getByRole("row", { name: /^Philadelphi corridor/ }).getByRole("cell").first()).toHaveText(
    /^Open\s*A demand is on the table, not yet met/,
  );

  // Back to most opposed first.
  await page.getByLabel("Sort issues by").selectOption({ label: "Most opposed first" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sort=gap/);
  await expect(rows.nth(0).getByRole("rowheader")).toHaveText("Permanent ceasefire");

  // Each position links to its cell's history.
  await first.getByRole("link", { name: "25 Aug 2024 (history of Hamas on Permanent ceasefire)" }).click();
  await expect(page.getByRole("heading", { name: "Hamas on Permanent ceasefire" })).toBeVisible();
});

test("an unknown sort or date falls back to the defaults", async ({ page }) => {
  await page.goto(`${BASE}/gaps?asOf=2024-02-30&sort=sideways`);
  await expect(page.getByText("“2024-02-30” is not a date; showing today instead.")).toBeVisible();
  await expect(page.getByLabel("Sort issues by")).toHaveValue("gap");
  await expect(page.getByText(/\(today\)/)).toBeVisible();
});

test("a party's profile shows its position on every issue over time", async ({ page }) => {
  await page.goto(BASE);
  await tab(page, "Parties").click();
  await page.getByRole("link", { name: "Hamas", exact: true }).click();
  await expect(page).toHaveURL(/\/parties\/\d+$/);
  await expect(page.getByRole("heading", { name: "Hamas", exact: true })).toBeVisible();
  await expect(page.getByText("Party", { exact: true })).toBeVisible();

  const permanent = page.getByRole("region", { name: "Permanent ceasefire" });
  await expect(permanent.getByRole("heading", { name: "Permanent ceasefire" })).toBeVisible();
  const history = permanent.getByRole("list", { name: "Hamas on Permanent ceasefire, oldest first" });
  await expect(history.getByRole("listitem").first()).toContainText("6 May 2024");
  await expect(history.getByRole("listitem").first()).toContainText("New position");
  await expect(history.getByRole("listitem").first()).toContainText("Demands");
  await expect(history.getByRole("listitem").filter({ hasText: "7 Jul 2024" })).toContainText("Softened");
  await expect(history.getByRole("listitem").filter({ hasText: "7 Jul 2024" })).toContainText("Concedes");
  await expect(history.getByRole("listitem").filter({ hasText: "16 Aug 2024" })).toContainText("Hardened");
  // A joint statement counts in Hamas's history; the latest entry is the one in force today.
  await expect(history.getByRole("listitem").filter({ hasText: "Joint with Islamic Jihad" })).toContainText("25 Aug 2024");
  await expect(history.getByRole("listitem").last()).toContainText(/In force on/);
  await expect(permanent.getByRole("link", { name: "Quotes and full history (Hamas on Permanent ceasefire)" })).toBeVisible();

  // Issues with nothing recorded are listed together at the end.
  await expect(page.getByText("No position recorded on: Netzarim corridor, Rafah crossing, Displacement of Gazans.")).toBeVisible();

  // As of an earlier day: the concession is in force, the later entries are marked as later.
  await page.getByLabel("As of").fill("2024-07-10");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2024-07-10/);
  await expect(permanent).toContainText(/As of 10 Jul 2024:\s*Concedes\s*Flexible\s*since 7 Jul 2024/);
  await expect(history.getByRole("listitem").filter({ hasText: "In force on 10 Jul 2024" })).toContainText("7 Jul 2024");
  await expect(history.getByRole("listitem").filter({ hasText: "After 10 Jul 2024" })).toHaveCount(7);
  const overview = page.getByRole("table", { name: /Hamas’s positions as of 10 Jul 2024/ });
  await expect(overview.getByRole("row", { name: /^Post-war governance/ })).toContainText("No position yet");

  // The overview links down to each issue's history.
  // Each issue's count over the whole history links to the cell's (paged) history.
  await expect(overview.getByRole("link", { name: /^\d+ entries: history of Hamas on Permanent ceasefire$/ })).toBeVisible();
  await overview.getByRole("link", { name: "Permanent ceasefire", exact: true }).click();
  await expect(page).toHaveURL(/#issue-\d+$/);
});

test("a party that does not exist is not found", async ({ page }) => {
  for (const id of ["999999", "abc", "0"]) {
    const response = await page.goto(`${BASE}/parties/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
