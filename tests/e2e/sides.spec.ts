// Sides (issue 11, item 1; docs/decisions/027-sides.md), as an editor would use them, through
// labels and roles. The demo groups Hamas and Islamic Jihad as "Palestinian factions"; the test
// first takes Islamic Jihad out of the side, sees the two factions' separate demands read as
// opposed, then groups them back and sees Permanent ceasefire no longer opposed because of them.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const BASE = "/negotiations/gaza-ceasefire-2024";
// The demo's last entries are from October 2025: a fixed day keeps the test independent of the clock.
const GAPS = `${BASE}/gaps?asOf=2025-10-09&sort=matrix`;

const gapsTable = (page: Page) => page.getByRole("region", { name: /^Gaps between the parties/ });
const statusOf = (page: Page, issue: string) => gapsTable(page).getByRole("row", { name: new RegExp(`^${issue}`) }).getByRole("cell").first();

async function setSide(page: Page, party: string, side: string) {
  await page.goto(`${BASE}/parties`);
  await page.getByRole("link", { name: `Edit ${party}` }).click();
  await expect(page.getByRole("heading", { name: `Edit ${party}` })).toBeVisible();
  await page.getByLabel("Side").selectOption({ label: side });
  await page.getByRole("button", { name: "Save party" }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/parties$`));
  await expect(page.getByRole("row", { name: new RegExp(`^\\d+ ${party}`) })).toBeVisible();
}

test("group Hamas and Islamic Jihad into one side and see Permanent ceasefire no longer opposed because of them", async ({ page }) => {
  await signIn(page, "editor");

  // The gap view groups the columns under the sides, names in words beside the colour, and lists the mediators.
  await page.goto(GAPS);
  const table = gapsTable(page);
  await expect(table.getByRole("columnheader", { name: "Palestinian factions" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Mediators" })).toBeVisible();
  await expect(statusOf(page, "Pressure on counterpart")).toContainText("Mediators: Egypt demands; Qatar demands; US demands");

  // Ungrouped, the two factions' separate demands read as demands on both sides.
  await setSide(page, "Palestinian Islamic Jihad", "No side (a side of its own)");
  await page.goto(GAPS);
  await expect(statusOf(page, "Permanent ceasefire")).toHaveText(/^Opposed\s*Demands on both sides/);

  // Grouped again through the form: allies never oppose each other.
  await setSide(page, "Palestinian Islamic Jihad", "Palestinian factions");
  await page.goto(GAPS);
  await expect(statusOf(page, "Permanent ceasefire")).toHaveText(/^Open\s*A demand is on the table, not yet met/);
  await expect(statusOf(page, "Reconstruction")).toHaveText(/^Open\s*Only one side has stated a position/);
});

test("an editor adds, renames, moves and deletes a side; a bad name is refused by the field and the typing kept", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${BASE}/parties`);
  await page.getByRole("link", { name: "Sides", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/sides$`));
  await expect(page.getByRole("heading", { name: "Sides (3)" })).toBeVisible();
  const sides = page.getByRole("table");
  await expect(sides.getByRole("row", { name: /^Palestinian factions Bluish green Hamas, Palestinian Islamic Jihad/ })).toBeVisible();

  // Refused by the field, typing kept, nothing saved.
  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Add side" }).click();
  await expect(page.getByText("Enter the side's name.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sides (3)" })).toBeVisible();

  await page.getByLabel("Name").fill("Observers of the talks");
  await page.getByLabel("Colour").selectOption({ label: "Reddish purple" });
  await page.getByRole("button", { name: "Add side" }).click();
  await expect(page.getByRole("heading", { name: "Sides (4)" })).toBeVisible();
  await expect(sides.getByRole("row", { name: /^Observers of the talks Reddish purple None yet/ })).toBeVisible();

  await page.getByRole("button", { name: "Move Observers of the talks up" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Observers of the talks moved to position 3 of 4." })).toBeVisible();

  await page.getByRole("link", { name: "Edit Observers of the talks" }).click();
  await expect(page.getByRole("heading", { name: "Edit Observers of the talks" })).toBeVisible();
  await page.getByLabel("Name").fill("Outside observers");
  await page.getByRole("button", { name: "Save side" }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/sides$`));
  await expect(sides.getByRole("row", { name: /^Outside observers/ })).toBeVisible();

  await page.getByRole("link", { name: "Edit Outside observers" }).click();
  await expect(page.getByRole("heading", { name: "Edit Outside observers" })).toBeVisible();
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    return dialog.accept();
  });
  await page.getByRole("region", { name: "Delete side" }).getByRole("button", { name: "Delete side" }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/sides$`));
  expect(question).toContain("Move “Outside observers” to the trash?");
  await expect(page.getByRole("heading", { name: "Sides (3)" })).toBeVisible();
});
