// Taxonomy care (issue 9, item 8; docs/decisions/019): merging an issue or a party into another
// from the UI, with a confirmation that says what moves, and undoing it from the trash; reordering with
// the keyboard alone, focus staying on the moved row. Each test makes its own negotiation.
import { expect, test } from "@playwright/test";
import { addEntry, addIssue, addParty, addSource, createNegotiation, detailedView, cell, signIn, tab } from "./helpers";

const run = Date.now().toString(36);

test("merge an issue into another: the confirmation counts the entries, the matrix shows them on the target, restoring from the trash undoes it", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Merge talks ${run}`);
  await addParty(page, "North");
  const water = `Water ${run}`;
  await addIssue(page, water);
  await addIssue(page, "Borders");
  await addSource(page, "Merge wire", "2025-03-01", "");
  await addEntry(page, { parties: ["North"], issue: water, source: "Merge wire", stance: "Demands", summary: "North wants the wells." });

  await tab(page, "Issues").click();
  await page.getByRole("link", { name: `Merge ${water} into…` }).click();
  await expect(page.getByRole("heading", { name: `Merge ${water} into another issue` })).toBeVisible();
  await page.getByLabel("Merge into").selectOption({ label: "Borders" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(`1 position entry of “${water}” will move to “Borders”.`)).toBeVisible();
  await page.getByRole("button", { name: "Merge into “Borders”" }).click();
  await expect(page).toHaveURL(/\/issues\?merged=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "Merged into" })).toContainText("Merged into “Borders”.");
  await expect(page.getByRole("cell", { name: water, exact: true })).toHaveCount(0);

  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "North", "Borders")).toContainText("North wants the wells.");
  await expect(page.getByRole("rowheader", { name: water })).toHaveCount(0);

  await page.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash" })).toBeVisible();
  await page.getByRole("row").filter({ hasText: water }).first().getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");

  await page.goto("/");
  await page.getByRole("link", { name: `Merge talks ${run}` }).first().click();
  await detailedView(page);
  await expect(cell(page, "North", water)).toContainText("North wants the wells.");
  await expect(cell(page, "North", "Borders")).not.toContainText("North wants the wells.");
});

test("merge a party into another: its statements are credited to the target, a joint statement keeps one link, its name becomes another name; restoring it undoes the merge", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Party merge talks ${run}`);
  await addParty(page, "North");
  const south = `South ${run}`;
  await addParty(page, south);
  await addIssue(page, "Water");
  await addIssue(page, "Prisoners");
  await addSource(page, "Party merge wire", "2025-03-01", "");
  await addEntry(page, { parties: ["North", south], issue: "Water", source: "Party merge wire", stance: "Demands", summary: "Both want the wells shared." });
  await addEntry(page, { parties: [south], issue: "Prisoners", source: "Party merge wire", stance: "Rejects", summary: "South refuses the exchange." });

  await tab(page, "Parties").click();
  await page.getByRole("link", { name: `Merge ${south} into…` }).click();
  await expect(page.getByRole("heading", { name: `Merge ${south} into another party` })).toBeVisible();
  await page.getByLabel("Merge into").selectOption({ label: "North" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(`2 position entries of “${south}” will be credited to “North” (1 of them a joint statement that already names “North”).`)).toBeVisible();
  await expect(page.getByText(`“North” will also go by “${south}”.`)).toBeVisible();
  await page.getByRole("button", { name: "Merge into “North”" }).click();
  await expect(page).toHaveURL(/\/parties\?merged=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "Merged into" })).toContainText("Merged into “North”.");
  // South's row is gone; its name is now one of North's other names.
  await expect(page.getByRole("link", { name: `Merge ${south} into…` })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "North" })).toContainText(south);

  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "North", "Prisoners")).toContainText("South refuses the exchange.");
  await expect(cell(page, "North", "Water")).toContainText("Both want the wells shared.");
  await expect(page.getByRole("columnheader", { name: new RegExp(south) })).toHaveCount(0);

  await page.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash" })).toBeVisible();
  await page.getByRole("row").filter({ hasText: south }).first().getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");

  await page.goto("/");
  await page.getByRole("link", { name: `Party merge talks ${run}` }).first().click();
  await detailedView(page);
  await expect(cell(page, south, "Prisoners")).toContainText("South refuses the exchange.");
  await expect(cell(page, south, "Water")).toContainText("Both want the wells shared.");
  await expect(cell(page, "North", "Water")).toContainText("Both want the wells shared.");
  await expect(cell(page, "North", "Prisoners")).not.toContainText("South refuses the exchange.");
});

test("reorder issues with the keyboard only: focus stays on the moved row, the status says where it went, the matrix follows", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Order talks ${run}`);
  await addParty(page, "North");
  for (const name of ["Alpha", "Bravo", "Charlie"]) await addIssue(page, name);
  const names = () => page.getByRole("table").getByRole("row").locator("td:nth-child(2)").allTextContents();
  await expect.poll(names).toEqual(["Alpha", "Bravo", "Charlie"]);

  const up = page.getByRole("button", { name: "Move Charlie up" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "moved" })).toHaveText("Charlie moved to position 2 of 3.");
  await expect(up).toBeFocused();
  await expect.poll(names).toEqual(["Alpha", "Charlie", "Bravo"]);
  // Again: now first, its "up" button is off, so focus lands on its "down" button.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "moved" })).toHaveText("Charlie moved to position 1 of 3.");
  await expect(page.getByRole("button", { name: "Move Charlie down" })).toBeFocused();
  await expect(up).toBeDisabled();
  await expect.poll(names).toEqual(["Charlie", "Alpha", "Bravo"]);
  // Space works too (it is a real button).
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "moved" })).toHaveText("Charlie moved to position 2 of 3.");
  await expect(page.getByRole("button", { name: "Move Charlie down" })).toBeFocused();

  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect.poll(async () => (await page.getByRole("rowheader").allTextContents()).map((t) => t.trim())).toEqual(["Alpha", "Charlie", "Bravo"]);
});
