// The floor of the benchmark: each page's answer from one hand-written SQL statement (a
// prepared better-sqlite3 statement on the same database file), with no app, no ORM and no
// rendering. It says how fast the database itself can give what the page shows; the bench
// prints each page's time as a multiple of it (docs/decisions/021-how-we-measure.md).
// The live-entry rule is the app's own (server/live.ts liveEntrySql), so both count the same rows.
import type Database from "better-sqlite3";
import { liveEntrySql } from "../../server/live";
import { cellsFromReadings, overviewCellOf, type ReadingRow } from "../../lib/overview";
import { DEFAULT_CHANGE_WINDOW } from "../../lib/window";
import { ftsAll, searchTerms, SEARCH_LIMITS } from "../../lib/search";
import type { ShownCell } from "./stats";

export type { ReadingRow };

/**
 * The latest `days` readings (all entries of one day) of every cell as of a day: a joint
 * statement counts for each party it names. One statement; the window function ranks each
 * cell's days newest first.
 */
const readingsSql = (partyFilter: string) => `
  SELECT id, issueId, partyId, statedOn, stance, firmness, changeOverride, day FROM (
    SELECT e.id, e.issueId, ep.partyId, e.statedOn, e.stance, e.firmness, e.changeOverride,
           DENSE_RANK() OVER (PARTITION BY e.issueId, ep.partyId ORDER BY e.statedOn DESC) AS day
    FROM PositionEntry e
    JOIN PositionEntryParty ep ON ep.entryId = e.id ${partyFilter}
    WHERE e.negotiationId = @negotiationId AND e.statedOn <= @asOf AND ${liveEntrySql("e")}
  ) WHERE day <= @days
  ORDER BY issueId, partyId, statedOn, id`;

export function floorStatements(db: Database.Database) {
  const prepare = (sql: string) => db.prepare(sql);
  return {
    readings: prepare(readingsSql("")),
    /** Gaps: the current reading of every cell, with the party's role (only parties decide a gap). */
    gapReadings: prepare(`
      SELECT r.*, p.role FROM (${readingsSql("")}) r JOIN Party p ON p.id = r.partyId AND p.deletedAt IS NULL`),
    /** A party's profile: its latest two readings per issue and how many entries it has on each. */
    profile: prepare(`
      SELECT r.*, c.entries FROM (${readingsSql("AND ep.partyId = @partyId")}) r
      JOIN (SELECT e.issueId, count(*) AS entries FROM PositionEntry e JOIN PositionEntryParty ep ON ep.entryId = e.id AND ep.partyId = @partyId
            WHERE e.negotiationId = @negotiationId AND ${liveEntrySql("e")} GROUP BY e.issueId) c ON c.issueId = r.issueId`),
    /** A cell's history: every entry with what the history row shows of it and its source. */
    cellHistory: prepare(`
      SELECT e.id, e.statedOn, e.stance, e.firmness, e.summary, e.quote, e.notes, e.changeOverride, e.version,
             s.id AS sourceId, s.title, s.outlet, s.url, s.publishedOn, s.language
      FROM PositionEntry e
      JOIN PositionEntryParty ep ON ep.entryId = e.id AND ep.partyId = @partyId
      JOIN Source s ON s.id = e.sourceId
      WHERE e.negotiationId = @negotiationId AND e.issueId = @issueId AND ${liveEntrySql("e")}
      ORDER BY e.statedOn, e.id`),
    /** The timeline as drawn today: every live entry as a point (day, party, issue, stance). */
    timeline: prepare(`
      SELECT e.id, e.statedOn, e.issueId, ep.partyId, e.stance, e.firmness
      FROM PositionEntry e JOIN PositionEntryParty ep ON ep.entryId = e.id
      WHERE e.negotiationId = @negotiationId AND ${liveEntrySql("e")}
      ORDER BY e.statedOn, e.id`),
    /** The source list: newest first, undated last, with how many live entries each gave (no text). */
    sources: prepare(`
      SELECT s.id, s.title, s.outlet, s.url, s.publishedOn, s.language, s.text IS NOT NULL AS hasText,
             (SELECT count(*) FROM PositionEntry e WHERE e.sourceId = s.id AND ${liveEntrySql("e")}) AS entryCount
      FROM Source s WHERE s.negotiationId = @negotiationId AND s.deletedAt IS NULL
      ORDER BY s.publishedOn IS NULL, s.publishedOn DESC, s.id DESC`),
    /** Search: the newest live entries and sources whose text matches, with snippets, as many as the page shows. */
    searchEntries: prepare(`
      SELECT e.id, e.statedOn, e.stance, e.summary, h.snippet FROM (
        SELECT rowid AS hit, snippet(EntrySearch, -1, '[', ']', '…', 24) AS snippet FROM EntrySearch WHERE EntrySearch MATCH @match ORDER BY rowid DESC
      ) h CROSS JOIN PositionEntry e ON e.id = h.hit
      WHERE ${liveEntrySql("e")} LIMIT ${SEARCH_LIMITS.entries}`),
    searchSources: prepare(`
      SELECT s.id, s.title, s.outlet, s.publishedOn, h.snippet FROM (
        SELECT rowid AS hit, snippet(SourceSearch, -1, '[', ']', '…', 24) AS snippet FROM SourceSearch WHERE SourceSearch MATCH @match ORDER BY rowid DESC
      ) h CROSS JOIN Source s ON s.id = h.hit
      WHERE s.deletedAt IS NULL LIMIT ${SEARCH_LIMITS.sources}`),
  };
}

export const searchMatch = (q: string) => ftsAll(searchTerms(q));

/**
 * What the overview shows in each cell, from the readings the floor query returned: the same
 * rules as the page (lib/overview.ts overviewCellOf: the day's reading, the change mark within
 * the default window), keyed "<partyId>-<issueId>" like the page's cell links.
 */
export function shownCellsOf(rows: readonly ReadingRow[], asOf: string, windowDays: number | null = DEFAULT_CHANGE_WINDOW): Map<string, ShownCell> {
  const out = new Map<string, ShownCell>();
  for (const cell of cellsFromReadings(rows).values()) {
    const shown = overviewCellOf(cell, asOf, windowDays);
    if (shown) out.set(`${cell.partyId}-${cell.issueId}`, { stance: shown.stance, statedOn: shown.statedOn, entries: shown.entries, change: shown.change });
  }
  return out;
}
