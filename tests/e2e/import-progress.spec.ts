// Imports in the browser (docs/decisions/020): a 2,000-row CSV shows its progress while it runs,
// then what it created; an exported negotiation file imports as a new negotiation from the home
// page's "Import a negotiation file".
import { expect, test } from "@playwright/test";
import { createNegotiation, generatedEntriesCsv, signIn, tab } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";

test("a 2,000-row CSV shows its progress while it imports, then what it created", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page, "editor");
  await createNegotiation(page, `Bulk import ${Date.now().toString(36)}`);
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Import entries" }).click();
  await expect(page.getByRole("heading", { name: "Import entries" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(generatedEntriesCsv(2000)) });
  await page.getByRole("checkbox", { name: "Create missing parties and issues" }).check();
  await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
  await page.getByRole("button", { name: "Import" }).click();

  // While it runs: the progress bar, counting rows of 2,000, and the button is busy.
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(page.getByText(/^[\d,]+ of 2,000 rows checked/)).toBeVisible({ timeout: 120_000 });
  await expect(progress).toHaveAttribute("max", "2000");
  await expect(page.getByRole("button", { name: "Working…" })).toBeDisabled();

  const imported = page.getByRole("region", { name: "Imported", exact: true });
  await expect(imported).toContainText("2,000 position entries", { timeout: 360_000 });
  await expect(imported).toContainText("40 sources");
  await expect(imported).toContainText("3 parties: Northland, Southland, Mediator");
  await expect(imported).toContainText("4 issues: Water rights, Border line, Prisoners, Aid access");
  await expect(progress).toHaveCount(0);
  // The page around the form shows what was saved (it refreshes after the import).
  await expect(page.getByText("No position recorded yet")).toHaveCount(0);
  await expect(page.getByText(/^Latest entry /)).toBeVisible();

  await imported.getByRole("link", { name: "Open the matrix" }).click();
  await expect(page.getByRole("columnheader", { name: /Northland/ })).toBeVisible();
});

test("an exported negotiation file imports as a new negotiation under a short name of your choosing", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "editor");
  const response = await page.request.get(`${DEMO}/export.json`);
  expect(response.status()).toBe(200);
  // A colleague's copy of the talks, retitled so it is not mistaken for the demo on the home page.
  const exported = JSON.parse((await response.body()).toString("utf8")) as { negotiation: { title: string }; entries: unknown[]; sources: unknown[] };
  const { entries, sources } = exported;
  exported.negotiation.title = "A colleague's copy of the Cairo talks";
  const file = Buffer.from(JSON.stringify(exported, null, 2));
  const slug = `gaza-copy-${Date.now().toString(36)}`;

  await page.goto("/");
  await page.getByRole("link", { name: "Import a negotiation file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a negotiation" })).toBeVisible();
  await page.getByLabel("Negotiation file (.json)").setInputFiles({ name: "gaza.json", mimeType: "application/json", buffer: file });

  // The file's own short name is taken (the demo is there): nothing is saved, the page says why.
  await page.getByRole("button", { name: "Import negotiation" }).click();
  await expect(page.getByRole("region", { name: "Nothing was saved" })).toContainText("exists already", { timeout: 120_000 });

  // A malformed short name is refused by its field, keeping what was typed.
  const shortName = page.getByLabel("Short name in the address (optional)");
  await shortName.fill("Gaza Copy");
  await page.getByRole("button", { name: "Import negotiation" }).click();
  await expect(shortName).toHaveAccessibleDescription(/lowercase letters/);
  await expect(shortName).toHaveValue("Gaza Copy");

  await shortName.fill(slug);
  await page.getByRole("button", { name: "Import negotiation" }).click();
  const imported = page.getByRole("region", { name: "Imported", exact: true });
  await expect(imported).toContainText(`the negotiation ${slug}`, { timeout: 240_000 });
  await expect(imported).toContainText(`${entries.length} position entries`);
  await expect(imported).toContainText(`${sources.length} sources`);
  await imported.getByRole("link", { name: "Open the matrix" }).click();
  await expect(page).toHaveURL(new RegExp(`/negotiations/${slug}$`));
  await expect(page.getByRole("columnheader", { name: /Hamas/ })).toBeVisible();
});

test("the import routes refuse a foreign origin, a viewer and an anonymous visitor over HTTP, and nothing is created", async ({ page, playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const csv = { name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(generatedEntriesCsv(1)) };
  const json = { name: "n.json", mimeType: "application/json", buffer: Buffer.from("{}") };
  const attempts = async (label: string, request: import("@playwright/test").APIRequestContext, origin: string) => {
    for (const [path, file] of [[`${DEMO}/import/run`, csv], ["/negotiations/import/run", json]] as const) {
      const response = await request.post(path, { headers: { origin }, multipart: { file, createMissing: "on", slug: "refused-copy" } });
      expect(response.status(), `${label} ${path}`).toBe(403);
      expect(await response.text(), `${label} ${path}`).toMatch(/"type":"refused".*othing was saved/);
    }
  };
  await signIn(page, "editor");
  await attempts("editor from a foreign origin", page.request, "https://evil.example");
  await signIn(page, "viewer");
  await attempts("viewer", page.request, new URL(baseURL).origin);
  const anonymous = await playwright.request.newContext({ baseURL });
  await attempts("anonymous", anonymous, new URL(baseURL).origin);
  await anonymous.dispose();
  expect((await page.request.get("/negotiations/refused-copy")).status()).toBe(404);
});
