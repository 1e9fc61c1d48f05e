// axe-core (WCAG 2.2 AA) on every page of Parley at 1280 and 390 px (issue 8): the pages a
// reader sees, the pages only an editor or an admin reaches, every form, and the error pages.
// The paths are found the way a person finds them (the links on the pages), never guessed ids.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { overviewCell, signIn } from "./helpers";

const DEMO = "/negotiations/gaza-ceasefire-2024";
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect.soft(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);
}

const href = async (link: Locator) => {
  const value = await link.getAttribute("href");
  expect(value, "link has an address").toBeTruthy();
  return value!;
};

/** Opens a page, waits for its main landmark (or the heading given) and checks it at both widths. */
async function checkAtBothWidths(page: Page, path: string, what: string, ready?: (page: Page) => Locator) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path);
    await expect(ready ? ready(page) : page.getByRole("main")).toBeVisible();
    await expectNoAxeViolations(page, `${what} (${path}) at ${width}px`);
  }
}

// The timeline's views on their own (issue 11 item 5): lanes by issue, by party, one party, a month.
test("the timeline's views have no axe-core violations at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(300_000);
  for (const [path, what] of [
    [`${DEMO}/timeline`, "timeline"],
    [`${DEMO}/timeline?issue=6`, "timeline of one issue"],
    [`${DEMO}/timeline?party=1`, "timeline of one party"],
    [`${DEMO}/timeline?period=2024-08`, "timeline month"],
  ] as const) {
    await checkAtBothWidths(page, path, what);
  }
});

test("every page a reader sees has no axe-core violations at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(600_000); // many full axe-core runs on a loaded 2-core machine
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  const panelPath = await href(overviewCell(page, "Hamas", "Blockade").getByRole("link"));
  await page.goto(panelPath);
  const cellHistory = await href(page.getByRole("link", { name: /^History of this cell/ }));
  const issuePage = await href(page.getByRole("rowheader", { name: "Permanent ceasefire" }).getByRole("link"));
  await page.goto(`${DEMO}/parties`);
  const profile = await href(page.getByRole("link", { name: "Hamas", exact: true }));
  await page.goto(`${DEMO}/sources`);
  const source = await href(page.getByRole("link", { name: /Crucial round of negotiations/ }).first());
  await page.goto(cellHistory);
  const entryHistory = await href(page.getByRole("link", { name: "Revisions" }).first());

  const pages: Array<[string, string]> = [
    ["/", "home"],
    [DEMO, "negotiation overview"],
    [`${DEMO}?asOf=2024-08-25&view=detail`, "detailed view"],
    [panelPath, "details panel"],
    [`${DEMO}/compare?from=2024-08-01&to=2024-09-30`, "compare"],
    [`${DEMO}/gaps`, "gaps"],
    [`${DEMO}/gaps?asOf=2025-10-09`, "gaps with sides and mediators"],
    [`${DEMO}/sides`, "sides"],
    [`${DEMO}/parties`, "parties"],
    [profile, "party profile"],
    [`${DEMO}/issues`, "issues"],
    [`${DEMO}/sources`, "sources"],
    [source, "source page"],
    [`${DEMO}/milestones`, "milestones"],
    [`${DEMO}/quotes-to-check`, "quotes to check"],
    [cellHistory, "cell history"],
    [`${cellHistory}&order=oldest`, "cell history, oldest first"],
    [issuePage, "issue page"],
    [entryHistory, "revision history of an entry"],
    ["/sign-in", "sign-in"],
  ];
  for (const [path, what] of pages) await checkAtBothWidths(page, path, what);
  // The convergence chart with its table alternative opened (closed, axe does not see it).
  for (const [path, what] of [[`${DEMO}/gaps?asOf=2024-08-25`, "gaps, convergence table open"], [DEMO, "front, convergence table open"]] as const) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      const chart = page.getByRole("region", { name: "Convergence over time" });
      await chart.getByText("Show as table").click();
      await expect(chart.getByRole("table")).toBeVisible();
      await expectNoAxeViolations(page, `${what} (${path}) at ${width}px`);
    }
  }
  await checkAtBothWidths(page, "/negotiations/no-such-negotiation", "not found", (p) => p.getByRole("heading", { name: /not found/i }));
});

test("every page and form an editor uses, the trash, the users page and no-access have no axe-core violations", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, "editor");
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  await page.goto(await href(overviewCell(page, "Hamas", "Blockade").getByRole("link")));
  await page.goto(await href(page.getByRole("link", { name: /^History of this cell/ })));
  const entryEdit = await href(page.getByRole("link", { name: "Edit entry" }).first());
  await page.goto(`${DEMO}/parties`);
  const partyEdit = `${await href(page.getByRole("link", { name: "Hamas", exact: true }))}/edit`;
  const otherParty = (await href(page.getByRole("link", { name: "Israel", exact: true }))).split("/").at(-1);
  await page.goto(`${DEMO}/issues`);
  const issueEdit = await href(page.locator(`a[href*="/issues/"][href$="/edit"]`).first());
  const otherIssue = (await href(page.locator(`a[href*="/issues/"][href$="/edit"]`).nth(1))).split("/").at(-2);
  const issueMerge = issueEdit.replace(/\/edit$/, "/merge");
  await page.goto(`${DEMO}/sources`);
  await page.goto(await href(page.getByRole("link", { name: /Crucial round of negotiations/ }).first()));
  const sourcePage = page.url();
  const sourceEdit = await href(page.getByRole("link", { name: "Edit source" }));
  const batchEntry = await href(page.getByRole("link", { name: "Add several positions" }));
  await page.goto(partyEdit);
  const partyHistory = await href(page.getByRole("link", { name: "Revision history" }));
  await page.goto(issueEdit);
  const issueHistory = await href(page.getByRole("link", { name: "Revision history" }));
  const partyMerge = partyEdit.replace(/\/edit$/, "/merge");
  await page.goto(`${DEMO}/milestones`);
  const milestoneEdit = await href(page.getByRole("link", { name: "Edit Talks in Cairo" }));
  await page.goto(`${DEMO}/sides`);
  const sideEdit = await href(page.getByRole("link", { name: "Edit Palestinian factions" }));

  const pages: Array<[string, string]> = [
    ["/negotiations/new", "new negotiation"],
    [`${DEMO}/edit`, "edit negotiation"],
    [`${DEMO}/parties`, "parties with the add-party form"],
    [partyEdit, "edit party"],
    [`${DEMO}/sides`, "sides with the add-side form"],
    [sideEdit, "edit side"],
    [`${DEMO}/issues`, "issues with the add-issue form"],
    [issueEdit, "edit issue"],
    [issueMerge, "merge issue: choose the target"],
    [`${issueMerge}?into=${otherIssue}`, "merge issue: confirmation"],
    [`${partyMerge}?into=${otherParty}`, "merge party: confirmation"],
    [`${DEMO}/sources/new`, "new source"],
    [sourcePage, "source page with select-to-quote"],
    [sourceEdit, "edit source"],
    [`${DEMO}/entries/new`, "new position entry"],
    [batchEntry, "batch entry (several positions from one source)"],
    [`${batchEntry}?suggest=rules`, "batch entry filled from suggested positions"],
    [`${DEMO}/import`, "import entries"],
    ["/negotiations/import", "import a negotiation"],
    [entryEdit, "edit position entry"],
    [partyHistory, "revision history"],
    [issueHistory, "revision history of an issue"],
    ["/trash", "trash"],
    [`${DEMO}/milestones`, "milestones with edit links"],
    [`${DEMO}/milestones/new`, "new milestone"],
    [milestoneEdit, "edit milestone"],
  ];
  for (const [path, what] of pages) await checkAtBothWidths(page, path, what);
  // An editor asking for the users page is sent to no-access.
  await checkAtBothWidths(page, "/users", "no access", (p) => p.getByRole("heading", { level: 1 }));
  expect(page.url()).toContain("/no-access");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, "admin");
  await checkAtBothWidths(page, "/users", "users");
});

test("the as-of date control with its milestone quick picks open has no axe-core violations", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${DEMO}/gaps?asOf=2024-08-25`);
    await page.getByText(/^Milestones: jump to the day of one/).click();
    await expect(page.getByRole("link", { name: "25 Aug 2024 — Talks in Cairo" })).toBeVisible();
    await expectNoAxeViolations(page, `as-of quick picks at ${width}px`);
  }
});

/** The text of the page printed on landscape A4, spaces collapsed. */
async function printedText(page: Page, name: string, testInfo: import("@playwright/test").TestInfo) {
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  await testInfo.attach(name, { body: pdf, contentType: "application/pdf" });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** What a printed page must leave out: the site's header and navigation, and every control. */
const SITE_NAVIGATION = ["Skip to", "Sign out", "Trash", "Compare dates", "Timeline", "Gaps", "Sources"];

test("the printed comparison (landscape A4) has its counts and differences, not the site navigation or the date controls", async ({ page }, testInfo) => {
  await signIn(page, "editor");
  await page.goto(`${DEMO}/compare?from=2024-08-01&to=2024-09-30`);
  await expect(page.getByRole("heading", { name: "What differs" })).toBeVisible();
  const flat = await printedText(page, "compare.pdf", testInfo);
  for (const content of ["What changed between", "1 Aug 2024", "30 Sep 2024", "Counts", "What differs", "Hamas", "Israel"]) expect(flat, content).toContain(content);
  for (const control of [...SITE_NAVIGATION, "Date A (before)", "Date B (after)", "Eddie Editor"]) expect(flat, control).not.toContain(control);
});

test("the printed cell history (landscape A4) has every entry and its wording changes, not the site navigation or edit links", async ({ page }, testInfo) => {
  await signIn(page, "editor");
  await page.goto(`${DEMO}?asOf=2024-08-25`);
  await page.goto(await href(overviewCell(page, "Hamas", "Blockade").getByRole("link")));
  await page.getByRole("link", { name: /^History of this cell/ }).click();
  await expect(page.getByRole("heading", { name: "Hamas on Blockade" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit entry" }).first()).toBeVisible();
  const flat = await printedText(page, "cell-history.pdf", testInfo);
  for (const content of ["Hamas on Blockade", "The two groups require the blockade of Gaza to be lifted.", "the lifting of the blockade", "stated 25 Aug 2024"]) expect(flat, content).toContain(content);
  for (const control of [...SITE_NAVIGATION, "Edit entry", "Revisions", "Add position entry", "Eddie Editor"]) expect(flat, control).not.toContain(control);
});
