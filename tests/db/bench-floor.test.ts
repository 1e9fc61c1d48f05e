// The benchmark's floor (scripts/bench/floor.ts) gives the same matrix cells as the app's
// overview query, on a real SQLite file written through the forms' write path: same-day
// readings, joint statements, change marks, and entries that are not live (trashed entry,
// trashed party). If they drifted, the bench would compare pages with a different answer.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { getOverview } from "@/server/queries/overview";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { shownCellsOf, sqliteFloor, type ReadingRow } from "@/scripts/bench/floor";
import type { ShownCell } from "@/scripts/bench/stats";

let file: string;
let negotiationId: number;

beforeAll(async () => {
  if (onPostgres) return;
  file = useFreshDatabase().replace(/^file:/, "");
  negotiationId = (await createNegotiation({ title: "Bench floor talks", slug: "", description: "" }, "test")).id;
  const party = async (name: string, role = "party") =>
    (await createInNegotiation("party", negotiationId, partySchema.parse({ name, role, colour: "#000000", order: "0" }), "test")).id;
  const issue = async (name: string) => (await createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: "0" }), "test")).id;
  const [a, b, c, gone] = [await party("A"), await party("B"), await party("C", "mediator"), await party("Gone")];
  const [x, y] = [await issue("X"), await issue("Y")];
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-01-01" }), "test")).id;
  const add = (partyIds: number[], issueId: number, statedOn: string, stance: string, firmness = "") =>
    createEntry(
      negotiationId,
      entrySchema.parse({ partyIds: partyIds.map(String), issueId: String(issueId), sourceId: String(source), statedOn, stance, firmness, summary: `${stance} on ${statedOn}` }),
      "test",
    );
  await add([a], x, "2024-01-05", "accepts");
  await add([a], x, "2024-02-01", "rejects", "red_line"); // reversed from accepts, then a second entry the same day
  await add([a], x, "2024-02-01", "conditions");
  await add([a, b], y, "2024-01-20", "demands"); // joint: counts for A and B
  await add([b], y, "2024-02-03", "concedes", "flexible");
  await add([c], x, "2024-01-10", "proposes");
  const trashed = await add([c], x, "2024-02-02", "withdraws");
  await trashEntry(negotiationId, trashed.id, 1, "test"); // a new record is at version 1
  await add([gone, b], x, "2024-01-15", "supports"); // joint with a party that goes to the trash: the entry stops being live
  const goneParty = await new Database(file, { readonly: true }).prepare(`SELECT version FROM Party WHERE id = ?`).get(gone) as { version: number };
  await trashInNegotiation("party", negotiationId, gone, goneParty.version, "test");
});

async function pageCells(asOf: string) {
  const overview = await getOverview({ negotiationId, asOf, windowDays: 30 });
  const out = new Map<string, ShownCell>();
  for (const issue of overview.issues) {
    for (const party of overview.parties) {
      const cell = overview.cells.get(overview.cellKey(issue.id, party.id));
      if (cell) out.set(`${party.id}-${issue.id}`, { stance: cell.stance, statedOn: cell.statedOn, entries: cell.entries, change: cell.change });
    }
  }
  return out;
}

async function floorCells(asOf: string) {
  const floor = sqliteFloor(new Database(file, { readonly: true }));
  try {
    const rows = await floor.all<ReadingRow>("readings", { negotiationId, asOf, days: 2 });
    return shownCellsOf(rows, asOf, 30);
  } finally {
    await floor.close();
  }
}

// Skipped on PostgreSQL (npm run test:db:pg): the floor is SQLite prepared statements on the bench file (scripts/bench/floor.ts).
describe.skipIf(onPostgres)("bench floor: the matrix readings", () => {
  it.each(["2023-12-31", "2024-01-12", "2024-01-25", "2024-02-01", "2024-02-02", "2024-03-15", "2026-01-01"])("agrees with the overview as of %s", async (asOf) => {
    expect(await floorCells(asOf)).toEqual(await pageCells(asOf));
  });

  it("counts a day's entries as one reading and marks the move within the window (accepts → rejects reverses)", async () => {
    const cells = [...(await floorCells("2024-02-10")).values()];
    expect(cells).toContainEqual({ stance: "rejects", statedOn: "2024-02-01", entries: 2, change: "reversed" });
    expect(cells).toContainEqual({ stance: "concedes", statedOn: "2024-02-03", entries: 1, change: "softened" });
    // Not live: the trashed withdrawal and the joint statement with the trashed party.
    expect(cells.some((c) => c.stance === "withdraws" || c.stance === "supports")).toBe(false);
  });
});
