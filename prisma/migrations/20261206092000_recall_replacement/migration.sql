-- Recalls open a replacement request; talks with dispatching units' heads; the county decision that lets a
-- village's last posting end before the village has exited (seeds 000, 002, 004).
ALTER TYPE "FollowUpKind" ADD VALUE 'UNIT_HEAD_TALK';

ALTER TABLE "posting" ADD COLUMN "end_decision" VARCHAR(200);

ALTER TABLE "follow_up" ADD COLUMN "unit_id" INTEGER,
ADD COLUMN "head_name" VARCHAR(40);
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- A talk with a unit's head names the unit and the head; no other kind does (text: the new label is not usable in this transaction).
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_unit_head" CHECK ((kind::text = 'UNIT_HEAD_TALK') = (unit_id IS NOT NULL AND head_name IS NOT NULL));

CREATE TABLE "replacement_request" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "role" "TeamRole" NOT NULL,
    "follow_up_id" INTEGER NOT NULL,
    "recalled_posting_id" INTEGER NOT NULL,
    "opened_on" DATE NOT NULL,
    "filled_posting_id" INTEGER,
    "filled_on" DATE,

    CONSTRAINT "replacement_request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "replacement_request_filled" CHECK ((filled_posting_id IS NULL) = (filled_on IS NULL))
);
CREATE UNIQUE INDEX "replacement_request_follow_up_id_key" ON "replacement_request"("follow_up_id");
CREATE UNIQUE INDEX "replacement_request_recalled_posting_id_key" ON "replacement_request"("recalled_posting_id");
CREATE UNIQUE INDEX "replacement_request_filled_posting_id_key" ON "replacement_request"("filled_posting_id");
CREATE INDEX "replacement_request_village_code_idx" ON "replacement_request"("village_code");
ALTER TABLE "replacement_request" ADD CONSTRAINT "replacement_request_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "work_team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "replacement_request" ADD CONSTRAINT "replacement_request_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "replacement_request" ADD CONSTRAINT "replacement_request_follow_up_id_fkey" FOREIGN KEY ("follow_up_id") REFERENCES "follow_up"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
