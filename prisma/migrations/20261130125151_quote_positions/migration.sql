-- AlterTable
ALTER TABLE "PositionEntry" ADD COLUMN "quoteEnd" INTEGER;
ALTER TABLE "PositionEntry" ADD COLUMN "quoteStart" INTEGER;

