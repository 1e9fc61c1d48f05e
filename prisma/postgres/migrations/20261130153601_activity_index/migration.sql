-- CreateIndex
CREATE INDEX "PositionEntry_negotiationId_updatedAt_idx" ON "PositionEntry"("negotiationId", "updatedAt");

