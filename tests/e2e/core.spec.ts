// The core path a new user takes, acting through labels and roles only.
import { expect, test, type Page } from "@playwright/test";
import { addEntry, addIssue, addParty, addSource, cell, detailedView, fillEntry, overviewCell, showAsOf, signIn, tab } from "./helpers";

// The tests below build on each other, as one user's session would.
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const TITLE = `Climate finance talks ${run}`;
const SOURCE_TEXT = `At the summit, Alpha Republic said it “demands a 50% cut by 2035”.
Beta Union said it rejects any binding target.`;

test("a new user records positions and reads them in the matrix as of any date", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/");
  await page.getByRole("link", { name: "New negotiation" }).click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("The matrix needs at least one party and one issue.")).toBeVisible();

  await addParty(page, "Alpha Republic");
  await addParty(page, "Beta Union");
  await addIssue(page, "Emissions target");
  await addIssue(page, "Finance goal");
  await addSource(page, "Summit report", "2025-03-01", SOURCE_TEXT);
  await addSource(page, "Follow-up report", "2025-06-01", "");

  // First entry, with a quote that differs from the text only in its quote marks and spacing.
  await addEntry(page, {
    parties: ["Alpha Republic"],
    issue: "Emissions target",
    source: "Summit report",
    stance: "Demands",
    summary: "Wants emissions halved by 2035.",
    quote: 'demands a  50% cut by 2035',
  });
  await expect(page).toHaveURL(/asOf=2025-03-01/);
  await expect(overviewCell(page, "Alpha Republic", "Emissions target")).toHaveAccessibleName(/^Alpha Republic on Emissions target: Demands, stated 1 Mar 2025/);

  // A later entry on the same cell.
  await addEntry(page, {
    parties: ["Alpha Republic"],
    issue: "Emissions target",
    source: "Follow-up report",
    stance: "Accepts",
    summary: "Now accepts a 40% cut.",
  });
  await expect(page).toHaveURL(/asOf=2025-06-01/);

  // The latest entry's day: the later entry, marked as having an earlier one.
  await tab(page, "Matrix").click();
  await detailedView(page);
  const alpha = cell(page, "Alpha Republic", "Emissions target");
  await expect(alpha).toContainText("Accepts");
  await expect(alpha).toContainText("Now accepts a 40% cut.");
  await expect(alpha).toContainText("1 Jun 2025");
  await expect(alpha.getByRole("link", { name: /1 earlier/ })).toBeVisible();
  await expect(alpha.getByRole("link", { name: "Test Wire" })).toBeVisible();
  await expect(cell(page, "Beta Union", "Emissions target")).toContainText("No position recorded");

  // Between the two dates: the earlier entry, marked as having a later one.
  await showAsOf(page, "2025-04-15");
  await expect(alpha).toContainText("Demands");
  await expect(alpha).toContainText("Wants emissions halved by 2035.");
  await expect(alpha.getByRole("link", { name: /1 later/ })).toBeVisible();
  // Before anything was said.
  await showAsOf(page, "2025-01-01");
  await expect(alpha).toContainText("No position recorded");

  // A joint statement counts under both parties.
  await addEntry(page, {
    parties: ["Alpha Republic", "Beta Union"],
    issue: "Finance goal",
    source: "Summit report",
    stance: "Proposes",
    summary: "Jointly propose a new finance goal.",
  });
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "Alpha Republic", "Finance goal")).toContainText("Jointly propose a new finance goal.");
  await expect(cell(page, "Alpha Republic", "Finance goal")).toContainText("Joint with Beta Union");
  await expect(cell(page, "Beta Union", "Finance goal")).toContainText("Jointly propose a new finance goal.");

  // Swapping the axes keeps the same cells.
  await page.getByRole("link", { name: "Show parties as rows" }).click();
  await expect(page.getByRole("rowheader", { name: /Beta Union/ })).toBeVisible();
  await expect(cell(page, "Beta Union", "Finance goal")).toContainText("Proposes");
});

test("a quote missing from its source is refused with a message, keeps the form, saves nothing", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/");
  await page.getByRole("link", { name: TITLE }).click();
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Summit report" }).click();
  await expect(page.getByRole("heading", { name: "Summit report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Position entries taken from this source/ })).toBeVisible();
  const entriesBefore = await page.getByRole("article").count();
  expect(entriesBefore).toBeGreaterThan(0);

  await fillEntry(page, {
    parties: ["Beta Union"],
    issue: "Emissions target",
    source: "Summit report",
    stance: "Accepts",
    summary: "Beta accepts a binding target.",
    quote: "Beta Union accepts a binding target",
  });
  const quote = page.getByLabel("Quote");
  await expect(quote).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This quote does not occur in the source's text.", { exact: false })).toBeVisible();
  // What the user typed is still there.
  await expect(quote).toHaveValue("Beta Union accepts a binding target");
  await expect(page.getByLabel("Summary")).toHaveValue("Beta accepts a binding target.");
  await expect(page.getByRole("checkbox", { name: "Beta Union" })).toBeChecked();
  await expect(page.getByLabel("Stance")).toHaveValue("accepts");

  // Nothing was saved: the matrix and the source are unchanged.
  await tab(page, "Matrix").click();
  await expect(overviewCell(page, "Beta Union", "Emissions target")).toHaveAccessibleName(/no position recorded/);
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Summit report" }).click();
  await expect(page.getByRole("article")).toHaveCount(entriesBefore);
});

test("bad input in a form shows a message by the field and keeps the rest", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/");
  await page.getByRole("link", { name: TITLE }).click();
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Add source" })).toBeVisible();
  await page.getByLabel("Language").fill("fr");
  await page.getByLabel("Address (URL)").fill("not a web address");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter the report's title, or its outlet if it has no headline.")).toBeVisible();
  await expect(page.getByText("Enter a full web address starting with https:// or http://.")).toBeVisible();
  await expect(page.getByLabel("Language")).toHaveValue("fr");
  // Focus goes to the first field with an error: the address, at the top of the new-source form.
  await expect(page.getByLabel("Address (URL)")).toBeFocused();
});

test("the demo negotiation opens and shows the seed article's joint demands", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Gaza ceasefire talks/ }).click();
  await showAsOf(page, "2024-08-25");
  await detailedView(page);
  for (const issue of ["Blockade", "Reconstruction", "Hostage-prisoner exchange"]) {
    const hamas = cell(page, "Hamas", issue);
    await expect(hamas).toContainText("Demands");
    await expect(hamas).toContainText("Joint with Islamic Jihad");
    await expect(cell(page, "Islamic Jihad", issue)).toContainText("Demands");
  }
  await expect(cell(page, "Israel", "Philadelphi corridor")).toContainText("Concedes");
  // The article behind the cell, with its verified quotes.
  await cell(page, "Hamas", "Blockade").getByRole("link", { name: "MENAFN" }).click();
  await expect(page.getByRole("heading", { name: "Crucial round of negotiations aims at addressing Gaza conflict" })).toBeVisible();
  await expect(page.getByText("a complete halt to military actions against Gaza").first()).toBeVisible();
  await expect(page.getByText("✓ Quote found in source").first()).toBeVisible();
});

test("unknown addresses give a 404 page", async ({ page }) => {
  await signIn(page, "editor");
  for (const path of ["/negotiations/no-such-talks", "/negotiations/gaza-ceasefire-2024/sources/999999", "/negotiations/gaza-ceasefire-2024/entries/abc/edit", "/negotiations/gaza-ceasefire-2024/cells/1/99999"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
