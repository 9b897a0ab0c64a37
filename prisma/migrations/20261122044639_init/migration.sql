-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SYSTEM_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_STAFF', 'TEAM_LEADER', 'TEAM_MEMBER', 'PAIRING_CADRE', 'LEADER', 'INSPECTOR', 'AUDITOR');

-- CreateEnum
CREATE TYPE "AuditResult" AS ENUM ('OK', 'REFUSED', 'INVALID', 'ERROR');

-- CreateTable
CREATE TABLE "region" (
    "code" VARCHAR(12) NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "parent_code" VARCHAR(12),
    "is_poor_village" BOOLEAN NOT NULL DEFAULT false,
    "planned_exit_year" INTEGER,
    "exited_year" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "display_name" VARCHAR(40) NOT NULL,
    "role" "Role" NOT NULL,
    "scope_code" VARCHAR(12) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_session" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "session_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "username" VARCHAR(40),
    "role" "Role",
    "action" VARCHAR(60) NOT NULL,
    "entity" VARCHAR(40),
    "entity_id" VARCHAR(64),
    "region_code" VARCHAR(12),
    "result" "AuditResult" NOT NULL,
    "changes" JSONB,
    "message" VARCHAR(500),
    "request_id" VARCHAR(40),

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy" (
    "id" SERIAL NOT NULL,
    "county_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "village_days_per_year" INTEGER NOT NULL,
    "village_nights_per_year" INTEGER NOT NULL,
    "leader_days_per_month" INTEGER NOT NULL,
    "technician_sessions_per_year" INTEGER NOT NULL,
    "technician_farm_days_per_year" INTEGER NOT NULL,
    "min_posting_months" INTEGER NOT NULL,
    "team_size_min" INTEGER NOT NULL,
    "team_size_max" INTEGER NOT NULL,
    "checkin_radius_meters" INTEGER NOT NULL,
    "quota_county_chief" INTEGER NOT NULL,
    "quota_county_deputy" INTEGER NOT NULL,
    "quota_section_chief" INTEGER NOT NULL,
    "quota_section_deputy" INTEGER NOT NULL,
    "quota_ordinary" INTEGER NOT NULL,
    "income_line_yuan" INTEGER NOT NULL,
    "return_rate_max_percent" DOUBLE PRECISION NOT NULL,
    "notice_min_days" INTEGER NOT NULL,
    "deadline_urgent_days" INTEGER NOT NULL,
    "deadline_high_days" INTEGER NOT NULL,
    "deadline_normal_days" INTEGER NOT NULL,
    "score_good" INTEGER NOT NULL,
    "score_fairly_good" INTEGER NOT NULL,
    "score_fair" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE INDEX "region_level_idx" ON "region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_scope_code_idx" ON "app_user"("scope_code");

-- CreateIndex
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "audit_log_region_code_idx" ON "audit_log"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "policy_county_code_year_key" ON "policy"("county_code", "year");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_scope_code_fkey" FOREIGN KEY ("scope_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy" ADD CONSTRAINT "policy_county_code_fkey" FOREIGN KEY ("county_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: invariants the Prisma schema cannot express.
ALTER TABLE "region" ADD CONSTRAINT "region_code_shape" CHECK ("code" ~ '^[0-9]+$' AND length("code") IN (2, 4, 6, 9, 12));
ALTER TABLE "region" ADD CONSTRAINT "region_parent_is_prefix" CHECK ("parent_code" IS NULL OR left("code", length("parent_code")) = "parent_code");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_failed_login_count" CHECK ("failed_login_count" >= 0);
ALTER TABLE "policy" ADD CONSTRAINT "policy_nights_within_days" CHECK ("village_nights_per_year" <= "village_days_per_year");
