// The timeline: filter by issue, reach a mark and open its entry with the keyboard alone,
// read the same entries as a table, and pick the matrix's as-of date with the scrubber.
// Acts on the demo negotiation (loaded into the test database), through labels and roles only.
import { expect, test, type Locator, type Page } from "@playwright/test";

const MATRIX = "/negotiations/gaza-ceasefire-2024";

async function openTimeline(page: Page) {
  await page.goto(MATRIX);
  await page.getByRole("navigation", { name: "Negotiation" }).getByRole("link", { name: "Timeline", exact: true }).click();
  await expect(page.getByRole("group", { name: /^Timeline of positions on all issues/ })).toBeVisible();
}

const issueSelect = (page: Page) => page.getByRole("combobox", { name: "Issue", exact: true });

async function filterByIssue(page: Page, issue: string) {
  await issueSelect(page).selectOption({ label: issue });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/timeline\?issue=\d+&party=$/);
  return page.getByRole("group", { name: new RegExp(`^Timeline of positions on ${issue}`) });
}

/** The accessible name of the focused element (the marks are named by aria-label). */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

test("filtered by issue, a mark reached with Tab shows its details and Enter opens the entry", async ({ page }) => {
  await openTimeline(page);
  const chart = await filterByIssue(page, "Philadelphi corridor");
  await expect(issueSelect(page)).toHaveValue(/^\d+$/);

  // Every mark left is about the chosen issue.
  const marks = chart.getByRole("link");
  const count = await marks.count();
  expect(count).toBeGreaterThan(3);
  await expect(chart.getByRole("link", { name: /^[^,]+ on Philadelphi corridor, / })).toHaveCount(count);

  // Keyboard only, from the top of the page: Tab reaches the chart's one tab stop, arrows the mark.
  const target = chart.getByRole("link", { name: /^Israel on Philadelphi corridor, 25 Aug 2024: Concedes \(flexible\), Softened/ });
  const aMark = / on Philadelphi corridor, /;
  for (let i = 0; i < 80 && !aMark.test((await focusedName(page)) ?? ""); i++) await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAccessibleName(aMark);
  for (let i = 0; i < count && !(await isFocused(target)); i++) await page.keyboard.press("ArrowRight");
  await expect(target).toBeFocused();
  await expect(target).toHaveAccessibleDescription("Israel offers to pull back partly from the Philadelphi corridor.");
  const details = page.getByRole("tooltip");
  await expect(details).toBeVisible();
  await expect(details).toContainText("Israel on Philadelphi corridor");
  await expect(details).toContainText("25 Aug 2024");
  await expect(details).toContainText("Softened");
  await expect(details).toContainText("Israel offers to pull back partly from the Philadelphi corridor.");
  // Escape hides the details, moving on shows the next mark's.
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tooltip")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(target).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cells\/\d+\/\d+#entry-\d+$/);
  await expect(page.getByRole("heading", { name: "Israel on Philadelphi corridor" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Israel, 25 Aug 2024" })).toContainText("Israel offers to pull back partly");
});

test("the table alternative lists the same entries, each linking to it", async ({ page }) => {
  await openTimeline(page);
  const chart = await filterByIssue(page, "Philadelphi corridor");
  const count = await chart.getByRole("link").count();

  await page.getByText("Show the timeline as a table").click();
  const table = page.getByRole("table", { name: /^Timeline of positions on Philadelphi corridor/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Date", "Party", "Issue", "Stance", "Change", "Summary"]);
  await expect(table.getByRole("row")).toHaveCount(count + 1);
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "25 Aug 2024" }) }).filter({ hasText: "Concedes" });
  await expect(row).toContainText("Israel");
  await expect(row).toContainText("Softened");
  await row.getByRole("link", { name: "Israel offers to pull back partly from the Philadelphi corridor." }).click();
  await expect(page.getByRole("heading", { name: "Israel on Philadelphi corridor" })).toBeVisible();
});

test("the scrubber picks the matrix's as-of date", async ({ page }) => {
  await openTimeline(page);
  const scrubber = page.getByRole("slider", { name: "As-of date for the matrix" });
  // The slider spans the chart's days; the demo's chart starts on 1 May 2024.
  await scrubber.focus();
  await page.keyboard.press("Home");
  await expect(scrubber).toHaveAttribute("aria-valuetext", "1 May 2024");
  await scrubber.fill("117");
  await expect(scrubber).toHaveAttribute("aria-valuetext", "26 Aug 2024");
  await page.keyboard.press("ArrowLeft");
  await expect(scrubber).toHaveAttribute("aria-valuetext", "25 Aug 2024");

  await page.getByRole("link", { name: "Open the matrix as of 25 Aug 2024" }).click();
  await expect(page).toHaveURL(/\/negotiations\/gaza-ceasefire-2024\?asOf=2024-08-25$/);
  await expect(page.getByLabel("As of")).toHaveValue("2024-08-25");
  await expect(page.getByRole("gridcell", { name: /^Israel on Philadelphi corridor: Concedes/ })).toBeVisible();
});

test("an unknown issue shows every issue with a note", async ({ page }) => {
  await page.goto(`${MATRIX}/timeline?issue=999999`);
  await expect(page.getByRole("alert").filter({ hasText: "There is no issue “999999” in this negotiation; showing all issues." })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Timeline of positions on all issues/ })).toBeVisible();
});

test("filtered by party, the lanes stay one per issue and every mark is the party's", async ({ page }) => {
  await openTimeline(page);
  await page.getByRole("combobox", { name: "Party", exact: true }).selectOption({ label: "Israel" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/timeline\?issue=&party=\d+$/);
  await expect(page.getByRole("combobox", { name: "Party", exact: true })).toHaveValue(/^\d+$/);
  const chart = page.getByRole("group", { name: /^Timeline of positions of Israel on all issues, one lane per issue/ });
  await expect(chart.getByRole("group", { name: "Philadelphi corridor", exact: true })).toBeVisible();
  const marks = chart.getByRole("link");
  const count = await marks.count();
  expect(count).toBeGreaterThan(5);
  await expect(chart.getByRole("link", { name: /^Israel on / })).toHaveCount(count);
  // The way back to every party and issue.
  await page.getByRole("link", { name: "Show all issues and parties" }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(page.getByRole("group", { name: /^Timeline of positions on all issues/ })).toBeVisible();
});

test("an unknown party shows every party with a note", async ({ page }) => {
  await page.goto(`${MATRIX}/timeline?party=99999999999`);
  await expect(page.getByRole("alert").filter({ hasText: "There is no party “99999999999” in this negotiation; showing all parties." })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Timeline of positions on all issues/ })).toBeVisible();
});
