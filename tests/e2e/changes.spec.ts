// How positions move: one party's sequence demands -> conditions -> accepts on one issue, read
// back in the cell history, the matrix's change marks and the comparison of two dates.
import { expect, test } from "@playwright/test";
import { addEntry, addIssue, addParty, addSource, cell, createNegotiation, detailedView, signIn, tab } from "./helpers";

test("a sequence of entries is labelled in the history, marked in the matrix and counted in a comparison", async ({ page }) => {
  await signIn(page, "editor");
  const title = `Trade round ${Date.now().toString(36)}`;
  await createNegotiation(page, title);
  await addParty(page, "Northland");
  await addParty(page, "Southland");
  await addIssue(page, "Tariffs");
  await addSource(page, "Wire report", "2025-01-10", "");
  const steps = [
    { stance: "Demands", statedOn: "2025-01-10", summary: "Northland demands zero tariffs on grain." },
    { stance: "Accepts with conditions", statedOn: "2025-02-10", summary: "Northland would accept low tariffs if quotas rise." },
    { stance: "Accepts", statedOn: "2025-03-10", summary: "Northland accepts the low-tariff offer." },
  ];
  for (const step of steps) {
    await addEntry(page, { parties: ["Northland"], issue: "Tariffs", source: "Wire report", ...step });
    await expect(page).toHaveURL(new RegExp(`asOf=${step.statedOn}`));
  }

  // The matrix as of the last move, marking changes of the last 7 days.
  await tab(page, "Matrix").click();
  await page.getByLabel("As of").fill("2025-03-12");
  await page.getByLabel("Mark changes in the last").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/window=7/);
  await detailedView(page);
  const northland = cell(page, "Northland", "Tariffs");
  await expect(northland).toContainText("Accepts");
  await expect(northland).toContainText("Softened");
  // Six weeks later the move is outside a 30-day window: no mark.
  await page.getByLabel("As of").fill("2025-04-30");
  await page.getByLabel("Mark changes in the last").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2025-04-30/);
  await expect(page).toHaveURL(/window=30/);
  await expect(northland).toContainText("Accepts");
  await expect(northland).not.toContainText("Softened");

  // The cell's history, newest first, labels each entry and says in words how it moved.
  await northland.getByRole("link", { name: /2 earlier/ }).click();
  await expect(page.getByRole("heading", { name: "Northland on Tariffs" })).toBeVisible();
  const history = page.getByRole("list", { name: "History, newest first" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText("Accepts with conditions → Accepts");
  await expect(history.nth(0)).toContainText("Softened");
  await expect(history.nth(1)).toContainText("Demands → Accepts with conditions");
  await expect(history.nth(1)).toContainText("Softened");
  await expect(history.nth(2)).toContainText("First position: Demands");
  await expect(history.nth(2)).toContainText("New position");

  // Compare two dates that hold the middle move, and read the counts.
  await tab(page, "Compare dates").click();
  await page.getByLabel("Date A (before)").fill("2025-02-01");
  await page.getByLabel("Date B (after)").fill("2025-02-28");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/from=2025-02-01&to=2025-02-28/);
  await expect(page.getByText("1 position moved.")).toBeVisible();
  const counts = page.getByRole("table", { name: "Changes per party between the two dates" });
  const headers = await counts.getByRole("columnheader").allInnerTexts();
  const softenedColumn = headers.findIndex((h) => h.includes("Softened")) - 1; // minus the Party header
  await expect(counts.getByRole("row", { name: /^Northland/ }).getByRole("cell").nth(softenedColumn)).toHaveText("1");
  await expect(counts.getByRole("row", { name: /^Southland/ }).getByRole("cell").nth(softenedColumn)).toHaveText("0");
  await expect(counts.getByRole("row", { name: /^Total/ }).getByRole("cell").nth(softenedColumn)).toHaveText("1");
  const moved = cell(page, "Northland", "Tariffs");
  await expect(moved).toContainText("Softened");
  await expect(moved).toContainText("Demands");
  await expect(moved).toContainText("Accepts with conditions");
});

test("the demo shows softened, hardened and new moves in the comparison", async ({ page }) => {
  await page.goto("/negotiations/gaza-ceasefire-2024/compare?from=2024-08-01&to=2024-09-30");
  const total = page.getByRole("table", { name: "Changes per party between the two dates" }).getByRole("row", { name: /^Total/ });
  const headers = await page.getByRole("table", { name: "Changes per party between the two dates" }).getByRole("columnheader").allInnerTexts();
  for (const type of ["Softened", "Hardened", "New position"]) {
    const column = headers.findIndex((h) => h.includes(type)) - 1;
    const value = Number(await total.getByRole("cell").nth(column).innerText());
    expect(value, type).toBeGreaterThan(0);
  }
  // Israel's partial withdrawal from Philadelphi (the seed article) after refusing to leave.
  await page.goto("/negotiations/gaza-ceasefire-2024/compare?from=2024-08-21&to=2024-08-26");
  await expect(cell(page, "Israel", "Philadelphi corridor")).toContainText("Softened");
  await expect(cell(page, "Israel", "Philadelphi corridor")).toContainText("Concedes");
});
