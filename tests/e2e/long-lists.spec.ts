// Long lists paged and the timeline summarised (issue 10, docs/decisions/024), on a negotiation
// of 600 imported entries made for this test: the timeline counts per month and opens a month,
// a cell's history and a party's profile go page by page with the page in the address, and a
// page that does not exist is a 404. Through labels and roles; every step waits for what it shows.
import { expect, test, type Page } from "@playwright/test";
import { createNegotiation, generatedEntriesCsv, signIn } from "./helpers";

const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "Negotiation" }).getByRole("link", { name, exact: true });

test("a large negotiation's timeline is counted per month, and its long lists go page by page", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page, "editor");
  const title = `Long lists ${Date.now().toString(36)}`;
  await createNegotiation(page, title);
  const base = new URL(page.url()).pathname;
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Import entries" }).click();
  // 600 rows, a quarter of them joint statements: 750 marks, more than the timeline draws one by one.
  await page.getByLabel("CSV file").setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(generatedEntriesCsv(600)) });
  await page.getByRole("checkbox", { name: "Create missing parties and issues" }).check();
  await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Imported", exact: true })).toContainText("600 position entries", { timeout: 360_000 });

  // The timeline: counts per party and per stance for each month; a month opens to its entries, drawn.
  await page.goto(`${base}/timeline`);
  const byParty = page.getByRole("table", { name: /^Entries per party and month on all issues/ });
  await expect(byParty).toBeVisible();
  await expect(page.getByText(/^750 marks on all issues from January 2024 to December 2024/)).toBeVisible();
  await expect(byParty.getByRole("row", { name: /^Northland/ }).getByRole("cell").last()).toHaveText("300");
  // Lanes by issue, counted too (docs/decisions/030): each entry once, joint statements included.
  const byIssue = page.getByRole("table", { name: /^Entries per issue and month on all issues/ });
  await expect(byIssue.getByRole("row", { name: /^All / }).getByRole("cell").last()).toHaveText("600");
  const byStance = page.getByRole("table", { name: /^Entries per stance and month/ });
  // The five stances the import used, in vocabulary order, and the row of totals.
  await expect(byStance.getByRole("rowheader")).toHaveCount(6);
  await expect(byStance.getByRole("rowheader").first()).toContainText("Demands");
  await expect(byStance.getByRole("rowheader").last()).toHaveText("All");
  await byParty.getByRole("link", { name: "March 2024: open its entries" }).click();
  await expect(page).toHaveURL(/\/timeline\?period=2024-03$/);
  await expect(page.getByRole("heading", { name: "March 2024" })).toBeVisible();
  const chart = page.getByRole("group", { name: /^Timeline of positions on all issues in March 2024/ });
  await expect(chart.getByRole("link").first()).toBeVisible();
  await expect(chart.getByRole("link", { name: /, \d+ Mar 2024: / })).toHaveCount(await chart.getByRole("link").count());
  await page.getByRole("navigation", { name: "Months" }).getByRole("link", { name: "April 2024 ▸" }).click();
  await expect(page).toHaveURL(/\/timeline\?period=2024-04$/);
  await expect(page.getByRole("heading", { name: "April 2024" })).toBeVisible();
  await page.getByRole("link", { name: "All months" }).click();
  await expect(byParty).toBeVisible();
  // Only a month listed page by page has pages.
  expect((await page.goto(`${base}/timeline?page=2`))?.status()).toBe(404);

  // A party's profile: the table counts every entry, the histories come 50 at a time.
  await page.goto(`${base}/parties`);
  await page.getByRole("link", { name: "Northland", exact: true }).click();
  await expect(page.getByText("1–50 of 300 entries, by issue and oldest first", { exact: false })).toBeVisible();
  const overview = page.getByRole("table", { name: /Northland’s positions as of/ });
  await expect(overview.getByRole("row", { name: /^Water rights/ })).toContainText("150");
  const pager = page.getByRole("navigation", { name: "Profile pages", exact: true });
  await pager.getByRole("link", { name: "Page 6" }).click();
  await expect(page).toHaveURL(/\/parties\/\d+\?page=6$/);
  await expect(page.getByText("251–300 of 300 entries", { exact: false })).toBeVisible();
  await expect(pager.getByText("Page 6")).toHaveAttribute("aria-current", "page");

  // A cell's history from the profile's count: 150 entries, three pages, newest first, then Older.
  await overview.getByRole("link", { name: /^150 entries: history of Northland on Water rights/ }).click();
  await expect(page.getByRole("heading", { name: "Northland on Water rights" })).toBeVisible();
  await expect(page.getByText(/^1–50 of 150 entries, newest first/)).toBeVisible();
  await page.getByRole("navigation", { name: "History pages", exact: true }).getByRole("link", { name: "Older ▸" }).click();
  await expect(page).toHaveURL(/page=2$/);
  await expect(page.getByText(/^51–100 of 150 entries, newest first/)).toBeVisible();
  await expect(page.getByRole("list", { name: "History, newest first" }).getByRole("listitem")).toHaveCount(50);
  const cell = new URL(page.url()).pathname;
  for (const bad of ["4", "0", "abc"]) {
    const response = await page.goto(`${cell}?page=${bad}`);
    expect(response?.status(), `page ${bad}`).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  expect((await page.goto(`${base}/sources?page=2`))?.status()).toBe(404);
  expect((await page.goto(`${base}/quotes-to-check?page=2`))?.status()).toBe(404);
});
