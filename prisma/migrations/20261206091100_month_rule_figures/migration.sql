-- Leaders and deputies under the monthly rule (seed 001), and those who missed a month, kept per village.
ALTER TABLE "village_figures" ADD COLUMN "month_rule_members" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "month_rule_missed" INTEGER NOT NULL DEFAULT 0;
