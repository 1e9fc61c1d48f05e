// Search (issue 9 item 4) on the demo negotiation, as a reader would use it: the box in the site
// header, highlighted hits, a hit opened, filters in a shareable URL, and bad input answered by
// the field. Reads only: the demo data is loaded fresh for every run (scripts/e2e-server.mjs).
import { expect, test } from "@playwright/test";

test("search “Philadelphi” from the header, see it marked in the hits and open one", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search", { name: "Site search" }).getByRole("searchbox", { name: "Search Parley" });
  await box.fill("Philadelphi");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Philadelphi$/);
  await expect(page.getByRole("status")).toHaveText(/^\d+ position entr(y|ies)( \(the best 50 of more\))? and \d+ sources? for “Philadelphi”\.$/);

  const entries = page.getByRole("region", { name: "Position entries" });
  await expect(entries.locator("mark").first()).toHaveText(/^Philadelphi/i);
  const sources = page.getByRole("region", { name: "Sources" });
  // Other specs may have imported a copy of the demo (exchange.spec.ts): the demo's own hits.
  const inDemo = page.locator('[href^="/negotiations/gaza-ceasefire-2024/"]');
  const sourceHit = sources.getByRole("link", { name: "Egypt Demands Israel Withdraw From Philadelphi Corridor Rafah Crossing" }).and(inDemo);
  await expect(sourceHit).toBeVisible();
  await expect(sources.locator("p[dir=auto]").first()).toBeVisible();

  // Open an entry: the hit's heading links to its cell's history, at the entry.
  const firstHit = entries.getByRole("heading", { level: 3 }).getByRole("link").and(inDemo).first();
  const title = (await firstHit.textContent()) ?? "";
  const partyName = title.split(" on ")[0]!.split(" + ")[0]!;
  await firstHit.click();
  await expect(page).toHaveURL(/\/negotiations\/gaza-ceasefire-2024\/cells\/\d+\/\d+#entry-\d+$/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText(partyName);

  // Back to the results, and open the source.
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=Philadelphi$/);
  await sourceHit.click();
  await expect(page).toHaveURL(/\/negotiations\/gaza-ceasefire-2024\/sources\/\d+$/);
  await expect(page.getByRole("heading", { name: "Egypt Demands Israel Withdraw From Philadelphi Corridor Rafah Crossing" })).toBeVisible();
});

test("a party's other name finds its positions, and filters go into the shareable URL", async ({ page }) => {
  await page.goto("/search?q=PIJ");
  await expect(page.getByText("“PIJ” names a party: its positions are included.")).toBeVisible();
  const entries = page.getByRole("region", { name: "Position entries" });
  await expect(entries.getByRole("heading", { level: 3 }).filter({ hasText: "Palestinian Islamic Jihad" }).first()).toBeVisible();

  const form = page.getByRole("search", { name: "Search positions and sources" });
  await form.getByLabel("Negotiation").selectOption({ label: "Gaza ceasefire talks (2024–2025)" });
  await form.getByLabel("Stance").selectOption({ label: "Demands" });
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=PIJ&negotiation=gaza-ceasefire-2024&stance=demands$/);
  await expect(page.getByRole("status")).toContainText("for “PIJ”");
  for (const badge of await entries.locator(".stance").all()) await expect(badge).toHaveText("Demands");
  await expect(page.getByText("Sources are not listed when the search is filtered by party, issue or stance.")).toBeVisible();
});

test("bad input is answered by its field and kept as typed; FTS syntax is searched as text", async ({ page }) => {
  await page.goto("/search?q=ceasefire&from=2023-02-30");
  const from = page.getByLabel("From (stated or published on or after)");
  await expect(from).toHaveValue("2023-02-30");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a real date as YYYY-MM-DD, e.g. 2024-08-25.")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Nothing was searched: correct the fields marked above.");

  const response = await page.goto(`/search?q=${encodeURIComponent('NEAR("( ceasefire AND *')}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("for “NEAR(\"( ceasefire AND *”");
});
