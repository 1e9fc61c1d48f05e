-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Negotiation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Negotiation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'party',
    "colour" TEXT NOT NULL DEFAULT '#4b5563',
    "order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "publishedOn" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "text" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionEntry" (
    "id" SERIAL NOT NULL,
    "negotiationId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "statedOn" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "firmness" TEXT,
    "summary" TEXT NOT NULL,
    "quote" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "changeOverride" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PositionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionEntryParty" (
    "entryId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,

    CONSTRAINT "PositionEntryParty_pkey" PRIMARY KEY ("entryId","partyId")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "negotiationId" INTEGER,
    "action" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Negotiation_slug_key" ON "Negotiation"("slug");

-- CreateIndex
CREATE INDEX "Party_negotiationId_order_idx" ON "Party"("negotiationId", "order");

-- CreateIndex
CREATE INDEX "Issue_negotiationId_order_idx" ON "Issue"("negotiationId", "order");

-- CreateIndex
CREATE INDEX "Source_negotiationId_publishedOn_idx" ON "Source"("negotiationId", "publishedOn");

-- CreateIndex
CREATE INDEX "PositionEntry_negotiationId_statedOn_idx" ON "PositionEntry"("negotiationId", "statedOn");

-- CreateIndex
CREATE INDEX "PositionEntry_sourceId_idx" ON "PositionEntry"("sourceId");

-- CreateIndex
CREATE INDEX "PositionEntry_issueId_idx" ON "PositionEntry"("issueId");

-- CreateIndex
CREATE INDEX "PositionEntryParty_partyId_idx" ON "PositionEntryParty"("partyId");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_id_idx" ON "Revision"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "Revision_negotiationId_id_idx" ON "Revision"("negotiationId", "id");

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEntry" ADD CONSTRAINT "PositionEntry_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEntry" ADD CONSTRAINT "PositionEntry_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEntry" ADD CONSTRAINT "PositionEntry_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEntryParty" ADD CONSTRAINT "PositionEntryParty_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PositionEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEntryParty" ADD CONSTRAINT "PositionEntryParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

