// Batch entry and "Save and add another" (issue 9, item 2; docs/decisions/018), as a new user
// would: from one report, several positions in one form, one of them wrong; then fixed. And the
// count the issue asks for: clicks and page loads to enter five positions from one report.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addIssue, addParty, addSource, createNegotiation, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const REPORT = "Harbour summit report";
const TEXT =
  "Northland said it would never give up the water rights of the upper valley. " +
  "Southland rejected any border change before elections. " +
  "Both Northland and Eastland proposed a joint commission on the border. " +
  "Eastland demanded guarantees for the fishing fleet. " +
  "Southland accepted the mediators' timetable.";
let sourcePath = "";

const row = (page: Page, n: number) => page.getByRole("group", { name: `Row ${n}`, exact: true });

async function fillRow(r: Locator, e: { parties: string[]; issue: string; stance: string; summary: string; quote?: string }) {
  for (const p of e.parties) await r.getByRole("checkbox", { name: p }).check();
  await r.getByRole("combobox", { name: "Issue" }).selectOption({ label: e.issue });
  await r.getByRole("combobox", { name: "Stance" }).selectOption({ label: e.stance });
  await r.getByRole("textbox", { name: "Summary" }).fill(e.summary);
  if (e.quote !== undefined) await r.getByRole("textbox", { name: "Quote" }).fill(e.quote);
}

async function openBatch(page: Page) {
  await page.goto(sourcePath);
  await page.getByRole("link", { name: "Add several positions" }).click();
  await expect(page.getByRole("heading", { name: "Add several positions" })).toBeVisible();
}

test("a new user sets up talks with three parties, two issues and a report", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Harbour talks ${run}`);
  for (const p of ["Northland", "Southland", "Eastland"]) await addParty(page, p);
  for (const i of ["Water", "Border"]) await addIssue(page, i);
  await addSource(page, REPORT, "2025-03-01", TEXT);
  sourcePath = new URL(page.url()).pathname;
});

test("batch entry: three rows, one bad; the good ones are saved, the bad one keeps its values; fixed, all three are saved", async ({ page }) => {
  await signIn(page, "editor");
  await openBatch(page);
  // The batch's date is the source's.
  await expect(page.getByRole("textbox", { name: "Date stated" })).toHaveValue("2025-03-01");
  await fillRow(row(page, 1), { parties: ["Northland"], issue: "Water", stance: "Demands", summary: "Keeps the upper valley's water rights.", quote: "never give up the water rights of the upper valley" });
  await fillRow(row(page, 2), { parties: ["Southland"], issue: "Border", stance: "Rejects", summary: "No border change before elections.", quote: "rejected any border change after the elections" });
  // A joint statement.
  await fillRow(row(page, 3), { parties: ["Northland", "Eastland"], issue: "Border", stance: "Proposes", summary: "A joint border commission." });
  await page.getByRole("button", { name: "Save positions" }).click();

  await expect(page.getByRole("status")).toHaveText("2 positions saved, 1 row needs fixing.");
  // The saved rows left the form and are listed as saved; the bad row is now row 1, as typed.
  const saved = page.getByRole("region", { name: /Saved from this form/ });
  await expect(saved.getByRole("listitem")).toHaveCount(2);
  await expect(saved).toContainText("Northland on Water: Demands (1 Mar 2025)");
  await expect(saved).toContainText("Northland, Eastland on Border: Proposes (1 Mar 2025)");
  await expect(page.getByRole("group", { name: /^Row \d+$/ })).toHaveCount(1);
  const bad = row(page, 1);
  const quote = bad.getByRole("textbox", { name: "Quote" });
  await expect(quote).toHaveValue("rejected any border change after the elections");
  await expect(bad.getByRole("textbox", { name: "Summary" })).toHaveValue("No border change before elections.");
  await expect(bad.getByRole("checkbox", { name: "Southland" })).toBeChecked();
  // The message sits by the field (its description), focus lands there, and the summary links to it.
  await expect(quote).toBeFocused();
  await expect(quote).toHaveAccessibleDescription(/does not occur in the source's text/);
  await expect(page.getByRole("link", { name: /^Row 1, Quote: This quote does not occur/ })).toBeVisible();
  // The form with a saved list, a status, an error summary and a row in error: no axe-core violations.
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
  // The summary's link takes keyboard focus to the field.
  await page.getByRole("textbox", { name: "Date stated" }).focus();
  await expect(quote).not.toBeFocused();
  await page.getByRole("link", { name: /^Row 1, Quote:/ }).click();
  await expect(quote).toBeFocused();

  await quote.fill("rejected any border change before elections");
  await page.getByRole("button", { name: "Save positions" }).click();
  await expect(page.getByRole("status")).toHaveText("1 position saved.");
  await expect(saved.getByRole("listitem")).toHaveCount(3);
  // A fresh form for the next report's rows.
  await expect(page.getByRole("group", { name: /^Row \d+$/ })).toHaveCount(3);

  // All three are on the source page, and in the matrix.
  await page.getByRole("link", { name: REPORT }).click();
  await expect(page.getByRole("heading", { name: "Position entries taken from this source (3 entries)" })).toBeVisible();
});

test("rows are added and removed from the keyboard; focus goes to the new row and stays in place on removal", async ({ page }) => {
  await signIn(page, "editor");
  await openBatch(page);
  await page.getByRole("button", { name: "Add row" }).focus();
  await page.keyboard.press("Enter");
  await expect(row(page, 4)).toBeVisible();
  await expect(row(page, 4).getByRole("checkbox", { name: "Northland" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(row(page, 4).getByRole("checkbox", { name: "Northland" })).toBeChecked();

  await row(page, 2).getByRole("textbox", { name: "Summary" }).fill("typed in row 2");
  await row(page, 3).getByRole("textbox", { name: "Summary" }).fill("typed in row 3");
  await page.getByRole("button", { name: "Remove row 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: /^Row \d+$/ })).toHaveCount(3);
  // Row 3 moved up to row 2 with what was typed in it, and focus is on its Remove button.
  await expect(row(page, 2).getByRole("textbox", { name: "Summary" })).toHaveValue("typed in row 3");
  await expect(page.getByRole("button", { name: "Remove row 2" })).toBeFocused();
});

test("Save and add another keeps the source, the date and the parties, and says what was saved", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(sourcePath);
  await page.getByRole("link", { name: "Add position entry from this source" }).click();
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Eastland" }).check();
  await page.getByRole("checkbox", { name: "Southland" }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Water" });
  await page.getByLabel("Stance").selectOption({ label: "Supports" });
  await page.getByLabel("Date stated").fill("2025-03-02");
  await page.getByLabel("Summary").fill("Back a shared water authority.");
  const url = page.url();
  await page.getByRole("button", { name: "Save and add another" }).click();

  await expect(page.getByRole("status")).toHaveText(
    "Saved: Southland, Eastland on Water: Supports (2 Mar 2025). Add the next position from the same source.",
  );
  await expect(page.getByRole("status")).toBeFocused();
  expect(page.url()).toBe(url);
  await expect(page.getByRole("checkbox", { name: "Eastland" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Southland" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Northland" })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Source", exact: true }).locator("option:checked")).toHaveText(new RegExp(REPORT));
  await expect(page.getByLabel("Date stated")).toHaveValue("2025-03-02");
  await expect(page.getByLabel("Summary")).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Issue", exact: true })).toHaveValue("");

  // The next one, saved with the plain button, goes to the matrix as before.
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Border" });
  await page.getByLabel("Stance").selectOption({ label: "Accepts" });
  await page.getByLabel("Summary").fill("Accept the mediators' timetable.");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/[?&]saved=\d+/);
  await page.goto(sourcePath);
  await expect(page.getByRole("heading", { name: "Position entries taken from this source (5 entries)" })).toBeVisible();
});

const FIVE = [
  { parties: ["Northland"], issue: "Water", stance: "Demands", summary: "Upper valley water rights.", quote: "never give up the water rights of the upper valley" },
  { parties: ["Southland"], issue: "Border", stance: "Rejects", summary: "No border change before elections.", quote: "rejected any border change before elections" },
  { parties: ["Northland", "Eastland"], issue: "Border", stance: "Proposes", summary: "Joint border commission.", quote: "proposed a joint commission on the border" },
  { parties: ["Eastland"], issue: "Water", stance: "Demands", summary: "Guarantees for the fishing fleet.", quote: "demanded guarantees for the fishing fleet" },
  { parties: ["Southland"], issue: "Water", stance: "Accepts", summary: "Accepts the timetable.", quote: "accepted the mediators' timetable" },
];

/**
 * Counts from the moment it is made: full page loads, main-frame navigations (client-side ones
 * too), and the person's own actions: clicks (links, buttons, checkboxes), drop-down choices
 * (two clicks with a mouse: open, pick) and text fields typed into (one click or Tab to get there).
 */
function counter(page: Page) {
  const n = { loads: 0, navigations: 0, clicks: 0, choices: 0, typed: 0 };
  page.on("load", () => n.loads++);
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) n.navigations++;
  });
  return {
    n,
    click: async (l: Locator) => (n.clicks++, await l.click()),
    check: async (l: Locator, on = true) => (n.clicks++, await l.setChecked(on)),
    choose: async (l: Locator, label: string) => (n.choices++, await l.selectOption({ label })),
    type: async (l: Locator, text: string) => (n.typed++, await l.fill(text)),
    report(what: string) {
      const mouse = n.clicks + 2 * n.choices + n.typed;
      const figures =
        `${what}: ${n.clicks} clicks on links, buttons and checkboxes, ${n.choices} drop-down choices, ${n.typed} text fields typed into ` +
        `(${mouse} mouse actions in all, ${(mouse / 5).toFixed(1)} per position; ${(n.clicks / 5).toFixed(1)} clicks per position besides drop-downs and fields); ` +
        `${n.loads} full page loads, ${n.navigations} navigations (${(n.navigations / 5).toFixed(1)} per position)`;
      console.log(figures);
      test.info().annotations.push({ type: "count", description: figures });
    },
  };
}

test("the count: five positions from one report with the batch form", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(sourcePath);
  await addSource(page, "Second harbour report", "2025-03-05", TEXT);
  // From here on every click and every page load counts (the report's page is open).
  const c = counter(page);
  await c.click(page.getByRole("link", { name: "Add several positions" }));
  await expect(page.getByRole("heading", { name: "Add several positions" })).toBeVisible();
  await c.click(page.getByRole("button", { name: "Add row" }));
  await c.click(page.getByRole("button", { name: "Add row" }));
  for (const [i, p] of FIVE.entries()) {
    const r = row(page, i + 1);
    for (const name of p.parties) await c.check(r.getByRole("checkbox", { name }));
    await c.choose(r.getByRole("combobox", { name: "Issue" }), p.issue);
    await c.choose(r.getByRole("combobox", { name: "Stance" }), p.stance);
    await c.type(r.getByRole("textbox", { name: "Summary" }), p.summary);
    await c.type(r.getByRole("textbox", { name: "Quote" }), p.quote);
  }
  await c.click(page.getByRole("button", { name: "Save positions" }));
  await expect(page.getByRole("status")).toHaveText("5 positions saved.");
  c.report("five positions from one report with the batch form");
  expect(c.n.clicks).toBe(1 + 2 + 6 + 1);
  expect(c.n.loads).toBe(0);
});

test("for comparison: the same five with the single form and Save and add another", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(sourcePath);
  await addSource(page, "Third harbour report", "2025-03-06", TEXT);
  const c = counter(page);
  await c.click(page.getByRole("link", { name: "Add position entry from this source" }));
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  let ticked: string[] = [];
  for (const [i, p] of FIVE.entries()) {
    // The parties stay ticked from the position before: only the differences are clicked.
    for (const name of ticked.filter((t) => !p.parties.includes(t))) await c.check(page.getByRole("checkbox", { name }), false);
    for (const name of p.parties.filter((t) => !ticked.includes(t))) await c.check(page.getByRole("checkbox", { name }));
    ticked = p.parties;
    await c.choose(page.getByRole("combobox", { name: "Issue", exact: true }), p.issue);
    await c.choose(page.getByLabel("Stance"), p.stance);
    await c.type(page.getByLabel("Summary"), p.summary);
    await c.type(page.getByLabel("Quote"), p.quote);
    if (i < FIVE.length - 1) {
      await c.click(page.getByRole("button", { name: "Save and add another" }));
      await expect(page.getByRole("status")).toContainText(`Saved: ${p.parties.join(", ")} on ${p.issue}`);
    } else {
      await c.click(page.getByRole("button", { name: "Add entry" }));
      await expect(page).toHaveURL(/[?&]saved=\d+/);
    }
  }
  c.report("the same five with the single form and Save and add another");
});
