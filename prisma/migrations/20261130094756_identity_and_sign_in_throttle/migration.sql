-- Accounts can be disabled (issue 7, finding 6).
ALTER TABLE "user" ADD COLUMN "disabledAt" DATETIME;

-- Failed sign-ins per account, for growing delays (issue 7, finding 1; docs/decisions/008).
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- Who made each change, by the name they had then (issue 7, finding 4). Written by hand instead
-- of Prisma's table rebuild: adding a column with a default needs no copy of the revisions.
ALTER TABLE "Revision" ADD COLUMN "actorName" TEXT NOT NULL DEFAULT '';

-- Past revisions get the name their author has today, the best that is known. Names longer than
-- the account form allows (120, set through the since-closed update-user endpoint) are cut there
-- so that one oversized name is not copied into every revision.
UPDATE "Revision" SET "actorName" = coalesce((SELECT substr("name", 1, 120) FROM "user" WHERE "user"."id" = "Revision"."actor"), '');
