// Forms keep what a person typed and say what is wrong, by the field (issue 7, findings 14-17,
// and 8 for the compare page's dates). Acts through labels and roles only.
import { expect, test, type Page } from "@playwright/test";
import { addIssue, addParty, addSource, cell, createNegotiation, detailedView, signIn, tab } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const TITLE = `Form input talks ${run}`;
let base = "";

async function openNewEntry(page: Page) {
  await page.goto(base);
  await page.getByRole("link", { name: "Add position entry" }).click();
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Alpha Republic" }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Border" });
  const source = page.getByRole("combobox", { name: "Source", exact: true });
  await source.selectOption({ value: (await source.locator("option", { hasText: "Summit report" }).getAttribute("value"))! });
  await page.getByLabel("Stance").selectOption({ label: "Demands" });
}

async function expectNothingSaved(page: Page) {
  await page.goto(`${base}?view=detail`);
  await expect(cell(page, "Alpha Republic", "Border")).toContainText("No position recorded");
}

test("set up a negotiation with a party, an issue and a source", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, TITLE);
  base = new URL(page.url()).pathname;
  await addParty(page, "Alpha Republic");
  await addIssue(page, "Border");
  await addSource(page, "Summit report", "2025-03-01", "");
});

test("finding 14: 30 February typed into Date stated is refused by the field, kept as typed, nothing saved", async ({ page }) => {
  await signIn(page, "editor");
  await openNewEntry(page);
  const date = page.getByLabel("Date stated");
  await date.fill("2024-02-30");
  await page.getByLabel("Summary").fill("Wants the old border.");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/2024-02-30 is not a real date/);
  await expect(date).toBeFocused();
  await expect(date).toHaveValue("2024-02-30");
  await expect(page.getByLabel("Summary")).toHaveValue("Wants the old border.");
  await expect(page).toHaveURL(/\/entries\/new$/);
  await expectNothingSaved(page);
});

test("finding 14: 30 February typed into a source's Published date is refused, not saved as “date unknown”", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${base}/sources/new`);
  await page.getByLabel("Title").fill("Impossible date report");
  await page.getByLabel("Published").fill("2024-02-30");
  await page.getByRole("button", { name: "Add source" }).click();
  const published = page.getByLabel("Published");
  await expect(published).toHaveAccessibleDescription(/2024-02-30 is not a real date/);
  await expect(published).toHaveValue("2024-02-30");
  await expect(page.getByLabel("Title")).toHaveValue("Impossible date report");
  await tab(page, "Sources").click();
  await expect(page.getByRole("link", { name: "Impossible date report" })).toHaveCount(0);
});

test("finding 15: a pasted summary over the limit is counted, kept whole and refused with a message", async ({ page }) => {
  await signIn(page, "editor");
  await openNewEntry(page);
  const long = "Border talks stalled again. ".repeat(40).slice(0, 1024);
  const summary = page.getByLabel("Summary");
  await expect(summary).toHaveAccessibleDescription(/0 \/ 1,000 characters/);
  await summary.fill(long);
  await expect(page.getByText("1,024 / 1,000 characters")).toBeVisible();
  await expect(summary).toHaveAccessibleDescription(/1,024 \/ 1,000 characters/);
  await expect(summary).toHaveValue(long); // no maxlength cut it
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(summary).toHaveAccessibleDescription(/Summary is 1,024 characters long; the limit is 1,000\. Shorten it by 24 characters/);
  await expect(summary).toHaveValue(long);
  await expectNothingSaved(page);
});

test("finding 16: a statement dated in the future is refused by the field", async ({ page }) => {
  await signIn(page, "editor");
  await openNewEntry(page);
  const date = page.getByLabel("Date stated");
  await date.fill("2999-01-01");
  await page.getByLabel("Summary").fill("Wants the old border.");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(date).toHaveAccessibleDescription(/Date stated is in the future/);
  await expect(date).toHaveValue("2999-01-01");
  await expectNothingSaved(page);
});

test("finding 17: a report without a headline is saved and named “outlet, date”", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${base}/sources/new`);
  await page.getByLabel("Outlet").fill("Reuters");
  await page.getByLabel("Published").fill("2024-08-25");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Reuters, 25 Aug 2024" })).toBeVisible();
  await tab(page, "Sources").click();
  await expect(page.getByRole("link", { name: "Reuters, 25 Aug 2024" })).toBeVisible();
  // Chosen in an entry form and shown on the matrix cell it fills.
  await page.goto(base);
  await page.getByRole("link", { name: "Add position entry" }).click();
  await page.getByRole("checkbox", { name: "Alpha Republic" }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Border" });
  await page.getByRole("combobox", { name: "Source", exact: true }).selectOption({ label: "25 Aug 2024 · Reuters (link only)" });
  await page.getByLabel("Stance").selectOption({ label: "Demands" });
  await page.getByLabel("Summary").fill("Wants the old border back.");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/asOf=2024-08-25/);
  await detailedView(page);
  await expect(cell(page, "Alpha Republic", "Border").getByRole("link", { name: "Reuters" })).toHaveAttribute("title", "Reuters, 25 Aug 2024");
});

test("finding 8: compare with a date Parley does not accept shows a notice, not an error page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Gaza ceasefire talks/ }).click();
  await expect(page).toHaveURL(/\/negotiations\/[^/?]+$/);
  const demo = new URL(page.url()).pathname;
  for (const query of ["to=0000-01-15", "from=9999-12-31", "to=2024-02-30"]) {
    const response = await page.goto(`${demo}/compare?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "the default was used" })).toBeVisible();
  }
});
