// Issue 9, item 1, as a new editor would use it: on the seed article, select a sentence, add it
// as a position of Hamas, see it highlighted and linked in the text; edit the source so the
// sentence is gone and find the entry flagged and listed under "Quotes to check".
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";
const SENTENCE = "The focus remains on achieving a comprehensive resolution that meets these essential conditions and addresses the core issues of the conflict.";
const SUMMARY = `Hamas wants a comprehensive resolution (workbench ${Date.now().toString(36)}).`;

/** Drags the mouse across a passage of the article, as a reader selects it. */
async function selectInText(page: Page, passage: string) {
  const box = await page.locator(".workbench-text").evaluate((root, passage) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(passage);
      if (at === -1) continue;
      const rect = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        return range.getBoundingClientRect();
      };
      // Into the middle of the window first: the mouse reaches only what is on screen.
      const middle = rect(at);
      window.scrollBy(0, middle.top - window.innerHeight / 3);
      const [first, last] = [rect(at), rect(at + passage.length - 1)];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error("passage not in the text");
  }, passage);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

async function editSourceText(page: Page, change: (text: string) => string) {
  await page.getByRole("link", { name: "Edit source" }).click();
  await expect(page.getByRole("heading", { name: "Edit source" })).toBeVisible();
  const field = page.getByRole("textbox", { name: "Text", exact: true });
  await field.fill(change(await field.inputValue()));
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("heading", { name: "Text", exact: true })).toBeVisible();
}

test("select a sentence in the seed article, save it as Hamas's position, see it highlighted; edit it away and find it flagged", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "editor");
  await page.goto(`${DEMO}/sources`);
  await page.getByRole("link", { name: /Crucial round of negotiations/ }).first().click();
  await expect(page.getByRole("heading", { name: "Text", exact: true })).toBeVisible();
  const sourcePage = page.url();
  // The demo's quotes are already marked, each linked to its entry.
  await expect(page.getByRole("link", { name: /^a complete halt to military actions against Gaza \(Hamas and Palestinian Islamic Jihad, joint statement, entry \d+/ })).toBeVisible();

  await selectInText(page, SENTENCE);
  const offer = page.getByRole("link", { name: "Add position with this quote" });
  await expect(offer).toBeVisible();
  await expect(page.getByText(`Selected ${SENTENCE.length} characters`)).toBeVisible();
  // Reachable from the keyboard: the next Tab stop after the selection.
  await page.keyboard.press("Tab");
  await expect(offer).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  await expect(page).toHaveURL(/\/entries\/new\?source=\d+&statedOn=2024-08-25&quote=/);
  await expect(page.getByLabel("Quote")).toHaveValue(SENTENCE);
  await expect(page.getByLabel("Date stated")).toHaveValue("2024-08-25");
  await expect(page.getByRole("combobox", { name: "Source", exact: true }).locator("option:checked")).toContainText("Crucial round of negotiations");
  await page.getByRole("checkbox", { name: "Hamas" }).check();
  await page.getByRole("combobox", { name: "Issue", exact: true }).selectOption({ label: "Permanent ceasefire" });
  await page.getByLabel("Stance").selectOption({ label: "Demands" });
  await page.getByLabel("Summary").fill(SUMMARY);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/[?&]saved=\d+/);
  const entryId = new URL(page.url()).searchParams.get("saved")!;

  // Back on the source page: the sentence is highlighted, linked to the new entry beside the text.
  await page.goto(sourcePage);
  const mark = page.getByRole("link", { name: new RegExp(`^${SENTENCE.replace(/[.]/g, "\\.")} \\(Hamas, entry \\d+\\)$`) });
  await expect(mark).toHaveAttribute("href", `#entry-${entryId}`);
  await expect(mark.locator("mark")).toHaveText(SENTENCE);
  await mark.click();
  await expect(page).toHaveURL(new RegExp(`#entry-${entryId}$`));
  const card = page.locator(`#entry-${entryId}`).getByRole("article");
  await expect(card).toContainText(SUMMARY);
  await expect(card).toContainText("✓ Quote found in source");

  // Edit the sentence out of the source: saved, the entry flagged beside the text and listed.
  await editSourceText(page, (text) => text.replace(SENTENCE, "The talks continue."));
  await expect(page.getByRole("status")).toContainText("1 position entry beside the text quotes words this text does not contain");
  await expect(page.locator(`#entry-${entryId}`).getByRole("article")).toContainText("⚠ Quote not found in source");
  await expect(page.locator("mark").filter({ hasText: "The focus remains" })).toHaveCount(0);
  await page.getByRole("link", { name: "all quotes to check in this negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Quotes to check (1 entry)" })).toBeVisible();
  const flagged = page.getByRole("article").filter({ hasText: SUMMARY });
  await expect(flagged).toContainText("⚠ Quote not found in source");
  await expect(flagged).toContainText(SENTENCE);
  if (process.env.SCREENSHOTS) {
    for (const [label, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `screenshots/quotes-to-check-${label}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  // The entry's own page says so too.
  await flagged.getByRole("link", { name: "Edit entry" }).click();
  await expect(page.getByText("⚠ Quote not found in source: the source’s text was edited")).toBeVisible();

  // Put the demo back as it was: the sentence restored (the entry is found again), the entry in the trash.
  await page.goto(sourcePage);
  await editSourceText(page, (text) => text.replace("The talks continue.", SENTENCE));
  await expect(page.locator(`#entry-${entryId}`).getByRole("article")).toContainText("✓ Quote found in source");
  await page.goto(`${DEMO}/entries/${entryId}/edit`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]deleted=${entryId}`));
});

test("a selection longer than a quote may be is named, not cut, and offers no button", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${DEMO}/sources`);
  await page.getByRole("link", { name: /Crucial round of negotiations/ }).first().click();
  await expect(page.getByRole("heading", { name: "Text", exact: true })).toBeVisible();
  await page.locator(".workbench-text").click({ clickCount: 3, position: { x: 5, y: 5 } }); // a paragraph: short enough
  await expect(page.getByRole("link", { name: "Add position with this quote" })).toBeVisible();
  // Select all of the text (well over 2,000 characters) with the keyboard.
  await page.locator(".workbench-text").evaluate((root) => document.getSelection()!.selectAllChildren(root));
  await expect(page.getByText(/^The selection is [\d,]+ characters long; a quote holds at most 2,000\. Select a shorter passage\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Add position with this quote" })).toHaveCount(0);
});
