// Property tests of every action in server/actions/entries.ts, called in-process against a real
// SQLite file with a real editor session (tests/support/action-harness.ts).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import fc from "fast-check";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import * as actions from "@/server/actions/entries";
import { entryEditSchema, entrySchema, fieldErrorsOf, LIMITS, type EntryInput } from "@/lib/schemas";
import { checkQuote } from "@/lib/quote";
import { ROW_FIELDS, isEmptyRow, rowValues } from "@/lib/batch-entries";
import { createEntry } from "@/server/mutations/entries";
import {
  RUNS,
  UNICODE_TEXT,
  actorOf,
  checkRun,
  digest,
  expectNoPollution,
  expectRevision,
  invoke,
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
  tally,
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
  expect(Object.keys(actions).sort()).toEqual(["createEntriesAction", "createEntryAction", "deleteEntryAction", "undoDeleteEntryAction", "updateEntryAction"]);
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

// Batch entry (docs/decisions/018) with one row: the single form's fields, the source bound to
// the action as its page binds it, the rest under the row's names. It answers with a form state
// only; a refused row writes nothing, a saved one exactly one entry and one revision.
it("createEntriesAction: a one-row batch saves exactly what the single form would", { timeout: TIMEOUT }, async () => {
  const name = "createEntriesAction";
  const rowNames: readonly string[] = ROW_FIELDS;
  await property(name, fc.record({ who: requesterArb, slug: slugArgArb, form: formArb(SPECS) }), async ({ who, slug, form }) => {
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const single = send(form, await resolver(form));
    const sourceSent = expectedValues(single, ARRAY_FIELDS).sourceId;
    const boundSource = typeof sourceSent === "string" && /^[1-9]\d{0,8}$/.test(sourceSent) ? Number(sourceSent) : sourceSent;
    const sent: typeof single = [["rows", "1"]];
    for (const [k, v] of single) if (k !== "sourceId") sent.push([rowNames.includes(k) ? `row1.${k}` : k, v]);
    const values = expectedValues(sent, ["rows", "row1.partyIds"]);
    const scope = await scopeOf(slugValue);
    const source = scope ? await liveIn("Source", boundSource, scope.id) : undefined;
    const row1 = rowValues(values, "1");
    const parsed = entrySchema.safeParse({ ...row1, sourceId: String(boundSource), statedOn: values.statedOn });
    type Want = "forbidden" | "notFound" | "date" | "empty" | "refused" | "saved";
    let want: Want;
    let fields: string[] = [];
    if (!mayWrite(who)) want = "forbidden";
    else if (!scope || !source) want = "notFound";
    else if (!entrySchema.pick({ statedOn: true }).safeParse(values).success) want = "date";
    else if (isEmptyRow(row1)) want = "empty";
    else if (!parsed.success) {
      want = "refused";
      fields = Object.keys(fieldErrorsOf(parsed.error));
    } else {
      fields = await ruleErrors(scope.id, parsed.data);
      want = fields.length ? "refused" : "saved";
    }
    const before = await digest();
    const outcome = await invoke(() => actions.createEntriesAction(slugValue as string, boundSource as number, {}, toFormData(sent)));
    expectNoPollution();
    const after = await digest();
    expect(outcome.kind, "a batch answers with a form state, never a redirect").toBe("state");
    if (outcome.kind !== "state") return;
    const state = outcome.state;
    const t = tally(name);
    t.tried++;
    if (want === "saved") t.saved++;
    else t.refused[want] = (t.refused[want] ?? 0) + 1;
    if (want !== "saved") expect(after, `${want}: nothing written`).toEqual(before);
    switch (want) {
      case "forbidden":
        expect(state.formError).toBeTruthy();
        break;
      case "notFound":
        expect(state.formError).toMatch(/no longer exists/);
        break;
      case "date":
        expect(Object.keys(state.fieldErrors ?? {})).toEqual(["statedOn"]);
        break;
      case "empty":
        expect(state.formError).toMatch(/Every row is empty/);
        break;
      case "refused": {
        expect(state.status).toBe("Nothing saved: 1 row needs fixing.");
        const named = fields.filter((f) => f !== "sourceId").map((f) => (rowNames.includes(f) ? `row1.${f}` : f));
        expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual([...new Set(named)].sort());
        // What was typed comes back as typed.
        for (const f of rowNames) expect(state.values?.[`row1.${f}`], f).toEqual(values[`row1.${f}`]);
        break;
      }
      case "saved": {
        expect(state.status).toBe("1 position saved.");
        expect(state.fieldErrors).toBeUndefined();
        expect(after.PositionEntry.n).toBe(Number(before.PositionEntry.n) + 1);
        expect(after.Revision.n).toBe(Number(before.Revision.n) + 1);
        const { id } = (await row<{ id: number }>(`SELECT max(id) AS id FROM "PositionEntry"`))!;
        const { fields: stored } = await storedEntry(id);
        const { changeOverride: _c, ...input } = parsed.data!;
        expect(stored).toEqual({ ...(await expectedEntry({ ...input, changeOverride: null })) });
        expect(state.saved?.at(-1)?.href).toBe(matrixUrl(scope!.slug, stored as never, id));
        await expectRevision({ entityType: "entry", entityId: id, negotiationId: scope!.id, action: "create", version: 1, actor: actorOf(world, who), state: stored });
        break;
      }
    }
  });
});
