// Property tests of every action in server/actions/entries.ts, called in-process against a real
// SQLite file with a real editor session (tests/support/action-harness.ts).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import fc from "fast-check";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import * as actions from "@/server/actions/entries";
import { entryEditSchema, entrySchema, fieldErrorsOf, LIMITS, type EntryInput } from "@/lib/schemas";
import { checkQuote } from "@/lib/quote";
import { createEntry } from "@/server/mutations/entries";
import {
  RUNS,
  UNICODE_TEXT,
  actorOf,
  checkRun,
  expectRevision,
  idArgValue,
  isRecordId,
  liveIn,
  mayWrite,
  pickId,
  poolIds,
  printTallies,
  property,
  record,
  requesterArb,
  row,
  rows,
  scopeOf,
  sentVersion,
  setUpWorld,
  slugArgValue,
  useRequester,
  type Expected,
  type World,
} from "../support/action-harness";
import {
  CHANGE_TYPES,
  FIRMNESS,
  STANCES,
  WORDS,
  expectedValues,
  foreignIdRef,
  formArb,
  idArgArb,
  idRef,
  overLimit,
  quoteRef,
  recentDayArb,
  refusedDayArb,
  send,
  slugArgArb,
  textArb,
  toFormData,
  versionRef,
  type FieldSpec,
  type FormPlan,
  type Ref,
} from "../support/action-arbitraries";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 180_000);
afterAll(() => printTallies("tests/db/actions-entries.property.test.ts"));

const TIMEOUT = 60_000 + RUNS * 600;
const ARRAY_FIELDS = ["partyIds"];
const FIELDS = ["issueId", "sourceId", "statedOn", "stance", "firmness", "summary", "quote", "notes", "changeOverride"] as const;

const SPECS: Record<string, FieldSpec> = {
  partyIds: { valid: idRef("Party"), multi: { min: 1, max: 3 }, hostile: foreignIdRef("Party") },
  issueId: { valid: idRef("Issue"), hostile: foreignIdRef("Issue") },
  sourceId: { valid: fc.oneof(idRef("Source"), idRef("Source", "scope-text")), hostile: foreignIdRef("Source") },
  statedOn: { valid: fc.oneof(recentDayArb, fc.constant("")), optional: true, hostile: fc.oneof(refusedDayArb, fc.constantFrom("2024-00-10", "yesterday", "2024-08-01T00:00")) },
  stance: { valid: fc.constantFrom(...STANCES), hostile: fc.constantFrom("Demands", "demand", " demands", "", "accepts\n") },
  firmness: { valid: fc.constantFrom("", ...FIRMNESS), optional: true, hostile: fc.constantFrom("Firm", "red line", "soft") },
  summary: { valid: textArb(LIMITS.summary, { multiline: true }), hostile: overLimit(LIMITS.summary) },
  quote: { valid: fc.oneof({ weight: 3, arbitrary: quoteRef }, { weight: 1, arbitrary: fc.constant("") }), optional: true, hostile: overLimit(LIMITS.quote) },
  notes: { valid: textArb(LIMITS.notes, { multiline: true }), optional: true, hostile: overLimit(LIMITS.notes) },
  changeOverride: { valid: fc.constantFrom("", ...CHANGE_TYPES), optional: true, hostile: fc.constantFrom("New", "moved", "computed") },
};
const versionSpec: FieldSpec = { valid: versionRef, hostile: fc.constantFrom("0", "-1", "1.0", " 1", "01", "abc", "9999999999", "") };

it("covers every exported action of the module", () => {
  expect(Object.keys(actions).sort()).toEqual(["createEntryAction", "deleteEntryAction", "undoDeleteEntryAction", "updateEntryAction"]);
});

// ---------------------------------------------------------------------------------------------

/** Resolves a plan's refs: ids first, then quotes taken from the source the form names. */
async function resolver(plan: FormPlan, current?: Record<string, unknown>): Promise<(name: string, ref: Ref) => string> {
  const resolved = new Map<Ref, string>();
  const refs: Ref[] = [];
  for (const [, f] of plan.fields) for (const v of f.k === "one" ? [f.v] : f.k === "many" ? f.v : []) if (typeof v !== "string") refs.push(v);
  for (const ref of refs) {
    if (ref.ref === "id") resolved.set(ref, String(await pickId(world, ref.table, ref.pool, ref.n)));
    if (ref.ref === "version") resolved.set(ref, String(((current?.version as number | undefined) ?? 1) + ref.delta));
  }
  const sourceField = plan.fields.find(([n]) => n === "sourceId")?.[1];
  const sourceVal = sourceField?.k === "one" ? sourceField.v : sourceField?.k === "many" ? sourceField.v[0] : undefined;
  const sourceId = sourceVal === undefined ? undefined : typeof sourceVal === "string" ? sourceVal : resolved.get(sourceVal);
  const source = sourceId && /^\d{1,9}$/.test(sourceId.trim()) ? await record("Source", Number(sourceId)) : undefined;
  for (const ref of refs) if (ref.ref === "quote") resolved.set(ref, quoteFrom(ref, (source?.text as string | null | undefined) ?? UNICODE_TEXT));
  return (_name, ref) => {
    const value = resolved.get(ref);
    if (value === undefined) throw new Error(`unresolved ref ${JSON.stringify(ref)}`);
    return value;
  };
}

/** A quote cut from `text` (exactly, or with the spacing and quote marks a paste changes), or not. */
function quoteFrom(ref: Extract<Ref, { ref: "quote" }>, text: string): string {
  const source = ref.style === "foreign" ? "Side A demands a referendum in the north." : ref.style === "words" ? WORDS.join(" ") : text;
  const words = source.split(/\s+/).filter(Boolean);
  const start = ref.from % words.length;
  const cut = words.slice(start, start + ref.len);
  switch (ref.style) {
    case "respaced":
      return cut.join(" \n\u00a0 ");
    case "curly":
      return cut.join(" ").replace(/'/g, "\u2019").replace(/"/g, "\u201c");
    case "zero-width":
      return cut.join(" \u200b");
    case "words":
      return [...cut].reverse().join(" ");
    default:
      return cut.join(" ");
  }
}

/** The database rules an entry must pass in negotiation `scopeId`: the fields they refuse. */
async function ruleErrors(scopeId: number, input: EntryInput): Promise<string[]> {
  const fields: string[] = [];
  let parties = 0;
  for (const id of input.partyIds) if (await liveIn("Party", id, scopeId)) parties++;
  if (parties !== input.partyIds.length) fields.push("partyIds");
  if (!(await liveIn("Issue", input.issueId, scopeId))) fields.push("issueId");
  const source = await liveIn("Source", input.sourceId, scopeId);
  if (!source) fields.push("sourceId");
  if (source && !(input.statedOn ?? source.publishedOn)) fields.push("statedOn");
  if (source && checkQuote(input.quote, source.text as string | null).status === "missing") fields.push("quote");
  return fields;
}

async function storedEntry(id: number) {
  const rec = (await record("PositionEntry", id))!;
  const partyIds = (await rows<{ partyId: number }>(`SELECT partyId FROM "PositionEntryParty" WHERE entryId = ? ORDER BY partyId`, id)).map((r) => r.partyId);
  return { rec, fields: { ...Object.fromEntries(FIELDS.map((f) => [f, rec[f]])), partyIds } };
}

/** What the schema's output should look like once stored (the date defaults to the source's). */
async function expectedEntry(input: EntryInput) {
  const source = (await record("Source", input.sourceId))!;
  const { partyIds, ...rest } = input;
  return { ...rest, statedOn: input.statedOn ?? (source.publishedOn as string), partyIds: [...partyIds].sort((a, b) => a - b) };
}

const matrixUrl = (slug: string, e: { statedOn: string; issueId: number; partyIds: number[] }, id: number) =>
  `/negotiations/${slug}?asOf=${e.statedOn}&saved=${id}#cell-${e.issueId}-${e.partyIds[0]}`;

async function replenish() {
  if ((await poolIds(world, "PositionEntry", "scope")).length >= 3) return;
  const [party] = await poolIds(world, "Party", "scope");
  const [issue] = await poolIds(world, "Issue", "scope");
  const source = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE negotiationId = ? AND deletedAt IS NULL AND publishedOn IS NOT NULL`, world.main.id))!;
  for (let i = 0; i < 3; i++) {
    await createEntry(world.main.id, entrySchema.parse({ partyIds: [String(party)], issueId: String(issue), sourceId: String(source.id), stance: "proposes", summary: "Spare entry." }), "fixture");
  }
}

// ---------------------------------------------------------------------------------------------

it("createEntryAction: saves exactly what the schema and the database rules accept", { timeout: TIMEOUT }, async () => {
  const name = "createEntryAction";
  await property(name, fc.record({ who: requesterArb, slug: slugArgArb, form: formArb(SPECS) }), async ({ who, slug, form }) => {
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const sent = send(form, await resolver(form));
    const values = expectedValues(sent, ARRAY_FIELDS);
    const parsed = entrySchema.safeParse(values);
    const scope = await scopeOf(slugValue);
    let expected: Expected;
    if (!mayWrite(who)) expected = { kind: "forbidden" };
    else if (!parsed.success) expected = { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    else if (!scope) expected = { kind: "notFound" };
    else {
      const fields = await ruleErrors(scope.id, parsed.data);
      expected = fields.length ? { kind: "rule", fields } : { kind: "saved" };
    }
    await checkRun({
      action: name,
      call: () => actions.createEntryAction(slugValue as string, {}, toFormData(sent)),
      expected,
      values,
      change: { op: "create", table: "PositionEntry", links: parsed.data?.partyIds.length },
      onSaved: async (url) => {
        const { id } = (await row<{ id: number }>(`SELECT max(id) AS id FROM "PositionEntry"`))!;
        const { rec, fields } = await storedEntry(id);
        const want = await expectedEntry(parsed.data!);
        expect(fields).toEqual(want);
        expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version: 1, deletedAt: null });
        expect(url).toBe(matrixUrl(scope!.slug, want, id));
        await expectRevision({ entityType: "entry", entityId: id, negotiationId: scope!.id, action: "create", version: 1, actor: actorOf(world, who), state: fields });
      },
    });
  });
});

it("updateEntryAction: saves a valid edit of the current version only", { timeout: TIMEOUT }, async () => {
  const name = "updateEntryAction";
  const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb({ ...SPECS, version: versionSpec }) });
  await property(name, arb, async ({ who, slug, id, form }) => {
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const idValue = await idArgValue(world, "PositionEntry", id);
    const current = isRecordId(idValue) ? await record("PositionEntry", idValue) : undefined;
    const sent = send(form, await resolver(form, current));
    const values = expectedValues(sent, ARRAY_FIELDS);
    const parsed = entryEditSchema.safeParse(values);
    const scope = await scopeOf(slugValue);
    const target = scope ? await liveIn("PositionEntry", idValue, scope.id) : undefined;
    let expected: Expected;
    if (!mayWrite(who)) expected = { kind: "forbidden" };
    else if (!parsed.success) expected = { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    else if (!scope || !isRecordId(idValue)) expected = { kind: "notFound" };
    else {
      const fields = await ruleErrors(scope.id, parsed.data);
      expected = fields.length
        ? { kind: "rule", fields }
        : !target
          ? { kind: "notFound" }
          : target.version !== parsed.data.version
            ? { kind: "conflict", version: target.version as number }
            : { kind: "saved" };
    }
    await checkRun({
      action: name,
      call: () => actions.updateEntryAction(slugValue as string, idValue as number, {}, toFormData(sent)),
      expected,
      values,
      change: { op: "update", table: "PositionEntry" },
      onSaved: async (url) => {
        const { rec, fields } = await storedEntry(idValue as number);
        const { version: _v, ...input } = parsed.data!;
        const want = await expectedEntry(input);
        expect(fields).toEqual(want);
        const version = (target!.version as number) + 1;
        expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version, deletedAt: null });
        expect(url).toBe(matrixUrl(scope!.slug, want, idValue as number));
        await expectRevision({ entityType: "entry", entityId: idValue as number, negotiationId: scope!.id, action: "update", version, actor: actorOf(world, who), state: fields });
      },
    });
  });
});

it("deleteEntryAction: trashes the current version only", { timeout: TIMEOUT }, async () => {
  const name = "deleteEntryAction";
  const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb({ version: versionSpec }) });
  await property(name, arb, async ({ who, slug, id, form }) => {
    await replenish();
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const idValue = await idArgValue(world, "PositionEntry", id);
    const current = isRecordId(idValue) ? await record("PositionEntry", idValue) : undefined;
    const sent = send(form, await resolver(form, current));
    const scope = await scopeOf(slugValue);
    const target = scope ? await liveIn("PositionEntry", idValue, scope.id) : undefined;
    const before = target ? await storedEntry(idValue as number) : undefined;
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !scope || !target
        ? { kind: "notFound" }
        : target.version !== sentVersion(sent)
          ? { kind: "conflict", version: target.version as number }
          : { kind: "saved" };
    await checkRun({
      action: name,
      call: () => actions.deleteEntryAction(slugValue as string, idValue as number, {}, toFormData(sent)),
      expected,
      values: {},
      change: { op: "delete", table: "PositionEntry" },
      onSaved: async (url) => {
        // The matrix names the deleted entry and offers Undo (issue 8).
        expect(url).toBe(`/negotiations/${scope!.slug}?deleted=${idValue as number}`);
        const { rec, fields } = await storedEntry(idValue as number);
        const version = (target!.version as number) + 1;
        expect(rec.version).toBe(version);
        expect(rec.deletedAt).not.toBeNull();
        expect(fields).toEqual(before!.fields); // nothing but the trash mark changed, parties included
        await expectRevision({ entityType: "entry", entityId: idValue as number, negotiationId: scope!.id, action: "delete", version, actor: actorOf(world, who), state: fields });
      },
    });
  });
});
