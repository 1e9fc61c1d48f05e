// The tests' own raw SQL is written once, in SQLite's relaxed spelling: bare camelCase columns,
// `?` placeholders, json_object, group_concat. postgresSql rewrites it for PostgreSQL:
// camelCase identifiers and the tables double-quoted (PostgreSQL folds bare ones to lower case),
// `?` numbered `$1, $2, …`, json_object as json_build_object, group_concat as string_agg.
// String literals are left alone. No test runner's imports here: the DB tests (tests/support/sql.ts)
// and the end-to-end specs (tests/e2e/db.ts) both use it. The app's own SQL needs none of this
// (server/dialect.ts).

/** Tables named without quotes (PostgreSQL would look for `party`). */
const TABLES = "Negotiation|Party|Side|Issue|Source|PositionEntryParty|PositionEntry|Revision|SubmissionToken|SignInThrottle";

export function postgresSql(sql: string): string {
  let n = 0;
  // Even parts are outside '…' literals, odd parts inside.
  return sql
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\?/g, () => `$${++n}`)
            .replace(/\bjson_object\(/g, "json_build_object(")
            .replace(/\bgroup_concat\(([^()]*)\)/g, "string_agg(CAST($1 AS text), ',')")
            .replace(new RegExp(`(?<!["\\w.])(${TABLES})(?!["\\w])`, "g"), '"$1"')
            .replace(/(?<!["\w])([a-z][a-z0-9]*[A-Z]\w*)(?!["\w])/g, '"$1"'),
    )
    .join("");
}
