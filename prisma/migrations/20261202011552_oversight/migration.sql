-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('UNANNOUNCED', 'CONCENTRATED', 'RETURN_VISIT');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'DONE');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('TALK', 'RECALL');

-- CreateEnum
CREATE TYPE "AssessmentSubject" AS ENUM ('TEAM', 'TOWNSHIP');

-- AlterTable
ALTER TABLE "policy" ADD COLUMN     "weight_attendance" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "weight_inspection" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "weight_pairing" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "weight_rectification" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "weight_satisfaction" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "weight_visits" INTEGER NOT NULL DEFAULT 20;

-- AlterTable
ALTER TABLE "village_figures" ADD COLUMN     "discrepancies" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "findings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "household_checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "households_satisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "inspections" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "inspection" (
    "id" SERIAL NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "area_code" VARCHAR(12) NOT NULL,
    "planned_on" DATE NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "seed" VARCHAR(16) NOT NULL,
    "candidate_count" INTEGER NOT NULL,
    "unit_id" INTEGER,
    "done_on" DATE,
    "summary" VARCHAR(2000),
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_village" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "draw_order" INTEGER NOT NULL,
    "candidate_households" INTEGER NOT NULL,
    "household_ids" INTEGER[],

    CONSTRAINT "inspection_village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presence_check" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "present" BOOLEAN NOT NULL,
    "note" VARCHAR(200),
    "attendance_record_id" BIGINT,
    "discrepancy" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_check" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "visited_as_claimed" BOOLEAN,
    "knows_cadre" BOOLEAN,
    "measures_real" BOOLEAN,
    "satisfied" BOOLEAN,
    "note" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" SERIAL NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "problem_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up" (
    "id" SERIAL NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "inspection_id" INTEGER,
    "held_on" DATE NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_adjustment" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "subject" "AssessmentSubject" NOT NULL,
    "subject_code" VARCHAR(12) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "assessment_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inspection_area_code_planned_on_idx" ON "inspection"("area_code", "planned_on");

-- CreateIndex
CREATE INDEX "inspection_village_village_code_idx" ON "inspection_village"("village_code");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_village_inspection_id_village_code_key" ON "inspection_village"("inspection_id", "village_code");

-- CreateIndex
CREATE INDEX "presence_check_village_code_day_idx" ON "presence_check"("village_code", "day");

-- CreateIndex
CREATE INDEX "presence_check_cadre_id_idx" ON "presence_check"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "presence_check_inspection_id_cadre_id_day_key" ON "presence_check"("inspection_id", "cadre_id", "day");

-- CreateIndex
CREATE INDEX "household_check_village_code_idx" ON "household_check"("village_code");

-- CreateIndex
CREATE UNIQUE INDEX "household_check_inspection_id_household_id_key" ON "household_check"("inspection_id", "household_id");

-- CreateIndex
CREATE UNIQUE INDEX "finding_problem_id_key" ON "finding"("problem_id");

-- CreateIndex
CREATE INDEX "finding_village_code_idx" ON "finding"("village_code");

-- CreateIndex
CREATE INDEX "follow_up_village_code_held_on_idx" ON "follow_up"("village_code", "held_on");

-- CreateIndex
CREATE INDEX "follow_up_cadre_id_idx" ON "follow_up"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_adjustment_year_subject_code_key" ON "assessment_adjustment"("year", "subject_code");

-- AddForeignKey
ALTER TABLE "inspection_village" ADD CONSTRAINT "inspection_village_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence_check" ADD CONSTRAINT "presence_check_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence_check" ADD CONSTRAINT "presence_check_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_check" ADD CONSTRAINT "household_check_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The dashboard's oversight figures come from these tables: mark the villages they touch stale.
DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES ('presence_check', 'village_code'), ('household_check', 'village_code'), ('finding', 'village_code'), ('inspection_village', 'village_code')) AS t(tbl, col) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_ins', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_upd', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_del', source.tbl, source.col);
  END LOOP;
END $$;

-- An inspection done (or undone) changes the count of inspections of its villages.
CREATE FUNCTION mark_inspection_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_stale (village_code)
  SELECT village_code FROM inspection_village WHERE inspection_id = NEW.id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER inspection_figures AFTER UPDATE OF status ON inspection FOR EACH ROW EXECUTE FUNCTION mark_inspection_figures_stale();

ALTER TABLE policy ADD CONSTRAINT policy_weights_sum_100
  CHECK (weight_attendance + weight_visits + weight_pairing + weight_rectification + weight_inspection + weight_satisfaction = 100);
