// Milestones (issue 11 item 4): an editor records a dated event, finds it on the milestones page
// and picks it in the as-of date control, as a new user would (labels and roles only).
import { expect, test } from "@playwright/test";
import { addEntry, addIssue, addParty, addSource, createNegotiation, signIn, tab } from "./helpers";

const run = Date.now().toString(36);

test("add a milestone and see it in the list, on the timeline and in the as-of quick picks", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Milestone talks ${run}`);
  await addSource(page, "Round report", "2025-02-03", "");
  // One position, so that the timeline draws its chart.
  await addParty(page, "Northland");
  await addIssue(page, "Border");
  await addEntry(page, { parties: ["Northland"], issue: "Border", source: "Round report", stance: "Demands", statedOn: "2025-01-20", summary: "Wants the border reopened." });

  await tab(page, "Milestones").click();
  await expect(page.getByRole("heading", { name: "Milestones (0)" })).toBeVisible();
  await page.getByRole("link", { name: "Add milestone" }).click();
  await expect(page.getByRole("heading", { name: "Add milestone" })).toBeVisible();

  // Bad input: said by the field, what was typed kept, nothing saved.
  await page.getByLabel("Date").fill("2025-02-30");
  await page.getByLabel("Title").fill("Talks in Cairo");
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(page.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/not a real date|is not a date|not a valid/i).first()).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Talks in Cairo");

  await page.getByLabel("Date").fill("2025-02-03");
  await page.getByLabel("Source").selectOption({ label: "Round report" });
  await page.getByLabel("Note").fill("Both delegations attend.");
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(page).toHaveURL(/\/milestones\?saved=\d+$/);
  await expect(page.getByRole("status")).toHaveText("Milestone saved.");
  await expect(page.getByRole("heading", { name: "Milestones (1)" })).toBeVisible();
  const row = page.getByRole("row", { name: /Talks in Cairo/ });
  await expect(row.getByRole("cell").first()).toHaveText("3 Feb 2025");
  await expect(row.getByRole("link", { name: "Round report" })).toBeVisible();

  // The timeline marks it, labelled, beside the entry.
  await tab(page, "Timeline").click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("img", { name: "Milestone, 3 Feb 2025: Talks in Cairo" })).toBeVisible();
  await expect(timeline.getByText("Talks in Cairo")).toBeVisible();

  // The matrix's as-of control offers it as a quick pick.
  await tab(page, "Matrix").click();
  await page.getByText(/^Milestones: jump to the day of one/).click();
  const picks = page.getByRole("list", { name: "Milestone days" });
  await picks.getByRole("link", { name: "3 Feb 2025 — Talks in Cairo" }).click();
  await expect(page).toHaveURL(/asOf=2025-02-03/);
  await expect(page.getByLabel("As of")).toHaveValue("2025-02-03");
  await expect(page.getByText(/Positions as of 3 Feb 2025/)).toBeVisible();

  // And so does the gap view's, keeping its order of issues.
  await tab(page, "Gaps").click();
  await page.getByLabel("Sort issues by").selectOption({ label: "Matrix order" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sort=matrix/);
  await page.getByText(/^Milestones: jump to the day of one/).click();
  await page.getByRole("list", { name: "Milestone days" }).getByRole("link", { name: "3 Feb 2025 — Talks in Cairo" }).click();
  await expect(page).toHaveURL(/asOf=2025-02-03&sort=matrix/);
  await expect(page.getByText(/Positions as of 3 Feb 2025/)).toBeVisible();
  await page.getByText(/^Milestones: jump to the day of one/).click();
  await expect(page.getByRole("link", { name: "3 Feb 2025 — Talks in Cairo" })).toHaveAttribute("aria-current", "date");

  // Edited from the list; the list shows the new title.
  await tab(page, "Milestones").click();
  await page.getByRole("link", { name: "Edit Talks in Cairo" }).click();
  await expect(page.getByRole("heading", { name: "Edit milestone" })).toBeVisible();
  await page.getByLabel("Title").fill("Talks in Cairo, first round");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page.getByRole("status")).toHaveText("Milestone saved.");
  await expect(page.getByRole("row", { name: /Talks in Cairo, first round/ })).toBeVisible();
});

test("a reader sees the demo's milestones, newest first, with their sources, and cannot add one", async ({ page }) => {
  await page.goto("/negotiations/gaza-ceasefire-2024/milestones");
  await expect(page.getByRole("heading", { name: /^Milestones \(\d+\)$/ })).toBeVisible();
  const cairo = page.getByRole("row", { name: /Talks in Cairo/ });
  await expect(cairo.getByRole("cell").first()).toHaveText("25 Aug 2024");
  await expect(cairo.getByRole("link", { name: /Crucial round of negotiations/i })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add milestone" })).toHaveCount(0);
  await expect(page.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("9 Oct 2025");
});
