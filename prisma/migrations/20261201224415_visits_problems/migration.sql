-- CreateEnum
CREATE TYPE "VisitKind" AS ENUM ('IN_PERSON', 'PHONE', 'GROUP_MEETING');

-- CreateEnum
CREATE TYPE "ProblemCategory" AS ENUM ('PRECISION', 'FOOD_CLOTHING', 'EDUCATION', 'MEDICAL', 'HOUSING', 'WATER', 'DISPUTE', 'REQUEST', 'IDENTIFICATION', 'ALLOWANCE', 'DANGEROUS_HOUSING', 'OTHER');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('URGENT', 'HIGH', 'NORMAL');

-- CreateEnum
CREATE TYPE "ProblemSource" AS ENUM ('VISIT', 'INSPECTION', 'REPORT');

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'SOLVED', 'STRUCK_OFF');

-- CreateEnum
CREATE TYPE "ProblemOwner" AS ENUM ('VILLAGE_TEAM', 'TOWNSHIP', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "ProblemStepKind" AS ENUM ('OPEN', 'START', 'SOLVE', 'RETURN', 'STRIKE_OFF', 'ESCALATE', 'REOPEN');

-- AlterTable
ALTER TABLE "policy" ADD COLUMN     "cadre_visit_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "leader_visit_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "team_visit_days" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "visit" (
    "id" BIGSERIAL NOT NULL,
    "client_key" VARCHAR(64) NOT NULL,
    "household_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "visited_on" DATE NOT NULL,
    "kind" "VisitKind" NOT NULL,
    "visitor_id" INTEGER NOT NULL,
    "visitor_name" VARCHAR(40) NOT NULL,
    "visitor_cadre_id" INTEGER,
    "met_with" VARCHAR(100),
    "findings" VARCHAR(2000),
    "help_delivered" VARCHAR(2000),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracy_meters" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" SERIAL NOT NULL,
    "storage_key" VARCHAR(120) NOT NULL,
    "content_type" VARCHAR(40) NOT NULL,
    "bytes" INTEGER NOT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "visit_id" BIGINT,
    "step_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "household_id" INTEGER,
    "visit_id" BIGINT,
    "category" "ProblemCategory" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "source" "ProblemSource" NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "status" "ProblemStatus" NOT NULL DEFAULT 'OPEN',
    "owner" "ProblemOwner" NOT NULL DEFAULT 'VILLAGE_TEAM',
    "owner_unit_id" INTEGER,
    "deadline" DATE NOT NULL,
    "found_on" DATE NOT NULL,
    "solved_by_id" INTEGER,
    "solved_on" DATE,
    "struck_off_on" DATE,
    "created_by_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_step" (
    "id" BIGSERIAL NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "kind" "ProblemStepKind" NOT NULL,
    "from_status" "ProblemStatus",
    "to_status" "ProblemStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER NOT NULL,
    "user_name" VARCHAR(40) NOT NULL,
    "note" VARCHAR(1000),
    "evidence" VARCHAR(1000),
    "owner" "ProblemOwner",
    "owner_unit_id" INTEGER,
    "deadline" DATE,

    CONSTRAINT "problem_step_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "visit_client_key_key" ON "visit"("client_key");

-- CreateIndex
CREATE INDEX "visit_household_id_visited_on_idx" ON "visit"("household_id", "visited_on");

-- CreateIndex
CREATE INDEX "visit_region_code_visited_on_idx" ON "visit"("region_code", "visited_on");

-- CreateIndex
CREATE INDEX "visit_visitor_cadre_id_household_id_visited_on_idx" ON "visit"("visitor_cadre_id", "household_id", "visited_on");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");

-- CreateIndex
CREATE INDEX "attachment_visit_id_idx" ON "attachment"("visit_id");

-- CreateIndex
CREATE INDEX "attachment_step_id_idx" ON "attachment"("step_id");

-- CreateIndex
CREATE INDEX "problem_region_code_status_idx" ON "problem"("region_code", "status");

-- CreateIndex
CREATE INDEX "problem_household_id_idx" ON "problem"("household_id");

-- CreateIndex
CREATE INDEX "problem_status_deadline_idx" ON "problem"("status", "deadline");

-- CreateIndex
CREATE INDEX "problem_found_on_idx" ON "problem"("found_on");

-- CreateIndex
CREATE INDEX "problem_step_problem_id_at_idx" ON "problem_step"("problem_id", "at");

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_step" ADD CONSTRAINT "problem_step_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the schema language cannot state.
ALTER TABLE "problem" ADD CONSTRAINT "problem_department_owner" CHECK ("owner" <> 'DEPARTMENT' OR "owner_unit_id" IS NOT NULL);
ALTER TABLE "problem" ADD CONSTRAINT "problem_solved" CHECK ("status" NOT IN ('SOLVED', 'STRUCK_OFF') OR ("solved_by_id" IS NOT NULL AND "solved_on" IS NOT NULL));
ALTER TABLE "problem" ADD CONSTRAINT "problem_in_village" CHECK (length("region_code") = 12);
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_owner" CHECK ("visit_id" IS NULL OR "step_id" IS NULL);
