-- The assessment's consequences (seed 001) and the dispatching units' assessment (local weights).
ALTER TABLE "policy" ADD COLUMN "excellent_share_percent" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN "prize_first_count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "prize_second_count" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN "prize_third_count" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "prize_first_yuan" INTEGER NOT NULL DEFAULT 50000,
ADD COLUMN "prize_second_yuan" INTEGER NOT NULL DEFAULT 30000,
ADD COLUMN "prize_third_yuan" INTEGER NOT NULL DEFAULT 20000,
ADD COLUMN "unit_prize_first_yuan" INTEGER NOT NULL DEFAULT 30000,
ADD COLUMN "unit_prize_second_yuan" INTEGER NOT NULL DEFAULT 20000,
ADD COLUMN "unit_prize_third_yuan" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN "weight_unit_teams" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN "weight_unit_return_visits" INTEGER NOT NULL DEFAULT 20;
