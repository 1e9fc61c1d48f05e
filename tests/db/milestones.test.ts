// Milestones (issue 11 item 4, docs/decisions/028) on a real SQLite file with real sessions: the
// actions save what the form says with a revision, refuse bad input by the field with nothing
// written, refuse a source from another negotiation, go to the trash and come back from it.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { createMilestoneAction, deleteMilestoneAction, updateMilestoneAction } from "@/server/actions/milestones";
import { restoreAction } from "@/server/actions/trash";
import { getMilestone, listMilestoneMarks, listMilestonesPage } from "@/server/queries/milestones";
import { listTrash } from "@/server/queries/revisions";
import { getDb } from "@/server/db";
import { SOURCE_NOT_HERE } from "@/server/mutations/milestones";
import { LIMITS } from "@/lib/schemas";
import { INT_MAX, invoke, setUpWorld, useRequester, type World } from "../support/action-harness";
import { formData } from "../support/http-actions";

let world: World;
let ownSource = 0;
let otherSource = 0;
let trashedSource = 0;

beforeAll(async () => {
  world = await setUpWorld();
  const db = await getDb();
  ownSource = (await db.source.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: null }, select: { id: true } })).id;
  otherSource = (await db.source.findFirstOrThrow({ where: { negotiationId: world.other.id }, select: { id: true } })).id;
  trashedSource = (await db.source.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: { not: null } }, select: { id: true } })).id;
}, 180_000);

/** Milestone rows and revisions: equal before and after = nothing written. */
async function written() {
  const db = await getDb();
  const [milestones, versions, revisions] = await Promise.all([
    db.milestone.count(),
    db.milestone.aggregate({ _sum: { version: true } }),
    db.revision.count(),
  ]);
  return { milestones, versions: versions._sum.version ?? 0, revisions };
}

async function lastMilestone() {
  const db = await getDb();
  return db.milestone.findFirstOrThrow({ where: { negotiationId: world.main.id }, orderBy: { id: "desc" } });
}

describe("milestones", () => {
  it("the demo's milestones are marks, oldest first, with the Cairo talks of 25 August 2024", async () => {
    const marks = await listMilestoneMarks(world.main.id);
    expect(marks.length).toBeGreaterThanOrEqual(5);
    expect(marks.map((m) => m.day)).toEqual([...marks.map((m) => m.day)].sort());
    expect(marks).toContainEqual({ id: expect.any(Number), day: "2024-08-25", title: "Talks in Cairo" });
    expect(Object.keys(marks[0]!).sort()).toEqual(["day", "id", "title"]);
  });

  it("an editor adds a milestone: saved as typed (trimmed), with its first revision, and it is a mark", async () => {
    useRequester(world, "editor");
    const before = await written();
    const out = await invoke(() =>
      createMilestoneAction(world.main.slug, {}, formData({ day: " 2024-07-10 ", title: "  Talks in Doha resume ", sourceId: String(ownSource), note: "Second line\nof the note" })),
    );
    const saved = await lastMilestone();
    expect(out).toEqual({ kind: "redirect", url: `/negotiations/${world.main.slug}/milestones?saved=${saved.id}` });
    expect(saved).toMatchObject({ negotiationId: world.main.id, day: "2024-07-10", title: "Talks in Doha resume", sourceId: ownSource, note: "Second line\nof the note", version: 1, deletedAt: null });
    expect(await written()).toEqual({ milestones: before.milestones + 1, versions: before.versions + 1, revisions: before.revisions + 1 });
    const db = await getDb();
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "milestone", entityId: saved.id } });
    expect(revision).toMatchObject({ action: "create", version: 1, negotiationId: world.main.id, actor: world.users.editor.id });
    expect(await listMilestoneMarks(world.main.id)).toContainEqual({ id: saved.id, day: "2024-07-10", title: "Talks in Doha resume" });
  });

  it.each([
    ["no title", { day: "2024-07-10", title: "   " }, "title"],
    ["no day", { day: "", title: "Talks" }, "day"],
    ["an impossible day", { day: "2024-02-30", title: "Talks" }, "day"],
    ["a day in the future", { day: "2999-01-01", title: "Talks" }, "day"],
    ["a day before 1900", { day: "1899-12-31", title: "Talks" }, "day"],
    ["a title over the limit", { day: "2024-07-10", title: "x".repeat(LIMITS.title + 1) }, "title"],
    ["a title on two lines", { day: "2024-07-10", title: "Talks\nin Doha" }, "title"],
    ["a source that is not an id", { day: "2024-07-10", title: "Talks", sourceId: "abc" }, "sourceId"],
    ["a note over the limit", { day: "2024-07-10", title: "Talks", note: "n".repeat(LIMITS.notes + 1) }, "note"],
  ])("refuses %s by the field, keeps what was typed, saves nothing", async (_what, fields: Record<string, string>, field) => {
    useRequester(world, "editor");
    const before = await written();
    const out = await invoke(() => createMilestoneAction(world.main.slug, {}, formData(fields)));
    expect(out.kind).toBe("state");
    const state = (out as { state: { fieldErrors?: Record<string, string[]>; values?: Record<string, string> } }).state;
    expect(Object.keys(state.fieldErrors ?? {})).toEqual([field]);
    expect(state.values).toMatchObject(fields);
    expect(await written()).toEqual(before);
  });

  it("refuses a source of another negotiation, and one in the trash, by the source field; nothing saved", async () => {
    useRequester(world, "editor");
    for (const sourceId of [otherSource, trashedSource, INT_MAX]) {
      const before = await written();
      const out = await invoke(() => createMilestoneAction(world.main.slug, {}, formData({ day: "2024-07-10", title: "Talks", sourceId: String(sourceId) })));
      expect(out).toMatchObject({ kind: "state", state: { fieldErrors: { sourceId: [SOURCE_NOT_HERE] }, values: { title: "Talks" } } });
      expect(await written()).toEqual(before);
    }
  });

  it("a viewer cannot add one; nothing saved", async () => {
    useRequester(world, "viewer");
    const before = await written();
    const out = await invoke(() => createMilestoneAction(world.main.slug, {}, formData({ day: "2024-07-10", title: "Talks" })));
    expect(out.kind).toBe("state");
    expect((out as { state: { formError?: string } }).state.formError).toBeTruthy();
    expect(await written()).toEqual(before);
  });

  it("an edit of the current version is saved with a revision; a stale one is a conflict, nothing saved", async () => {
    useRequester(world, "editor");
    const m = await lastMilestone();
    const out = await invoke(() =>
      updateMilestoneAction(world.main.slug, m.id, {}, formData({ day: "2024-07-11", title: "Talks in Doha", sourceId: "", note: "", version: String(m.version) })),
    );
    expect(out.kind).toBe("redirect");
    expect(await getMilestone(world.main.id, m.id)).toEqual({ id: m.id, day: "2024-07-11", title: "Talks in Doha", sourceId: null, note: "", version: m.version + 1 });
    const before = await written();
    const stale = await invoke(() => updateMilestoneAction(world.main.slug, m.id, {}, formData({ day: "2024-07-12", title: "Stale", version: String(m.version) })));
    expect(stale).toMatchObject({ kind: "state", state: { conflict: { version: m.version + 1 }, values: { title: "Stale" } } });
    expect(await written()).toEqual(before);
  });

  it("an unknown id, an id beyond 32 bits, or another negotiation's milestone is not found; nothing saved", async () => {
    useRequester(world, "editor");
    const db = await getDb();
    const mine = await lastMilestone();
    const theirs = await db.milestone.create({ data: { negotiationId: world.other.id, day: "2023-05-05", title: "Their round", updatedAt: new Date() } });
    for (const id of [999_999, INT_MAX, INT_MAX + 1, theirs.id]) {
      const before = await written();
      const edit = await invoke(() => updateMilestoneAction(world.main.slug, id, {}, formData({ day: "2024-07-12", title: "X", version: "1" })));
      expect(edit).toMatchObject({ kind: "state", state: { formError: expect.stringContaining("no longer exists") } });
      const del = await invoke(() => deleteMilestoneAction(world.main.slug, id, {}, formData({ version: "1" })));
      expect(del).toMatchObject({ kind: "state", state: { formError: expect.stringContaining("no longer exists") } });
      expect(await written()).toEqual(before);
    }
    // Reads: another negotiation's milestone is no milestone of this one.
    expect(await getMilestone(world.main.id, theirs.id)).toBeNull();
    expect(await getMilestone(world.other.id, mine.id)).toBeNull();
    expect((await listMilestoneMarks(world.main.id)).map((m) => m.id)).not.toContain(theirs.id);
  });

  it("delete moves it to the trash (gone from the list and the marks, listed in the trash); restore brings it back as it was", async () => {
    useRequester(world, "editor");
    const m = await lastMilestone();
    const del = await invoke(() => deleteMilestoneAction(world.main.slug, m.id, {}, formData({ version: String(m.version) })));
    expect(del).toEqual({ kind: "redirect", url: `/negotiations/${world.main.slug}/milestones` });
    expect(await getMilestone(world.main.id, m.id)).toBeNull();
    expect((await listMilestoneMarks(world.main.id)).map((x) => x.id)).not.toContain(m.id);
    expect((await listMilestonesPage(world.main.id, 1))!.milestones.map((x) => x.id)).not.toContain(m.id);
    const trash = await listTrash();
    const row = trash.rows.find((r) => r.entityType === "milestone" && r.id === m.id);
    expect(row).toMatchObject({ label: `${m.day}: ${m.title}`, version: m.version + 1, negotiation: { slug: world.main.slug } });

    const restored = await invoke(() => restoreAction("milestone", m.id, {}, formData({ version: String(m.version + 1) })));
    expect(restored).toEqual({ kind: "redirect", url: `/trash?restored=milestone-${m.id}` });
    expect(await getMilestone(world.main.id, m.id)).toEqual({ id: m.id, day: m.day, title: m.title, sourceId: m.sourceId, note: m.note, version: m.version + 2 });
    const db = await getDb();
    const actions = (await db.revision.findMany({ where: { entityType: "milestone", entityId: m.id }, orderBy: { id: "asc" }, select: { action: true } })).map((r) => r.action);
    expect(actions.slice(-2)).toEqual(["delete", "restore"]);
  });

  it("the list is newest first and names a source in the trash as such", async () => {
    useRequester(world, "editor");
    const db = await getDb();
    const spare = await db.source.create({ data: { negotiationId: world.main.id, title: "Soon trashed", updatedAt: new Date() } });
    const out = await invoke(() => createMilestoneAction(world.main.slug, {}, formData({ day: "2024-09-01", title: "With a source", sourceId: String(spare.id) })));
    expect(out.kind).toBe("redirect");
    await db.source.update({ where: { id: spare.id }, data: { deletedAt: new Date() } });
    const { milestones } = (await listMilestonesPage(world.main.id, 1))!;
    expect(milestones.map((m) => m.day)).toEqual([...milestones.map((m) => m.day)].sort().reverse());
    expect(milestones.find((m) => m.title === "With a source")!.source).toMatchObject({ id: spare.id, title: "Soon trashed", inTrash: true });
    expect(await listMilestonesPage(world.main.id, 99)).toBeNull();
  });
});
