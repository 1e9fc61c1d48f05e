// The access matrix: every exported server action called directly over HTTP, bypassing the
// UI, as anonymous, viewer, editor and admin, with forged proxy headers and foreign, null or
// missing Origin. Every call that should be refused is refused and writes nothing; the same
// call made properly succeeds (so the refusals are not malformed requests).
import { expect, test } from "@playwright/test";
import { callAction, exportedActionNames, formData, signInCookie } from "../support/http-actions";
import { E2E_PASSWORD } from "../../scripts/e2e-users.mjs";
import { row } from "./db";

const TABLES = ["Negotiation", "Party", "Side", "Issue", "Source", "PositionEntry", "Milestone"] as const;

/** Everything a write could change, as one string: counts, versions, trash, revisions, users. */
async function fingerprint(): Promise<string> {
  const parts = [
    ...TABLES.map((t) => `SELECT count(*) n, coalesce(sum(version), 0) v, count(deletedAt) d FROM "${t}"`),
    `SELECT count(*) n FROM Revision`,
    `SELECT count(*) n, group_concat(role) r, count(disabledAt) d FROM "user"`,
    `SELECT count(*) n FROM PositionEntryParty`,
  ];
  return (await Promise.all(parts.map(async (sql) => JSON.stringify(await row(sql))))).join("|");
}

type Who = "anonymous" | "viewer" | "editor" | "admin";
const ADMIN_ONLY = new Set(["createUserAction", "setRoleAction", "setDisabledAction"]);

test("every server action refuses unauthorised HTTP calls and writes nothing", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL!;
  const cookies: Record<Who, string | undefined> = {
    anonymous: undefined,
    viewer: await signInCookie(base, "viewer@e2e.test", E2E_PASSWORD),
    editor: await signInCookie(base, "editor@e2e.test", E2E_PASSWORD),
    admin: await signInCookie(base, "admin@e2e.test", E2E_PASSWORD),
  };

  // A scratch negotiation with one record of each kind, made through the actions themselves.
  const title = `Access test ${Date.now().toString(36)}`;
  const made = await callAction({ baseURL: base, name: "createNegotiationAction", args: [{}, formData({ title })], cookie: cookies.editor });
  expect(made.redirect).toMatch(/^\/negotiations\//);
  const slug = made.redirect!.split("/")[2]!.split(";")[0]!;
  // The scratch records as they are now (refresh() before each call reads them again).
  type Current = { id: number; version: number };
  const current = {} as Record<(typeof TABLES)[number], Current> & { mallory?: string };
  const refresh = async () => {
    current.Negotiation = await row<Current>(`SELECT id, version FROM Negotiation WHERE slug = ?`, [slug]);
    for (const table of TABLES.slice(1)) {
      current[table] = await row<Current>(`SELECT id, version FROM "${table}" WHERE negotiationId = ? ORDER BY id DESC`, [current.Negotiation.id]);
    }
    current.mallory = (await row<{ id: string } | undefined>(`SELECT id FROM "user" WHERE email LIKE 'mallory-%' ORDER BY createdAt DESC`))?.id;
  };
  const scratch = () => current.Negotiation;
  const ok = async (name: string, args: unknown[]) => {
    const r = await callAction({ baseURL: base, name, args, cookie: cookies.editor });
    expect(r.redirect, `${name}: ${r.body.slice(0, 300)}`).toBeTruthy();
  };
  await ok("createPartyAction", [slug, {}, formData({ name: "North", role: "party", colour: "#123456", order: "1" })]);
  await ok("createSideAction", [slug, {}, formData({ name: "Northern side", colour: "#0072b2" })]);
  await ok("createIssueAction", [slug, {}, formData({ name: "Water", order: "1" })]);
  await ok("createSourceAction", [slug, {}, formData({ title: "Wire", text: "North demands water rights." })]);
  await refresh();
  const negotiationId = scratch().id;
  const one = (table: Exclude<(typeof TABLES)[number], "Negotiation">) => current[table];
  const entryFields = () => ({
    partyIds: [String(one("Party").id)],
    issueId: String(one("Issue").id),
    sourceId: String(one("Source").id),
    stance: "demands",
    statedOn: "2025-01-01",
    summary: "Wants water rights.",
    quote: "demands water rights",
  });
  await ok("createEntryAction", [slug, {}, formData(entryFields())]);
  await ok("createMilestoneAction", [slug, {}, formData({ day: "2025-01-02", title: "Talks" })]);
  const viewerId = (await row<{ id: string }>(`SELECT id FROM "user" WHERE email = 'viewer@e2e.test'`)).id;

  // Valid arguments for every action, against the scratch records as they are now.
  const argsFor: Record<string, () => unknown[]> = {
    createNegotiationAction: () => [{}, formData({ title: `${title} 2` })],
    updateNegotiationAction: () => [negotiationId, {}, formData({ title: `${title} (edited)`, slug, version: String(scratch().version) })],
    deleteNegotiationAction: () => [negotiationId, {}, formData({ version: String(scratch().version) })],
    createPartyAction: () => [slug, {}, formData({ name: "South", role: "party", colour: "#654321", order: "2" })],
    updatePartyAction: () => [slug, one("Party").id, {}, formData({ name: "North (edited)", role: "party", colour: "#123456", order: "1", version: String(one("Party").version) })],
    deletePartyAction: () => [slug, one("Party").id, {}, formData({ version: String(one("Party").version) })],
    createIssueAction: () => [slug, {}, formData({ name: "Borders", order: "2" })],
    updateIssueAction: () => [slug, one("Issue").id, {}, formData({ name: "Water (edited)", order: "1", version: String(one("Issue").version) })],
    deleteIssueAction: () => [slug, one("Issue").id, {}, formData({ version: String(one("Issue").version) })],
    // Reorder answers with a form state, and this negotiation has one party and one issue to
    // merge: these appear only in the refusals below (their own tests: tests/db/taxonomy.test.ts).
    movePartyAction: () => [slug, one("Party").id, {}, formData({ direction: "down", version: String(one("Party").version) })],
    moveIssueAction: () => [slug, one("Issue").id, {}, formData({ direction: "down", version: String(one("Issue").version) })],
    // Sides (their own tests: tests/db/sides.test.ts and tests/e2e/sides.spec.ts).
    createSideAction: () => [slug, {}, formData({ name: "Northern side", colour: "#0072b2" })],
    updateSideAction: () => [slug, one("Side").id, {}, formData({ name: "Northern side (edited)", colour: "#009e73", version: String(one("Side").version) })],
    moveSideAction: () => [slug, one("Side").id, {}, formData({ direction: "down", version: String(one("Side").version) })],
    deleteSideAction: () => [slug, one("Side").id, {}, formData({ version: String(one("Side").version) })],
    mergePartyAction: () => [slug, one("Party").id, {}, formData({ targetId: String(one("Party").id), version: String(one("Party").version) })],
    mergeIssueAction: () => [slug, one("Issue").id, {}, formData({ targetId: String(one("Issue").id), version: String(one("Issue").version) })],
    createSourceAction: () => [slug, {}, formData({ title: "Second wire" })],
    updateSourceAction: () => [slug, one("Source").id, {}, formData({ title: "Wire (edited)", text: "North demands water rights.", version: String(one("Source").version) })],
    deleteSourceAction: () => [slug, one("Source").id, {}, formData({ version: String(one("Source").version) })],
    createEntryAction: () => [slug, {}, formData(entryFields())],
    createEntriesAction: () => {
      const { sourceId, statedOn, partyIds, ...row } = entryFields();
      const fields: Record<string, string | string[]> = { rows: ["1"], statedOn, "row1.partyIds": partyIds };
      for (const [k, v] of Object.entries(row)) fields[`row1.${k}`] = v;
      return [slug, Number(sourceId), {}, formData(fields)];
    },
    updateEntryAction: () => [slug, one("PositionEntry").id, {}, formData({ ...entryFields(), summary: "Edited.", version: String(one("PositionEntry").version) })],
    deleteEntryAction: () => [slug, one("PositionEntry").id, {}, formData({ version: String(one("PositionEntry").version) })],
    createMilestoneAction: () => [slug, {}, formData({ day: "2025-01-03", title: "Second round", sourceId: String(one("Source").id) })],
    updateMilestoneAction: () => [slug, one("Milestone").id, {}, formData({ day: "2025-01-02", title: "Talks (edited)", version: String(one("Milestone").version) })],
    deleteMilestoneAction: () => [slug, one("Milestone").id, {}, formData({ version: String(one("Milestone").version) })],
    restoreAction: () => ["entry", one("PositionEntry").id, {}, formData({ version: String(one("PositionEntry").version) })],
    undoDeleteEntryAction: () => [slug, one("PositionEntry").id, {}, formData({ version: String(one("PositionEntry").version) })],
    // This one answers with a form state, never a redirect: it appears only in the refusals below
    // (its own test: tests/db/fetch-source.test.ts). The imports are route handlers
    // (tests/db/import-routes.test.ts), with their own refusals at the end of this file.
    fetchSourceAction: () => [slug, {}, formData({ url: "http://127.0.0.1:3190/report.html" })],
    createUserAction: () => [{}, formData({ name: "Mallory", email: `mallory-${Date.now()}@e2e.test`, password: "long enough password", role: "admin" })],
    // Refused attempts aim at the viewer; the proper call changes the throwaway account made above.
    setRoleAction: () => [
      current.mallory ?? viewerId,
      {},
      formData({ role: "editor" }),
    ],
    setDisabledAction: () => [
      current.mallory ?? viewerId,
      {},
      formData({ status: "disabled" }),
    ],
  };
  const names = exportedActionNames();
  expect(names.filter((n) => !argsFor[n]), "actions without a case in this test").toEqual([]);
  /** The arguments for `name`, against the scratch records as they are now. */
  const argsOf = async (name: string) => {
    await refresh();
    return argsFor[name]!();
  };

  type Attempt = { who: Who; origin?: string | null; headers?: Record<string, string>; label: string };
  const attempts: Attempt[] = [
    { who: "anonymous", label: "anonymous" },
    { who: "anonymous", label: "anonymous with forged proxy headers", headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-nonce": "forged", "x-user-role": "admin" } },
    { who: "viewer", label: "viewer" },
    { who: "editor", origin: "https://evil.example", label: "editor from a foreign origin" },
    { who: "editor", origin: "null", label: "editor with Origin: null" },
    { who: "editor", origin: null, headers: { "Sec-Fetch-Site": "cross-site" }, label: "editor, no Origin, cross-site fetch" },
    { who: "admin", origin: "http://127.0.0.1.evil.example", label: "admin from a look-alike origin" },
  ];

  let refused = 0;
  for (const name of names) {
    const extra: Attempt[] = ADMIN_ONLY.has(name) ? [{ who: "editor", label: "editor on an admin action" }] : [];
    for (const attempt of [...attempts, ...extra]) {
      const before = await fingerprint();
      const r = await callAction({ baseURL: base, name, args: await argsOf(name), cookie: cookies[attempt.who], origin: attempt.origin, headers: attempt.headers });
      expect(r.redirect, `${name} as ${attempt.label} must not succeed`).toBeNull();
      expect(await fingerprint(), `${name} as ${attempt.label} wrote something`).toBe(before);
      refused++;
    }
  }
  console.log(`access matrix: ${names.length} actions, ${refused} unauthorised calls refused, 0 rows written`);

  // Batch entry answers with a form state (its saved rows listed), never a redirect: properly
  // made, it writes.
  const beforeBatch = await fingerprint();
  const batch = await callAction({ baseURL: base, name: "createEntriesAction", args: await argsOf("createEntriesAction"), cookie: cookies.editor });
  expect(batch.body, "createEntriesAction properly made").toContain("1 position saved.");
  expect(await fingerprint(), "createEntriesAction properly made wrote nothing").not.toBe(beforeBatch);

  // Controls: the same calls, properly made, do write (updates before deletes, restore after).
  const order = [
    "updateNegotiationAction", "updatePartyAction", "updateSideAction", "updateIssueAction", "updateSourceAction", "updateEntryAction",
    "deleteEntryAction", "restoreAction", "createPartyAction", "createIssueAction", "createSourceAction", "createEntryAction",
    "createUserAction", "setRoleAction", "setDisabledAction", "deleteEntryAction", "undoDeleteEntryAction", "deleteEntryAction", "deleteSourceAction", "deletePartyAction", "deleteSideAction", "deleteIssueAction",
    "createSideAction", "createNegotiationAction", "deleteNegotiationAction",
  ];
  for (const name of order) {
    const before = await fingerprint();
    const r = await callAction({ baseURL: base, name, args: await argsOf(name), cookie: ADMIN_ONLY.has(name) ? cookies.admin : cookies.editor });
    expect(r.redirect, `${name} properly made: ${r.body.slice(0, 300)}`).toBeTruthy();
    expect(await fingerprint(), `${name} properly made wrote nothing`).not.toBe(before);
  }
});

test("the same create form submitted twice creates one record", async ({ baseURL }) => {
  const base = baseURL!;
  const cookie = await signInCookie(base, "editor@e2e.test", E2E_PASSWORD);
  const name = `Twice ${Date.now().toString(36)}`;
  // In a negotiation of its own, so that the demo keeps its seven parties for the other specs.
  const talks = `twice-${Date.now().toString(36)}`;
  const made = await callAction({ baseURL: base, name: "createNegotiationAction", args: [{}, formData({ title: `Twice talks ${talks}`, slug: talks })], cookie });
  expect(made.redirect).toBeTruthy();
  const fields = { name, role: "party", colour: "#222222", order: "5", submissionId: crypto.randomUUID() };
  const [a, b] = await Promise.all([
    callAction({ baseURL: base, name: "createPartyAction", args: [talks, {}, formData(fields)], cookie }),
    callAction({ baseURL: base, name: "createPartyAction", args: [talks, {}, formData(fields)], cookie }),
  ]);
  const again = await callAction({ baseURL: base, name: "createPartyAction", args: [talks, {}, formData(fields)], cookie });
  for (const r of [a, b, again]) expect(r.redirect).toBeTruthy();
  expect((await row<{ n: number }>(`SELECT count(*) n FROM Party WHERE name = ?`, [name])).n).toBe(1);
});

// The sign-in throttle (per address and per account) is tested in tests/e2e/sign-in.spec.ts.
