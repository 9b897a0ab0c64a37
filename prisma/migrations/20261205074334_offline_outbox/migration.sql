/*
  Warnings:

  - A unique constraint covering the columns `[client_key]` on the table `problem_step` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "attendance_record" ADD COLUMN     "checkin_received_at" TIMESTAMPTZ(3),
ADD COLUMN     "late_sync" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "night_late_sync" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "night_received_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "policy" ADD COLUMN     "late_sync_hours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "offline_checkin_days" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "problem_step" ADD COLUMN     "client_key" UUID;

-- CreateTable
CREATE TABLE "attendance_entry" (
    "client_key" UUID NOT NULL,
    "posting_id" INTEGER NOT NULL,
    "entered_by_id" INTEGER NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_entry_pkey" PRIMARY KEY ("client_key")
);

-- CreateIndex
CREATE INDEX "attendance_entry_posting_id_idx" ON "attendance_entry"("posting_id");

-- CreateIndex
CREATE UNIQUE INDEX "problem_step_client_key_key" ON "problem_step"("client_key");

-- AddForeignKey
ALTER TABLE "attendance_entry" ADD CONSTRAINT "attendance_entry_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "posting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
