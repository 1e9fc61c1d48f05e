// Property tests of every action in server/actions/parties-and-issues.ts, called in-process
// against a real SQLite file with a real editor session (tests/support/action-harness.ts).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import fc from "fast-check";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import * as actions from "@/server/actions/parties-and-issues";
import { fieldErrorsOf, issueEditSchema, issueSchema, partyEditSchema, partySchema, LIMITS } from "@/lib/schemas";
import { createInNegotiation } from "@/server/mutations/scoped";
import {
  RUNS,
  actorOf,
  checkRun,
  expectRevision,
  idArgValue,
  isRecordId,
  liveIn,
  mayWrite,
  num,
  poolIds,
  printTallies,
  property,
  record,
  requesterArb,
  row,
  scopeOf,
  sentVersion,
  setUpWorld,
  slugArgValue,
  useRequester,
  type Expected,
  type World,
} from "../support/action-harness";
import {
  PARTY_ROLES,
  aliasesArb,
  colourArb,
  expectedValues,
  formArb,
  idArgArb,
  orderArb,
  overLimit,
  send,
  slugArgArb,
  textArb,
  toFormData,
  versionRef,
  type FieldSpec,
  type Ref,
} from "../support/action-arbitraries";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 180_000);
afterAll(() => printTallies("tests/db/actions-parties-issues.property.test.ts"));

const TIMEOUT = 60_000 + RUNS * 600;

const versionSpec: FieldSpec = { valid: versionRef, hostile: fc.constantFrom("0", "-1", "1.0", " 1", "01", "abc", "9999999999", "") };
const orderSpec: FieldSpec = { valid: orderArb, hostile: fc.constantFrom("10000", "-10000", "1.5", "1e2", "", "٣", "+5", "--1") };

const KINDS = {
  party: {
    table: "Party",
    list: "parties",
    schema: partySchema,
    editSchema: partyEditSchema,
    create: actions.createPartyAction,
    update: actions.updatePartyAction,
    remove: actions.deletePartyAction,
    fields: ["name", "shortName", "aliases", "role", "colour", "order"],
    specs: {
      name: { valid: textArb(LIMITS.name), hostile: overLimit(LIMITS.name) },
      shortName: { valid: textArb(LIMITS.shortName), optional: true, hostile: overLimit(LIMITS.shortName) },
      aliases: { valid: aliasesArb, optional: true, hostile: overLimit(LIMITS.aliases) },
      role: { valid: fc.constantFrom(...PARTY_ROLES), hostile: fc.constantFrom("Party", "admin", " mediator ", "") },
      colour: { valid: colourArb, hostile: fc.constantFrom("#12345", "#1234567", "red", "#ggg000", "123456", "#12345\n") },
      order: orderSpec,
    } as Record<string, FieldSpec>,
  },
  issue: {
    table: "Issue",
    list: "issues",
    schema: issueSchema,
    editSchema: issueEditSchema,
    create: actions.createIssueAction,
    update: actions.updateIssueAction,
    remove: actions.deleteIssueAction,
    fields: ["name", "description", "order"],
    specs: {
      name: { valid: textArb(LIMITS.name), hostile: overLimit(LIMITS.name) },
      description: { valid: textArb(LIMITS.description, { multiline: true }), optional: true, hostile: overLimit(LIMITS.description) },
      order: orderSpec,
    } as Record<string, FieldSpec>,
  },
} as const;
type Kind = keyof typeof KINDS;

it("covers every exported action of the module", () => {
  expect(Object.keys(actions).sort()).toEqual([
    "createIssueAction",
    "createPartyAction",
    // Sides: tests/db/sides.test.ts (roles, palette, versions, revisions, trash and restore, refusals unwritten).
    "createSideAction",
    "deleteIssueAction",
    "deletePartyAction",
    "deleteSideAction",
    // Reorder and merge: tests/db/taxonomy.test.ts (roles, versions, revisions, undo).
    "mergeIssueAction",
    "mergePartyAction",
    "moveIssueAction",
    "movePartyAction",
    "moveSideAction",
    "updateIssueAction",
    "updatePartyAction",
    "updateSideAction",
  ]);
});

/** The stored record's form fields, as the schema's output would have them. */
function stored(kind: Kind, rec: Record<string, unknown>) {
  return Object.fromEntries(KINDS[kind].fields.map((f) => [f, rec[f]]));
}
function parsedFields(kind: Kind, data: Record<string, unknown>) {
  return Object.fromEntries(KINDS[kind].fields.map((f) => [f, f === "order" ? num(data[f] as number) : data[f]]));
}

/** At least three live records in main, so updates and deletes always have targets. */
async function replenish(kind: Kind) {
  const k = KINDS[kind];
  while ((await poolIds(world, k.table, "scope")).length < 3) {
    const data = kind === "party" ? partySchema.parse({ name: "Spare party", role: "observer", colour: "#abcdef", order: "9" }) : issueSchema.parse({ name: "Spare issue", order: "9" });
    await createInNegotiation(kind, world.main.id, data, "fixture");
  }
}

for (const kind of ["party", "issue"] as const) {
  const k = KINDS[kind];
  const Kind = kind === "party" ? "Party" : "Issue";

  it(`create${Kind}Action: saves exactly what the schema accepts, refuses the rest unwritten`, { timeout: TIMEOUT }, async () => {
    const name = `create${Kind}Action`;
    await property(name, fc.record({ who: requesterArb, slug: slugArgArb, form: formArb(k.specs) }), async ({ who, slug, form }) => {
      useRequester(world, who);
      const slugValue = slugArgValue(world, slug);
      const sent = send(form, () => {
        throw new Error("no refs in this form");
      });
      const values = expectedValues(sent);
      const parsed = k.schema.safeParse(values);
      const scope = await scopeOf(slugValue);
      const expected: Expected = !mayWrite(who)
        ? { kind: "forbidden" }
        : !parsed.success
          ? { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }
          : !scope
            ? { kind: "notFound" }
            : { kind: "saved" };
      await checkRun({
        action: name,
        call: () => k.create(slugValue as string, {}, toFormData(sent)),
        expected,
        values,
        change: { op: "create", table: k.table },
        onSaved: async (url) => {
          expect(url).toBe(`/negotiations/${scope!.slug}/${k.list}`);
          const rec = (await row(`SELECT * FROM "${k.table}" ORDER BY id DESC LIMIT 1`))!;
          expect(stored(kind, rec)).toEqual(parsedFields(kind, parsed.data as Record<string, unknown>));
          expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version: 1, deletedAt: null });
          await expectRevision({ entityType: kind, entityId: rec.id as number, negotiationId: scope!.id, action: "create", version: 1, actor: actorOf(world, who), state: stored(kind, rec) });
        },
      });
    });
  });

  it(`update${Kind}Action: saves a valid edit of the current version only`, { timeout: TIMEOUT }, async () => {
    const name = `update${Kind}Action`;
    const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb({ ...k.specs, version: versionSpec }) });
    await property(name, arb, async ({ who, slug, id, form }) => {
      useRequester(world, who);
      const slugValue = slugArgValue(world, slug);
      const idValue = await idArgValue(world, k.table, id);
      const current = isRecordId(idValue) ? await record(k.table, idValue) : undefined;
      const sent = send(form, (_field, ref: Ref) => {
        if (ref.ref !== "version") throw new Error(`unexpected ref ${ref.ref}`);
        return String(((current?.version as number | undefined) ?? 1) + ref.delta);
      });
      const values = expectedValues(sent);
      const parsed = k.editSchema.safeParse(values);
      const scope = await scopeOf(slugValue);
      const target = scope ? await liveIn(k.table, idValue, scope.id) : undefined;
      const expected: Expected = !mayWrite(who)
        ? { kind: "forbidden" }
        : !parsed.success
          ? { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }
          : !scope || !target
            ? { kind: "notFound" }
            : target.version !== parsed.data.version
              ? { kind: "conflict", version: target.version as number }
              : { kind: "saved" };
      await checkRun({
        action: name,
        call: () => k.update(slugValue as string, idValue as number, {}, toFormData(sent)),
        expected,
        values,
        change: { op: "update", table: k.table },
        onSaved: async (url) => {
          expect(url).toBe(`/negotiations/${scope!.slug}/${k.list}`);
          const rec = (await record(k.table, idValue as number))!;
          expect(stored(kind, rec)).toEqual(parsedFields(kind, parsed.data as Record<string, unknown>));
          const version = (target!.version as number) + 1;
          expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version, deletedAt: null });
          await expectRevision({ entityType: kind, entityId: idValue as number, negotiationId: scope!.id, action: "update", version, actor: actorOf(world, who), state: stored(kind, rec) });
        },
      });
    });
  });

  it(`delete${Kind}Action: trashes the current version only`, { timeout: TIMEOUT }, async () => {
    const name = `delete${Kind}Action`;
    const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb({ version: versionSpec }) });
    await property(name, arb, async ({ who, slug, id, form }) => {
      await replenish(kind);
      useRequester(world, who);
      const slugValue = slugArgValue(world, slug);
      const idValue = await idArgValue(world, k.table, id);
      const current = isRecordId(idValue) ? await record(k.table, idValue) : undefined;
      const sent = send(form, (_field, ref: Ref) => {
        if (ref.ref !== "version") throw new Error(`unexpected ref ${ref.ref}`);
        return String(((current?.version as number | undefined) ?? 1) + ref.delta);
      });
      const scope = await scopeOf(slugValue);
      const target = scope ? await liveIn(k.table, idValue, scope.id) : undefined;
      const expected: Expected = !mayWrite(who)
        ? { kind: "forbidden" }
        : !scope || !target
          ? { kind: "notFound" }
          : target.version !== sentVersion(sent)
            ? { kind: "conflict", version: target.version as number }
            : { kind: "saved" };
      await checkRun({
        action: name,
        call: () => k.remove(slugValue as string, idValue as number, {}, toFormData(sent)),
        expected,
        values: {},
        change: { op: "delete", table: k.table },
        onSaved: async (url) => {
          expect(url).toBe(`/negotiations/${scope!.slug}/${k.list}`);
          const rec = (await record(k.table, idValue as number))!;
          const version = (target!.version as number) + 1;
          expect(rec.version).toBe(version);
          expect(rec.deletedAt).not.toBeNull();
          expect(stored(kind, rec)).toEqual(stored(kind, target!)); // nothing but the trash mark changed
          await expectRevision({ entityType: kind, entityId: idValue as number, negotiationId: scope!.id, action: "delete", version, actor: actorOf(world, who), state: stored(kind, rec) });
        },
      });
    });
  });
}
