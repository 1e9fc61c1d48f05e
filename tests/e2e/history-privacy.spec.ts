// Revision history names who made each change, never their email address; the full state of a
// record in the trash is only for those who may restore it (editors and admins), and comes back
// for everyone once it is restored.
import { expect, test } from "@playwright/test";
import { callAction, formData, signInCookie } from "../support/http-actions";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { row } from "./db";

const SLUG = "gaza-ceasefire-2024";

test("a trashed entry's history is for editors and admins; every history shows names, not emails", async ({ baseURL, page }) => {
  const base = baseURL!;
  const cookies = {
    anonymous: undefined,
    viewer: await signInCookie(base, "viewer@e2e.test", E2E_PASSWORD),
    editor: await signInCookie(base, "editor@e2e.test", E2E_PASSWORD),
    admin: await signInCookie(base, "admin@e2e.test", E2E_PASSWORD),
  };
  const get = async (path: string, cookie?: string) => {
    const response = await fetch(new URL(path, base), { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
    return { status: response.status, body: await response.text() };
  };
  const entry = await row<{ id: number; version: number; summary: string }>(
    `SELECT e.id, e.version, e.summary FROM PositionEntry e JOIN Negotiation n ON n.id = e.negotiationId WHERE n.slug = ? AND e.deletedAt IS NULL ORDER BY e.id DESC`,
    [SLUG],
  );
  const history = `/history/entry/${entry.id}`;

  // The editor moves it to the trash.
  const deleted = await callAction({ baseURL: base, name: "deleteEntryAction", args: [SLUG, entry.id, {}, formData({ version: String(entry.version) })], cookie: cookies.editor });
  expect(deleted.redirect, deleted.body.slice(0, 300)).toBeTruthy();

  for (const who of ["anonymous", "viewer"] as const) {
    const r = await get(history, cookies[who]);
    expect(r.status, `${who} opens the history of a trashed entry`).toBe(404);
    expect(r.body, who).not.toContain(entry.summary);
  }
  for (const who of ["editor", "admin"] as const) {
    const r = await get(history, cookies[who]);
    expect(r.status, who).toBe(200);
    expect(r.body, who).toContain(entry.summary);
    expect(r.body, who).toContain("Eddie Editor");
    expect(r.body, `${who} sees an email`).not.toContain("@e2e.test");
  }

  // Restored, it is everyone's again: by name only.
  const restored = await callAction({ baseURL: base, name: "restoreAction", args: ["entry", entry.id, {}, formData({ version: String(entry.version + 1) })], cookie: cookies.editor });
  expect(restored.redirect, restored.body.slice(0, 300)).toBeTruthy();
  await page.goto(history);
  // An entry's history is named by its parties, issue and date; its summary is in its first revision.
  await expect(page.getByRole("heading", { level: 1, name: /^History of .+ on .+, \d{1,2} \w{3} \d{4}$/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(entry.summary);
  await expect(page.getByText("Moved to the trash")).toBeVisible();
  await expect(page.getByText(/by Eddie Editor/).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText("@e2e.test");
});
