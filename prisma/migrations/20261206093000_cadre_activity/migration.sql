-- Technicians' guidance sessions and days in households (seed 001), training (seed 000), Tuesday work days (seed 002).
CREATE TYPE "ActivityKind" AS ENUM ('GUIDANCE_SESSION', 'FARM_DAY', 'INDUCTION_TRAINING', 'CITY_TRAINING', 'WORK_DAY');

CREATE TABLE "cadre_activity" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "day" DATE NOT NULL,
    "days" INTEGER NOT NULL DEFAULT 1,
    "village_code" VARCHAR(12) NOT NULL,
    "note" VARCHAR(200),
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_activity_pkey" PRIMARY KEY ("id"),
    -- Training lasts 1 to 30 days; everything else is one day.
    CONSTRAINT "cadre_activity_days" CHECK (days BETWEEN 1 AND 30 AND (days = 1 OR kind IN ('INDUCTION_TRAINING', 'CITY_TRAINING'))),
    -- The work day is a Tuesday (ISO day of week 2).
    CONSTRAINT "cadre_activity_tuesday" CHECK (kind <> 'WORK_DAY' OR extract(isodow FROM day) = 2)
);
CREATE INDEX "cadre_activity_cadre_id_day_idx" ON "cadre_activity"("cadre_id", "day");
CREATE INDEX "cadre_activity_village_code_day_idx" ON "cadre_activity"("village_code", "day");
-- One day in households, and one work day, per person per day.
CREATE UNIQUE INDEX "cadre_activity_one_a_day" ON "cadre_activity"("cadre_id", "kind", "day") WHERE kind IN ('FARM_DAY', 'WORK_DAY');
ALTER TABLE "cadre_activity" ADD CONSTRAINT "cadre_activity_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Induction training's length (seed 000: 为期5天).
ALTER TABLE "policy" ADD COLUMN "induction_training_days" INTEGER NOT NULL DEFAULT 5;
