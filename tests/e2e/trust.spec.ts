// Trust, as people experience it: signing in and out, what each role can do, editing,
// conflicting edits, the trash, and hostile text that must stay text.
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { addEntry, addIssue, addParty, addSource, cell, createNegotiation, detailedView, signIn, tab } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";

test("sign in and out; after signing out, Back shows the sign-in page", async ({ page }) => {
  await page.goto(`${DEMO}/entries/new`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Through the form, as a person does; it brings them back to the page they asked for.
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Add position entry" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Add position entry" })).toHaveCount(0);
});

test("a wrong password is refused with a message by the form", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("editor@e2e.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email address and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("editor@e2e.test");
});

test("anonymous readers and viewers see no edit controls and cannot open forms", async ({ page }) => {
  for (const who of ["anonymous", "viewer"] as const) {
    if (who === "viewer") await signIn(page, "viewer");
    await page.goto(`${DEMO}?asOf=2024-08-25&view=detail`);
    await expect(cell(page, "Hamas", "Blockade")).toContainText("Demands");
    await expect(page.getByRole("link", { name: "Add position entry" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit details" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Add a position entry to this cell" })).toHaveCount(0);
    await tab(page, "Parties").click();
    await expect(page.getByRole("button", { name: "Add party" })).toHaveCount(0);
    await page.goto(`${DEMO}/entries/new`);
    await expect(page.getByRole("heading", { name: who === "viewer" ? "You cannot change records" : "Sign in" })).toBeVisible();
  }
});

async function openEditOf(page: Page, party: string, issue: string) {
  await page.goto(`${DEMO}?asOf=2024-08-25&view=detail`);
  await cell(page, party, issue).getByRole("link", { name: /earlier|later/ }).first().click();
  // The cell's history lists the newest entry first: edit that one.
  await page.getByRole("link", { name: "Edit entry" }).first().click();
  await expect(page.getByRole("heading", { name: "Edit position entry" })).toBeVisible();
}

test("an editor edits an entry and the change shows in the matrix and its revision history", async ({ page }) => {
  await signIn(page, "editor");
  await openEditOf(page, "Egypt", "Philadelphi corridor");
  const summary = page.getByLabel("Summary");
  const edited = `${await summary.inputValue()} (checked against the Arabic original)`;
  await summary.fill(edited);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/saved=/);
  await detailedView(page);
  await expect(cell(page, "Egypt", "Philadelphi corridor")).toContainText("checked against the Arabic original");
  await cell(page, "Egypt", "Philadelphi corridor").getByRole("link", { name: /earlier/ }).click();
  await page.getByRole("link", { name: "Revisions" }).first().click();
  await expect(page.getByRole("heading", { name: /History of/ })).toBeVisible();
  await expect(page.getByText("Edited")).toBeVisible();
  await expect(page.getByRole("insertion").filter({ hasText: "Arabic" })).toBeVisible();
});

test("two people save the same entry: one wins, the other sees the conflict and keeps their text", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "editor");
  await signIn(second, "admin");
  await openEditOf(first, "Israel", "Philadelphi corridor");
  await openEditOf(second, "Israel", "Philadelphi corridor");
  await first.getByLabel("Summary").fill("Israel offers a partial pull-back (first editor).");
  await first.getByRole("button", { name: "Save entry" }).click();
  await expect(first).toHaveURL(/saved=/);
  await second.getByLabel("Summary").fill("Israel offers to thin out its forces (second editor).");
  await second.getByRole("button", { name: "Save entry" }).click();
  await expect(second.getByText("Someone else saved this record", { exact: false })).toBeVisible();
  await expect(second.getByLabel("Summary")).toHaveValue("Israel offers to thin out its forces (second editor).");
  await expect(second.getByRole("table", { name: "What changed meanwhile" })).toContainText("first editor");
  // Saving again, now knowingly over the newer version, works.
  await second.getByRole("button", { name: "Save entry" }).click();
  await expect(second).toHaveURL(/saved=/);
  await detailedView(second);
  await expect(cell(second, "Israel", "Philadelphi corridor")).toContainText("second editor");
  await first.close();
  await second.close();
});

test("an admin restores a deleted entry from the trash and it reappears identical", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`${DEMO}?asOf=2024-08-25&view=detail`);
  const blockade = cell(page, "Hamas", "Blockade");
  const before = await blockade.innerText();
  await blockade.getByRole("link", { name: /MENAFN/ }).click();
  const card = page.getByRole("article").filter({ hasText: "the lifting of the blockade" });
  await card.getByRole("link", { name: "Edit entry" }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  // The delete's outcome: back on the matrix, which names what went to the trash.
  await expect(page).toHaveURL(/[?&]deleted=\d+/);
  await page.goto(`${DEMO}?asOf=2024-08-25&view=detail`);
  await expect(blockade).toContainText("No position recorded");

  await page.getByRole("link", { name: "Trash" }).click();
  const row = page.getByRole("row").filter({ hasText: "the blockade" }).first();
  await row.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");
  await page.goto(`${DEMO}?asOf=2024-08-25&view=detail`);
  await expect.poll(() => blockade.innerText()).toBe(before);
});

test("hostile text in every field is shown as text and runs nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const x = (field: string) => `${field} <script>alert("${field}")</script> "><img src=x onerror=alert("${field}")> javascript:alert(1)`;
  await signIn(page, "editor");
  await createNegotiation(page, x("Title"));
  await addParty(page, x("Party"));
  await addIssue(page, x("Issue"));
  await addSource(page, x("Source"), "2025-01-01", x("Text"));
  await addEntry(page, { parties: [x("Party")], issue: x("Issue"), source: x("Source"), stance: "Demands", summary: x("Summary"), quote: x("Text") });
  await tab(page, "Matrix").click();
  await detailedView(page);
  await expect(page.getByText(x("Summary"))).toBeVisible();
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: x("Source") }).click();
  await expect(page.getByText(x("Text")).first()).toBeVisible();
  // A javascript: URL is refused as a source address.
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await page.getByLabel("Title").fill("Bad link");
  await page.getByLabel("Address (URL)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Enter a full web address starting with https:// or http://.")).toBeVisible();
  for (const path of ["/", "/trash"]) {
    await page.goto(path);
    await expect(page.getByRole("banner")).toBeVisible();
  }
  expect(dialogs).toEqual([]);
});
