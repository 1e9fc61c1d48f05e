// The shared half of the server-action property tests (tests/db/actions-*.property.test.ts):
// a real migrated SQLite file with the demo and a few extra records, real Better Auth users and
// sessions, the requests a browser (or an attacker) could send, and the checks every run makes:
// the action only ever returns a form state or throws Next's redirect signal; a refusal writes
// nothing; a save writes exactly one record and one revision; Object.prototype stays clean.
import { expect } from "vitest";
import fc from "fast-check";
import type { FormState, FormValues } from "@/lib/form";
import { getDb } from "@/server/db";
import { getAuth } from "@/server/auth";
import { createUser } from "@/server/users";
import { createNegotiation, deleteNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { loadDemo } from "@/prisma/seed";
import { gaza2024 } from "@/prisma/demo/gaza-2024";
import { useFreshDatabase } from "./db";
import { portableSql } from "./sql";
import { request } from "./next-request";
import type { IdArg, Pool, SlugArg } from "./action-arbitraries";

export const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
export const ORIGIN = "http://127.0.0.1:3000";
export const HOST = "127.0.0.1:3000";
export const INT_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// Raw reads for the oracle (one statement per call, on the app's own connection, between runs).

export async function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
  const db = await getDb();
  const out = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(portableSql(sql), ...params);
  // Numbers and truth values as SQLite gives them: PostgreSQL returns COUNT as bigint and booleans as true/false.
  return out.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" || typeof v === "boolean" ? Number(v) : v]))) as T[];
}
/** Runs one statement written as for rows() (tests/support/sql.ts). */
export async function execute(sql: string, ...params: unknown[]): Promise<number> {
  const db = await getDb();
  return db.$executeRawUnsafe(portableSql(sql), ...params);
}
export async function row<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rows<T>(sql, ...params))[0];
}

export type Table = "Negotiation" | "Party" | "Side" | "Issue" | "Source" | "PositionEntry" | "Milestone";
export const TABLES: readonly Table[] = ["Negotiation", "Party", "Side", "Issue", "Source", "PositionEntry", "Milestone"];

/** A fingerprint of everything the actions can write; equal before and after = nothing written. */
type Row = Record<string, unknown>;
export type Digest = Record<Table | "Content" | "PositionEntryParty" | "Revision" | "SubmissionToken", Row>;

const DIGEST_SQL = `SELECT json_object(${[
  ...TABLES.map(
    (t) =>
      `'${t}', (SELECT json_object('n', count(*), 'versions', coalesce(sum(version), 0), 'maxId', coalesce(max(id), 0), 'trashed', count(deletedAt), 'touched', max(updatedAt)) FROM "${t}")`,
  ),
  `'Content', json_object(
     'negotiation', (SELECT coalesce(sum(length(title) + length(description) + length(slug)), 0) FROM "Negotiation"),
     'party', (SELECT coalesce(sum(length(name) + length(shortName) + length(aliases) + length(role) + length(colour) + "order" + coalesce("sideId", 0)), 0) FROM "Party"),
     'side', (SELECT coalesce(sum(length(name) + length(colour) + "order"), 0) FROM "Side"),
     'issue', (SELECT coalesce(sum(length(name) + length(description) + "order"), 0) FROM "Issue"),
     'source', (SELECT coalesce(sum(length(coalesce(title, '')) + length(outlet) + length(url) + length(coalesce(text, '')) + length(language) + length(coalesce(publishedOn, ''))), 0) FROM "Source"),
     'entry', (SELECT coalesce(sum(length(summary) + length(quote) + length(notes) + length(stance) + length(statedOn) + length(coalesce(firmness, '')) + length(coalesce(changeOverride, '')) + issueId + sourceId), 0) FROM "PositionEntry"),
     'milestone', (SELECT coalesce(sum(length(day) + length(title) + length(note) + coalesce(sourceId, 0)), 0) FROM "Milestone"))`,
  `'PositionEntryParty', (SELECT json_object('n', count(*), 'h', coalesce(sum(entryId * 100003 + partyId), 0)) FROM "PositionEntryParty")`,
  `'Revision', (SELECT json_object('n', count(*), 'maxId', coalesce(max(id), 0)) FROM "Revision")`,
  `'SubmissionToken', (SELECT json_object('n', count(*)) FROM "SubmissionToken")`,
].join(", ")}) AS d`;

/** A fingerprint of everything the actions can write (one statement); equal before and after = nothing written. */
export async function digest(): Promise<Digest> {
  const { d } = (await row<{ d: string | Digest }>(DIGEST_SQL))!;
  // SQLite returns JSON as text, PostgreSQL's driver parses it.
  return (typeof d === "string" ? JSON.parse(d) : d) as Digest;
}

// ---------------------------------------------------------------------------------------------
// The world every property runs in.

export interface Neg {
  id: number;
  slug: string;
}
export interface World {
  main: Neg; // the demo negotiation, plus a few records added below
  other: Neg; // a second live negotiation: its ids are foreign to main
  trashed: Neg; // a negotiation in the trash
  users: Record<"editor" | "admin" | "viewer", { id: string; cookie: string }>;
}

const FIXTURE = "fixture";
export const UNICODE_TEXT =
  "قال الوفد: «لا اتفاق بدون انسحاب كامل». The delegation said “no deal without a full withdrawal” — and added: 'we’ll wait'. " +
  "המשלחת אמרה: אין עסקה בלי נסיגה. 👩‍👩‍👧 families e\u0301tait ze\u0301ro; Zoë naïve İstanbul.\nSecond line:\tthe end.";

async function signIn(email: string, password: string): Promise<string> {
  const auth = await getAuth();
  const result = await auth.api.signInEmail({
    body: { email, password },
    headers: new Headers({ origin: ORIGIN, host: HOST }),
    returnHeaders: true,
  });
  const cookie = result.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("session_token")) throw new Error(`no session cookie for ${email}`);
  return cookie;
}

export async function setUpWorld(): Promise<World> {
  process.env.BETTER_AUTH_SECRET = "parley-property-tests-0123456789abcdefghijklmnop";
  process.env.PARLEY_RATE_LIMIT = "off";
  delete process.env.PARLEY_URL;
  useFreshDatabase();
  await loadDemo(gaza2024);
  const db = await getDb();
  const mainRow = (await db.negotiation.findUniqueOrThrow({ where: { slug: gaza2024.slug } }))!;
  const main = { id: mainRow.id, slug: mainRow.slug };

  // Main: a text source in three scripts, a dated-less text source, a link-only source.
  const party = (negotiationId: number, name: string) =>
    createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#123456", order: "50" }), FIXTURE);
  const issue = (negotiationId: number, name: string) => createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: "50" }), FIXTURE);
  const source = (negotiationId: number, fields: Record<string, string>) =>
    createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", ...fields }), FIXTURE);
  const unicodeSource = await source(main.id, { title: "Statement in three scripts", publishedOn: "2024-08-01", language: "ar", text: UNICODE_TEXT });
  await source(main.id, { title: "Undated transcript", text: "The mediators said talks would resume next week." });
  await source(main.id, { title: "Link only, undated", url: "https://example.org/undated" });
  const mainParties = await db.party.findMany({ where: { negotiationId: main.id }, select: { id: true }, orderBy: { id: "asc" } });
  const mainIssues = await db.issue.findMany({ where: { negotiationId: main.id }, select: { id: true }, orderBy: { id: "asc" } });
  await createEntry(
    main.id,
    entrySchema.parse({
      partyIds: [String(mainParties[0]!.id)],
      issueId: String(mainIssues[0]!.id),
      sourceId: String(unicodeSource.id),
      stance: "demands",
      summary: "Insists on a full withdrawal.",
      quote: "no deal without a full withdrawal",
    }),
    FIXTURE,
  );
  // One of each record in main's trash.
  const trashedParty = await party(main.id, "Trashed party");
  await trashInNegotiation("party", main.id, trashedParty.id, 1, FIXTURE);
  const trashedIssue = await issue(main.id, "Trashed issue");
  await trashInNegotiation("issue", main.id, trashedIssue.id, 1, FIXTURE);
  const trashedSource = await source(main.id, { title: "Trashed source", publishedOn: "2024-01-01", text: "Nothing to see." });
  await trashInNegotiation("source", main.id, trashedSource.id, 1, FIXTURE);
  const trashedEntry = await createEntry(
    main.id,
    entrySchema.parse({ partyIds: [String(mainParties[1]!.id)], issueId: String(mainIssues[1]!.id), sourceId: String(unicodeSource.id), stance: "rejects", summary: "Trashed." }),
    FIXTURE,
  );
  await trashEntry(main.id, trashedEntry.id, 1, FIXTURE);

  // Another live negotiation, whose ids must never be accepted in main.
  const otherRow = await createNegotiation({ title: "Other talks", slug: "other-talks", description: "" }, FIXTURE);
  const other = { id: otherRow.id, slug: otherRow.slug };
  const o1 = await party(other.id, "Other side A");
  await party(other.id, "Other side B");
  const oi = await issue(other.id, "Other issue");
  const os = await source(other.id, { title: "Other report", publishedOn: "2023-05-05", text: "Side A demands a referendum." });
  await createEntry(
    other.id,
    entrySchema.parse({ partyIds: [String(o1.id)], issueId: String(oi.id), sourceId: String(os.id), stance: "demands", summary: "Referendum.", quote: "demands a referendum" }),
    FIXTURE,
  );

  // A negotiation in the trash.
  const trashedRow = await createNegotiation({ title: "Trashed talks", slug: "trashed-talks", description: "" }, FIXTURE);
  await deleteNegotiation(trashedRow.id, 1, FIXTURE);
  const trashed = { id: trashedRow.id, slug: trashedRow.slug };

  const password = "correct horse battery staple";
  const users = {} as World["users"];
  for (const role of ["editor", "admin", "viewer"] as const) {
    const email = `${role}@example.org`;
    const { id } = await createUser({ email, name: role, password, role });
    users[role] = { id, cookie: await signIn(email, password) };
  }
  return { main, other, trashed, users };
}

// ---------------------------------------------------------------------------------------------
// Who sends the request.

export const REQUESTERS = [
  "editor",
  "admin",
  "no-origin-editor", // no Origin, no Sec-Fetch-Site: a non-browser client, accepted
  "viewer",
  "anonymous",
  "tampered-cookie",
  "cross-origin",
  "null-origin",
  "other-port",
  "cross-site-no-origin",
] as const;
export type Requester = (typeof REQUESTERS)[number];

export const requesterArb: fc.Arbitrary<Requester> = fc.oneof(
  { weight: 30, arbitrary: fc.constant("editor" as const) },
  { weight: 4, arbitrary: fc.constant("admin" as const) },
  { weight: 2, arbitrary: fc.constant("no-origin-editor" as const) },
  { weight: 4, arbitrary: fc.constantFrom(...REQUESTERS.slice(3)) },
);

export function mayWrite(who: Requester): boolean {
  return who === "editor" || who === "admin" || who === "no-origin-editor";
}

export function actorOf(world: World, who: Requester): string {
  return who === "admin" ? world.users.admin.id : world.users.editor.id;
}

export function useRequester(world: World, who: Requester) {
  const h = new Headers({ host: HOST });
  const editor = world.users.editor.cookie;
  switch (who) {
    case "editor":
      h.set("origin", ORIGIN);
      h.set("sec-fetch-site", "same-origin");
      h.set("cookie", editor);
      break;
    case "admin":
      h.set("origin", ORIGIN);
      h.set("cookie", world.users.admin.cookie);
      break;
    case "no-origin-editor":
      h.set("cookie", editor);
      break;
    case "viewer":
      h.set("origin", ORIGIN);
      h.set("cookie", world.users.viewer.cookie);
      break;
    case "anonymous":
      h.set("origin", ORIGIN);
      break;
    case "tampered-cookie":
      h.set("origin", ORIGIN);
      h.set("cookie", editor.replace(/session_token=(.)/, (_m, c: string) => `session_token=${c === "A" ? "B" : "A"}`));
      break;
    case "cross-origin":
      h.set("origin", "https://evil.example");
      h.set("sec-fetch-site", "cross-site");
      h.set("cookie", editor);
      break;
    case "null-origin":
      h.set("origin", "null");
      h.set("cookie", editor);
      break;
    case "other-port":
      h.set("origin", "http://127.0.0.1:3001");
      h.set("cookie", editor);
      break;
    case "cross-site-no-origin":
      h.set("sec-fetch-site", "cross-site");
      h.set("cookie", editor);
      break;
  }
  request.headers = h;
}

// ---------------------------------------------------------------------------------------------
// Calling an action.

export type Outcome = { kind: "redirect"; url: string } | { kind: "state"; state: FormState };

/** Runs an action; Next's redirect signal is a save, any other throw fails the property. */
export async function invoke(run: () => Promise<FormState>): Promise<Outcome> {
  try {
    return { kind: "state", state: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
      // NEXT_REDIRECT;<replace|push>;<url>;<status>;
      const parts = digest.split(";");
      return { kind: "redirect", url: parts.slice(2, -2).join(";") };
    }
    throw error;
  }
}

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const PROTOTYPE_KEYS = Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, Reflect.ownKeys(p).map(String).sort()]));

export function expectNoPollution() {
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    expect(Reflect.ownKeys(proto).map(String).sort(), `${name}.prototype gained keys`).toEqual(PROTOTYPE_KEYS[name]);
  }
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "isAdmin", "role", "title", "name", "version", "0"]) expect(probe[key]).toBeUndefined();
}

// ---------------------------------------------------------------------------------------------
// Expectations.

export type Expected =
  | { kind: "saved" }
  | { kind: "forbidden" }
  | { kind: "invalid"; fieldErrors: Record<string, string[]> } // the zod schema refused it
  | { kind: "rule"; fields: string[] } // a database rule refused these fields
  | { kind: "formRule" } // a database rule about the whole form
  | { kind: "notFound" }
  | { kind: "conflict"; version: number };

export type Change =
  | { op: "create"; table: Table; links?: number }
  | { op: "update"; table: Table }
  | { op: "delete"; table: Table };

export interface Tally {
  tried: number;
  saved: number;
  refused: Record<string, number>;
  ms: number;
}
export const tallies = new Map<string, Tally>();

export function tally(action: string): Tally {
  let t = tallies.get(action);
  if (!t) tallies.set(action, (t = { tried: 0, saved: 0, refused: {}, ms: 0 }));
  return t;
}

export function printTallies(file: string) {
  const lines = [...tallies.entries()].map(([action, t]) => {
    const refused = Object.values(t.refused).reduce((a, b) => a + b, 0);
    const why = Object.entries(t.refused)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    return `${action.padEnd(24)} inputs ${String(t.tried).padStart(5)}  saved ${String(t.saved).padStart(5)}  refused ${String(refused).padStart(5)} (${why})  ${(t.ms / 1000).toFixed(1)} s`;
  });
  console.log(`Property summary, ${file} (PROPERTY_RUNS=${RUNS}):\n${lines.join("\n")}`);
}

/**
 * The checks of one run. `values` is what the form state must echo back on a refusal
 * (undefined: the action echoes nothing, as the delete forms do).
 */
export async function checkRun(args: {
  action: string;
  call: () => Promise<FormState>;
  expected: Expected;
  values?: FormValues;
  change?: Change;
  onSaved?: (url: string, before: Digest) => Promise<void>;
}) {
  const before = await digest();
  request.revalidated = 0;
  const outcome = await invoke(args.call);
  expectNoPollution();
  const after = await digest();
  const t = tally(args.action);
  t.tried++;
  const { expected } = args;

  if (expected.kind === "saved") {
    expect(outcome, "expected a save (redirect)").toMatchObject({ kind: "redirect" });
    if (outcome.kind !== "redirect") return;
    expect(request.revalidated).toBeGreaterThan(0);
    const change = args.change!;
    // Exactly one record written in its table, one revision appended, nothing else touched.
    const expectedAfter = structuredClone(before);
    expectedAfter.Revision = after.Revision;
    expect(after.Revision.n).toBe(Number(before.Revision.n) + 1);
    const b = before[change.table]!;
    const a = after[change.table]!;
    if (change.op === "create") {
      expect(a.n).toBe(Number(b.n) + 1);
      expect(a.versions).toBe(Number(b.versions) + 1);
      expect(a.trashed).toBe(b.trashed);
    } else {
      expect(a.n).toBe(b.n);
      expect(a.versions).toBe(Number(b.versions) + 1);
      expect(a.trashed).toBe(Number(b.trashed) + (change.op === "delete" ? 1 : 0));
    }
    expectedAfter[change.table] = a;
    expectedAfter.Content = after.Content;
    if (change.table === "PositionEntry") expectedAfter.PositionEntryParty = after.PositionEntryParty;
    if (change.op === "create" && change.table === "PositionEntry") {
      expect(after.PositionEntryParty.n).toBe(Number(before.PositionEntryParty.n) + change.links!);
    }
    expect(after, "a save touched another table").toEqual(expectedAfter);
    await args.onSaved?.(outcome.url, before);
    t.saved++;
    return;
  }

  expect(outcome, `expected a refusal (${expected.kind})`).toMatchObject({ kind: "state" });
  if (outcome.kind !== "state") return;
  const { state } = outcome;
  expect(after, "a refused input wrote something").toEqual(before);
  expect(request.revalidated).toBe(0);
  if (args.values) {
    const echoed = expected.kind === "conflict" ? { ...args.values, version: String(expected.version) } : args.values;
    expect(state.values).toEqual(echoed);
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
  }
  switch (expected.kind) {
    case "forbidden":
      expect(state.formError).toMatch(/Nothing was saved|nothing was saved/);
      expect(state.fieldErrors).toBeUndefined();
      break;
    case "invalid":
      expect(state.fieldErrors).toEqual(expected.fieldErrors);
      expect(state.formError).toBeUndefined();
      break;
    case "rule":
      expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual([...expected.fields].sort());
      for (const messages of Object.values(state.fieldErrors ?? {})) expect(messages.length).toBeGreaterThan(0);
      break;
    case "formRule":
      expect(state.formError).toBeTruthy();
      expect(state.fieldErrors).toEqual({});
      break;
    case "notFound":
      expect(state.formError).toMatch(/no longer exists/);
      expect(state.fieldErrors).toBeUndefined();
      break;
    case "conflict":
      expect(state.formError).toMatch(/Someone else saved/);
      expect(state.conflict?.version).toBe(expected.version);
      break;
  }
  const why = expected.kind === "rule" ? `rule:${[...expected.fields].sort().join("+")}` : expected.kind;
  t.refused[why] = (t.refused[why] ?? 0) + 1;
}

/** The newest revision, checked against the change and the record as stored. */
export async function expectRevision(args: {
  entityType: string;
  entityId: number;
  negotiationId: number;
  action: "create" | "update" | "delete";
  version: number;
  actor: string;
  state: Record<string, unknown>;
}) {
  const rev = (await row<Record<string, unknown>>(`SELECT * FROM "Revision" ORDER BY id DESC LIMIT 1`))!;
  expect({ entityType: rev.entityType, entityId: rev.entityId, negotiationId: rev.negotiationId, action: rev.action, version: rev.version, actor: rev.actor }).toEqual({
    entityType: args.entityType,
    entityId: args.entityId,
    negotiationId: args.negotiationId,
    action: args.action,
    version: args.version,
    actor: args.actor,
  });
  const state = JSON.parse(String(rev.state)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(args.state)) expect(state[k], `revision state.${k}`).toEqual(v);
  if (args.action === "delete") expect(state.deletedAt).not.toBeNull();
  else expect(state.deletedAt).toBeNull();
}

/** Runs a property with the configured number of runs and records its time. */
export async function property<T>(action: string, arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) {
  const started = Date.now();
  tally(action);
  try {
    await fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS, endOnFailure: process.env.PROPERTY_SHRINK !== "1" });
  } finally {
    tally(action).ms += Date.now() - started;
  }
}

/** -0 is stored as 0. */
export const num = (n: number) => (Object.is(n, -0) ? 0 : n);

// ---------------------------------------------------------------------------------------------
// Resolving plans against the database, and the oracle's lookups.


export type Scoped = "Party" | "Issue" | "Source" | "PositionEntry" | "Milestone";

/** Ids of a pool: live records of main, live records of the other negotiation, main's trash. */
export async function poolIds(world: World, table: Scoped, pool: Pool): Promise<number[]> {
  if (pool === "none") return [];
  const negotiationId = pool === "other" ? world.other.id : world.main.id;
  const live = pool === "trashed" ? "deletedAt IS NOT NULL" : "deletedAt IS NULL";
  const text = pool === "scope-text" ? " AND text IS NOT NULL" : "";
  return (await rows<{ id: number }>(`SELECT id FROM "${table}" WHERE negotiationId = ? AND ${live}${text} ORDER BY id`, negotiationId)).map((r) => r.id);
}

/** The n-th id of a pool (wrapping); ids that exist nowhere for "none" or an empty pool. */
export async function pickId(world: World, table: Scoped, pool: Pool, n: number): Promise<number> {
  const ids = await poolIds(world, table, pool);
  return ids.length ? ids[n % ids.length]! : 1_000_000 + n;
}

export function slugArgValue(world: World, arg: SlugArg): unknown {
  return "slug" in arg ? world[arg.slug].slug : arg.raw;
}

export async function idArgValue(world: World, table: Scoped, arg: IdArg): Promise<unknown> {
  if ("raw" in arg) return arg.raw;
  const id = await pickId(world, table, arg.pool, arg.n);
  return arg.as === "string" ? String(id) : arg.as === "array" ? [id] : arg.as === "float" ? id + 0.5 : id;
}

/** What a bound record id must be for the action to look it up at all. */
export function isRecordId(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 1 && v <= INT_MAX;
}

/** The live negotiation a bound slug names, if it is a slug at all. */
export async function scopeOf(slug: unknown): Promise<{ id: number; slug: string } | undefined> {
  if (typeof slug !== "string") return undefined;
  return row<{ id: number; slug: string }>(`SELECT id, slug FROM "Negotiation" WHERE slug = ? AND deletedAt IS NULL`, slug);
}

export async function record(table: Table, id: number): Promise<Record<string, unknown> | undefined> {
  return row(`SELECT * FROM "${table}" WHERE id = ?`, id);
}

/** A live record of `table` inside negotiation `scopeId`. */
export async function liveIn(table: Scoped, id: unknown, scopeId: number): Promise<Record<string, unknown> | undefined> {
  if (!isRecordId(id)) return undefined;
  return row(`SELECT * FROM "${table}" WHERE id = ? AND negotiationId = ? AND deletedAt IS NULL`, id, scopeId);
}

/**
 * The version a delete form sends, read as server/actions/run.ts's versionOf reads FormData:
 * the first `version` part, a positive integer, else 0 (refused as stale).
 */
export function sentVersion(sent: Array<[string, string | Blob]>): number {
  const first = sent.find(([k]) => k === "version")?.[1];
  return typeof first === "string" && /^[1-9]\d{0,9}$/.test(first) ? Number(first) : 0;
}
