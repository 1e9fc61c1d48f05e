// Property tests of every action in server/actions/milestones.ts, called in-process against a real
// SQLite file with a real editor session (tests/support/action-harness.ts): a save writes exactly
// the milestone the schema accepts and one revision; every refusal writes nothing.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import fc from "fast-check";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import * as actions from "@/server/actions/milestones";
import { SOURCE_NOT_HERE } from "@/server/mutations/milestones";
import { fieldErrorsOf, milestoneEditSchema, milestoneSchema, LIMITS } from "@/lib/schemas";
import {
  RUNS,
  actorOf,
  checkRun,
  expectRevision,
  idArgValue,
  isRecordId,
  liveIn,
  mayWrite,
  pickId,
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
  expectedValues,
  formArb,
  idArgArb,
  overLimit,
  recentDayArb,
  refusedDayArb,
  send,
  slugArgArb,
  textArb,
  toFormData,
  versionRef,
  type FieldSpec,
  type Ref,
  type Sent,
} from "../support/action-arbitraries";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 180_000);
afterAll(() => printTallies("tests/db/actions-milestones.property.test.ts"));

const TIMEOUT = 60_000 + RUNS * 600;
const FIELDS = ["day", "title", "sourceId", "note"] as const;

const sourceRef = (pool: "scope" | "other" | "trashed" | "none") => fc.nat(1000).map((n) => ({ ref: "id", table: "Source", pool, n }) as Ref);
const SPECS: Record<string, FieldSpec> = {
  day: { valid: recentDayArb, hostile: fc.oneof(refusedDayArb, fc.constantFrom("", "24-08-01", "2024/08/01")) },
  title: { valid: textArb(LIMITS.title), hostile: fc.oneof(overLimit(LIMITS.title), fc.constantFrom("", "Two\nlines")) },
  sourceId: {
    valid: fc.oneof({ weight: 1, arbitrary: fc.constant("") }, { weight: 3, arbitrary: sourceRef("scope") }),
    optional: true,
    hostile: fc.oneof(sourceRef("other"), sourceRef("trashed"), sourceRef("none"), fc.constantFrom("abc", "0", "-1", "1.5", "9999999999", "2147483648")),
  },
  note: { valid: textArb(LIMITS.notes, { multiline: true }), optional: true, hostile: overLimit(LIMITS.notes) },
};
const versionSpec: FieldSpec = { valid: versionRef, hostile: fc.constantFrom("0", "-1", "1.0", " 1", "01", "abc", "9999999999", "") };
const EDIT_SPECS: Record<string, FieldSpec> = { ...SPECS, version: versionSpec };

it("covers every exported action of the module", () => {
  expect(Object.keys(actions).sort()).toEqual(["createMilestoneAction", "deleteMilestoneAction", "updateMilestoneAction"]);
});

const stored = (rec: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, rec[f]]));

async function resolve(form: Parameters<typeof send>[0], version: number | undefined): Promise<Sent> {
  const ids = new Map<Ref, number>();
  for (const [, field] of form.fields) {
    const refs = field.k === "one" ? [field.v] : field.k === "many" ? field.v : [];
    for (const v of refs) if (typeof v !== "string" && v.ref === "id") ids.set(v, await pickId(world, v.table, v.pool, v.n));
  }
  return send(form, (_f, ref) => {
    if (ref.ref === "id") return String(ids.get(ref));
    if (ref.ref === "version") return String((version ?? 1) + ref.delta);
    throw new Error(`unexpected ref ${ref.ref}`);
  });
}

/** What the action must answer once the form parses: the source must be a live one of the negotiation. */
async function sourceProblem(sourceId: number | null, scopeId: number): Promise<Expected | null> {
  if (sourceId === null || (await liveIn("Source", sourceId, scopeId))) return null;
  return { kind: "invalid", fieldErrors: { sourceId: [SOURCE_NOT_HERE] } };
}

it("createMilestoneAction: saves exactly what the schema accepts with a source of the negotiation, refuses the rest unwritten", { timeout: TIMEOUT }, async () => {
  const name = "createMilestoneAction";
  await property(name, fc.record({ who: requesterArb, slug: slugArgArb, form: formArb(SPECS) }), async ({ who, slug, form }) => {
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const sent = await resolve(form, undefined);
    const values = expectedValues(sent);
    const parsed = milestoneSchema.safeParse(values);
    const scope = await scopeOf(slugValue);
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !parsed.success
        ? { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }
        : !scope
          ? { kind: "notFound" }
          : ((await sourceProblem(parsed.data.sourceId, scope.id)) ?? { kind: "saved" });
    await checkRun({
      action: name,
      call: () => actions.createMilestoneAction(slugValue as string, {}, toFormData(sent)),
      expected,
      values,
      change: { op: "create", table: "Milestone" },
      onSaved: async (url) => {
        const rec = (await row(`SELECT * FROM "Milestone" ORDER BY id DESC LIMIT 1`))!;
        expect(url).toBe(`/negotiations/${scope!.slug}/milestones?saved=${rec.id}`);
        expect(stored(rec)).toEqual(stored(parsed.data! as Record<string, unknown>));
        expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version: 1, deletedAt: null });
        await expectRevision({ entityType: "milestone", entityId: rec.id as number, negotiationId: scope!.id, action: "create", version: 1, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});

it("updateMilestoneAction: saves a valid edit of the current version, refuses the rest unwritten", { timeout: TIMEOUT }, async () => {
  const name = "updateMilestoneAction";
  const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb(EDIT_SPECS) });
  await property(name, arb, async ({ who, slug, id, form }) => {
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const idValue = await idArgValue(world, "Milestone", id);
    const current = isRecordId(idValue) ? await record("Milestone", idValue) : undefined;
    const sent = await resolve(form, current?.version as number | undefined);
    const values = expectedValues(sent);
    const parsed = milestoneEditSchema.safeParse(values);
    const scope = await scopeOf(slugValue);
    const target = scope ? await liveIn("Milestone", idValue, scope.id) : undefined;
    // The source is checked before the version (both inside the write's transaction).
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !parsed.success
        ? { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }
        : !scope || !isRecordId(idValue)
          ? { kind: "notFound" }
          : ((await sourceProblem(parsed.data.sourceId, scope.id)) ??
            (!target ? { kind: "notFound" } : target.version !== parsed.data.version ? { kind: "conflict", version: target.version as number } : { kind: "saved" }));
    await checkRun({
      action: name,
      call: () => actions.updateMilestoneAction(slugValue as string, idValue as number, {}, toFormData(sent)),
      expected,
      values,
      change: { op: "update", table: "Milestone" },
      onSaved: async (url) => {
        expect(url).toBe(`/negotiations/${scope!.slug}/milestones?saved=${idValue}`);
        const rec = (await record("Milestone", idValue as number))!;
        expect(stored(rec)).toEqual(stored(parsed.data! as Record<string, unknown>));
        const version = (target!.version as number) + 1;
        expect({ negotiationId: rec.negotiationId, version: rec.version, deletedAt: rec.deletedAt }).toEqual({ negotiationId: scope!.id, version, deletedAt: null });
        await expectRevision({ entityType: "milestone", entityId: idValue as number, negotiationId: scope!.id, action: "update", version, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});

it("deleteMilestoneAction: trashes the current version of a milestone, refuses the rest unwritten", { timeout: TIMEOUT }, async () => {
  const name = "deleteMilestoneAction";
  const arb = fc.record({ who: requesterArb, slug: slugArgArb, id: idArgArb, form: formArb({ version: versionSpec }) });
  await property(name, arb, async ({ who, slug, id, form }) => {
    // Keep a few live milestones in main so deletes can succeed.
    const live = await row<{ n: number }>(`SELECT count(*) AS n FROM "Milestone" WHERE negotiationId = ? AND deletedAt IS NULL`, world.main.id);
    if (Number(live!.n) < 3) {
      const { createMilestone } = await import("@/server/mutations/milestones");
      await createMilestone(world.main.id, milestoneSchema.parse({ day: "2024-08-20", title: "Spare milestone" }), "fixture");
    }
    useRequester(world, who);
    const slugValue = slugArgValue(world, slug);
    const idValue = await idArgValue(world, "Milestone", id);
    const current = isRecordId(idValue) ? await record("Milestone", idValue) : undefined;
    const sent = await resolve(form, current?.version as number | undefined);
    const scope = await scopeOf(slugValue);
    const target = scope ? await liveIn("Milestone", idValue, scope.id) : undefined;
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !scope || !isRecordId(idValue) || !target
        ? { kind: "notFound" }
        : target.version !== sentVersion(sent)
          ? { kind: "conflict", version: target.version as number }
          : { kind: "saved" };
    await checkRun({
      action: name,
      call: () => actions.deleteMilestoneAction(slugValue as string, idValue as number, {}, toFormData(sent)),
      expected,
      values: {},
      change: { op: "delete", table: "Milestone" },
      onSaved: async (url) => {
        expect(url).toBe(`/negotiations/${scope!.slug}/milestones`);
        const rec = (await record("Milestone", idValue as number))!;
        const version = (target!.version as number) + 1;
        expect(rec.version).toBe(version);
        expect(rec.deletedAt).not.toBeNull();
        expect(stored(rec)).toEqual(stored(target!));
        await expectRevision({ entityType: "milestone", entityId: idValue as number, negotiationId: scope!.id, action: "delete", version, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});
