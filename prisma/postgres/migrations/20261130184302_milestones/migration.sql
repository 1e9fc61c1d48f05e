-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceId" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Milestone_negotiationId_day_idx" ON "Milestone"("negotiationId", "day");

-- CreateIndex
CREATE INDEX "Milestone_sourceId_idx" ON "Milestone"("sourceId");

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

