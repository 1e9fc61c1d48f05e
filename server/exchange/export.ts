import "server-only";
import { ENTRY_COLUMNS, MATRIX_COLUMNS, PARTY_SEPARATOR, toCsv } from "@/lib/exchange/csv";
import { buildExchange, exchangeJsonText } from "@/lib/exchange/format";
import { getDb } from "../db";
import { getMatrix, getNegotiationEntries } from "../queries/entries";

// What the export routes and `npm run export` write. Entries are the live ones (server/live.ts)
// read by the same queries as the matrix, and the matrix rows come from getMatrix (the as-of
// rule of lib/as-of.ts): an export shows what the pages show.

interface NegotiationRef {
  id: number;
  slug: string;
  title: string;
  description: string;
}

async function liveSources(negotiationId: number) {
  const db = await getDb();
  return db.source.findMany({
    where: { negotiationId, deletedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, title: true, outlet: true, url: true, publishedOn: true, language: true, text: true },
  });
}

async function liveSides(negotiationId: number) {
  const db = await getDb();
  return db.side.findMany({ where: { negotiationId, deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, name: true, colour: true, order: true } });
}

async function liveMilestones(negotiationId: number) {
  const db = await getDb();
  return db.milestone.findMany({ where: { negotiationId, deletedAt: null }, orderBy: { id: "asc" }, select: { day: true, title: true, sourceId: true, note: true } });
}

/** The whole negotiation in the exchange format (lib/exchange/format.ts), as text. */
export async function exportNegotiationJson(negotiation: NegotiationRef): Promise<string> {
  const [{ parties, issues, entries }, sources, milestones, sides] = await Promise.all([
    getNegotiationEntries(negotiation.id),
    liveSources(negotiation.id),
    liveMilestones(negotiation.id),
    liveSides(negotiation.id),
  ]);
  return exchangeJsonText(buildExchange({ negotiation, parties, sides, issues, sources, entries, milestones }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One object per live entry, with its source, in the as-of rule's order; keys are the CSV's columns. */
export async function entryRows(negotiationId: number) {
  const [{ parties, issues, entries }, sources] = await Promise.all([getNegotiationEntries(negotiationId), liveSources(negotiationId)]);
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const issueName = new Map(issues.map((i) => [i.id, i.name]));
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  return entries.map((e) => {
    const source = sourceOf.get(e.sourceId)!;
    return {
      stated_on: e.statedOn,
      // Names in alphabetical order: the matrix order is not in the file, so a file imported
      // into an empty negotiation exports again the same.
      parties: e.partyIds.map((id) => partyName.get(id)!).sort(byText),
      issue: issueName.get(e.issueId)!,
      stance: e.stance,
      firmness: e.firmness ?? "",
      summary: e.summary,
      quote: e.quote,
      notes: e.notes,
      source_title: source.title ?? "",
      source_outlet: source.outlet,
      source_url: source.url,
      source_published_on: source.publishedOn ?? "",
      source_language: source.language,
    };
  });
}

export async function exportEntriesCsv(negotiationId: number): Promise<string> {
  const rows = await entryRows(negotiationId);
  return toCsv(
    ENTRY_COLUMNS,
    rows.map((r) => ENTRY_COLUMNS.map((c) => (c === "parties" ? r.parties.join(`${PARTY_SEPARATOR} `) : r[c]))),
  );
}

/** One object per party and issue with a position as of the day, in matrix order (issues, then parties). */
export async function matrixRows(negotiationId: number, asOf: string) {
  const { parties, issues, cells, cellKey } = await getMatrix({ negotiationId, asOf });
  const rows: Array<Record<(typeof MATRIX_COLUMNS)[number], string>> = [];
  for (const issue of issues) {
    for (const party of parties) {
      const current = cells.get(cellKey(issue.id, party.id))?.current;
      if (!current) continue;
      rows.push({
        issue: issue.name,
        party: party.name,
        stance: current.stance,
        firmness: current.firmness ?? "",
        stated_on: current.statedOn,
        summary: current.summary,
        source_title: current.source.title ?? "",
        source_url: current.source.url,
      });
    }
  }
  return rows;
}

export async function exportMatrixCsv(negotiationId: number, asOf: string): Promise<string> {
  const rows = await matrixRows(negotiationId, asOf);
  return toCsv(MATRIX_COLUMNS, rows.map((r) => MATRIX_COLUMNS.map((c) => r[c])));
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
