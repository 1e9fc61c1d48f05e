-- AlterTable
ALTER TABLE "PositionEntry" ADD COLUMN "suggestedBy" TEXT;
ALTER TABLE "PositionEntry" ADD COLUMN "suggestionEdited" BOOLEAN;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Issue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "negotiationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT NOT NULL DEFAULT '',
    "order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Issue_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Issue" ("createdAt", "deletedAt", "description", "id", "name", "negotiationId", "order", "updatedAt", "version") SELECT "createdAt", "deletedAt", "description", "id", "name", "negotiationId", "order", "updatedAt", "version" FROM "Issue";
DROP TABLE "Issue";
ALTER TABLE "new_Issue" RENAME TO "Issue";
CREATE INDEX "Issue_negotiationId_order_idx" ON "Issue"("negotiationId", "order");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

