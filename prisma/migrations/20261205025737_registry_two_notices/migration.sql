-- 两公示一公告 in full (issue 15). Statuses are renamed in place, so every household and status event keeps
-- its meaning; the old in-between states map to the new ones:
--   PROPOSED        → APPLIED            (applied; the village's democratic appraisal is still to be recorded)
--   VILLAGE_NOTICE  → FIRST_NOTICE       (the first notice in the village)
--   TOWNSHIP_REVIEW → FIRST_NOTICE       (notice over, waiting for the township: the old flow recorded no signed
--                                         review, so the township signs now; the period counts from the posting)
--   EXIT_PROPOSED   → EXIT_APPRAISED     (the exit proposal stands as the appraisal; the exit rule is checked again)
--   EXIT_REVIEW     → EXIT_NOTICE        (as TOWNSHIP_REVIEW: waiting for the township's signed review)
-- Status events keep their history: past TOWNSHIP_REVIEW / EXIT_REVIEW steps read as the township's review.

-- AlterEnum
ALTER TYPE "HouseholdStatus" RENAME VALUE 'PROPOSED' TO 'APPLIED';
ALTER TYPE "HouseholdStatus" RENAME VALUE 'VILLAGE_NOTICE' TO 'FIRST_NOTICE';
ALTER TYPE "HouseholdStatus" RENAME VALUE 'EXIT_PROPOSED' TO 'EXIT_APPRAISED';

-- Households waiting for the township's review go back to their notice, dated from when it was posted.
UPDATE "household" h
   SET "status" = CASE h."status" WHEN 'TOWNSHIP_REVIEW' THEN 'FIRST_NOTICE'::"HouseholdStatus" ELSE 'EXIT_NOTICE'::"HouseholdStatus" END,
       "status_since" = coalesce((SELECT max(e."at") FROM "status_event" e
                                   WHERE e."household_id" = h."id"
                                     AND e."to_status" = CASE h."status" WHEN 'TOWNSHIP_REVIEW' THEN 'FIRST_NOTICE'::"HouseholdStatus" ELSE 'EXIT_NOTICE'::"HouseholdStatus" END),
                                 h."status_since"),
       "version" = h."version" + 1
 WHERE h."status" IN ('TOWNSHIP_REVIEW', 'EXIT_REVIEW');

ALTER TYPE "HouseholdStatus" RENAME VALUE 'TOWNSHIP_REVIEW' TO 'TOWNSHIP_REVIEWED';
ALTER TYPE "HouseholdStatus" RENAME VALUE 'EXIT_REVIEW' TO 'EXIT_REVIEWED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'APPRAISED' AFTER 'APPLIED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'SECOND_NOTICE' AFTER 'TOWNSHIP_REVIEWED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'COUNTY_REVIEWED' AFTER 'SECOND_NOTICE';
ALTER TYPE "HouseholdStatus" ADD VALUE 'EXIT_ANNOUNCEMENT' AFTER 'EXIT_REVIEWED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'RETURN_NOTICE' AFTER 'MONITORED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'REMOVAL_PROPOSED' AFTER 'RETURNED_TO_POVERTY';
ALTER TYPE "HouseholdStatus" ADD VALUE 'REMOVAL_NOTICE' AFTER 'REMOVAL_PROPOSED';
ALTER TYPE "HouseholdStatus" ADD VALUE 'REMOVED' AFTER 'REMOVAL_NOTICE';

-- AlterTable
ALTER TABLE "household" ALTER COLUMN "food_secure" DROP NOT NULL,
ALTER COLUMN "food_secure" DROP DEFAULT,
ALTER COLUMN "clothing_secure" DROP NOT NULL,
ALTER COLUMN "clothing_secure" DROP DEFAULT,
ALTER COLUMN "education_secure" DROP NOT NULL,
ALTER COLUMN "education_secure" DROP DEFAULT,
ALTER COLUMN "medical_secure" DROP NOT NULL,
ALTER COLUMN "medical_secure" DROP DEFAULT,
ALTER COLUMN "housing_secure" DROP NOT NULL,
ALTER COLUMN "housing_secure" DROP DEFAULT,
ALTER COLUMN "water_secure" DROP NOT NULL,
ALTER COLUMN "water_secure" DROP DEFAULT;

-- 两不愁三保障 were true by default, never verified: unknown now. A recorded "not met" (false) stays.
UPDATE "household" SET "food_secure" = NULL WHERE "food_secure";
UPDATE "household" SET "clothing_secure" = NULL WHERE "clothing_secure";
UPDATE "household" SET "education_secure" = NULL WHERE "education_secure";
UPDATE "household" SET "medical_secure" = NULL WHERE "medical_secure";
UPDATE "household" SET "housing_secure" = NULL WHERE "housing_secure";
UPDATE "household" SET "water_secure" = NULL WHERE "water_secure";

-- AlterTable: one period per notice and announcement (local default 7 days). A county that had set its one
-- notice period to something other than the old default (5) keeps it for each notice.
ALTER TABLE "policy" ADD COLUMN     "announcement_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "exit_announcement_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "exit_notice_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "first_notice_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "removal_notice_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "return_notice_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "second_notice_days" INTEGER NOT NULL DEFAULT 7;
UPDATE "policy" SET "first_notice_days" = "notice_min_days", "second_notice_days" = "notice_min_days",
       "exit_notice_days" = "notice_min_days", "removal_notice_days" = "notice_min_days", "return_notice_days" = "notice_min_days"
 WHERE "notice_min_days" <> 5;
ALTER TABLE "policy" DROP COLUMN "notice_min_days";

-- AlterTable
ALTER TABLE "status_event" ADD COLUMN     "details" JSONB;

-- AlterTable
ALTER TABLE "village_figures" ADD COLUMN     "removed_households" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "removed_this_year_households" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "guarantee_check" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "item" VARCHAR(20) NOT NULL,
    "met" BOOLEAN NOT NULL,
    "checked_on" DATE NOT NULL,
    "visit_id" BIGINT NOT NULL,
    "checked_by_id" INTEGER NOT NULL,
    "checked_by_name" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guarantee_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guarantee_check_household_id_checked_on_idx" ON "guarantee_check"("household_id", "checked_on");

-- CreateIndex
CREATE INDEX "guarantee_check_visit_id_idx" ON "guarantee_check"("visit_id");

-- AddForeignKey
ALTER TABLE "guarantee_check" ADD CONSTRAINT "guarantee_check_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guarantee_check" ADD CONSTRAINT "guarantee_check_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
