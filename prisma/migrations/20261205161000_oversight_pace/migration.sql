-- The pace of oversight as policy (seed 000): per month, per quarter, per unit and quarter.
ALTER TABLE "policy" ADD COLUMN "unannounced_per_month" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "concentrated_per_quarter" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "return_visits_per_quarter" INTEGER NOT NULL DEFAULT 1;
