-- The in-person share of the visits done, kept with the figures (a phone visit is for locked-door households only, seed 000).
ALTER TABLE "village_figures" ADD COLUMN "cadre_visits_in_person" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "team_visits_in_person" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "village_figures_year" ADD COLUMN "cadre_visits_in_person" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "team_visits_in_person" INTEGER NOT NULL DEFAULT 0;
