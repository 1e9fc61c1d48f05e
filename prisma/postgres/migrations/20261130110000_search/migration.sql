-- Full-text search on PostgreSQL (docs/decisions/014-search.md for the rules, 023 for the two
-- stores). Written by hand, like SQLite's FTS5 migration of the same name; `npm run
-- db:migration` diffs schema files, so later migrations never try to drop these objects.
--
-- SQLite keeps two FTS5 tables in sync by triggers. Here the index is an expression index: a
-- GIN index over the same function the queries call (server/dialect.ts), so there is no second
-- copy of the text, nothing to keep in sync and nothing to rebuild when a table changes.
-- Every record is indexed, trashed or not; the query decides what may be shown (server/live.ts).
--
-- Words: every run of characters that are not letters or digits separates words, as SQLite's
-- unicode61 tokenizer does (so "example.com" has the words example and com, and Arabic harakat
-- split a word there as well); then the `simple` parser and dictionary (no stemming: one set of
-- rules for every language) lower-case them, after `unaccent` folds Latin accents
-- (président = president). The query side (lib/search.ts tsPhrase) quotes each typed word and
-- sends it through the same configuration.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION "parley_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "parley_search"
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  WITH unaccent, simple;

-- The searched text of a record, as words. IMMUTABLE so it can be indexed: the configuration
-- and the unaccent rules it reads do not change while the database runs.
CREATE FUNCTION "parley_search_vector"(VARIADIC parts text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('parley_search'::regconfig, regexp_replace(array_to_string(parts, ' '), '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE INDEX "PositionEntry_search_idx" ON "PositionEntry" USING GIN ("parley_search_vector"("summary", "quote", "notes"));
CREATE INDEX "Source_search_idx" ON "Source" USING GIN ("parley_search_vector"("title", "outlet", "text"));
