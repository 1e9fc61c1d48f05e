// Property tests of every action in server/actions/negotiations.ts, called in-process against a
// real SQLite file with a real editor session (tests/support/action-harness.ts).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { join } from "node:path";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import * as actions from "@/server/actions/negotiations";
import { fieldErrorsOf, negotiationEditSchema, negotiationSchema, LIMITS } from "@/lib/schemas";
import { slugify } from "@/lib/slug";
import { createNegotiation } from "@/server/mutations/negotiations";
import {
  RUNS,
  actorOf,
  checkRun,
  expectRevision,
  isRecordId,
  mayWrite,
  printTallies,
  property,
  record,
  requesterArb,
  row,
  rows,
  sentVersion,
  setUpWorld,
  useRequester,
  type Expected,
  type World,
} from "../support/action-harness";
import { expectedValues, formArb, idArgArb, overLimit, send, slugArb, textArb, toFormData, versionRef, type FieldSpec, type IdArg, type Ref } from "../support/action-arbitraries";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 180_000);
afterAll(() => printTallies("tests/db/actions-negotiations.property.test.ts"));

const TIMEOUT = 60_000 + RUNS * 600;

/** Segments under /negotiations/ that are pages of their own, so no negotiation may be called that. */
const STATIC_SEGMENTS = readdirSync(join(process.cwd(), "app/negotiations"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("[") && !d.name.startsWith("_") && !d.name.startsWith("("))
  .map((d) => d.name);

const SPECS: Record<string, FieldSpec> = {
  title: { valid: textArb(LIMITS.title), hostile: overLimit(LIMITS.title) },
  slug: { valid: slugArb, optional: true, hostile: fc.constantFrom("Gaza", "a_b", "a b", "-x", "x-", "a--b", "ü", "new\n") },
  description: { valid: textArb(LIMITS.description, { multiline: true }), optional: true, hostile: overLimit(LIMITS.description) },
};
const versionSpec: FieldSpec = { valid: versionRef, hostile: fc.constantFrom("0", "-1", "1.0", " 1", "01", "abc", "9999999999", "") };
const FIELDS = ["title", "slug", "description"] as const;

it("covers every exported action of the module", () => {
  expect(Object.keys(actions).sort()).toEqual(["createNegotiationAction", "deleteNegotiationAction", "updateNegotiationAction"]);
  expect(STATIC_SEGMENTS).toContain("new");
});

const stored = (rec: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, rec[f]]));

function resolveSlugRef(ref: Ref): string {
  if (ref.ref !== "slugOf") throw new Error(`unexpected ref ${ref.ref}`);
  return world[ref.which].slug;
}

const slugTaken = async (slug: string, exceptId?: number) => {
  const hit = await row<{ id: number }>(`SELECT id FROM "Negotiation" WHERE slug = ?`, slug);
  return hit !== undefined && hit.id !== exceptId;
};

/** The slug a new negotiation gets from its title: the title's, then -2, -3... (any free one). */
async function freeSlugFor(title: string): Promise<string | null> {
  const wanted = slugify(title);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 56)}-${n}`;
    if (!(await slugTaken(candidate)) && !STATIC_SEGMENTS.includes(candidate)) return candidate;
  }
  return null;
}

/** Negotiations the update and delete properties may change: not main, not the other one. */
async function scratchIds(): Promise<number[]> {
  return (await rows<{ id: number }>(`SELECT id FROM "Negotiation" WHERE deletedAt IS NULL AND id NOT IN (?, ?) ORDER BY id`, world.main.id, world.other.id)).map((r) => r.id);
}
async function replenish() {
  while ((await scratchIds()).length < 3) await createNegotiation({ title: "Scratch talks", slug: "", description: "" }, "fixture");
}
async function idValue(arg: IdArg): Promise<unknown> {
  if ("raw" in arg) return arg.raw;
  let id: number;
  if (arg.pool === "scope") {
    const ids = await scratchIds();
    id = ids[arg.n % ids.length]!;
  } else if (arg.pool === "none") {
    id = 1_000_000 + arg.n;
  } else {
    const trashed = (await rows<{ id: number }>(`SELECT id FROM "Negotiation" WHERE deletedAt IS NOT NULL ORDER BY id`)).map((r) => r.id);
    id = trashed[arg.n % trashed.length]!;
  }
  return arg.as === "string" ? String(id) : arg.as === "array" ? [id] : arg.as === "float" ? id + 0.5 : id;
}

it("createNegotiationAction: saves exactly what the schema accepts, with a free slug", { timeout: TIMEOUT }, async () => {
  const name = "createNegotiationAction";
  await property(name, fc.record({ who: requesterArb, form: formArb(SPECS) }), async ({ who, form }) => {
    useRequester(world, who);
    const sent = send(form, (_f, ref) => resolveSlugRef(ref));
    const values = expectedValues(sent);
    const parsed = negotiationSchema.safeParse(values);
    let expected: Expected;
    let slug: string | null = null;
    if (!mayWrite(who)) expected = { kind: "forbidden" };
    else if (!parsed.success) expected = { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    else if (parsed.data.slug && (await slugTaken(parsed.data.slug))) expected = { kind: "rule", fields: ["slug"] };
    else {
      slug = parsed.data.slug || (await freeSlugFor(parsed.data.title));
      expected = slug ? { kind: "saved" } : { kind: "rule", fields: ["slug"] };
    }
    await checkRun({
      action: name,
      call: () => actions.createNegotiationAction({}, toFormData(sent)),
      expected,
      values,
      change: { op: "create", table: "Negotiation" },
      onSaved: async (url) => {
        const rec = (await row(`SELECT * FROM "Negotiation" ORDER BY id DESC LIMIT 1`))!;
        expect(stored(rec)).toEqual({ title: parsed.data!.title, description: parsed.data!.description, slug });
        expect(STATIC_SEGMENTS, "the new negotiation's page is shadowed by a static route").not.toContain(rec.slug);
        expect(url).toBe(`/negotiations/${slug}`);
        expect({ version: rec.version, deletedAt: rec.deletedAt }).toEqual({ version: 1, deletedAt: null });
        await expectRevision({ entityType: "negotiation", entityId: rec.id as number, negotiationId: rec.id as number, action: "create", version: 1, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});

it("updateNegotiationAction: saves a valid edit of the current version only", { timeout: TIMEOUT }, async () => {
  const name = "updateNegotiationAction";
  await property(name, fc.record({ who: requesterArb, id: idArgArb, form: formArb({ ...SPECS, version: versionSpec }) }), async ({ who, id, form }) => {
    await replenish();
    useRequester(world, who);
    const target = await idValue(id);
    const current = isRecordId(target) ? await record("Negotiation", target) : undefined;
    const sent = send(form, (_f, ref) => (ref.ref === "version" ? String(((current?.version as number | undefined) ?? 1) + ref.delta) : resolveSlugRef(ref)));
    const values = expectedValues(sent);
    const parsed = negotiationEditSchema.safeParse(values);
    const live = current && current.deletedAt === null ? current : undefined;
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !parsed.success
        ? { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) }
        : !isRecordId(target)
          ? { kind: "notFound" }
          : parsed.data.slug && (await slugTaken(parsed.data.slug, target))
            ? { kind: "rule", fields: ["slug"] }
            : !live
              ? { kind: "notFound" }
              : live.version !== parsed.data.version
                ? { kind: "conflict", version: live.version as number }
                : { kind: "saved" };
    await checkRun({
      action: name,
      call: () => actions.updateNegotiationAction(target as number, {}, toFormData(sent)),
      expected,
      values,
      change: { op: "update", table: "Negotiation" },
      onSaved: async (url) => {
        const rec = (await record("Negotiation", target as number))!;
        const slug = parsed.data!.slug || live!.slug;
        expect(stored(rec)).toEqual({ title: parsed.data!.title, description: parsed.data!.description, slug });
        expect(STATIC_SEGMENTS).not.toContain(rec.slug);
        expect(url).toBe(`/negotiations/${slug}`);
        const version = (live!.version as number) + 1;
        expect({ version: rec.version, deletedAt: rec.deletedAt }).toEqual({ version, deletedAt: null });
        await expectRevision({ entityType: "negotiation", entityId: target as number, negotiationId: target as number, action: "update", version, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});

it("deleteNegotiationAction: trashes the current version only", { timeout: TIMEOUT }, async () => {
  const name = "deleteNegotiationAction";
  await property(name, fc.record({ who: requesterArb, id: idArgArb, form: formArb({ version: versionSpec }) }), async ({ who, id, form }) => {
    await replenish();
    useRequester(world, who);
    const target = await idValue(id);
    const current = isRecordId(target) ? await record("Negotiation", target) : undefined;
    const sent = send(form, (_f, ref) => {
      if (ref.ref !== "version") throw new Error(`unexpected ref ${ref.ref}`);
      return String(((current?.version as number | undefined) ?? 1) + ref.delta);
    });
    const live = current && current.deletedAt === null ? current : undefined;
    const expected: Expected = !mayWrite(who)
      ? { kind: "forbidden" }
      : !live
        ? { kind: "notFound" }
        : live.version !== sentVersion(sent)
          ? { kind: "conflict", version: live.version as number }
          : { kind: "saved" };
    await checkRun({
      action: name,
      call: () => actions.deleteNegotiationAction(target as number, {}, toFormData(sent)),
      expected,
      values: {},
      change: { op: "delete", table: "Negotiation" },
      onSaved: async (url) => {
        expect(url).toBe("/");
        const rec = (await record("Negotiation", target as number))!;
        const version = (live!.version as number) + 1;
        expect(rec.version).toBe(version);
        expect(rec.deletedAt).not.toBeNull();
        expect(stored(rec)).toEqual(stored(live!));
        await expectRevision({ entityType: "negotiation", entityId: target as number, negotiationId: target as number, action: "delete", version, actor: actorOf(world, who), state: stored(rec) });
      },
    });
  });
});
