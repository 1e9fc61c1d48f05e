import "server-only";
import { databaseKind, type DatabaseKind } from "@/lib/database-url";
import { ftsAll, ftsAny, MARK_END, MARK_START, tsAll, tsAny, type SearchTerm } from "@/lib/search";
import { Prisma } from "./generated/prisma/client";
import { env } from "./env";

// Where the raw SQL of the two stores differs, in one place (docs/decisions/023). Everything
// else is written once in SQL both accept: double-quoted identifiers (PostgreSQL folds bare ones
// to lower case), `IN (...)` lists, window functions, `||`, `substr`, and numbers read through
// Number() (PostgreSQL returns COUNT and SUM as bigint or numeric).
//
// What differs is full-text search: SQLite has FTS5 tables kept by triggers
// (prisma/migrations/*_search), PostgreSQL an expression GIN index over parley_search_vector()
// (prisma/postgres/migrations/*_search). Both index every record; the callers add the live rule.

/** The store this process runs on (DATABASE_URL). */
export function dialect(): DatabaseKind {
  return databaseKind(env().databaseUrl);
}

const raw = Prisma.raw;

export type Searched = "entry" | "source";

const SEARCH = {
  entry: { table: "PositionEntry", fts: "EntrySearch", columns: ['"summary"', '"quote"', '"notes"'] },
  source: { table: "Source", fts: "SourceSearch", columns: ['"title"', '"outlet"', '"text"'] },
} as const;

/** PostgreSQL: the indexed words of row `x` (the exact expression of the GIN index, or it is not used). */
const vector = (kind: Searched, x: string) => raw(`"parley_search_vector"(${SEARCH[kind].columns.map((c) => `${x}.${c}`).join(", ")})`);
const tsquery = (text: string) => Prisma.sql`to_tsquery('parley_search', ${text})`;

/** About 24 words around the matches, matched words between MARK_START and MARK_END (lib/search.ts snippetParts). */
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`;

function headline(kind: Searched, x: string, query: string) {
  const text = raw(`concat_ws(' ', ${SEARCH[kind].columns.map((c) => `${x}.${c}`).join(", ")})`);
  return Prisma.sql`ts_headline('parley_search', ${text}, ${tsquery(query)}, ${HEADLINE_OPTIONS})`;
}

/** FTS5's snippet of the best column, the same marks and length. */
const snippet = (kind: Searched) => Prisma.sql`snippet(${raw(`"${SEARCH[kind].fts}"`)}, -1, ${MARK_START}, ${MARK_END}, '…', 24)`;

/** A subquery of the ids of records whose text matches any of `terms`. */
export function textMatchIds(kind: Searched, terms: SearchTerm[]): Prisma.Sql {
  const { table, fts } = SEARCH[kind];
  if (dialect() === "postgres") return Prisma.sql`SELECT x."id" FROM ${raw(`"${table}"`)} x WHERE ${vector(kind, "x")} @@ ${tsquery(tsAny(terms))}`;
  return Prisma.sql`SELECT rowid FROM ${raw(`"${fts}"`)} WHERE ${raw(`"${fts}"`)} MATCH ${ftsAny(terms)}`;
}

/**
 * FROM-clause source of the records (as `alias`) whose text matches every term of `all`, each
 * with its id as `h."hit"` and its snippet as `h."snippet"` (marking `all` and also `alsoMark`).
 * Order by `h."hit" DESC` for the newest recorded first. SQLite: FTS5 returns rowids in that
 * order and CROSS JOIN keeps the index as the outer loop (docs/decisions/014 and 020), and the
 * MATCH adds `alsoMark` as an alternative that changes no hit, only so snippet() marks them.
 */
export function textHits(kind: Searched, all: SearchTerm[], alsoMark: SearchTerm[], alias: string): Prisma.Sql {
  const { table, fts } = SEARCH[kind];
  if (dialect() === "postgres") {
    const mark = alsoMark.length === 0 ? tsAll(all) : `${tsAll(all)} | ${tsAny(alsoMark)}`;
    return Prisma.sql`(SELECT x."id" AS "hit", ${headline(kind, "x", mark)} AS "snippet" FROM ${raw(`"${table}"`)} x
      WHERE ${vector(kind, "x")} @@ ${tsquery(tsAll(all))}) h
      JOIN ${raw(`"${table}" ${alias}`)} ON ${raw(`${alias}."id"`)} = h."hit"`;
  }
  const match = alsoMark.length === 0 ? ftsAll(all) : `(${ftsAll(all)}) OR ((${ftsAll(all)}) AND (${ftsAny(alsoMark)}))`;
  return Prisma.sql`(SELECT rowid AS "hit", ${snippet(kind)} AS "snippet" FROM ${raw(`"${fts}"`)} WHERE ${raw(`"${fts}"`)} MATCH ${match}) h
    CROSS JOIN ${raw(`"${table}" ${alias}`)} ON ${raw(`${alias}."id"`)} = h."hit"`;
}

/**
 * A query of ("id", "snippet") for those of `ids` whose text matches any of `terms`, every
 * term's words marked. SQLite scans the index once between the lowest and highest id (FTS5
 * seeks to a rowid range; a `rowid IN (…)` list would re-read each term's whole doclist once per
 * id), so the caller keeps only the ids it asked for.
 */
export function textSnippets(kind: Searched, ids: number[], terms: SearchTerm[]): Prisma.Sql {
  const { table, fts } = SEARCH[kind];
  if (dialect() === "postgres") {
    return Prisma.sql`SELECT x."id" AS "id", ${headline(kind, "x", tsAny(terms))} AS "snippet" FROM ${raw(`"${table}"`)} x
      WHERE x."id" IN (${Prisma.join(ids)}) AND ${vector(kind, "x")} @@ ${tsquery(tsAny(terms))}`;
  }
  return Prisma.sql`SELECT rowid AS "id", ${snippet(kind)} AS "snippet"
    FROM ${raw(`"${fts}"`)} WHERE ${raw(`"${fts}"`)} MATCH ${ftsAny(terms)} AND rowid >= ${Math.min(...ids)} AND rowid <= ${Math.max(...ids)}`;
}
