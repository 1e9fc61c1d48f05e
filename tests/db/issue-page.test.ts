// The issue page and the cell history read through their query functions on a real database
// (SQLite, and PostgreSQL with PARLEY_TEST_PG): only the issue's live entries are read, the
// positions in force and the gap status over time agree with the matrix and the gap view read
// for the same day, and both paged lists hold every row once, in order.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation, trashInNegotiation } from "@/server/mutations/scoped";
import { createEntry, trashEntry } from "@/server/mutations/entries";
import { getAsOfEntries, getIssuePage, getMatrix, getNegotiationEntries, listEntriesOfCellPage } from "@/server/queries/entries";
import { buildGapRows } from "@/lib/gaps-view";
import { buildIssueView, issueMoves } from "@/lib/issue-page";
import { entrySchema, issueSchema, partySchema, sourceSchema } from "@/lib/schemas";
import { addDays } from "@/lib/day";

let ids: { negotiationId: number; parties: number[]; issues: number[]; trashedIssue: number };
const STANCES = ["demands", "rejects", "conditions", "proposes", "concedes", "accepts", "withdraws"];
const FIRMNESS = ["", "red_line", "firm", "flexible"];

beforeAll(async () => {
  useFreshDatabase();
  const { id: negotiationId } = await createNegotiation({ title: "Issue pages", slug: "", description: "" }, "test");
  const parties: number[] = [];
  for (const [i, role] of ["party", "party", "party", "mediator"].entries()) {
    parties.push((await createInNegotiation("party", negotiationId, partySchema.parse({ name: `Party ${i}`, role, colour: "#000000", order: String(i) }), "test")).id);
  }
  const issues: number[] = [];
  for (let i = 0; i < 3; i++) issues.push((await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: `Issue ${i}`, description: `What issue ${i} is about.`, order: String(i) }), "test")).id);
  const source = (await createInNegotiation("source", negotiationId, sourceSchema.parse({ title: "Report", publishedOn: "2024-01-01" }), "test")).id;
  // 150 entries: days out of recording order, several a day, joint statements, some trashed.
  for (let i = 0; i < 150; i++) {
    const partyIds = i % 9 === 0 ? [parties[i % 3]!, parties[(i + 1) % 3]!] : [parties[(i * 7) % 4]!];
    const created = await createEntry(
      negotiationId,
      entrySchema.parse({
        partyIds: partyIds.map(String),
        issueId: String(issues[i % 3 === 2 ? 1 : i % 2]),
        sourceId: String(source),
        statedOn: addDays("2024-01-01", (i * 13) % 60),
        stance: STANCES[(i * 5) % 7],
        firmness: FIRMNESS[i % 4],
        summary: `Entry ${i}`,
        quote: "",
      }),
      "test",
    );
    if (i % 17 === 0) await trashEntry(negotiationId, created.id, 1, "test");
  }
  const trashed = await createInNegotiation("issue", negotiationId, issueSchema.parse({ name: "Gone", order: "9" }), "test");
  await trashInNegotiation("issue", negotiationId, trashed.id, 1, "test");
  ids = { negotiationId, parties, issues, trashedIssue: trashed.id };
}, 120_000);

describe("the issue page's read", () => {
  it("reads every live entry of this issue and nothing of another, without their wording", async () => {
    const issue = ids.issues[0]!;
    const page = await getIssuePage(ids.negotiationId, issue, 1);
    const all = (await getNegotiationEntries(ids.negotiationId)).entries.filter((e) => e.issueId === issue);
    expect(page!.points.map((p) => [p.id, p.partyIds])).toEqual(all.map((e) => [e.id, e.partyIds]));
    expect(page!.points.every((p) => !("summary" in p))).toBe(true);
    expect(page!.issue.description).toBe("What issue 0 is about.");
    // Trashed entries are not read: 9 of the 150 went to the trash.
    expect((await getNegotiationEntries(ids.negotiationId)).entries.length).toBe(141);
  });

  it("each party's position in force and the gap status on every day of change are the matrix's and the gap view's", async () => {
    for (const issueId of ids.issues) {
      const { issue, parties, points } = (await getIssuePage(ids.negotiationId, issueId, 1))!;
      const days = points.length > 0 ? [...new Set(points.map((p) => p.statedOn))] : ["2024-01-01"];
      for (const asOf of [days[0]!, days[Math.floor(days.length / 2)]!, days.at(-1)!, "2023-12-31"]) {
        const view = buildIssueView({ issue, parties, sides: [], points, asOf, milestones: [] });
        const matrix = await getMatrix({ negotiationId: ids.negotiationId, asOf });
        expect(view.rows.map((r) => r.current?.id ?? null)).toEqual(parties.map((p) => matrix.cells.get(matrix.cellKey(issueId, p.id))?.current?.id ?? null));
        const gapView = await getAsOfEntries({ negotiationId: ids.negotiationId, asOf });
        const row = buildGapRows({ ...gapView, sides: [], asOf, sort: "matrix" }).find((r) => r.issue.id === issueId)!;
        expect(view.gapAsOf.status, `issue ${issueId} as of ${asOf}`).toEqual(row.gap.status);
      }
    }
  }, 60_000);

  it("pages the entries that moved the issue, newest first, each in full once", async () => {
    const issue = ids.issues[1]!;
    const first = (await getIssuePage(ids.negotiationId, issue, 1, 10))!;
    const expected = issueMoves(first.points).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(20);
    const seen: number[] = [];
    for (let n = 1; ; n++) {
      const page = await getIssuePage(ids.negotiationId, issue, n, 10);
      if (!page) break;
      expect(page.moved.every((m) => m.entry.summary.startsWith("Entry "))).toBe(true);
      seen.push(...page.moved.map((m) => m.entry.id));
    }
    expect(seen).toEqual(expected);
  });

  it("an unknown or trashed issue, or a page past the last, is null (the page answers 404)", async () => {
    expect(await getIssuePage(ids.negotiationId, ids.trashedIssue, 1)).toBeNull();
    expect(await getIssuePage(ids.negotiationId, 2_147_483_000, 1)).toBeNull();
    expect(await getIssuePage(ids.negotiationId, ids.issues[0]!, 99)).toBeNull();
  });
});

describe("the cell history's pages", () => {
  it("newest first and oldest first: the pages hold the whole history once, each page's oldest compared with the entry before it", async () => {
    const [party, issue] = [ids.parties[0]!, ids.issues[1]!];
    const whole = (await getNegotiationEntries(ids.negotiationId)).entries.filter((e) => e.issueId === issue && e.partyIds.includes(party));
    expect(whole.length).toBeGreaterThan(8);
    for (const order of ["newest", "oldest"] as const) {
      const pages = [];
      for (let n = 1; ; n++) {
        const page = await listEntriesOfCellPage(ids.negotiationId, party, issue, n, order, 4);
        if (!page) break;
        pages.push(page);
      }
      const shown = pages.flatMap((p) => (order === "newest" ? [...p.entries].reverse() : p.entries).map((e) => e.id));
      expect(shown).toEqual((order === "newest" ? [...whole].reverse() : whole).map((e) => e.id));
      for (const p of pages) {
        const at = whole.findIndex((e) => e.id === p.entries[0]!.id);
        expect(p.previous?.id ?? null).toBe(at > 0 ? whole[at - 1]!.id : null);
        expect(p.points.map((x) => x.id)).toEqual(whole.map((e) => e.id));
      }
    }
  });
});
