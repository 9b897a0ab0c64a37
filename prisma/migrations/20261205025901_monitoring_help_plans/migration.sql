-- Help plans become per year with the paired cadre linked and structured measures (help_measure);
-- monitoring (防返贫动态监测): monitored households, their measures, early warnings; a risk event on
-- visits and problems; the policy's monitoring numbers; kept figures for plans and monitoring.
-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('INDUSTRY', 'EMPLOYMENT', 'EDUCATION', 'HEALTH', 'SOCIAL_ASSISTANCE', 'RELOCATION', 'HOUSING', 'PV');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "MonitorKind" AS ENUM ('UNSTABLE_EXITED', 'MARGINAL', 'SUDDEN_HARDSHIP');

-- CreateEnum
CREATE TYPE "RiskCause" AS ENUM ('LOW_INCOME', 'INCOME_DROP', 'MEDICAL_COST', 'DISASTER', 'LOST_WORKER', 'SCHOOLING', 'FAILED_BUSINESS', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskEvent" AS ENUM ('MEDICAL_COST', 'DISASTER', 'LOST_WORKER');

-- CreateEnum
CREATE TYPE "MonitorSource" AS ENUM ('TOWNSHIP', 'WARNING');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('OPEN', 'VERIFIED', 'DISMISSED');

-- DropIndex
DROP INDEX "help_plan_household_id_key";

-- AlterTable: existing plans keep their household's village, the China year they were agreed (or last
-- saved) in, and the household's current paired cadre; their JSON measures move to help_measure below.
ALTER TABLE "help_plan" ADD COLUMN     "cadre_id" INTEGER,
ADD COLUMN     "region_code" VARCHAR(12),
ADD COLUMN     "year" INTEGER;
UPDATE "help_plan" p
   SET "region_code" = h."region_code",
       "year" = extract(year FROM coalesce(p."agreed_on"::timestamp, p."updated_at" AT TIME ZONE 'Asia/Shanghai'))::int,
       "cadre_id" = (SELECT pr."cadre_id" FROM "pairing" pr WHERE pr."household_id" = p."household_id" AND pr."ended_on" IS NULL ORDER BY pr."id" DESC LIMIT 1)
  FROM "household" h WHERE h."id" = p."household_id";
ALTER TABLE "help_plan" ALTER COLUMN "region_code" SET NOT NULL, ALTER COLUMN "year" SET NOT NULL;

-- AlterTable
ALTER TABLE "policy" ADD COLUMN     "income_drop_percent" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "monitor_line_yuan" INTEGER NOT NULL DEFAULT 6000,
ADD COLUMN     "warning_verify_days" INTEGER NOT NULL DEFAULT 15;

-- AlterTable
ALTER TABLE "problem" ADD COLUMN     "risk_event" "RiskEvent";

-- AlterTable
ALTER TABLE "village_figures" ADD COLUMN     "monitored_marginal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "monitored_sudden" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "monitored_unstable" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "planned_poor_households" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "risks_closed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "warnings_open" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "warnings_overdue" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "visit" ADD COLUMN     "risk_event" "RiskEvent";

-- CreateTable
CREATE TABLE "help_measure" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "target" VARCHAR(200) NOT NULL,
    "amount_yuan" INTEGER,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "help_measure_pkey" PRIMARY KEY ("id")
);

-- The old JSON measures ({ kind, detail }) as rows: loans and other claims (食用菌认领) count as industry.
INSERT INTO "help_measure" ("plan_id", "kind", "target")
SELECT p."id",
       (CASE m->>'kind' WHEN 'PV_CLAIM' THEN 'PV' WHEN 'LOAN' THEN 'INDUSTRY' WHEN 'OTHER_CLAIM' THEN 'INDUSTRY' ELSE m->>'kind' END)::"MeasureKind",
       left(CASE m->>'kind' WHEN 'LOAN' THEN '小额信贷：' ELSE '' END || coalesce(m->>'detail', ''), 200)
  FROM "help_plan" p, jsonb_array_elements(CASE WHEN jsonb_typeof(p."measures") = 'array' THEN p."measures" ELSE '[]'::jsonb END) m
 WHERE m->>'kind' IN ('INDUSTRY', 'EMPLOYMENT', 'EDUCATION', 'HEALTH', 'HOUSING', 'RELOCATION', 'LOAN', 'PV_CLAIM', 'OTHER_CLAIM');
ALTER TABLE "help_plan" DROP COLUMN "measures", DROP COLUMN "responsible";

-- CreateTable
CREATE TABLE "monitored_household" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "kind" "MonitorKind" NOT NULL,
    "causes" "RiskCause"[],
    "cadre_id" INTEGER NOT NULL,
    "source" "MonitorSource" NOT NULL,
    "note" VARCHAR(500),
    "started_on" DATE NOT NULL,
    "entered_by_id" INTEGER NOT NULL,
    "entered_by_name" VARCHAR(40) NOT NULL,
    "closed_on" DATE,
    "closed_verified_by" VARCHAR(40),
    "closed_note" VARCHAR(500),
    "closed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monitored_household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor_measure" (
    "id" SERIAL NOT NULL,
    "monitored_id" INTEGER NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "target" VARCHAR(200) NOT NULL,
    "amount_yuan" INTEGER,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "monitor_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_warning" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "cause" "RiskCause" NOT NULL,
    "detail" VARCHAR(200) NOT NULL,
    "visit_id" BIGINT,
    "problem_id" INTEGER,
    "cadre_id" INTEGER,
    "raised_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "WarningStatus" NOT NULL DEFAULT 'OPEN',
    "resolved_on" DATE,
    "resolved_by_id" INTEGER,
    "resolved_by_name" VARCHAR(40),
    "reason" VARCHAR(500),
    "monitored_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_warning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "help_measure_plan_id_idx" ON "help_measure"("plan_id");

-- CreateIndex
CREATE INDEX "monitored_household_region_code_closed_on_idx" ON "monitored_household"("region_code", "closed_on");

-- CreateIndex
CREATE INDEX "monitored_household_household_id_idx" ON "monitored_household"("household_id");

-- CreateIndex
CREATE INDEX "monitor_measure_monitored_id_idx" ON "monitor_measure"("monitored_id");

-- CreateIndex
CREATE INDEX "risk_warning_region_code_status_idx" ON "risk_warning"("region_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "risk_warning_household_id_cause_year_key" ON "risk_warning"("household_id", "cause", "year");

-- CreateIndex
CREATE INDEX "help_plan_region_code_year_idx" ON "help_plan"("region_code", "year");

-- CreateIndex
CREATE INDEX "help_plan_cadre_id_idx" ON "help_plan"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "help_plan_household_id_year_key" ON "help_plan"("household_id", "year");

-- AddForeignKey
ALTER TABLE "help_plan" ADD CONSTRAINT "help_plan_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_measure" ADD CONSTRAINT "help_measure_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "help_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitored_household" ADD CONSTRAINT "monitored_household_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitored_household" ADD CONSTRAINT "monitored_household_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitor_measure" ADD CONSTRAINT "monitor_measure_monitored_id_fkey" FOREIGN KEY ("monitored_id") REFERENCES "monitored_household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_warning" ADD CONSTRAINT "risk_warning_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_warning" ADD CONSTRAINT "risk_warning_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_warning" ADD CONSTRAINT "risk_warning_monitored_id_fkey" FOREIGN KEY ("monitored_id") REFERENCES "monitored_household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The kept figures count plans, monitored households and warnings per village: writes mark it stale.
DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('help_plan', 'region_code'), ('monitored_household', 'region_code'), ('risk_warning', 'region_code')
  ) AS t(tbl, col) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_ins', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_upd', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_del', source.tbl, source.col);
  END LOOP;
END $$;
