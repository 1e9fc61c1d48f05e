// Add a source from its URL (issue 9, item 3), as a new user would: paste the address of a page
// served by a local test server (pages written for the test), fetch it, check what Parley filled
// in, save. The app runs with PARLEY_FETCH_ALLOW=127.0.0.1:<page port> (playwright.config.ts).
import { expect, test } from "@playwright/test";
import { createNegotiation, signIn, tab } from "./helpers";
import { E2E_PAGE_PORT, startPageServer } from "../support/page-server";

test.describe.configure({ mode: "serial" });

let pages: Awaited<ReturnType<typeof startPageServer>>;
test.beforeAll(async () => {
  pages = await startPageServer(E2E_PAGE_PORT);
});
test.afterAll(async () => {
  await pages?.close();
});

const run = Date.now().toString(36);
let base = "";

test("an editor fetches a report from its URL, checks the filled-in fields and saves it", async ({ page }) => {
  await signIn(page, "editor");
  await createNegotiation(page, `Harbour talks ${run}`);
  base = new URL(page.url()).pathname;
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Add source" })).toBeVisible();

  await page.getByLabel("Address (URL)").fill(`${pages.origin}/moved`);
  await page.getByRole("button", { name: "Fetch from URL" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fetched" })).toContainText("Filled Title, Outlet, Published, Language and Text from the page");
  await expect(page.getByLabel("Address (URL)")).toHaveValue(`${pages.origin}/harbour-talks`);
  await expect(page.getByLabel("Title")).toHaveValue("Harbour talks resume in Valletta");
  await expect(page.getByLabel("Outlet")).toHaveValue("The Lantern Courier");
  await expect(page.getByLabel("Published")).toHaveValue("2024-03-14");
  await expect(page.getByLabel("Language")).toHaveValue("en-GB");
  await expect(page.getByLabel("Text")).toHaveValue(/We will not accept any quota below last year’s catch/);

  // Nothing is saved until the analyst presses the button.
  await page.getByLabel("Title").fill("Harbour talks resume in Valletta (checked)");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Harbour talks resume in Valletta (checked)" })).toBeVisible();
  await expect(page.getByText("We will not accept any quota below last year’s catch")).toBeVisible();
});

test("a refused address is explained by the URL field and what was typed stays", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto(`${base}/sources/new`);
  await page.getByLabel("Title").fill("My draft title");
  const url = page.getByLabel("Address (URL)");
  await url.fill(`${pages.origin}/to-metadata`);
  await url.press("Enter"); // Enter in the URL field fetches
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/169\.254\.169\.254 is not on the public internet/);
  await expect(url).toHaveValue(`${pages.origin}/to-metadata`);
  await expect(page.getByLabel("Title")).toHaveValue("My draft title");
  await expect(page).toHaveURL(/\/sources\/new$/);
});
