-- Full-text search (docs/decisions/014-search.md). Written by hand: Prisma does not model
-- virtual tables, and `npm run db:migration` diffs schema files, never the database, so later
-- migrations do not try to drop these.
--
-- Two FTS5 indexes with external content: the text stays in Source and PositionEntry only (no
-- second copy of every article); the index holds the tokens. Every record is indexed, trashed or
-- not: whether a hit may be shown (the live rule, server/live.ts) is decided by the query, so
-- trashing or restoring a party, issue or source needs no index change at all.
--
-- Tokenizer: unicode61 splits on Unicode spaces and punctuation, so Arabic and Cyrillic words are
-- tokens; it folds case for every script (Каире = каире) and remove_diacritics 2 folds Latin
-- accents (président = president).
CREATE VIRTUAL TABLE "SourceSearch" USING fts5(
  "title", "outlet", "text",
  content = 'Source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "EntrySearch" USING fts5(
  "summary", "quote", "notes",
  content = 'PositionEntry', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Index what is already there.
INSERT INTO "SourceSearch"("SourceSearch") VALUES ('rebuild');
INSERT INTO "EntrySearch"("EntrySearch") VALUES ('rebuild');

-- SEARCH TRIGGERS BEGIN (scripts/new-migration.mjs appends this block again to a migration that
-- rebuilds the Source or PositionEntry table: SQLite drops a table's triggers with the table.)
-- Kept in sync on every write. An external-content index must be told the old values to forget
-- them, so an update deletes the old tokens and adds the new ones; it fires only when an indexed
-- column changes (a trash or restore changes deletedAt and version only).
CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceSearch"(rowid, "title", "outlet", "text") VALUES (new."id", new."title", new."outlet", new."text");
END;
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, "title", "outlet", "text") VALUES ('delete', old."id", old."title", old."outlet", old."text");
END;
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "title", "outlet", "text" ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, "title", "outlet", "text") VALUES ('delete', old."id", old."title", old."outlet", old."text");
  INSERT INTO "SourceSearch"(rowid, "title", "outlet", "text") VALUES (new."id", new."title", new."outlet", new."text");
END;
CREATE TRIGGER "PositionEntry_search_insert" AFTER INSERT ON "PositionEntry" BEGIN
  INSERT INTO "EntrySearch"(rowid, "summary", "quote", "notes") VALUES (new."id", new."summary", new."quote", new."notes");
END;
CREATE TRIGGER "PositionEntry_search_delete" AFTER DELETE ON "PositionEntry" BEGIN
  INSERT INTO "EntrySearch"("EntrySearch", rowid, "summary", "quote", "notes") VALUES ('delete', old."id", old."summary", old."quote", old."notes");
END;
CREATE TRIGGER "PositionEntry_search_update" AFTER UPDATE OF "summary", "quote", "notes" ON "PositionEntry" BEGIN
  INSERT INTO "EntrySearch"("EntrySearch", rowid, "summary", "quote", "notes") VALUES ('delete', old."id", old."summary", old."quote", old."notes");
  INSERT INTO "EntrySearch"(rowid, "summary", "quote", "notes") VALUES (new."id", new."summary", new."quote", new."notes");
END;
-- SEARCH TRIGGERS END
