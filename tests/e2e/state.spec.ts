// Records that must not lie about their state (issue 7, findings 11-13): what trashing a party
// does to its joint statements, a quote whose passage left its source while the entry was in
// the trash, and a trash of thousands of records. Every write waits for its visible outcome.
import { expect, test, type Page } from "@playwright/test";
import { addEntry, addIssue, addParty, addSource, cell, createNegotiation, detailedView, signIn, tab } from "./helpers";
import { transaction } from "./db";

const run = Date.now().toString(36);

async function restoreFromTrash(page: Page, label: string | RegExp) {
  await page.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash" })).toBeVisible();
  await page.getByRole("row").filter({ hasText: label }).first().getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");
}

test("trashing a party lists its joint statements first; they leave the matrix and come back whole", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Joint statements ${run}`);
  await addParty(page, "Alpha");
  await addParty(page, "Beta");
  await addIssue(page, "Water");
  await addSource(page, "Joint communiqué", "2025-02-01", "");
  await addEntry(page, { parties: ["Alpha", "Beta"], issue: "Water", source: "Joint communiqué", stance: "Demands", summary: "Both demand water rights." });
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "Beta", "Water")).toContainText("Joint with Alpha");

  // The delete form says what will leave the matrix before anything happens.
  await tab(page, "Parties").click();
  await page.getByRole("link", { name: "Edit Alpha" }).click();
  const danger = page.getByRole("region", { name: "Delete party" });
  await expect(danger).toContainText("1 position entry depends on it");
  await danger.getByText("The 1 entry").click();
  await expect(danger.getByRole("link", { name: /Alpha \+ Beta on Water/ })).toBeVisible();
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    return dialog.accept();
  });
  await danger.getByRole("button", { name: "Delete party" }).click();
  await expect(page).toHaveURL(/\/parties$/);
  expect(question).toContain("1 position entry depending on it will leave the matrix until it is restored");

  // Not live while Alpha is in the trash: not in Beta's cell, not in the source's list.
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "Beta", "Water")).toContainText("No position recorded");
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Joint communiqué" }).click();
  await expect(page.getByRole("heading", { name: /Position entries taken from this source \(0 entries\)/ })).toBeVisible();

  const sourcePage = page.url();
  await restoreFromTrash(page, "Alpha");
  await page.goto(sourcePage);
  await expect(page.getByRole("heading", { name: /Position entries taken from this source \(1 entry\)/ })).toBeVisible();
  await expect(page.getByRole("article")).toContainText("Alpha + Beta");
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "Beta", "Water")).toContainText("Joint with Alpha");
  await expect(cell(page, "Alpha", "Water")).toContainText("Joint with Beta");
});

test("an entry restored after its quote left the source is flagged, on the cell, the source and the message", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Quotes ${run}`);
  await addParty(page, "Gamma");
  await addIssue(page, "Borders");
  await addSource(page, "Press conference", "2025-03-01", "Gamma demands the 1967 lines. Gamma rejects any land swap.");
  await addEntry(page, { parties: ["Gamma"], issue: "Borders", source: "Press conference", stance: "Rejects", summary: "No land swap.", quote: "rejects any land swap" });

  // Trash the entry.
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Press conference" }).click();
  await expect(page.getByText("✓ Quote found in source")).toBeVisible();
  await page.getByRole("link", { name: "Edit entry" }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/negotiations\/quotes-[a-z0-9-]+\?deleted=\d+$/);

  // Edit the passage out of the source: allowed, and the source page says what it means.
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Press conference" }).click();
  await page.getByRole("link", { name: "Edit source" }).click();
  await page.getByLabel("Text").fill("Gamma demands the 1967 lines.");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("heading", { name: "Press conference" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("1 position entry in the trash quotes words this text no longer contains");

  // Restore it: the message and the entry say the quote is not in the source.
  await restoreFromTrash(page, "No land swap.");
  await expect(page.getByRole("status")).toContainText("Its quote no longer occurs in its source's text");
  await page.getByRole("status").getByRole("link", { name: "check it against the source" }).click();
  await expect(page.getByRole("heading", { name: "Press conference" })).toBeVisible();
  const card = page.getByRole("article");
  await expect(card).toContainText("⚠ Quote not found in source");
  await expect(card).not.toContainText("✓ Quote found in source");
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(cell(page, "Gamma", "Borders")).toContainText("⚠ Quote not found in source");
});

test("the trash opens with 2,000 records, 50 a page, newest first", async ({ page }) => {
  // 2,000 trashed parties written straight into the test server's database, as years of use
  // would leave them (deleted in 2020, so the records the other tests trash stay on page 1).
  const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  await transaction(async (query) => {
    const now = stamp(Date.now());
    const [negotiation] = await query<{ id: number }>(
      `INSERT INTO "Negotiation" (slug, title, description, version, deletedAt, createdAt, updatedAt) VALUES (?, ?, '', 2, ?, ?, ?) RETURNING id`,
      `old-talks-${run}`, `Old talks ${run}`, stamp(Date.UTC(2020, 0, 1)), now, now,
    );
    for (let i = 1; i < 2_000; i++) {
      const [party] = await query<{ id: number }>(
        `INSERT INTO "Party" (negotiationId, name, version, deletedAt, createdAt, updatedAt) VALUES (?, ?, 2, ?, ?, ?) RETURNING id`,
        negotiation!.id, `Old party ${run} ${i}`, stamp(Date.UTC(2020, 0, 1) + i * 60_000), now, now,
      );
      await query(
        `INSERT INTO "Revision" (entityType, entityId, negotiationId, action, version, state, actor, createdAt) VALUES ('party', ?, ?, 'delete', 2, '{}', 'seed', ?)`,
        party!.id, negotiation!.id, now,
      );
    }
  });
  await signIn(page, "editor");
  await page.goto("/trash");
  await expect(page.getByRole("heading", { name: "Trash" })).toBeVisible();
  await expect(page.getByText(/records? in the trash, newest deletion first; page 1 of \d+\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(50);
  await page.getByRole("navigation", { name: "Trash pages" }).getByRole("link", { name: "Older ▸" }).click();
  await expect(page).toHaveURL(/\/trash\?page=2$/);
  await expect(page.getByText(/page 2 of \d+\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(50);
  // The last page holds the oldest deletion.
  const last = await page.getByText(/page 2 of (\d+)\./).innerText();
  const pages = Number(/of (\d+)/.exec(last)![1]);
  await page.goto(`/trash?page=${pages}`);
  await expect(page.getByRole("row").last()).toContainText(`Old talks ${run}`);
  // The oldest party is the next oldest record: on the last page, or on the one before when the
  // negotiation is alone there (how many records the other specs trashed decides which).
  const oldestParty = page.getByRole("cell", { name: `Old party ${run} 1`, exact: true });
  if ((await oldestParty.count()) === 0) await page.goto(`/trash?page=${pages - 1}`);
  await expect(oldestParty).toBeVisible();
  expect((await page.goto(`/trash?page=${pages + 1}`))?.status()).toBe(404);
});
