-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('NOT_POOR', 'PROPOSED', 'VILLAGE_NOTICE', 'TOWNSHIP_REVIEW', 'COUNTY_ANNOUNCEMENT', 'REGISTERED_POOR', 'EXIT_PROPOSED', 'EXIT_NOTICE', 'EXIT_REVIEW', 'LIFTED_OUT', 'MONITORED', 'RETURNED_TO_POVERTY');

-- CreateEnum
CREATE TYPE "PovertyCause" AS ENUM ('ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'LACK_OF_LAND', 'LACK_OF_WATER', 'LACK_OF_SKILLS', 'LACK_OF_LABOUR', 'LACK_OF_FUNDS', 'POOR_TRANSPORT', 'WEAK_DRIVE');

-- CreateEnum
CREATE TYPE "AllowanceType" AS ENUM ('NONE', 'DIBAO_1', 'DIBAO_2', 'WUBAO');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "HealthStatus" AS ENUM ('HEALTHY', 'CHRONIC', 'SERIOUS', 'DISABLED');

-- CreateEnum
CREATE TYPE "LabourAbility" AS ENUM ('NORMAL', 'WEAK', 'NONE');

-- CreateTable
CREATE TABLE "household" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "group_name" VARCHAR(20) NOT NULL,
    "head_name" VARCHAR(40) NOT NULL,
    "head_initials" VARCHAR(40) NOT NULL,
    "status" "HouseholdStatus" NOT NULL DEFAULT 'NOT_POOR',
    "status_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "identified_year" INTEGER,
    "exit_year" INTEGER,
    "poverty_causes" "PovertyCause"[],
    "allowance" "AllowanceType" NOT NULL DEFAULT 'NONE',
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "phone_enc" TEXT,
    "food_secure" BOOLEAN NOT NULL DEFAULT true,
    "clothing_secure" BOOLEAN NOT NULL DEFAULT true,
    "education_secure" BOOLEAN NOT NULL DEFAULT true,
    "medical_secure" BOOLEAN NOT NULL DEFAULT true,
    "housing_secure" BOOLEAN NOT NULL DEFAULT true,
    "water_secure" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "relation" "Relation" NOT NULL,
    "is_head" BOOLEAN NOT NULL DEFAULT false,
    "id_number_enc" TEXT NOT NULL,
    "id_number_hash" VARCHAR(64) NOT NULL,
    "id_last4" VARCHAR(4) NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "phone_enc" TEXT,
    "health" "HealthStatus" NOT NULL DEFAULT 'HEALTHY',
    "labour" "LabourAbility" NOT NULL DEFAULT 'NORMAL',
    "in_school" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_income" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "wage_yuan" INTEGER NOT NULL DEFAULT 0,
    "production_yuan" INTEGER NOT NULL DEFAULT 0,
    "property_yuan" INTEGER NOT NULL DEFAULT 0,
    "transfer_yuan" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "household_income_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_event" (
    "id" BIGSERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "from_status" "HouseholdStatus",
    "to_status" "HouseholdStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "user_name" VARCHAR(40),
    "note" VARCHAR(500),

    CONSTRAINT "status_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "help_plan" (
    "id" SERIAL NOT NULL,
    "household_id" INTEGER NOT NULL,
    "income_target_yuan" INTEGER NOT NULL,
    "measures" JSONB NOT NULL,
    "responsible" VARCHAR(40),
    "agreed_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "household_region_code_status_idx" ON "household"("region_code", "status");

-- CreateIndex
CREATE INDEX "household_head_initials_idx" ON "household"("head_initials");

-- CreateIndex
CREATE INDEX "household_head_name_idx" ON "household"("head_name");

-- CreateIndex
CREATE INDEX "household_status_idx" ON "household"("status");

-- CreateIndex
CREATE UNIQUE INDEX "person_id_number_hash_key" ON "person"("id_number_hash");

-- CreateIndex
CREATE INDEX "person_household_id_idx" ON "person"("household_id");

-- CreateIndex
CREATE INDEX "person_id_last4_idx" ON "person"("id_last4");

-- CreateIndex
CREATE INDEX "person_region_code_idx" ON "person"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "household_income_household_id_year_key" ON "household_income"("household_id", "year");

-- CreateIndex
CREATE INDEX "status_event_household_id_at_idx" ON "status_event"("household_id", "at");

-- CreateIndex
CREATE INDEX "status_event_region_code_to_status_at_idx" ON "status_event"("region_code", "to_status", "at");

-- CreateIndex
CREATE UNIQUE INDEX "help_plan_household_id_key" ON "help_plan"("household_id");

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_event" ADD CONSTRAINT "status_event_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_plan" ADD CONSTRAINT "help_plan_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: invariants the Prisma schema cannot express.
-- One head per household (a partial unique index; `check` is told to leave it alone).
CREATE UNIQUE INDEX "person_one_head_per_household" ON "person" ("household_id") WHERE "is_head";
ALTER TABLE "household" ADD CONSTRAINT "household_in_a_village" CHECK (length("region_code") = 12);
ALTER TABLE "household" ADD CONSTRAINT "household_member_count" CHECK ("member_count" >= 0);
ALTER TABLE "person" ADD CONSTRAINT "person_id_last4" CHECK ("id_last4" ~ '^[0-9]{3}[0-9X]$');
ALTER TABLE "household_income" ADD CONSTRAINT "household_income_year" CHECK ("year" BETWEEN 2000 AND 2100);
