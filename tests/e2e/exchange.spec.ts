// Export the demo's entries as CSV, import the file into a new negotiation: a broken row is named
// by its line in the dry run and nothing is saved; the fixed file imports whole.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { ENTRY_COLUMNS, parseEntriesCsv, toCsv } from "../../lib/exchange/csv";
import { createNegotiation, signIn, tab } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";

test("export entries as CSV, import into a new negotiation: the dry run names the broken line, the fixed file imports", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, "editor");
  await page.goto(DEMO);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Entries as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("gaza-ceasefire-2024-entries.csv");
  const good = testInfo.outputPath("entries.csv");
  await download.saveAs(good);
  const text = readFileSync(good, "utf8");
  expect(text.startsWith(`\uFEFF${ENTRY_COLUMNS.join(",")}\r\n`)).toBe(true);
  const rows: string[][] = parse(text, { bom: true });
  const entries = rows.length - 1;

  // One broken row: a stance Parley does not have.
  const broken = rows.slice(1).map((r) => [...r]);
  broken[6]![ENTRY_COLUMNS.indexOf("stance")] = "shouts";
  const brokenFile = testInfo.outputPath("entries-broken.csv");
  writeFileSync(brokenFile, toCsv(ENTRY_COLUMNS, broken));
  const line = parseEntriesCsv(readFileSync(brokenFile, "utf8")).problems[0]!.line;

  await createNegotiation(page, `Imported copy ${Date.now().toString(36)}`);
  await tab(page, "Sources").click();
  await page.getByRole("link", { name: "Import entries" }).click();
  await expect(page.getByRole("heading", { name: "Import entries" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles(brokenFile);
  await page.getByRole("checkbox", { name: "Create missing parties and issues" }).check();
  await expect(page.getByRole("checkbox", { name: /Dry run/ })).toBeChecked();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Nothing was saved" })).toBeVisible({ timeout: 120_000 });
  const refused = page.getByRole("region", { name: "Nothing was saved" });
  await expect(refused).toContainText(`Line ${line}, stance: Choose a stance.`);
  await expect(refused.getByRole("listitem")).toHaveCount(1);

  // Fixed: the exported file as it was. A dry run first, then the import itself.
  await page.getByLabel("CSV file").setInputFiles(good);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Dry run: no problems" })).toContainText(`${entries} position entries`, { timeout: 120_000 });
  await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Imported", exact: true })).toContainText(`${entries} position entries`, { timeout: 120_000 });

  await page.getByRole("link", { name: "Open the matrix" }).click();
  await expect(page.getByRole("columnheader", { name: /Hamas/ })).toBeVisible();
  // The new negotiation's entries export as the demo's did.
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Entries as CSV" }).click()]);
  expect(readFileSync((await again.path())!, "utf8")).toBe(text);
});
