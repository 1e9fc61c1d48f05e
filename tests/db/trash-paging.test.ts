// Finding 13: the trash page with 2,000 trashed records on a real SQLite file. Before, the
// deleters were looked up with one OR term (three bound values) per trashed row and the query
// failed at about 333 records; and every trashed record of every table was read for one page.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Who may read the trash (editors and admins) is tested in reading-access.test.ts; here the
// reader is an editor, so that this file tests the paging alone.
vi.mock("@/server/session", async (original) => ({
  ...(await original<typeof import("@/server/session")>()),
  requireReaderWithRole: async () => ({ id: "u-deleter", name: "Dana Deleter", email: "dana@example.org", role: "editor" }),
}));
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { listTrash, TRASH_PAGE_SIZE } from "@/server/queries/revisions";
import { getDb } from "@/server/db";
import { partySchema } from "@/lib/schemas";

const TRASHED = 2_000;
let n = 0;

beforeAll(async () => {
  useFreshDatabase();
  n = (await createNegotiation({ title: "Long-lived install", slug: "", description: "" }, "t")).id;
  const db = await getDb();
  await db.user.create({ data: { id: "u-deleter", name: "Dana Deleter", email: "dana@example.org", role: "editor" } });
  // 1,997 parties trashed in bulk (same shape as the app writes: the row marked, a `delete`
  // revision at the row's version, with the author's name as it was), one minute apart, the oldest first...
  const start = Date.UTC(2024, 0, 1);
  await db.party.createMany({
    data: Array.from({ length: TRASHED - 3 }, (_, i) => ({ negotiationId: n, name: `Party ${i + 1}`, version: 2, deletedAt: new Date(start + i * 60_000) })),
  });
  const parties = await db.party.findMany({ where: { negotiationId: n }, select: { id: true }, orderBy: { id: "asc" } });
  await db.revision.createMany({
    data: parties.map((p) => ({ entityType: "party", entityId: p.id, negotiationId: n, action: "delete", version: 2, state: "{}", actor: "u-deleter", actorName: "Dana Deleter" })),
  });
  // ...and three through the app's own write path, the newest of all.
  for (const kind of ["party", "issue", "source"] as const) {
    const fields = kind === "party" ? partySchema.parse({ name: "Just now", role: "party", colour: "#000000", order: "1" }) : kind === "issue" ? { name: "Just now" } : { title: "Just now" };
    const { id } = await createInNegotiation(kind, n, fields, "u-deleter");
    await trashInNegotiation(kind, n, id, 1, "u-deleter");
  }
}, 60_000);

describe("the trash with 2,000 records", () => {
  it("reads one page of 50, newest deletion first, with who deleted each", async () => {
    const first = await listTrash({ page: 1 });
    expect({ total: first.total, pageCount: first.pageCount, rows: first.rows.length }).toEqual({ total: TRASHED, pageCount: 40, rows: TRASH_PAGE_SIZE });
    expect(first.rows.slice(0, 3).map((r) => [r.entityType, r.label])).toEqual(
      expect.arrayContaining([
        ["party", "Just now"],
        ["issue", "Just now"],
        ["source", "Just now"],
      ]),
    );
    expect(first.rows[3]).toMatchObject({ entityType: "party", label: `Party ${TRASHED - 3}`, version: 2 });
    expect(first.rows[3]!.deletedAt).toBeInstanceOf(Date);
    expect(new Set(first.rows.map((r) => r.deletedBy))).toEqual(new Set(["Dana Deleter"]));
    expect(first.rows[0]!.negotiation).toEqual({ slug: "long-lived-install", title: "Long-lived install" });
  });

  it("pages through every record exactly once, in order, and the last page holds the oldest", async () => {
    const seen: string[] = [];
    let previous = Infinity;
    for (let page = 1; page <= 40; page++) {
      const { rows } = await listTrash({ page });
      expect(rows.length).toBe(TRASH_PAGE_SIZE);
      for (const r of rows) {
        expect(r.deletedAt.getTime()).toBeLessThanOrEqual(previous);
        previous = r.deletedAt.getTime();
        seen.push(`${r.entityType}-${r.id}`);
      }
    }
    expect(new Set(seen).size).toBe(TRASHED);
    expect((await listTrash({ page: 40 })).rows.at(-1)).toMatchObject({ label: "Party 1", deletedAt: new Date(Date.UTC(2024, 0, 1)) });
    expect((await listTrash({ page: 41 })).rows).toEqual([]);
  });
});
