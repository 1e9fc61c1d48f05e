// The matrix query against a real migrated SQLite file, through the same write path as the forms.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry, updateEntry } from "@/server/mutations/entries";
import { getMatrix } from "@/server/queries/entries";
import { getDb } from "@/server/db";
import { ValidationError } from "@/server/errors";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";

const SOURCE_TEXT = "Hamas demands a full withdrawal. Israel rejects a permanent ceasefire.";
let ids: { negotiationId: number; israel: number; hamas: number; pij: number; withdrawal: number; ceasefire: number; source: number; linkOnly: number };

const entry = (over: Record<string, unknown>) =>
  entrySchema.parse({ issueId: String(ids.withdrawal), sourceId: String(ids.source), stance: "demands", summary: "s", ...over });

beforeAll(async () => {
  useFreshDatabase();
  const { id: negotiationId } = await createNegotiation({ title: "Test talks", slug: "", description: "" }, "test");
  const party = (name: string, order: number) =>
    createInNegotiation("party", negotiationId, partySchema.parse({ name, role: "party", colour: "#000000", order: String(order) }), "test");
  const issue = (name: string, order: number) => createInNegotiation("issue", negotiationId, issueSchema.parse({ name, order: String(order) }), "test");
  const israel = (await party("Israel", 1)).id;
  const hamas = (await party("Hamas", 2)).id;
  const pij = (await party("Islamic Jihad", 3)).id;
  const withdrawal = (await issue("Withdrawal", 1)).id;
  const ceasefire = (await issue("Ceasefire", 2)).id;
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-08-25", text: SOURCE_TEXT }), "test")).id;
  const linkOnly = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Link", url: "https://example.org/x", publishedOn: "2024-08-01" }), "test")).id;
  ids = { negotiationId, israel, hamas, pij, withdrawal, ceasefire, source, linkOnly };

  // Hamas on withdrawal: 08-01 (link-only source's date), then 08-25 (defaulted from its source).
  await createEntry(negotiationId, entry({ partyIds: [String(hamas)], sourceId: String(linkOnly), stance: "conditions" }), "test");
  await createEntry(negotiationId, entry({ partyIds: [String(hamas)], quote: "Hamas demands a full withdrawal." }), "test");
  // Joint statement on the ceasefire, stated 08-10.
  await createEntry(negotiationId, entry({ partyIds: [String(hamas), String(pij)], issueId: String(ceasefire), statedOn: "2024-08-10" }), "test");
  // Two entries by Israel on the same day: the later-recorded one wins.
  await createEntry(negotiationId, entry({ partyIds: [String(israel)], issueId: String(ceasefire), stance: "proposes", statedOn: "2024-08-15" }), "test");
  await createEntry(negotiationId, entry({ partyIds: [String(israel)], issueId: String(ceasefire), stance: "rejects", statedOn: "2024-08-15", quote: "Israel rejects a permanent ceasefire." }), "test");
});

async function stances(asOf: string) {
  const m = await getMatrix({ negotiationId: ids.negotiationId, asOf });
  const at = (issue: number, party: number) => m.cells.get(m.cellKey(issue, party))?.current?.stance ?? null;
  return {
    hamasWithdrawal: at(ids.withdrawal, ids.hamas),
    hamasCeasefire: at(ids.ceasefire, ids.hamas),
    pijCeasefire: at(ids.ceasefire, ids.pij),
    israelCeasefire: at(ids.ceasefire, ids.israel),
    israelWithdrawal: at(ids.withdrawal, ids.israel),
  };
}

describe("getMatrix on a real SQLite file", () => {
  it("is empty before the first entry", async () => {
    expect(await stances("2024-07-31")).toEqual({ hamasWithdrawal: null, hamasCeasefire: null, pijCeasefire: null, israelCeasefire: null, israelWithdrawal: null });
  });
  it("shows the earlier entry between the two dates, joint statements under both parties", async () => {
    expect(await stances("2024-08-12")).toEqual({ hamasWithdrawal: "conditions", hamasCeasefire: "demands", pijCeasefire: "demands", israelCeasefire: null, israelWithdrawal: null });
  });
  it("resolves the same-day tie to the later-recorded entry", async () => {
    expect((await stances("2024-08-15")).israelCeasefire).toBe("rejects");
  });
  it("shows the later entry on and after its date, with the earlier counted", async () => {
    expect((await stances("2024-08-25")).hamasWithdrawal).toBe("demands");
    const m = await getMatrix({ negotiationId: ids.negotiationId, asOf: "2026-11-24" });
    const cell = m.cells.get(m.cellKey(ids.withdrawal, ids.hamas))!;
    expect(cell.current?.statedOn).toBe("2024-08-25");
    expect({ earlier: cell.earlier, later: cell.later }).toEqual({ earlier: 1, later: 0 });
  });
  it("leaves a trashed entry out and shows the one before it", async () => {
    const m = await getMatrix({ negotiationId: ids.negotiationId, asOf: "2024-08-25" });
    const latest = m.cells.get(m.cellKey(ids.withdrawal, ids.hamas))!.current!;
    await trashEntry(ids.negotiationId, latest.id, latest.version, "test");
    expect((await stances("2024-08-25")).hamasWithdrawal).toBe("conditions");
  });
});

describe("entry writes", () => {
  it("refuses a quote missing from the source's text and saves nothing", async () => {
    const db = await getDb();
    const before = await db.positionEntry.count();
    const revisions = await db.revision.count();
    await expect(createEntry(ids.negotiationId, entry({ partyIds: [String(ids.israel)], quote: "Israel accepts everything." }), "test")).rejects.toBeInstanceOf(ValidationError);
    expect(await db.positionEntry.count()).toBe(before);
    expect(await db.revision.count()).toBe(revisions);
  });
  it("accepts a quote with different spacing and quote marks", async () => {
    const { state } = await createEntry(ids.negotiationId, entry({ partyIds: [String(ids.israel)], quote: "Hamas  demands a\nfull withdrawal." }), "test");
    expect(state.statedOn).toBe("2024-08-25");
  });
  it("keeps any quote on a link-only source (unverifiable, not refused)", async () => {
    const { state } = await createEntry(ids.negotiationId, entry({ partyIds: [String(ids.pij)], sourceId: String(ids.linkOnly), quote: "words we cannot check" }), "test");
    expect(state.quote).toBe("words we cannot check");
  });
  it("refuses parties, issues and sources of another negotiation", async () => {
    const other = await createNegotiation({ title: "Other talks", slug: "", description: "" }, "test");
    const error = await createEntry(other.id, entry({ partyIds: [String(ids.hamas)] }), "test").catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["issueId", "partyIds", "sourceId"]);
  });
  it("records a revision for every write and refuses a stale version", async () => {
    const { id, state } = await createEntry(ids.negotiationId, entry({ partyIds: [String(ids.israel)], stance: "rejects" }), "test");
    const v1 = state.version as number;
    await updateEntry(ids.negotiationId, id, v1, entry({ partyIds: [String(ids.israel)], stance: "concedes" }), "test");
    await expect(updateEntry(ids.negotiationId, id, v1, entry({ partyIds: [String(ids.israel)], stance: "accepts" }), "test")).rejects.toMatchObject({ name: "ConflictError" });
    const db = await getDb();
    const revisions = await db.revision.findMany({ where: { entityType: "entry", entityId: id }, orderBy: { id: "asc" } });
    expect(revisions.map((r) => [r.action, r.version, JSON.parse(r.state).stance])).toEqual([
      ["create", 1, "rejects"],
      ["update", 2, "concedes"],
    ]);
  });
});
