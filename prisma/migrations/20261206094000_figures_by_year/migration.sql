-- The assessment counts problems by the year they were found, and reads each year's figures as last computed in
-- that year (issue 18): a copy of village_figures per village and year, written by every refresh.
ALTER TABLE "village_figures" ADD COLUMN "year_problems_found" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "year_problems_struck_off" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "village_figures_year" (LIKE "village_figures" INCLUDING DEFAULTS);
ALTER TABLE "village_figures_year" ADD CONSTRAINT "village_figures_year_pkey" PRIMARY KEY ("village_code", "year");
-- This year's figures as they stand, so the current year's assessment reads the same numbers as before.
INSERT INTO "village_figures_year" SELECT * FROM "village_figures";
