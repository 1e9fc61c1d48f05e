// The overview matrix (issue 8), as a new reader and an editor meet it: the whole demo at a
// glance on its latest date, the keyboard grid and the details panel, paper, a phone,
// right-to-left text, feedback after a save, and axe-core on every page this work touches.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { getDocumentProxy, extractText } from "unpdf";
import { addIssue, addParty, createNegotiation, overviewCell, signIn, tab } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";
const TITLE = "Gaza ceasefire talks (2024–2025)";

async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}

const inViewport = async (page: Page, locator: ReturnType<Page["locator"]>) => {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
};

test("the demo opens on its latest entry's day with every party and 15 issues in the first screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toContainText("last updated");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveTitle(`Matrix · ${TITLE} · Parley`);
  await expect(page.getByRole("status").filter({ hasText: "the day of the latest entry" })).toContainText("Positions as of 9 Oct 2025");
  await expect(page.getByLabel("As of")).toHaveValue("2025-10-09");
  await expect(page.getByText(/Latest entry 9 Oct 2025 · last updated/)).toBeVisible();

  const grid = page.getByRole("grid", { name: /^Matrix of positions on 9 Oct 2025/ });
  const parties = grid.getByRole("columnheader");
  await expect(parties).toHaveCount(8); // the Issue column and seven parties
  for (const header of await parties.all()) expect(await inViewport(page, header), await header.innerText()).toBe(true);
  const issues = grid.getByRole("rowheader");
  await expect(issues).toHaveCount(19);
  for (let i = 0; i < 15; i++) expect(await inViewport(page, issues.nth(i)), await issues.nth(i).innerText()).toBe(true);

  // A stale position reads as old: its sentence says so.
  await expect(overviewCell(page, "Israel", "Philadelphi corridor")).toHaveAccessibleName(/\(1 year old, may be out of date\)/);

  await page.getByRole("link", { name: /^Show today/ }).click();
  await expect(page).toHaveURL(/asOf=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("status").filter({ hasText: "Positions as of" })).toContainText("(today)");
});

test("arrow keys move across cells, Enter opens the details with the quote, one tab stop for the grid", async ({ page }) => {
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  const first = overviewCell(page, "Israel", "Overall ceasefire deal").getByRole("link");
  await first.focus();
  await page.keyboard.press("ArrowRight");
  await expect(overviewCell(page, "Hamas", "Overall ceasefire deal").getByRole("link")).toBeFocused();
  for (let i = 0; i < 11; i++) await page.keyboard.press("ArrowDown");
  const blockade = overviewCell(page, "Hamas", "Blockade");
  await expect(blockade.getByRole("link")).toBeFocused();
  await expect(blockade).toHaveAccessibleName(/^Hamas on Blockade: Demands, red line, stated 25 Aug 2024/);
  // Tab leaves the grid: the grid is one stop.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("link", { name: "Today", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(blockade.getByRole("link")).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/cell=\d+-\d+/);
  const panel = page.getByRole("complementary", { name: "Hamas on Blockade" });
  await expect(panel.getByRole("heading", { name: "Hamas on Blockade" })).toBeFocused();
  await expect(panel).toContainText("The two groups require the blockade of Gaza to be lifted.");
  await expect(panel).toContainText("“the lifting of the blockade”");
  await expect(panel).toContainText("Stated 25 Aug 2024");
  await expect(panel).toContainText("Joint with Palestinian Islamic Jihad");
  await expect(panel.getByRole("link", { name: /Crucial round of negotiations/ })).toBeVisible();
  await expect(panel.getByRole("link", { name: /^History of this cell/ })).toBeVisible();
  await expectNoAxeViolations(page, "matrix with details panel");
  await panel.getByRole("link", { name: "Close details" }).click();
  await expect(panel).toHaveCount(0);
});

test("the printed overview is one landscape A4 page with every issue and party", async ({ page }, testInfo) => {
  await page.goto(DEMO);
  const issues = await page.getByRole("rowheader").allInnerTexts();
  const parties = (await page.getByRole("columnheader").allInnerTexts()).slice(1);
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  await testInfo.attach("overview.pdf", { body: pdf, contentType: "application/pdf" });
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(totalPages).toBe(1);
  const flat = text.replace(/\s+/g, " ");
  for (const name of [...issues, ...parties]) expect(flat, name).toContain(name.replace(/\s+/g, " ").trim());
  // Site navigation and controls are not printed.
  expect(flat).not.toContain("Compare dates");
  expect(flat).not.toContain("Detailed view");
});

test("on a 390 px phone: a list of issues with every party's chip, a party filter, no sideways scroll", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(DEMO);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  const blockade = overviewCell(page, "Hamas", "Blockade");
  await expect(blockade).toContainText("Hamas");
  const box = (await blockade.getByRole("link").boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.getByLabel("Party").selectOption({ label: "Hamas" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/party=\d+/);
  await expect(page.getByRole("gridcell")).toHaveCount(19);
  await expect(overviewCell(page, "Israel", "Blockade")).toHaveCount(0);
  await expectNoAxeViolations(page, "matrix at 390 px");
});

test("axe-core finds no violations on the pages this view touches, at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(300_000); // twelve full axe-core runs on a loaded 2-core machine
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/", DEMO, `${DEMO}?asOf=2024-08-25&view=detail`, `${DEMO}/compare?from=2024-08-01&to=2024-09-30`]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await expectNoAxeViolations(page, `${path} at ${width}px`);
    }
    await page.goto(`${DEMO}?asOf=2024-08-25`);
    await overviewCell(page, "Hamas", "Blockade").getByRole("link").click();
    await page.getByRole("link", { name: /^History of this cell/ }).click();
    await expect(page.getByRole("heading", { name: "Hamas on Blockade" })).toBeVisible();
    await expectNoAxeViolations(page, `cell history at ${width}px`);
    await page.getByRole("link", { name: /Crucial round of negotiations/ }).first().click();
    await expect(page.getByRole("heading", { name: /Crucial round of negotiations/ })).toBeVisible();
    await expectNoAxeViolations(page, `source page at ${width}px`);
  }
});

test("an Arabic source and an Arabic summary read right to left; a save says what it saved and shows the cell", async ({ page }) => {
  const ARABIC_TEXT = "قالت حماس إنها تطالب بوقف دائم لإطلاق النار، وانسحاب كامل.";
  const ARABIC_SUMMARY = "تطالب حماس بوقف دائم لإطلاق النار.";
  await signIn(page, "editor");
  await createNegotiation(page, `Arabic sources ${Date.now().toString(36)}`);
  await addParty(page, "Hamas");
  await addIssue(page, "Permanent ceasefire");
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await page.getByLabel("Title").fill("بيان حماس");
  await page.getByLabel("Outlet").fill("Al Jazeera Arabic");
  await page.getByLabel("Published").fill("2025-02-01");
  await page.getByLabel("Language").fill("ar");
  await page.getByLabel("Text").fill(ARABIC_TEXT);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "بيان حماس" })).toHaveCSS("direction", "rtl");
  const text = page.getByText(ARABIC_TEXT);
  await expect(text).toHaveCSS("direction", "rtl");
  await expect(text).toHaveAttribute("lang", "ar");

  await page.getByRole("link", { name: "Add position entry from this source" }).click();
  await page.getByRole("checkbox", { name: "Hamas" }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Permanent ceasefire" });
  await page.getByLabel("Stance").selectOption({ label: "Demands" });
  await page.getByLabel("Summary").fill(ARABIC_SUMMARY);
  await page.getByLabel("Quote").fill("تطالب بوقف دائم لإطلاق النار");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/saved=\d+/);
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Saved: Hamas on Permanent ceasefire, Demands, stated 1 Feb 2025.");
  await expect(page).toHaveTitle(/^Matrix · Arabic sources/);
  const saved = overviewCell(page, "Hamas", "Permanent ceasefire");
  expect(await inViewport(page, saved)).toBe(true);

  await saved.getByRole("link").click();
  const panel = page.getByRole("complementary", { name: "Hamas on Permanent ceasefire" });
  await expect(panel.getByText(ARABIC_SUMMARY)).toHaveCSS("direction", "rtl");
  const quote = panel.getByText("تطالب بوقف دائم لإطلاق النار”");
  await expect(quote).toHaveCSS("direction", "rtl");
  await expect(quote).toHaveAttribute("lang", "ar");

  // A delete says what went to the trash and offers Undo right there.
  await panel.getByRole("link", { name: /^History of this cell/ }).click();
  await page.getByRole("link", { name: "Edit entry" }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  const deleted = page.getByRole("status").filter({ hasText: "Deleted:" });
  await expect(deleted).toContainText("Deleted: Hamas on Permanent ceasefire, Demands, stated 1 Feb 2025. It is in the trash.");
  await expect(overviewCell(page, "Hamas", "Permanent ceasefire")).toHaveAccessibleName(/no position recorded/);
  await deleted.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored:" })).toContainText("Restored: Hamas on Permanent ceasefire, Demands, stated 1 Feb 2025.");
  await expect(overviewCell(page, "Hamas", "Permanent ceasefire")).toHaveAccessibleName(/^Hamas on Permanent ceasefire: Demands/);
});

test("after a save in a long matrix, the saved cell is scrolled into view below the sticky header", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 480 });
  await signIn(page, "editor");
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  await overviewCell(page, "Hamas", "Blockade").getByRole("link").click();
  await page.getByRole("link", { name: /^History of this cell/ }).click();
  await page.getByRole("link", { name: "Edit entry" }).last().click();
  await expect(page.getByRole("heading", { name: "Edit position entry" })).toBeVisible();
  await page.getByLabel("Notes").fill("Checked against the MENAFN text.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/saved=\d+/);
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Hamas and Palestinian Islamic Jihad on Blockade, Demands");
  const cell = overviewCell(page, "Hamas", "Blockade");
  // The scroll waits for the page to hydrate, which takes longer on a loaded machine.
  await expect.poll(() => inViewport(page, cell), { timeout: 30_000 }).toBe(true);
  const header = (await page.getByRole("columnheader", { name: "Hamas" }).boundingBox())!;
  const box = (await cell.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
});
