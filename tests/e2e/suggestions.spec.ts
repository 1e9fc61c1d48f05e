// Suggested positions in the workbench (issue 12 item 2; docs/decisions/035), as a new user would:
// open the seed article, ask for suggestions, accept two (editing one), reject one (and bring it
// back, and reject it again); nothing is saved before "Save positions"; the two accepted entries
// appear in the matrix and on the article with their quotes verified, marked as suggested. The
// rows are chosen generically (the first suggestion rows), whatever the rule engine finds.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addIssue, addParty, addSource, createNegotiation, detailedView, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const SEED_ARTICLE = "Crucial round of negotiations aims at addressing Gaza conflict";
const suggestion = (page: Page, n: number) => page.getByRole("group", { name: `Suggestion ${n}`, exact: true });

/** What a row says it will save: its ticked parties and its chosen issue. */
async function choiceOf(row: Locator) {
  const parties: string[] = [];
  for (const box of await row.getByRole("checkbox").all()) if (await box.isChecked()) parties.push(await labelOf(box));
  const issue = (await row.getByRole("combobox", { name: "Issue" }).locator("option:checked").textContent())!.trim();
  return { parties, issue };
}
async function labelOf(box: Locator) {
  return (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")).trim();
}

async function openSeedArticleBatch(page: Page) {
  await page.goto("/negotiations/gaza-ceasefire-2024/sources");
  await page.getByRole("link", { name: SEED_ARTICLE }).click();
  await expect(page.getByRole("heading", { name: SEED_ARTICLE })).toBeVisible();
  await page.getByRole("link", { name: "Add several positions" }).click();
  await expect(page.getByRole("heading", { name: "Add several positions" })).toBeVisible();
}

test("open the seed article, ask for suggestions, accept two, edit one, reject one; the two accepted entries appear in the matrix with their quotes verified", async ({ page }) => {
  await signIn(page, "editor");
  await openSeedArticleBatch(page);
  await page.getByRole("button", { name: "Suggest positions" }).click();
  await expect(page).toHaveURL(/suggest=rules/);
  await expect(page.getByRole("status").filter({ hasText: /\d+ suggestions?: accept, edit or reject each/ })).toBeVisible();
  const count = await page.getByRole("group", { name: /^Suggestion \d+$/ }).count();
  expect(count, "the rule engine finds at least four positions in the seed article").toBeGreaterThanOrEqual(4);
  // Each suggested quote is highlighted in the text, numbered, and links to its row.
  const text = page.getByRole("region", { name: /suggested quotes numbered/ });
  await expect(text.getByRole("link", { name: /\(suggestion 1\)$/ }).first()).toBeVisible();

  // Suggestion 1: accepted as suggested, the summary rewritten in the analyst's words.
  const first = suggestion(page, 1);
  await expect(first).toContainText(/very sure|fairly sure|not very sure|unsure/);
  const firstChoice = await choiceOf(first);
  const firstQuote = await first.getByRole("textbox", { name: "Quote" }).inputValue();
  expect(firstQuote.length).toBeGreaterThan(0);
  const firstSummary = `Checked suggestion one ${run}`;
  await first.getByRole("textbox", { name: "Summary" }).fill(firstSummary);
  const acceptFirst = first.getByRole("button", { name: "Accept suggestion 1" });
  await acceptFirst.click();
  await expect(acceptFirst).toHaveAttribute("aria-pressed", "true");
  await expect(first).toContainText("Accepted");

  // Suggestion 2: edited (firmness stated) and accepted.
  const second = suggestion(page, 2);
  const secondChoice = await choiceOf(second);
  const secondSummary = `Checked suggestion two ${run}`;
  await second.getByRole("textbox", { name: "Summary" }).fill(secondSummary);
  await second.getByRole("combobox", { name: "Firmness" }).selectOption({ label: "Firm" });
  await second.getByRole("button", { name: "Accept suggestion 2" }).click();
  await expect(second.getByRole("button", { name: "Accept suggestion 2" })).toHaveAttribute("aria-pressed", "true");

  // Suggestion 3: rejected; Undo brings it back; rejected again.
  await suggestion(page, 3).getByRole("button", { name: "Reject suggestion 3" }).click();
  await expect(suggestion(page, 3)).toBeHidden();
  const rejected = page.getByRole("region", { name: /Rejected suggestions/ });
  await expect(rejected).toContainText("Suggestion 3");
  await rejected.getByRole("button", { name: "Undo rejecting suggestion 3" }).click();
  await expect(suggestion(page, 3)).toBeVisible();
  await suggestion(page, 3).getByRole("button", { name: "Reject suggestion 3" }).click();
  await expect(suggestion(page, 3)).toBeHidden();

  // Accepted, pending and rejected rows, the numbered text and the rejected list: no axe-core violations.
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);

  await page.getByRole("button", { name: "Save positions" }).click();
  const left = count - 3;
  await expect(page.getByRole("status").filter({ hasText: "positions saved" })).toHaveText(
    `2 positions saved; ${left} ${left === 1 ? "suggestion" : "suggestions"} still to accept or reject.`,
  );
  // The rows not decided stay, as they were; the rejected one stays rejected.
  await expect(page.getByRole("group", { name: /^Suggestion \d+$/ })).toHaveCount(left);
  await expect(suggestion(page, 4)).toBeVisible();
  await expect(page.getByRole("region", { name: /Rejected suggestions/ })).toContainText("Suggestion 3");
  const saved = page.getByRole("region", { name: /Saved from this form/ });
  await expect(saved.getByRole("listitem")).toHaveCount(2);
  await expect(saved).toContainText(`${firstChoice.parties.join(", ")} on ${firstChoice.issue}`);
  await expect(saved).toContainText(`${secondChoice.parties.join(", ")} on ${secondChoice.issue}`);

  // In the matrix, as of the article's day: the saved position, in its cell.
  await saved.getByRole("link").first().click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved:/ })).toContainText(`${firstChoice.parties.join(" and ")} on ${firstChoice.issue}`);
  await detailedView(page);
  await expect(page.getByRole("cell").filter({ hasText: firstSummary }).first()).toBeVisible();
  await expect(page.getByRole("cell").filter({ hasText: secondSummary }).first()).toBeVisible();

  // On the article: both entries, their quotes found in the text, marked as suggested.
  await page.goto("/negotiations/gaza-ceasefire-2024/sources");
  await page.getByRole("link", { name: SEED_ARTICLE }).click();
  const one = page.getByRole("article").filter({ hasText: firstSummary });
  await expect(one).toContainText("✓ Quote found in source");
  await expect(one).toContainText("From a suggestion");
  await expect(one).not.toContainText("(edited)");
  const two = page.getByRole("article").filter({ hasText: secondSummary });
  await expect(two).toContainText("✓ Quote found in source");
  await expect(two).toContainText("From a suggestion (edited)");

  // Put the demo back as it was for the specs after this one: both entries to the trash.
  for (const summary of [firstSummary, secondSummary]) {
    await page.goto("/negotiations/gaza-ceasefire-2024/sources");
    await page.getByRole("link", { name: SEED_ARTICLE }).click();
    await page.getByRole("article").filter({ hasText: summary }).getByRole("link", { name: "Edit entry" }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Delete entry" }).click();
    await expect(page).toHaveURL(/[?&]deleted=\d+/);
  }
});

test("a text where the reader finds nothing says so, and the blank rows stay", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Quiet talks ${run}`);
  await addParty(page, "Northland");
  await addIssue(page, "Water");
  await addSource(page, "Weather report", "2025-03-01", "The weather was fine all week, and the harbour was calm.");
  await page.getByRole("link", { name: "Add several positions" }).click();
  await page.getByRole("button", { name: "Suggest positions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No positions found" })).toHaveText("No positions found in this text. Add them by hand below.");
  await expect(page.getByRole("group", { name: /^Suggestion \d+$/ })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Row \d+$/ })).toHaveCount(3);
});
