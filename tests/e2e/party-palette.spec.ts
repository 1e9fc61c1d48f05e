// The party palette (issue 8 item 4): a new party starts on the next unused palette colour, the
// palette is offered as buttons a keyboard can use, and the "too close" warning still speaks.
import { expect, test } from "@playwright/test";
import { createNegotiation, signIn, tab } from "./helpers";

test("a new party gets the next unused palette colour; the palette is keyboard operable; a colour too close is still warned about", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Palette ${Date.now().toString(36)}`);
  await tab(page, "Parties").click();
  await expect(page.getByRole("heading", { name: "Add a party" })).toBeVisible();
  const colour = page.getByLabel("Colour");
  const palette = page.getByRole("group", { name: "Party palette" });
  // The first party starts on the first palette colour, shown as the pressed swatch.
  await expect(colour).toHaveValue("#0072b2");
  await expect(palette.getByRole("button", { name: "Blue (#0072b2)" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("North");
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page.getByRole("cell", { name: "North", exact: true })).toBeVisible();

  // The next party starts on the next unused colour.
  await expect(colour).toHaveValue("#009e73");
  // Keyboard: focus a swatch and press Space; the field takes its colour.
  await palette.getByRole("button", { name: "Orange (#e69f00)" }).focus();
  await page.keyboard.press("Space");
  await expect(colour).toHaveValue("#e69f00");
  await expect(palette.getByRole("button", { name: "Orange (#e69f00)" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: "Colour warning" })).toHaveCount(0);
  // The palette colour North already has: the warning names North.
  await palette.getByRole("button", { name: "Blue (#0072b2)" }).press("Enter");
  await expect(colour).toHaveValue("#0072b2");
  await expect(page.getByText(/Colour warning: Close to North's colour/)).toBeVisible();
  // A stance's colour typed by hand is still warned about as a stance.
  await colour.fill("#6b1515"); // lib/colour.ts STANCE_COLOURS.rejects
  await expect(page.getByText(/Close to the colour of the stance “Rejects”/)).toBeVisible();
  await expect(palette.getByRole("button", { pressed: true })).toHaveCount(0);

  await palette.getByRole("button", { name: "Sky blue (#56b4e9)" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("South");
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page.getByRole("cell", { name: "South", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "South", exact: true }).click();
  await page.getByRole("link", { name: "Edit party" }).click();
  await expect(page.getByLabel("Colour")).toHaveValue("#56b4e9");
});
