/*
  Warnings:

  - A unique constraint covering the columns `[id_number_hash]` on the table `cadre` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "cadre" ADD COLUMN     "id_last4" VARCHAR(4),
ADD COLUMN     "id_number_enc" TEXT,
ADD COLUMN     "id_number_hash" VARCHAR(64),
ADD COLUMN     "left_on" DATE,
ADD COLUMN     "left_reason" VARCHAR(200);

-- CreateTable
CREATE TABLE "village_liaison" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "village_liaison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "end_reason" VARCHAR(200),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pairing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "village_liaison_unit_id_idx" ON "village_liaison"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "village_liaison_village_code_unit_id_key" ON "village_liaison"("village_code", "unit_id");

-- CreateIndex
CREATE INDEX "pairing_household_id_idx" ON "pairing"("household_id");

-- CreateIndex
CREATE INDEX "pairing_cadre_id_ended_on_idx" ON "pairing"("cadre_id", "ended_on");

-- CreateIndex
CREATE INDEX "pairing_region_code_idx" ON "pairing"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "cadre_id_number_hash_key" ON "cadre"("id_number_hash");

-- AddForeignKey
ALTER TABLE "village_liaison" ADD CONSTRAINT "village_liaison_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_liaison" ADD CONSTRAINT "village_liaison_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: every registered household has at most one responsible cadre at a time.
CREATE UNIQUE INDEX "pairing_one_active_per_household" ON "pairing"("household_id") WHERE "ended_on" IS NULL;
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_dates" CHECK ("ended_on" IS NULL OR "ended_on" >= "started_on");
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_end_reason" CHECK ("ended_on" IS NULL OR "end_reason" IS NOT NULL);
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_id_last4" CHECK ("id_last4" IS NULL OR "id_last4" ~ '^[0-9]{3}[0-9X]$');
