/*
  Warnings:

  - The primary key for the `figures_stale` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - You are about to drop the column `attendance_record_id` on the `presence_check` table. All the data in the column will be lost.
  - You are about to drop the column `discrepancy` on the `presence_check` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "figures_stale" DROP CONSTRAINT "figures_stale_pkey",
ADD COLUMN     "id" BIGSERIAL NOT NULL,
ADD CONSTRAINT "figures_stale_pkey" PRIMARY KEY ("id");

-- AlterTable
ALTER TABLE "presence_check" DROP COLUMN "attendance_record_id",
DROP COLUMN "discrepancy";

-- CreateIndex
CREATE INDEX "figures_stale_village_code_idx" ON "figures_stale"("village_code");

-- Writers append marks; they no longer wait on (or deadlock over) another writer's row.
CREATE OR REPLACE FUNCTION mark_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO figures_stale (village_code) SELECT DISTINCT left(%I, 12) FROM new_rows WHERE length(%I) = 12', col, col);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO figures_stale (village_code) SELECT DISTINCT left(%I, 12) FROM old_rows WHERE length(%I) = 12', col, col);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION mark_county_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_stale (village_code) SELECT code FROM region WHERE level = 'VILLAGE' AND left(code, 6) = NEW.county_code;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION mark_inspection_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_stale (village_code) SELECT village_code FROM inspection_village WHERE inspection_id = NEW.id;
  RETURN NULL;
END $$;

-- A discrepancy is an absence joined to the day's record: found by cadre and day.
CREATE INDEX presence_check_absent_cadre_day ON presence_check (cadre_id, day) WHERE NOT present;
