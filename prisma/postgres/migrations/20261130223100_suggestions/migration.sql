-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "keywords" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "PositionEntry" ADD COLUMN     "suggestedBy" TEXT,
ADD COLUMN     "suggestionEdited" BOOLEAN;

