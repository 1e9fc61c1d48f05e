// Issue 11, items 2 and 6: every issue has a page (definition as visible text, each party's
// position, strips over time, the entries that moved it), and a cell's history explains each
// move in words and marks the entry in force on a chosen date. Acts through roles and labels on
// the demo negotiation.
import { expect, test } from "@playwright/test";
import { overviewCell } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";

test("open an issue page from the matrix and read its definition", async ({ page }) => {
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  const grid = page.getByRole("grid", { name: /^Matrix of positions on 25 Aug 2024/ });
  await grid.getByRole("rowheader", { name: "Permanent ceasefire" }).getByRole("link", { name: "Permanent ceasefire" }).click();
  await expect(page).toHaveURL(/\/issues\/\d+\?asOf=2024-08-25$/);
  await expect(page.getByRole("heading", { level: 2, name: "Permanent ceasefire" })).toBeVisible();
  // The definition is visible text, not a tooltip.
  await expect(page.getByText("A lasting end to the war rather than a temporary pause.")).toBeVisible();

  // Every party's position as of the day, and the gap view's status for it.
  const positions = page.getByRole("table", { name: /position on Permanent ceasefire as of 25 Aug 2024/ });
  const row = (party: string) => positions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: party, exact: true }) });
  await expect(row("Israel")).toContainText("Rejects");
  await expect(row("Hamas")).toContainText("Demands");
  await expect(page.getByText(/^Gap as of 25 Aug 2024:/)).toContainText("Opposed");

  // One strip per party over time, read through its text alternative.
  await expect(page.getByRole("list", { name: "Hamas on Permanent ceasefire, stance over time" }).getByRole("listitem").first()).toContainText("Demands");
  await expect(page.getByRole("list", { name: "Gap status on Permanent ceasefire over time" }).getByRole("listitem").first()).toBeAttached();

  // The entries that moved it, newest first, each saying how.
  const moved = page.getByRole("list", { name: "Entries that moved the issue, newest first" });
  await expect(moved.getByText("Demands, red line → Concedes, flexible")).toBeVisible();

  // The gap view links each issue name to the same page.
  await page.goto(`${DEMO}/gaps?asOf=2024-08-25`);
  await page.getByRole("rowheader", { name: "Permanent ceasefire" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/issues\/\d+\?asOf=2024-08-25$/);
  await expect(page.getByText("A lasting end to the war rather than a temporary pause.")).toBeVisible();

  // An unknown issue is a 404.
  expect((await page.goto(`${DEMO}/issues/99999`))?.status()).toBe(404);
  expect((await page.goto(`${DEMO}/issues/99999999999`))?.status()).toBe(404);
});

test("open a cell history and find the entry in force on a chosen date", async ({ page }) => {
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  await overviewCell(page, "Hamas", "Permanent ceasefire").getByRole("link").click();
  await page.getByRole("link", { name: /^History of this cell/ }).click();
  await expect(page.getByRole("heading", { name: "Hamas on Permanent ceasefire" })).toBeVisible();
  await expect(page.getByRole("list", { name: "History, newest first" })).toBeVisible();

  await page.getByLabel("As of").fill("2024-07-20");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2024-07-20/);
  await expect(page.getByRole("status").filter({ hasText: "In force on 20 Jul 2024" })).toContainText("Concedes, flexible, stated 7 Jul 2024");
  await page.getByRole("link", { name: "Go to the entry in force" }).click();
  await expect(page).toHaveURL(/#entry-\d+$/);
  const entryId = new URL(page.url()).hash.slice(1);
  const inForce = page.getByRole("listitem").filter({ hasText: "In force on 20 Jul 2024" });
  await expect(inForce).toHaveCount(1);
  await expect(inForce).toHaveAttribute("id", entryId);
  await expect(inForce).toContainText("Demands, red line → Concedes, flexible");
  await expect(inForce).toContainText("Hamas no longer requires a permanent-ceasefire pledge");

  // Oldest first on request; the as-of date stays.
  await page.getByRole("link", { name: "Show oldest first" }).click();
  await expect(page).toHaveURL(/asOf=2024-07-20&order=oldest/);
  const oldest = page.getByRole("list", { name: "History, oldest first" }).getByRole("listitem");
  await expect(oldest.first()).toContainText("First position: Demands");

  // The party's positions on the other issues, one click away.
  await page.getByRole("link", { name: /^Hamas’s positions on every issue as of 20 Jul 2024/ }).click();
  await expect(page).toHaveURL(/\/parties\/\d+\?asOf=2024-07-20#positions$/);
  await expect(page.getByRole("table", { name: /Hamas’s positions as of 20 Jul 2024/ })).toBeVisible();
});
