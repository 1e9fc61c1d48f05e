-- AlterTable
ALTER TABLE "PositionEntry" ADD COLUMN     "quoteEnd" INTEGER,
ADD COLUMN     "quoteStart" INTEGER;
