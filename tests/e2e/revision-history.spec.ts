// Revision history in people's words (issue 11, item 7): an editor changes an entry's firmness and
// reads the change as "Not stated → Firm" with the parties, issue and source by name, then follows
// the link back to the entry; a party's history counts "1 revision" and links back to the party.
import { expect, test } from "@playwright/test";
import { cell, detailedView, signIn } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";

test("an edited entry's history names its parties, issue and source, says the firmness in words and links back to the entry", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  await detailedView(page);
  await cell(page, "Egypt", "Philadelphi corridor").getByRole("link", { name: /earlier|later/ }).first().click();
  await page.getByRole("link", { name: "Edit entry" }).last().click();
  await expect(page.getByRole("heading", { name: "Edit position entry" })).toBeVisible();
  const editPath = new URL(page.url()).pathname;

  const firmness = page.getByLabel("Firmness");
  const before = (await firmness.locator("option:checked").textContent())?.trim() ?? "";
  const after = before === "Firm" ? "Flexible" : "Firm";
  await firmness.selectOption({ label: after });
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/saved=/);

  await page.goto(editPath);
  await page.getByRole("link", { name: "Revision history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^History of Egypt.* on Philadelphi corridor, \d{1,2} \w{3} \d{4}$/ })).toBeVisible();
  const edit = page.getByRole("listitem").filter({ has: page.getByText("Edited", { exact: true }) }).last();
  await expect(edit.getByRole("term")).toHaveText(["Firmness"]);
  // "Not stated" when the report gave none: the form's words for the empty choice.
  await expect(edit.getByRole("definition")).toHaveText(new RegExp(`^${before}.*${after}$`));
  const created = page.getByRole("listitem").filter({ has: page.getByText("Created", { exact: true }) });
  await expect(created.getByRole("definition").nth(0)).toContainText("Egypt");
  await expect(created.getByRole("term").filter({ hasText: "Issue" })).toBeVisible();
  await expect(created).toContainText("Philadelphi corridor");
  await expect(created.getByRole("term").filter({ hasText: /^Source$/ })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/#\d/);
  await expect(page.getByRole("main")).toContainText(/\d+ revisions\./);

  await page.getByRole("link", { name: "Open this entry in its source" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+#entry-\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a party's history says “1 revision” and links back to the party", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${DEMO}/parties`);
  await page.getByRole("link", { name: "Qatar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Qatar" }).first()).toBeVisible();
  const partyPath = new URL(page.url()).pathname;
  await page.goto(`${partyPath}/edit`);
  await page.getByRole("link", { name: "Revision history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History of Qatar" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("1 revision.");
  await expect(page.getByRole("definition").filter({ hasText: /^Mediator$/ })).toBeVisible();
  // Its side by name, not by id (issue 11 item 1).
  await expect(page.getByRole("definition").filter({ hasText: /^Mediators$/ })).toBeVisible();
  await page.getByRole("link", { name: "Open this party" }).click();
  await expect(page).toHaveURL(new RegExp(`${partyPath}$`));
});
