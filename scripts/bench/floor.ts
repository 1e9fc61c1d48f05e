// The floor of the benchmark: each page's answer from one hand-written SQL statement (a
// prepared statement on the same database: better-sqlite3 on the SQLite file, node-postgres on
// PostgreSQL), with no app, no ORM and no rendering. It says how fast the database itself can
// give what the page shows; the bench prints each page's time as a multiple of it
// (docs/decisions/021-how-we-measure.md).
//
// One SQL text per answer serves both databases: identifiers are quoted (PostgreSQL folds
// unquoted names to lower case), every derived table is named (PostgreSQL 15 requires it), and
// parameters are written `@name` (better-sqlite3's form), turned into `$1, $2, …` for node-postgres
// by `positional`. Only search differs: FTS5 on SQLite, PostgreSQL's own full-text search there.
// The live-entry rule is the app's own (server/live.ts liveEntrySql), so both count the same rows.
import type Database from "better-sqlite3";
import type { Client } from "pg";
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
  SELECT "id", "issueId", "partyId", "statedOn", "stance", "firmness", "changeOverride", "day" FROM (
    SELECT e."id", e."issueId", ep."partyId", e."statedOn", e."stance", e."firmness", e."changeOverride",
           DENSE_RANK() OVER (PARTITION BY e."issueId", ep."partyId" ORDER BY e."statedOn" DESC) AS "day"
    FROM "PositionEntry" e
    JOIN "PositionEntryParty" ep ON ep."entryId" = e."id" ${partyFilter}
    WHERE e."negotiationId" = @negotiationId AND e."statedOn" <= @asOf AND ${liveEntrySql("e")}
  ) ranked WHERE "day" <= @days
  ORDER BY "issueId", "partyId", "statedOn", "id"`;

/** Every floor answer but search, as SQL both databases run unchanged. */
export const FLOOR_SQL = {
  readings: readingsSql(""),
  /** Gaps: the current reading of every cell, with the party's role (only parties decide a gap). */
  gapReadings: `
    SELECT r.*, p."role" FROM (${readingsSql("")}) r JOIN "Party" p ON p."id" = r."partyId" AND p."deletedAt" IS NULL`,
  /** A party's profile: its latest two readings per issue and how many entries it has on each. */
  profile: `
    SELECT r.*, c."entries" FROM (${readingsSql('AND ep."partyId" = @partyId')}) r
    JOIN (SELECT e."issueId", count(*) AS "entries" FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id" AND ep."partyId" = @partyId
          WHERE e."negotiationId" = @negotiationId AND ${liveEntrySql("e")} GROUP BY e."issueId") c ON c."issueId" = r."issueId"`,
  /** A cell's history: every entry with what the history row shows of it and its source. */
  cellHistory: `
    SELECT e."id", e."statedOn", e."stance", e."firmness", e."summary", e."quote", e."notes", e."changeOverride", e."version",
           s."id" AS "sourceId", s."title", s."outlet", s."url", s."publishedOn", s."language"
    FROM "PositionEntry" e
    JOIN "PositionEntryParty" ep ON ep."entryId" = e."id" AND ep."partyId" = @partyId
    JOIN "Source" s ON s."id" = e."sourceId"
    WHERE e."negotiationId" = @negotiationId AND e."issueId" = @issueId AND ${liveEntrySql("e")}
    ORDER BY e."statedOn", e."id"`,
  /** The timeline as drawn today: every live entry as a point (day, party, issue, stance). */
  timeline: `
    SELECT e."id", e."statedOn", e."issueId", ep."partyId", e."stance", e."firmness"
    FROM "PositionEntry" e JOIN "PositionEntryParty" ep ON ep."entryId" = e."id"
    WHERE e."negotiationId" = @negotiationId AND ${liveEntrySql("e")}
    ORDER BY e."statedOn", e."id", ep."partyId"`,
  /** The source list: newest first, undated last, with how many live entries each gave (no text). */
  sources: `
    SELECT s."id", s."title", s."outlet", s."url", s."publishedOn", s."language", CASE WHEN s."text" IS NOT NULL THEN 1 ELSE 0 END AS "hasText",
           (SELECT count(*) FROM "PositionEntry" e WHERE e."sourceId" = s."id" AND ${liveEntrySql("e")}) AS "entryCount"
    FROM "Source" s WHERE s."negotiationId" = @negotiationId AND s."deletedAt" IS NULL
    ORDER BY s."publishedOn" IS NULL, s."publishedOn" DESC, s."id" DESC`,

  // What the bench measures, found in the data: the first negotiation, its size and span, the busiest party and cell.
  negotiation: `SELECT "id", "slug" FROM "Negotiation" WHERE "deletedAt" IS NULL ORDER BY "id" LIMIT 1`,
  counts: `
    SELECT (SELECT count(*) FROM "Party" WHERE "negotiationId" = @negotiationId) AS "parties",
           (SELECT count(*) FROM "Issue" WHERE "negotiationId" = @negotiationId) AS "issues",
           (SELECT count(*) FROM "Source" WHERE "negotiationId" = @negotiationId) AS "sources",
           (SELECT count(*) FROM "PositionEntry" WHERE "negotiationId" = @negotiationId) AS "entries"`,
  span: `SELECT min("statedOn") AS "first", max("statedOn") AS "last" FROM "PositionEntry" WHERE "negotiationId" = @negotiationId`,
  busiestParty: `
    SELECT ep."partyId" AS "id", count(*) AS "n" FROM "PositionEntryParty" ep JOIN "PositionEntry" e ON e."id" = ep."entryId"
    WHERE e."negotiationId" = @negotiationId GROUP BY ep."partyId" ORDER BY "n" DESC, ep."partyId" LIMIT 1`,
  busiestCell: `
    SELECT ep."partyId" AS "partyId", e."issueId" AS "issueId", count(*) AS "n" FROM "PositionEntryParty" ep JOIN "PositionEntry" e ON e."id" = ep."entryId"
    WHERE e."negotiationId" = @negotiationId GROUP BY ep."partyId", e."issueId" ORDER BY "n" DESC, ep."partyId", e."issueId" LIMIT 1`,
  someSource: `SELECT "id" FROM "Source" WHERE "negotiationId" = @negotiationId AND "deletedAt" IS NULL ORDER BY "publishedOn" DESC, "id" DESC LIMIT 1`,

  // The create floor: the write a new entry makes (entry, its party, its revision), in one transaction.
  insertEntry: `
    INSERT INTO "PositionEntry" ("negotiationId", "issueId", "sourceId", "statedOn", "stance", "summary", "createdAt", "updatedAt")
    VALUES (@negotiationId, @issueId, @sourceId, @statedOn, 'rejects', 'Bench floor entry.', @now, @now) RETURNING "id"`,
  linkParty: `INSERT INTO "PositionEntryParty" ("entryId", "partyId") VALUES (@entryId, @partyId)`,
  revision: `
    INSERT INTO "Revision" ("entityType", "entityId", "negotiationId", "action", "version", "state", "actor", "createdAt")
    VALUES ('entry', @entryId, @negotiationId, 'create', 1, @state, 'bench', @now)`,
} as const;

/** Search: the newest live entries and sources whose text matches, with snippets, as many as the page shows. */
export const SEARCH_SQL = {
  sqlite: {
    searchEntries: `
      SELECT e."id", e."statedOn", e."stance", e."summary", h."snippet" FROM (
        SELECT rowid AS "hit", snippet(EntrySearch, -1, '[', ']', '…', 24) AS "snippet" FROM EntrySearch WHERE EntrySearch MATCH @match ORDER BY rowid DESC
      ) h CROSS JOIN "PositionEntry" e ON e."id" = h."hit"
      WHERE ${liveEntrySql("e")} LIMIT ${SEARCH_LIMITS.entries}`,
    searchSources: `
      SELECT s."id", s."title", s."outlet", s."publishedOn", h."snippet" FROM (
        SELECT rowid AS "hit", snippet(SourceSearch, -1, '[', ']', '…', 24) AS "snippet" FROM SourceSearch WHERE SourceSearch MATCH @match ORDER BY rowid DESC
      ) h CROSS JOIN "Source" s ON s."id" = h."hit"
      WHERE s."deletedAt" IS NULL LIMIT ${SEARCH_LIMITS.sources}`,
  },
  // PostgreSQL's own full-text search, every word required (plainto_tsquery), through the same
  // expression GIN index as the app (parley_search_vector, prisma/postgres/migrations/*_search).
  postgres: {
    searchEntries: `
      SELECT e."id", e."statedOn", e."stance", e."summary",
             ts_headline('parley_search', concat_ws(' ', e."summary", e."quote", e."notes"), q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=12') AS "snippet"
      FROM "PositionEntry" e, plainto_tsquery('parley_search', @q) q
      WHERE "parley_search_vector"(e."summary", e."quote", e."notes") @@ q AND ${liveEntrySql("e")}
      ORDER BY e."id" DESC LIMIT ${SEARCH_LIMITS.entries}`,
    searchSources: `
      SELECT s."id", s."title", s."outlet", s."publishedOn",
             ts_headline('parley_search', concat_ws(' ', s."title", s."outlet", s."text"), q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=12') AS "snippet"
      FROM "Source" s, plainto_tsquery('parley_search', @q) q
      WHERE "parley_search_vector"(s."title", s."outlet", s."text") @@ q AND s."deletedAt" IS NULL
      ORDER BY s."id" DESC LIMIT ${SEARCH_LIMITS.sources}`,
  },
} as const;

export type FloorQuery = keyof typeof FLOOR_SQL | keyof typeof SEARCH_SQL.sqlite;
export type Params = Record<string, string | number | null>;

/**
 * `@name` parameters to node-postgres's `$1, $2, …`: the text and the names in order, each
 * name bound once however often it occurs. Quoted identifiers and string literals hold no `@`
 * in these statements; a name never starts with a digit.
 */
export function positional(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, names };
}

/** The floor's statements on one database, prepared once; rows come back as plain objects with numbers for counts and flags. */
export interface FloorDb {
  readonly kind: "sqlite" | "postgres";
  all<T = Record<string, unknown>>(query: FloorQuery, params?: Params): Promise<T[]>;
  /** The create floor's write: entry, party link and revision in one transaction. Returns the new entry's id. */
  createEntry(p: { negotiationId: number; issueId: number; sourceId: number; partyId: number; statedOn: string }): Promise<number>;
  close(): Promise<void>;
}

const sqlFor = (kind: FloorDb["kind"], query: FloorQuery) =>
  query in FLOOR_SQL ? FLOOR_SQL[query as keyof typeof FLOOR_SQL] : SEARCH_SQL[kind][query as keyof typeof SEARCH_SQL.sqlite];

/** The params a statement names, and no others (better-sqlite3 refuses unknown named params). */
const only = (sql: string, params: Params) => Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`@${k}\\b`).test(sql)));

export function sqliteFloor(db: Database.Database): FloorDb {
  const cache = new Map<FloorQuery, Database.Statement>();
  const statement = (query: FloorQuery) => {
    let s = cache.get(query);
    if (!s) cache.set(query, (s = db.prepare(sqlFor("sqlite", query))));
    return s;
  };
  const write = db.transaction((p: Parameters<FloorDb["createEntry"]>[0]) => {
    const now = new Date().toISOString();
    const { id } = statement("insertEntry").get(only(FLOOR_SQL.insertEntry, { ...p, now })) as { id: number };
    statement("linkParty").run({ entryId: id, partyId: p.partyId });
    statement("revision").run({ entryId: id, negotiationId: p.negotiationId, state: JSON.stringify({ id, issueId: p.issueId, partyIds: [p.partyId] }), now });
    return id;
  });
  return {
    kind: "sqlite",
    all: async <T,>(query: FloorQuery, params: Params = {}) => statement(query).all(only(sqlFor("sqlite", query), params)) as T[],
    createEntry: async (p) => write(p),
    close: async () => void db.close(),
  };
}

/** Result values as SQLite gives them: counts (bigint) as numbers, booleans as 1/0. */
const plain = (row: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(row)) if (typeof v === "boolean") row[k] = v ? 1 : 0;
  return row;
};

export function pgFloor(client: Client): FloorDb {
  const prepared = new Map<FloorQuery, { name: string; text: string; names: string[] }>();
  const run = async <T,>(query: FloorQuery, params: Params) => {
    let p = prepared.get(query);
    if (!p) prepared.set(query, (p = { name: `floor_${query}`, ...positional(sqlFor("postgres", query)) }));
    // A named query is prepared on the server once per connection and executed by name after.
    const result = await client.query({ name: p.name, text: p.text, values: p.names.map((n) => params[n] ?? null) });
    return result.rows.map(plain) as T[];
  };
  return {
    kind: "postgres",
    all: (query, params = {}) => run(query, params),
    createEntry: async (p) => {
      const now = new Date().toISOString();
      await client.query("BEGIN");
      try {
        const id = (await run<{ id: number }>("insertEntry", { ...p, now }))[0]!.id;
        await run("linkParty", { entryId: id, partyId: p.partyId });
        await run("revision", { entryId: id, negotiationId: p.negotiationId, state: JSON.stringify({ id, issueId: p.issueId, partyIds: [p.partyId] }), now });
        await client.query("COMMIT");
        return id;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

/** What each database's search floor is given for the words typed: FTS5's MATCH text, or the words for plainto_tsquery. */
export const searchParams = (q: string): Params => ({ match: ftsAll(searchTerms(q)), q });
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
