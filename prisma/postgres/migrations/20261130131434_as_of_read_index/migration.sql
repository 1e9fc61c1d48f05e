-- DropIndex
DROP INDEX "PositionEntry_negotiationId_statedOn_idx";

-- CreateIndex
CREATE INDEX "PositionEntry_negotiationId_statedOn_issueId_sourceId_delet_idx" ON "PositionEntry"("negotiationId", "statedOn", "issueId", "sourceId", "deletedAt");

