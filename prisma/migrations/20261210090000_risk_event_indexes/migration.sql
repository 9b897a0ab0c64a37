-- The early warnings ask, per county, which households had a visit or problem with a risk event this year.
-- Without these the question scanned every visit of the province per county (5.5 s a county at province scale);
-- risk events are a few in a thousand visits, so the partial indexes are small.
CREATE INDEX "visit_risk_household_idx" ON "visit" ("household_id", "visited_on") WHERE "risk_event" IS NOT NULL;
CREATE INDEX "problem_risk_household_idx" ON "problem" ("household_id", "found_on") WHERE "risk_event" IS NOT NULL;
