-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "CadreRank" AS ENUM ('COUNTY_CHIEF', 'COUNTY_DEPUTY', 'SECTION_CHIEF', 'SECTION_DEPUTY', 'ORDINARY');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('LEADER', 'FIRST_SECRETARY', 'MEMBER', 'GRADUATE_OFFICIAL', 'TECHNICIAN');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('IN_VILLAGE', 'OVERNIGHT', 'LEAVE', 'TRAINING', 'MEETING', 'BUSINESS_TRIP');

-- CreateEnum
CREATE TYPE "LocationCheck" AS ENUM ('INSIDE', 'OUTSIDE', 'NONE');

-- CreateEnum
CREATE TYPE "RecordSource" AS ENUM ('CHECKIN', 'ENTRY');

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "county_code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "rank" "CadreRank" NOT NULL DEFAULT 'ORDINARY',
    "phone_enc" TEXT,
    "user_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_team" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "formed_on" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posting" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "role" "TeamRole" NOT NULL,
    "also_first_secretary" BOOLEAN NOT NULL DEFAULT false,
    "unit_id" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "planned_end_date" DATE NOT NULL,
    "ended_on" DATE,
    "end_reason" VARCHAR(200),
    "detached_confirmed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_record" (
    "id" BIGSERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "posting_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "day" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "reason" VARCHAR(200),
    "source" "RecordSource" NOT NULL,
    "marked" BOOLEAN NOT NULL DEFAULT false,
    "checkin_at" TIMESTAMPTZ(3),
    "location" "LocationCheck",
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracy_meters" DOUBLE PRECISION,
    "distance_meters" INTEGER,
    "night_checkin_at" TIMESTAMPTZ(3),
    "night_location" "LocationCheck",
    "night_latitude" DOUBLE PRECISION,
    "night_longitude" DOUBLE PRECISION,
    "night_accuracy_meters" DOUBLE PRECISION,
    "night_distance_meters" INTEGER,
    "recorded_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_signoff" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "month" CHAR(7) NOT NULL,
    "signed_by_id" INTEGER,
    "signed_by_name" VARCHAR(40) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_signoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_county_code_name_key" ON "unit"("county_code", "name");

-- CreateIndex
CREATE UNIQUE INDEX "cadre_user_id_key" ON "cadre"("user_id");

-- CreateIndex
CREATE INDEX "cadre_region_code_idx" ON "cadre"("region_code");

-- CreateIndex
CREATE INDEX "cadre_unit_id_idx" ON "cadre"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "work_team_village_code_key" ON "work_team"("village_code");

-- CreateIndex
CREATE INDEX "posting_team_id_idx" ON "posting"("team_id");

-- CreateIndex
CREATE INDEX "posting_cadre_id_idx" ON "posting"("cadre_id");

-- CreateIndex
CREATE INDEX "posting_village_code_idx" ON "posting"("village_code");

-- CreateIndex
CREATE INDEX "attendance_record_village_code_day_idx" ON "attendance_record"("village_code", "day");

-- CreateIndex
CREATE INDEX "attendance_record_posting_id_day_idx" ON "attendance_record"("posting_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_record_cadre_id_day_key" ON "attendance_record"("cadre_id", "day");

-- CreateIndex
CREATE INDEX "attendance_signoff_village_code_month_idx" ON "attendance_signoff"("village_code", "month");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_signoff_team_id_month_key" ON "attendance_signoff"("team_id", "month");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_county_code_fkey" FOREIGN KEY ("county_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_team" ADD CONSTRAINT "work_team_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posting" ADD CONSTRAINT "posting_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "work_team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posting" ADD CONSTRAINT "posting_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posting" ADD CONSTRAINT "posting_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "posting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_signoff" ADD CONSTRAINT "attendance_signoff_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "work_team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules the schema language cannot state.
-- One active posting per person.
CREATE UNIQUE INDEX "posting_one_active_per_cadre" ON "posting"("cadre_id") WHERE "ended_on" IS NULL;
ALTER TABLE "posting" ADD CONSTRAINT "posting_dates" CHECK ("planned_end_date" >= "start_date" AND ("ended_on" IS NULL OR "ended_on" >= "start_date"));
-- A day away needs its reason; a night is recorded as OVERNIGHT, which is also a day.
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_away_reason" CHECK ("kind" IN ('IN_VILLAGE', 'OVERNIGHT') OR "reason" IS NOT NULL);
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_night_is_overnight" CHECK ("night_checkin_at" IS NULL OR "kind" = 'OVERNIGHT');
ALTER TABLE "attendance_signoff" ADD CONSTRAINT "attendance_signoff_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
