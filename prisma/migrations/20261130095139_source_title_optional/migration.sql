-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "title" TEXT,
    "outlet" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "publishedOn" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "text" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("createdAt", "deletedAt", "id", "language", "negotiationId", "outlet", "publishedOn", "text", "title", "updatedAt", "url", "version") SELECT "createdAt", "deletedAt", "id", "language", "negotiationId", "outlet", "publishedOn", "text", "title", "updatedAt", "url", "version" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_negotiationId_publishedOn_idx" ON "Source"("negotiationId", "publishedOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

