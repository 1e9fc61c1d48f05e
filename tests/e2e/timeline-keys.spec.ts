// The timeline's marks with the keyboard alone: one tab stop for the chart, arrow keys through
// time within a party's lane and across lanes to the nearest mark in time, Home/End, Enter opens
// the entry; the details follow focus. Acts on the demo (Philadelphi corridor: Israel's lane has
// 7 Jul, 20 Aug ×2, 25 Aug, 3 Sep, 4 Sep ×2 2024; Hamas's has 20 Aug, 25 Aug ×2, 3 Sep).
// Then text in its own direction (issue 8 item 7): Arabic names, title and summary laid out
// right to left on the sources list, compare and the timeline's table.
import { expect, test, type Page } from "@playwright/test";
import { addIssue, addParty, createNegotiation, signIn, tab } from "./helpers";

const MATRIX = "/negotiations/gaza-ceasefire-2024";

async function timelineOn(page: Page, issue: string) {
  await page.goto(`${MATRIX}/timeline`);
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: issue });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/timeline\?issue=\d+&party=$/);
  const chart = page.getByRole("group", { name: new RegExp(`^Timeline of positions on ${issue}`) });
  await expect(chart).toBeVisible();
  return chart;
}

const focused = (page: Page) => page.locator(":focus");

test("timeline marks: one tab stop, arrows move in time and across lanes, Home/End, Enter opens", async ({ page }) => {
  const chart = await timelineOn(page, "Philadelphi corridor");
  const slider = page.getByRole("slider", { name: "As-of date for the matrix" });

  // From the scrubber, Tab lands on the chart's one tab stop (the first lane's first mark) ...
  await slider.focus();
  await page.keyboard.press("Tab");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 7 Jul 2024: /);
  const details = page.getByRole("tooltip");
  await expect(details).toContainText("Israel on Philadelphi corridor");
  await expect(details).toContainText("7 Jul 2024");
  // ... and the next Tab leaves the chart: the other marks are not tab stops.
  await page.keyboard.press("Tab");
  await expect(page.getByText("Show the timeline as a table")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 7 Jul 2024: /);

  // Left/right in time within the lane; End and Home to the lane's ends.
  await page.keyboard.press("ArrowRight");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 20 Aug 2024: /);
  await page.keyboard.press("End");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 4 Sep 2024: /);
  await page.keyboard.press("ArrowRight");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 4 Sep 2024: /);
  await page.keyboard.press("Home");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 7 Jul 2024: /);
  await page.keyboard.press("ArrowLeft");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 7 Jul 2024: /);

  // To Israel's concession of 25 Aug, then down to Hamas's lane: the mark nearest in time.
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 25 Aug 2024: Concedes/);
  await page.keyboard.press("ArrowDown");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Philadelphi corridor, 25 Aug 2024: /);
  await expect(details).toContainText("Hamas on Philadelphi corridor");
  await expect(details).toContainText("25 Aug 2024");
  await page.keyboard.press("ArrowUp");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 25 Aug 2024: Concedes/);
  await page.keyboard.press("ArrowUp");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 25 Aug 2024: Concedes/);

  // The tab stop stays where the arrows left it.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(focused(page)).toHaveAccessibleName(/^Israel on Philadelphi corridor, 25 Aug 2024: Concedes/);
  await expect(chart.getByRole("link", { name: /^Israel on Philadelphi corridor, 25 Aug 2024: Concedes/ })).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cells\/\d+\/\d+#entry-\d+$/);
  await expect(page.getByRole("heading", { name: "Israel on Philadelphi corridor" })).toBeVisible();
});

test("cross the timeline with arrow keys: one Tab in, lanes by issue, arrows across time and issues, one Tab out", async ({ page }) => {
  // All issues: one lane per issue, named; the first lanes of the demo are Overall ceasefire deal
  // (Hamas accepts, 6 May 2024, twice) and Permanent ceasefire (Hamas demands, then Egypt and
  // Qatar propose jointly, 6 May 2024).
  await page.goto(`${MATRIX}/timeline`);
  const region = page.getByRole("region", { name: "Timeline" });
  await expect(region).toBeVisible();
  await expect(region.getByRole("heading", { name: "Legend" })).toBeVisible();
  const chart = region.getByRole("group", { name: /^Timeline of positions on all issues, one lane per issue/ });
  await expect(chart.getByRole("group", { name: "Overall ceasefire deal", exact: true })).toBeVisible();
  await expect(chart.getByRole("group", { name: "Philadelphi corridor", exact: true })).toBeVisible();

  await page.getByRole("slider", { name: "As-of date for the matrix" }).focus();
  await page.keyboard.press("Tab");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Overall ceasefire deal, 6 May 2024: Accepts/);
  // The focused mark shows a focus ring.
  await expect(focused(page).locator(".tl-ring")).toHaveCSS("stroke-width", "3.5px");
  await page.keyboard.press("ArrowDown");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Permanent ceasefire, 6 May 2024: Demands/);
  await page.keyboard.press("ArrowRight");
  await expect(focused(page)).toHaveAccessibleName(/^Egypt on Permanent ceasefire, 6 May 2024: Proposes, New position, joint with Qatar/);
  await page.keyboard.press("ArrowRight");
  await expect(focused(page)).toHaveAccessibleName(/^Qatar on Permanent ceasefire, 6 May 2024: Proposes/);
  await page.keyboard.press("ArrowUp");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Overall ceasefire deal, 6 May 2024: Accepts/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await expect(focused(page)).toHaveAccessibleName(/ on Permanent ceasefire, /);
  await page.keyboard.press("Home");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Permanent ceasefire, 6 May 2024: Demands/);

  // One Tab leaves the chart, one Shift+Tab comes back to the mark the arrows left.
  await page.keyboard.press("Tab");
  await expect(page.getByText("Show the timeline as a table")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(focused(page)).toHaveAccessibleName(/^Hamas on Permanent ceasefire, 6 May 2024: Demands/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cells\/\d+\/\d+#entry-\d+$/);
  await expect(page.getByRole("heading", { name: "Hamas on Permanent ceasefire" })).toBeVisible();
});

test("Arabic party, issue, source title and summary read right to left on the sources list, compare and timeline", async ({ page }) => {
  const PARTY = "حماس";
  const ISSUE = "وقف دائم لإطلاق النار";
  const TITLE = "بيان حماس في القاهرة";
  const SUMMARY = "تطالب حماس بوقف دائم لإطلاق النار.";
  await signIn(page, "editor");
  await createNegotiation(page, `Right to left ${Date.now().toString(36)}`);
  await addParty(page, PARTY);
  await addIssue(page, ISSUE);
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Outlet").fill("Al Jazeera Arabic");
  await page.getByLabel("Published").fill("2025-02-01");
  await page.getByLabel("Language").fill("ar");
  await page.getByLabel("Text").fill("قالت حماس إنها تطالب بوقف دائم لإطلاق النار.");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await page.getByRole("link", { name: "Add position entry from this source" }).click();
  await page.getByRole("checkbox", { name: PARTY }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: ISSUE });
  await page.getByLabel("Stance").selectOption({ label: "Demands" });
  await page.getByLabel("Summary").fill(SUMMARY);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/saved=\d+/);

  // The sources list: the title in its own direction and language.
  await tab(page, "Sources").click();
  const title = page.getByRole("link", { name: TITLE });
  await expect(title).toHaveCSS("direction", "rtl");
  await expect(title).toHaveAttribute("lang", "ar");

  // Compare: the party's column and counts row, the issue's row and the summary.
  const slugPath = new URL(page.url()).pathname.replace(/\/sources$/, "");
  await page.goto(`${slugPath}/compare?from=2025-01-01&to=2025-03-01`);
  await expect(page.getByRole("columnheader", { name: PARTY })).toHaveCSS("direction", "rtl");
  await expect(page.getByRole("rowheader", { name: PARTY })).toHaveCSS("direction", "rtl");
  await expect(page.getByRole("rowheader", { name: ISSUE })).toHaveCSS("direction", "rtl");
  await expect(page.getByText(SUMMARY)).toHaveCSS("direction", "rtl");
  // The English column headers keep their own direction.
  await expect(page.getByRole("columnheader", { name: "Party", exact: true })).toHaveCSS("direction", "ltr");

  // The timeline's table alternative.
  await tab(page, "Timeline").click();
  await page.getByText("Show the timeline as a table").click();
  const row = page.getByRole("table", { name: /^Timeline of positions/ }).getByRole("row").filter({ hasText: SUMMARY });
  await expect(row.getByRole("cell", { name: SUMMARY, exact: true })).toHaveCSS("direction", "rtl");
  await expect(row.getByRole("cell", { name: ISSUE, exact: true })).toHaveCSS("direction", "rtl");
});
