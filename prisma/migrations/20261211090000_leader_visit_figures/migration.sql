-- The third visit rule (the team leader visits every poor household of the team's village) kept with the
-- figures, so the visits page reads its coverage like the dashboard instead of computing it on every view.
-- Filled by the next recompute (the refresh of a new day computes every village again).
ALTER TABLE "village_figures" ADD COLUMN "leader_visits_due" INTEGER NOT NULL DEFAULT 0,
                              ADD COLUMN "leader_visits_done" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "village_figures_year" ADD COLUMN "leader_visits_due" INTEGER NOT NULL DEFAULT 0,
                                   ADD COLUMN "leader_visits_done" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "county_figures" ADD COLUMN "leader_visits_due" INTEGER NOT NULL DEFAULT 0,
                             ADD COLUMN "leader_visits_done" INTEGER NOT NULL DEFAULT 0;
-- Every village once more, so no page reads the new columns' zeros as figures.
UPDATE "village_figures" SET "computed_on" = DATE '2000-01-01';
