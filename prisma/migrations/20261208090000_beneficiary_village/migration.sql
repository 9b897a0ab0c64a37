-- A beneficiary carries its household's village (households never change village): an area's beneficiary
-- households are counted from this table alone, not by visiting each household row (issue 20, province scale).
ALTER TABLE "project_beneficiary" ADD COLUMN "village_code" VARCHAR(12);

UPDATE "project_beneficiary" b SET "village_code" = h."region_code" FROM "household" h WHERE h."id" = b."household_id";

ALTER TABLE "project_beneficiary" ALTER COLUMN "village_code" SET NOT NULL;

-- CreateIndex
CREATE INDEX "project_beneficiary_village_code_project_id_household_id_idx" ON "project_beneficiary"("village_code", "project_id", "household_id");

-- AddForeignKey
ALTER TABLE "project_beneficiary" ADD CONSTRAINT "project_beneficiary_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
