-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "sideId" INTEGER;

-- CreateTable
CREATE TABLE "Side" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "colour" TEXT NOT NULL DEFAULT '#0072b2',
    "order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Side_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Side_negotiationId_order_idx" ON "Side"("negotiationId", "order");

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_sideId_fkey" FOREIGN KEY ("sideId") REFERENCES "Side"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Side" ADD CONSTRAINT "Side_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

