-- Dashboard colours as policy (local defaults): below the line red, from the line up to all done amber.
ALTER TABLE "policy" ADD COLUMN "pairing_red_below_percent" INTEGER NOT NULL DEFAULT 95,
ADD COLUMN "visit_red_below_percent" INTEGER NOT NULL DEFAULT 90;
