-- CreateTable
CREATE TABLE "village_figures" (
    "village_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "computed_on" DATE NOT NULL,
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

    CONSTRAINT "village_figures_pkey" PRIMARY KEY ("village_code")
);

-- CreateTable
CREATE TABLE "village_month_figures" (
    "village_code" VARCHAR(12) NOT NULL,
    "month" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "village_days" INTEGER NOT NULL,
    "problems_found" INTEGER NOT NULL,
    "problems_struck_off" INTEGER NOT NULL,
    "lifted_households" INTEGER NOT NULL,
    "returned_households" INTEGER NOT NULL,

    CONSTRAINT "village_month_figures_pkey" PRIMARY KEY ("village_code","month")
);

-- CreateTable
CREATE TABLE "figures_stale" (
    "village_code" VARCHAR(12) NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "figures_stale_pkey" PRIMARY KEY ("village_code")
);

-- Any write to a table the figures are computed from marks the villages it touched as stale
-- (statement triggers with transition tables: one insert per statement, not per row).
CREATE FUNCTION mark_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO figures_stale (village_code) SELECT DISTINCT left(%I, 12) FROM new_rows WHERE length(%I) = 12 ON CONFLICT DO NOTHING', col, col);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO figures_stale (village_code) SELECT DISTINCT left(%I, 12) FROM old_rows WHERE length(%I) = 12 ON CONFLICT DO NOTHING', col, col);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('household', 'region_code'), ('status_event', 'region_code'), ('work_team', 'village_code'), ('posting', 'village_code'),
    ('attendance_record', 'village_code'), ('village_liaison', 'village_code'), ('pairing', 'region_code'), ('visit', 'region_code'),
    ('problem', 'region_code'), ('region', 'code')
  ) AS t(tbl, col) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_ins', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_upd', source.tbl, source.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_figures_stale(%L)', source.tbl || '_figures_del', source.tbl, source.col);
  END LOOP;
END $$;

-- A policy change (targets, visit periods) changes every village of its county.
CREATE FUNCTION mark_county_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_stale (village_code)
  SELECT code FROM region WHERE level = 'VILLAGE' AND left(code, 6) = NEW.county_code ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER policy_figures AFTER INSERT OR UPDATE ON policy FOR EACH ROW EXECUTE FUNCTION mark_county_figures_stale();
