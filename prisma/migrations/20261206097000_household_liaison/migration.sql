-- Liaison cadres (联户干部) for the households no responsible cadre helps, and their coverage in the kept figures.
CREATE TABLE "household_liaison" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_liaison_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "household_liaison_household_id_idx" ON "household_liaison"("household_id");
CREATE INDEX "household_liaison_cadre_id_ended_on_idx" ON "household_liaison"("cadre_id", "ended_on");
CREATE INDEX "household_liaison_region_code_idx" ON "household_liaison"("region_code");
-- One liaison cadre at a time per household.
CREATE UNIQUE INDEX "household_liaison_one_active" ON "household_liaison"("household_id") WHERE ended_on IS NULL;
ALTER TABLE "household_liaison" ADD CONSTRAINT "household_liaison_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "household_liaison" ADD CONSTRAINT "household_liaison_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER household_liaison_figures_ins AFTER INSERT ON household_liaison REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale('region_code');
CREATE TRIGGER household_liaison_figures_upd AFTER UPDATE ON household_liaison REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale('region_code');
CREATE TRIGGER household_liaison_figures_del AFTER DELETE ON household_liaison REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale('region_code');

ALTER TABLE "village_figures" ADD COLUMN "liaison_due" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "liaison_covered" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "village_figures_year" ADD COLUMN "liaison_due" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "liaison_covered" INTEGER NOT NULL DEFAULT 0;
