-- The figures of each county, the sums of its villages' (issue 20): a city's or the province's dashboard reads
-- these instead of every village's row.
-- CreateTable
CREATE TABLE "county_figures" (
    "county_code" VARCHAR(6) NOT NULL,
    "villages" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "poor_village" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "poor_households" INTEGER NOT NULL,
    "poor_people" INTEGER NOT NULL,
    "lifted_households" INTEGER NOT NULL,
    "lifted_people" INTEGER NOT NULL,
    "lifted_this_year_households" INTEGER NOT NULL,
    "lifted_this_year_people" INTEGER NOT NULL,
    "returned_this_year_households" INTEGER NOT NULL,
    "return_base_households" INTEGER NOT NULL,
    "teams" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "members_on_track" INTEGER NOT NULL,
    "members_at_risk" INTEGER NOT NULL,
    "members_short" INTEGER NOT NULL,
    "marked_checkins" INTEGER NOT NULL,
    "month_rule_members" INTEGER NOT NULL DEFAULT 0,
    "month_rule_missed" INTEGER NOT NULL DEFAULT 0,
    "must_pair" INTEGER NOT NULL,
    "paired" INTEGER NOT NULL,
    "villages_without_liaison" INTEGER NOT NULL,
    "cadre_visits_due" INTEGER NOT NULL,
    "cadre_visits_done" INTEGER NOT NULL,
    "team_visits_due" INTEGER NOT NULL,
    "team_visits_done" INTEGER NOT NULL,
    "problems_found" INTEGER NOT NULL,
    "problems_struck_off" INTEGER NOT NULL,
    "problems_open" INTEGER NOT NULL,
    "problems_overdue" INTEGER NOT NULL,
    "inspections" INTEGER NOT NULL DEFAULT 0,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "discrepancies" INTEGER NOT NULL DEFAULT 0,
    "household_checks" INTEGER NOT NULL DEFAULT 0,
    "households_satisfied" INTEGER NOT NULL DEFAULT 0,
    "planned_poor_households" INTEGER NOT NULL DEFAULT 0,
    "monitored_unstable" INTEGER NOT NULL DEFAULT 0,
    "monitored_marginal" INTEGER NOT NULL DEFAULT 0,
    "monitored_sudden" INTEGER NOT NULL DEFAULT 0,
    "warnings_open" INTEGER NOT NULL DEFAULT 0,
    "warnings_overdue" INTEGER NOT NULL DEFAULT 0,
    "risks_closed" INTEGER NOT NULL DEFAULT 0,
    "removed_households" INTEGER NOT NULL DEFAULT 0,
    "removed_this_year_households" INTEGER NOT NULL DEFAULT 0,
    "year_problems_found" INTEGER NOT NULL DEFAULT 0,
    "year_problems_struck_off" INTEGER NOT NULL DEFAULT 0,
    "liaison_due" INTEGER NOT NULL DEFAULT 0,
    "liaison_covered" INTEGER NOT NULL DEFAULT 0,
    "cadre_visits_in_person" INTEGER NOT NULL DEFAULT 0,
    "team_visits_in_person" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "county_figures_pkey" PRIMARY KEY ("county_code")
);

-- CreateTable
CREATE TABLE "county_month_figures" (
    "county_code" VARCHAR(6) NOT NULL,
    "month" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "village_days" INTEGER NOT NULL,
    "problems_found" INTEGER NOT NULL,
    "problems_struck_off" INTEGER NOT NULL,
    "lifted_households" INTEGER NOT NULL,
    "returned_households" INTEGER NOT NULL,

    CONSTRAINT "county_month_figures_pkey" PRIMARY KEY ("county_code","month")
);

-- Filled from the villages' kept figures; from here on each refresh rewrites the counties of the villages it computes.
INSERT INTO "county_figures" ("county_code", "villages", "computed_at", "poor_village", "households", "people", "poor_households", "poor_people", "lifted_households", "lifted_people", "lifted_this_year_households", "lifted_this_year_people", "returned_this_year_households", "return_base_households", "teams", "members", "members_on_track", "members_at_risk", "members_short", "marked_checkins", "month_rule_members", "month_rule_missed", "must_pair", "paired", "villages_without_liaison", "cadre_visits_due", "cadre_visits_done", "team_visits_due", "team_visits_done", "problems_found", "problems_struck_off", "problems_open", "problems_overdue", "inspections", "findings", "discrepancies", "household_checks", "households_satisfied", "planned_poor_households", "monitored_unstable", "monitored_marginal", "monitored_sudden", "warnings_open", "warnings_overdue", "risks_closed", "removed_households", "removed_this_year_households", "year_problems_found", "year_problems_struck_off", "liaison_due", "liaison_covered", "cadre_visits_in_person", "team_visits_in_person")
SELECT left("village_code", 6), count(*)::int, min("computed_at"), sum("poor_village")::int, sum("households")::int, sum("people")::int, sum("poor_households")::int, sum("poor_people")::int, sum("lifted_households")::int, sum("lifted_people")::int, sum("lifted_this_year_households")::int, sum("lifted_this_year_people")::int, sum("returned_this_year_households")::int, sum("return_base_households")::int, sum("teams")::int, sum("members")::int, sum("members_on_track")::int, sum("members_at_risk")::int, sum("members_short")::int, sum("marked_checkins")::int, sum("month_rule_members")::int, sum("month_rule_missed")::int, sum("must_pair")::int, sum("paired")::int, sum("villages_without_liaison")::int, sum("cadre_visits_due")::int, sum("cadre_visits_done")::int, sum("team_visits_due")::int, sum("team_visits_done")::int, sum("problems_found")::int, sum("problems_struck_off")::int, sum("problems_open")::int, sum("problems_overdue")::int, sum("inspections")::int, sum("findings")::int, sum("discrepancies")::int, sum("household_checks")::int, sum("households_satisfied")::int, sum("planned_poor_households")::int, sum("monitored_unstable")::int, sum("monitored_marginal")::int, sum("monitored_sudden")::int, sum("warnings_open")::int, sum("warnings_overdue")::int, sum("risks_closed")::int, sum("removed_households")::int, sum("removed_this_year_households")::int, sum("year_problems_found")::int, sum("year_problems_struck_off")::int, sum("liaison_due")::int, sum("liaison_covered")::int, sum("cadre_visits_in_person")::int, sum("team_visits_in_person")::int
  FROM "village_figures" GROUP BY 1;

INSERT INTO "county_month_figures" ("county_code", "month", "visits", "village_days", "problems_found", "problems_struck_off", "lifted_households", "returned_households")
SELECT left("village_code", 6), "month", sum("visits")::int, sum("village_days")::int, sum("problems_found")::int, sum("problems_struck_off")::int, sum("lifted_households")::int, sum("returned_households")::int
  FROM "village_month_figures" GROUP BY 1, 2;
