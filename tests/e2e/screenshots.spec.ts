// Not a test of behaviour: renders every page at desktop and phone width into screenshots/
// so a person can look at them (npm run screenshots). Skipped unless SCREENSHOTS=1.
import { expect, test } from "@playwright/test";
import { createNegotiation, generatedEntriesCsv, signIn } from "./helpers";

const pages: Array<[string, string]> = [
  ["home", "/"],
  ["matrix", "/negotiations/gaza-ceasefire-2024"],
  ["matrix-details", "/negotiations/gaza-ceasefire-2024?asOf=2024-08-25&cell=2-12"],
  ["matrix-detailed-view", "/negotiations/gaza-ceasefire-2024?asOf=2024-08-25&view=detail"],
  ["matrix-swapped", "/negotiations/gaza-ceasefire-2024?asOf=2024-08-25&view=detail&axis=parties"],
  ["matrix-marks", "/negotiations/gaza-ceasefire-2024?asOf=2024-08-26&window=7"],
  ["compare", "/negotiations/gaza-ceasefire-2024/compare?from=2024-08-01&to=2024-09-30"],
  ["cell-history", "/negotiations/gaza-ceasefire-2024/cells/1/6"],
  ["cell-history-as-of", "/negotiations/gaza-ceasefire-2024/cells/2/2?asOf=2024-07-20"],
  ["issue-page", "/negotiations/gaza-ceasefire-2024/issues/2?asOf=2024-08-25"],
  ["timeline", "/negotiations/gaza-ceasefire-2024/timeline"],
  ["timeline-month", "/negotiations/gaza-ceasefire-2024/timeline?period=2024-08"],
  // One issue (lanes by party) and one party (lanes by issue): issue 11 item 5.
  ["timeline-issue", "/negotiations/gaza-ceasefire-2024/timeline?issue=6"],
  ["timeline-party", "/negotiations/gaza-ceasefire-2024/timeline?party=1"],
  ["gaps", "/negotiations/gaza-ceasefire-2024/gaps?asOf=2024-08-25"],
  // Columns grouped by side, mediators listed beside each gap (issue 11, item 1).
  ["gaps-sides", "/negotiations/gaza-ceasefire-2024/gaps?asOf=2025-10-09"],
  ["sides", "/negotiations/gaza-ceasefire-2024/sides"],
  ["party", "/negotiations/gaza-ceasefire-2024/parties/2"],
  ["source", "/negotiations/gaza-ceasefire-2024/sources/21"],
  ["source-workbench", "/negotiations/gaza-ceasefire-2024/sources/18"],
  ["sources", "/negotiations/gaza-ceasefire-2024/sources"],
  ["milestones", "/negotiations/gaza-ceasefire-2024/milestones"],
  ["quotes-to-check-empty", "/negotiations/gaza-ceasefire-2024/quotes-to-check"],
  ["parties", "/negotiations/gaza-ceasefire-2024/parties"],
  ["issues", "/negotiations/gaza-ceasefire-2024/issues"],
  ["entry-new", "/negotiations/gaza-ceasefire-2024/entries/new"],
  ["not-found", "/negotiations/gaza-ceasefire-2024/sources/999999"],
  ["history-entry-reader", "/history/entry/170"],
  ["sign-in", "/sign-in"],
];

// Pages only a signed-in admin sees.
const adminPages: Array<[string, string]> = [
  ["admin-matrix", "/negotiations/gaza-ceasefire-2024?asOf=2024-08-25"],
  ["entry-edit", "/negotiations/gaza-ceasefire-2024/entries/170/edit"],
  ["source-workbench-editor", "/negotiations/gaza-ceasefire-2024/sources/18"],
  ["trash", "/trash"],
  ["milestones-editor", "/negotiations/gaza-ceasefire-2024/milestones"],
  ["milestone-new", "/negotiations/gaza-ceasefire-2024/milestones/new"],
  ["users", "/users"],
  ["history", "/history/entry/170"],
  // Revision history in words (issue 11, item 7): a party, an issue and a source.
  ["history-party", "/history/party/2"],
  ["history-issue", "/history/issue/6"],
  ["history-source", "/history/source/21"],
  ["batch-entry", "/negotiations/gaza-ceasefire-2024/sources/21/entries/new"],
  // Reorder buttons and merge links (issue 9, item 8), and the two merge steps.
  ["parties-editor", "/negotiations/gaza-ceasefire-2024/parties"],
  ["sides-editor", "/negotiations/gaza-ceasefire-2024/sides"],
  ["side-edit", "/negotiations/gaza-ceasefire-2024/sides/2/edit"],
  ["party-edit", "/negotiations/gaza-ceasefire-2024/parties/3/edit"],
  ["issues-editor", "/negotiations/gaza-ceasefire-2024/issues"],
  // The issue form with its words reports use (issue 12).
  ["issue-edit", "/negotiations/gaza-ceasefire-2024/issues/2/edit"],
  ["issue-page-editor", "/negotiations/gaza-ceasefire-2024/issues/2?asOf=2024-08-25"],
  ["cell-history-editor", "/negotiations/gaza-ceasefire-2024/cells/2/2?asOf=2024-07-20"],
  ["issue-merge", "/negotiations/gaza-ceasefire-2024/issues/3/merge"],
  ["issue-merge-confirm", "/negotiations/gaza-ceasefire-2024/issues/3/merge?into=2"],
  ["party-merge-confirm", "/negotiations/gaza-ceasefire-2024/parties/3/merge?into=2"],
  ["import-entries", "/negotiations/gaza-ceasefire-2024/import"],
  ["import-negotiation", "/negotiations/import"],
];

test.describe("screenshots", () => {
  test("matrix-print", async ({ page }) => {
    await page.goto("/negotiations/gaza-ceasefire-2024");
    await page.pdf({ path: "screenshots/matrix-print.pdf", format: "A4", landscape: true, printBackground: true });
  });
  for (const [name, path] of pages) {
    test(name, async ({ page }) => {
      for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(size);
        await page.goto(path);
        await page.screenshot({ path: `screenshots/${name}-${label}.png` });
      }
    });
  }
  // The as-of date control with its milestone quick picks open (issue 11 item 4).
  test("as-of-quick-picks", async ({ page }) => {
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.goto("/negotiations/gaza-ceasefire-2024/gaps?asOf=2024-08-25");
      await page.getByText(/^Milestones: jump to the day of one/).click();
      await page.getByRole("link", { name: "25 Aug 2024 — Talks in Cairo" }).waitFor();
      await page.screenshot({ path: `screenshots/as-of-quick-picks-${label}.png` });
    }
  });
  // The timeline as a reader without colour sees it: shapes and fills must carry the stances.
  test("timeline-greyscale", async ({ page }) => {
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.goto("/negotiations/gaza-ceasefire-2024/timeline");
      // Through the CSSOM: the Content Security Policy refuses an inline style tag.
      await page.evaluate(() => {
        document.documentElement.style.filter = "grayscale(1)";
      });
      await page.screenshot({ path: `screenshots/timeline-greyscale-${label}.png`, fullPage: label === "desktop" });
    }
  });
  // The convergence chart on the gap view and, compact, on the front (issue 11, item 3), with its table open.
  for (const [name, path] of [
    ["convergence-gaps", "/negotiations/gaza-ceasefire-2024/gaps?asOf=2024-08-25"],
    ["convergence-front", "/negotiations/gaza-ceasefire-2024"],
  ] as const) {
    test(name, async ({ page }) => {
      for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(size);
        await page.goto(path);
        const chart = page.getByRole("region", { name: "Convergence over time" });
        // The chart streams in after the page (components/convergence-section.tsx): wait until it is in place.
        await expect(chart.getByText("Show as table")).toBeVisible();
        await chart.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `screenshots/${name}-${label}.png` });
        await chart.getByText("Show as table").click();
        await chart.getByRole("table").waitFor();
        await chart.screenshot({ path: `screenshots/${name}-table-${label}.png` });
      }
    });
  }
  // Batch entry after a save with a row to fix (nothing valid is in the form, so nothing is saved).
  test("batch-entry-errors", async ({ page }) => {
    await signIn(page, "admin");
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.goto("/negotiations/gaza-ceasefire-2024/sources/21/entries/new");
      const row = page.getByRole("group", { name: "Row 1", exact: true });
      await row.getByRole("checkbox", { name: "Hamas" }).check();
      await row.getByRole("combobox", { name: "Stance" }).selectOption({ label: "Demands" });
      await row.getByRole("textbox", { name: "Quote" }).fill("Words this report never printed");
      await page.getByRole("button", { name: "Save positions" }).click();
      await page.getByRole("heading", { name: /problems? to fix/ }).waitFor();
      await page.screenshot({ path: `screenshots/batch-entry-errors-${label}.png`, fullPage: label === "phone" ? false : true });
    }
  });
  // Suggested positions (issue 12): the seed article's text with the numbered quotes and the rows;
  // one accepted and one rejected, so both states show.
  test("batch-entry-suggestions", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/negotiations/gaza-ceasefire-2024/sources");
    await page.getByRole("link", { name: "Crucial round of negotiations aims at addressing Gaza conflict" }).click();
    await page.getByRole("link", { name: "Add several positions" }).click();
    await page.getByRole("button", { name: "Suggest positions" }).click();
    await page.getByRole("group", { name: "Suggestion 1", exact: true }).waitFor();
    const path = new URL(page.url()).pathname + new URL(page.url()).search;
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.goto(path);
      await page.getByRole("button", { name: "Accept suggestion 1", exact: true }).click();
      await page.getByRole("button", { name: "Accept suggestion 1", exact: true }).and(page.locator("[aria-pressed=true]")).waitFor();
      await page.getByRole("button", { name: "Reject suggestion 2", exact: true }).click();
      await page.getByRole("region", { name: /Rejected suggestions/ }).waitFor();
      await page.screenshot({ path: `screenshots/batch-entry-suggestions-${label}.png`, fullPage: label === "desktop" });
    }
  });
  // The summarised timeline and long lists of a negotiation too large to draw (docs/decisions/024).
  test("long-lists", async ({ page }) => {
    test.setTimeout(420_000);
    await signIn(page, "admin");
    await createNegotiation(page, "Screenshot long lists");
    await page.goto("/negotiations/screenshot-long-lists/import");
    await page.getByLabel("CSV file").setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(generatedEntriesCsv(600)) });
    await page.getByRole("checkbox", { name: "Create missing parties and issues" }).check();
    await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("region", { name: "Imported", exact: true }).waitFor({ timeout: 360_000 });
    await page.goto("/negotiations/screenshot-long-lists/parties");
    const party = new URL((await page.getByRole("link", { name: "Northland", exact: true }).getAttribute("href"))!, page.url()).pathname;
    for (const [name, path] of [
      ["timeline-summary", "/negotiations/screenshot-long-lists/timeline"],
      ["party-paged", `${party}?page=2`],
    ]) {
      for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(size);
        await page.goto(path!);
        await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
      }
    }
  });
  test("import-progress", async ({ page }) => {
    // An import of 2,000 rows while it runs, and its result (a negotiation of its own).
    test.setTimeout(420_000);
    await signIn(page, "admin");
    await createNegotiation(page, "Screenshot import");
    await page.goto("/negotiations/screenshot-import/import");
    await page.getByLabel("CSV file").setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(generatedEntriesCsv(2000)) });
    await page.getByRole("checkbox", { name: "Create missing parties and issues" }).check();
    await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText(/^[\d,]+ of 2,000 rows checked/).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: "screenshots/import-progress-desktop.png" });
    await page.getByRole("region", { name: "Imported", exact: true }).waitFor({ timeout: 360_000 });
    await page.screenshot({ path: "screenshots/import-done-desktop.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "screenshots/import-done-phone.png", fullPage: true });
  });
  for (const [name, path] of adminPages) {
    test(name, async ({ page }) => {
      await signIn(page, "admin");
      for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
        await page.setViewportSize(size);
        await page.goto(path);
        await page.screenshot({ path: `screenshots/${name}-${label}.png` });
      }
    });
  }
});
