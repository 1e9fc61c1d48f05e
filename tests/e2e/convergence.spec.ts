// The convergence chart on the demo negotiation (issue 11, item 3), acting through roles: its
// table alternative gives, for three dates, the same counts as the gap view as of each date,
// and its links open the matrix as of a day. Reads only: the demo is loaded fresh for every run.
import { expect, test, type Page } from "@playwright/test";

const BASE = "/negotiations/gaza-ceasefire-2024";

const chart = (page: Page) => page.getByRole("region", { name: "Convergence over time" });

test("the convergence chart's table alternative equals the gap view's counts for three dates", async ({ page }) => {
  await page.goto(`${BASE}/gaps`);
  await expect(chart(page)).toBeVisible();
  await chart(page).getByText("Show as table").click();
  const table = chart(page).getByRole("table");
  await expect(table).toBeVisible();
  const rows = table.getByRole("row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(3); // a header and at least three dates
  // The first, a middle and the last date of the table.
  const picks = [1, Math.floor(count / 2), count - 1];
  const expected: Array<{ day: string; opposed: string; open: string; compatible: string }> = [];
  for (const i of picks) {
    const row = rows.nth(i);
    const href = await row.getByRole("rowheader").getByRole("link").getAttribute("href");
    const day = new URL(href!, "http://x").searchParams.get("asOf")!;
    const cells = row.getByRole("cell");
    expected.push({ day, opposed: await cells.nth(0).innerText(), open: await cells.nth(1).innerText(), compatible: await cells.nth(2).innerText() });
  }
  for (const { day, opposed, open, compatible } of expected) {
    await page.getByLabel("As of").fill(day);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`asOf=${day}`));
    const line = page.getByText(/^Positions as of .*compatible/);
    await expect(line).toContainText(`${opposed === "1" ? "1 issue" : `${opposed} issues`} opposed, ${open} open, ${compatible} compatible`);
  }
});

test("a step of the convergence chart opens the matrix as of its day, from the keyboard", async ({ page }) => {
  await page.goto(`${BASE}?asOf=2024-08-25`);
  const link = chart(page).getByRole("link", { name: /^Matrix on 25 Aug 2024: \d+ opposed, \d+ open, \d+ compatible$/ });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${BASE}\\?asOf=2024-08-25$`));
  await expect(page.getByRole("status").filter({ hasText: "Positions as of" })).toContainText("25 Aug 2024");
});

test("the pages with the chart hydrate without a React error (the server's and the browser's chart are the same)", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const path of ["/negotiations/gaza-ceasefire-2024/gaps?asOf=2024-08-25", "/negotiations/gaza-ceasefire-2024"]) {
    await page.goto(path);
    await expect(page.getByRole("region", { name: "Convergence over time" })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});
