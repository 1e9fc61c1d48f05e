// The timeline's marks with the keyboard alone: one tab stop for the chart, arrow keys through
// time within a party's lane and across lanes to the nearest mark in time, Home/End, Enter opens
// the entry; the details follow focus. Acts on the demo (Philadelphi corridor: Israel's lane has
// 7 Jul, 20 Aug ×2, 25 Aug, 3 Sep, 4 Sep ×2 2024; Hamas's has 20 Aug, 25 Aug ×2, 3 Sep).
import { expect, test, type Page } from "@playwright/test";

const MATRIX = "/negotiations/gaza-ceasefire-2024";

async function timelineOn(page: Page, issue: string) {
  await page.goto(`${MATRIX}/timeline`);
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: issue });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/timeline\?issue=\d+$/);
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
