-- Projects and funds (项目资金): the project library and its stages, money by fund source and voucher, audits,
-- the assets projects create and their income, village mutual-aid funds, and the county's yearly figures.
CREATE TYPE "ProjectKind" AS ENUM ('INDUSTRY', 'INFRASTRUCTURE', 'EMPLOYMENT', 'EDUCATION', 'HEALTH', 'RELOCATION', 'HOUSING', 'PHOTOVOLTAIC', 'MICROCREDIT', 'OTHER');
CREATE TYPE "ProjectStage" AS ENUM ('PROPOSED', 'APPROVED', 'NOTICED', 'IN_PROGRESS', 'ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED', 'REJECTED');
CREATE TYPE "ProjectStepKind" AS ENUM ('PROPOSE', 'APPROVE', 'REJECT', 'NOTICE', 'START', 'PROGRESS', 'ACCEPT', 'REGISTER_ASSET', 'EVALUATE', 'CLOSE');
CREATE TYPE "FundSource" AS ENUM ('CENTRAL', 'PROVINCIAL', 'CITY', 'COUNTY', 'INTEGRATED_AGRICULTURE', 'DEPARTMENT', 'SOCIAL', 'EAST_WEST');
CREATE TYPE "BenefitMechanism" AS ENUM ('DIVIDEND', 'EMPLOYMENT', 'PRODUCTION_SUPPORT', 'INFRASTRUCTURE', 'PUBLIC_SERVICE', 'HOUSING');
CREATE TYPE "PaymentKind" AS ENUM ('DISBURSEMENT', 'REIMBURSEMENT');
CREATE TYPE "AssetKind" AS ENUM ('OPERATING', 'PUBLIC_BENEFIT', 'HOUSEHOLD');

ALTER TABLE "policy" ADD COLUMN "project_notice_days" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN "revenue_share_percent" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN "county_spending_share_percent" INTEGER NOT NULL DEFAULT 70,
ADD COLUMN "mutual_fund_min_yuan" INTEGER NOT NULL DEFAULT 500000;

CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "ProjectKind" NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "owner_unit_id" INTEGER NOT NULL,
    "contact_name" VARCHAR(30) NOT NULL,
    "contact_phone" VARCHAR(20) NOT NULL,
    "planned_end_on" DATE NOT NULL,
    "stage" "ProjectStage" NOT NULL DEFAULT 'PROPOSED',
    "progress_percent" INTEGER NOT NULL DEFAULT 0,
    "notice_start_on" DATE,
    "notice_end_on" DATE,
    "accepted_on" DATE,
    "closed_on" DATE,
    "created_by_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_progress_range" CHECK ("progress_percent" BETWEEN 0 AND 100)
);
CREATE INDEX "project_region_code_stage_idx" ON "project"("region_code", "stage");
CREATE INDEX "project_year_idx" ON "project"("year");

CREATE TABLE "project_village" (
    "project_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,

    CONSTRAINT "project_village_pkey" PRIMARY KEY ("project_id","village_code")
);
CREATE INDEX "project_village_village_code_idx" ON "project_village"("village_code");

CREATE TABLE "project_beneficiary" (
    "project_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "mechanism" "BenefitMechanism" NOT NULL,

    CONSTRAINT "project_beneficiary_pkey" PRIMARY KEY ("project_id","household_id")
);
CREATE INDEX "project_beneficiary_household_id_idx" ON "project_beneficiary"("household_id");

CREATE TABLE "project_fund" (
    "project_id" INTEGER NOT NULL,
    "source" "FundSource" NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "project_fund_pkey" PRIMARY KEY ("project_id","source"),
    CONSTRAINT "project_fund_positive" CHECK ("amount_fen" > 0)
);

CREATE TABLE "project_step" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "kind" "ProjectStepKind" NOT NULL,
    "from_stage" "ProjectStage",
    "to_stage" "ProjectStage" NOT NULL,
    "progress_percent" INTEGER,
    "note" VARCHAR(1000),
    "user_id" INTEGER NOT NULL,
    "user_name" VARCHAR(60) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_step_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "project_step_project_id_idx" ON "project_step"("project_id");

CREATE TABLE "project_payment" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "source" "FundSource" NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "voucher_no" VARCHAR(40) NOT NULL,
    "payee" VARCHAR(100) NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_payment_positive" CHECK ("amount_fen" > 0)
);
CREATE UNIQUE INDEX "project_payment_project_id_voucher_no_key" ON "project_payment"("project_id", "voucher_no");
CREATE INDEX "project_payment_paid_on_idx" ON "project_payment"("paid_on");

CREATE TABLE "project_audit" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "audited_on" DATE NOT NULL,
    "auditor" VARCHAR(100) NOT NULL,
    "finding" VARCHAR(1000) NOT NULL,
    "amount_questioned_fen" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_audit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_audit_questioned" CHECK ("amount_questioned_fen" >= 0)
);
CREATE INDEX "project_audit_project_id_idx" ON "project_audit"("project_id");

CREATE TABLE "asset" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "owner_name" VARCHAR(100) NOT NULL,
    "custodian" VARCHAR(60) NOT NULL,
    "value_fen" BIGINT NOT NULL,
    "household_id" INTEGER,
    "registered_on" DATE NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "asset_value_positive" CHECK ("value_fen" > 0),
    -- A household asset names its household; the others belong to no one household.
    CONSTRAINT "asset_household_kind" CHECK (("kind" = 'HOUSEHOLD') = ("household_id" IS NOT NULL))
);
CREATE INDEX "asset_project_id_idx" ON "asset"("project_id");
CREATE INDEX "asset_region_code_idx" ON "asset"("region_code");

CREATE TABLE "asset_income" (
    "id" SERIAL NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "households" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_income_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "asset_income_positive" CHECK ("amount_fen" > 0 AND "households" > 0)
);
CREATE INDEX "asset_income_asset_id_idx" ON "asset_income"("asset_id");

CREATE TABLE "mutual_fund_capital" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "received_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "source" VARCHAR(100) NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mutual_fund_capital_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mutual_fund_capital_positive" CHECK ("amount_fen" > 0)
);
CREATE INDEX "mutual_fund_capital_village_code_idx" ON "mutual_fund_capital"("village_code");

CREATE TABLE "mutual_loan" (
    "id" SERIAL NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "household_id" INTEGER NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "lent_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "repaid_fen" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mutual_loan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mutual_loan_amounts" CHECK ("amount_fen" > 0 AND "repaid_fen" BETWEEN 0 AND "amount_fen"),
    CONSTRAINT "mutual_loan_dates" CHECK ("due_on" > "lent_on")
);
CREATE INDEX "mutual_loan_village_code_idx" ON "mutual_loan"("village_code");
CREATE INDEX "mutual_loan_household_id_idx" ON "mutual_loan"("household_id");

CREATE TABLE "mutual_repayment" (
    "id" SERIAL NOT NULL,
    "loan_id" INTEGER NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mutual_repayment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mutual_repayment_positive" CHECK ("amount_fen" > 0)
);
CREATE INDEX "mutual_repayment_loan_id_idx" ON "mutual_repayment"("loan_id");

CREATE TABLE "fund_year" (
    "county_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "local_revenue_increase_fen" BIGINT NOT NULL DEFAULT 0,
    "county_spending_fen" BIGINT NOT NULL DEFAULT 0,
    "county_poverty_spending_fen" BIGINT NOT NULL DEFAULT 0,
    "complaint_phone" VARCHAR(20) NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fund_year_pkey" PRIMARY KEY ("county_code","year"),
    CONSTRAINT "fund_year_amounts" CHECK ("local_revenue_increase_fen" >= 0 AND "county_spending_fen" >= 0 AND "county_poverty_spending_fen" BETWEEN 0 AND "county_spending_fen")
);

ALTER TABLE "project" ADD CONSTRAINT "project_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project" ADD CONSTRAINT "project_owner_unit_id_fkey" FOREIGN KEY ("owner_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_village" ADD CONSTRAINT "project_village_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_village" ADD CONSTRAINT "project_village_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_beneficiary" ADD CONSTRAINT "project_beneficiary_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_beneficiary" ADD CONSTRAINT "project_beneficiary_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_fund" ADD CONSTRAINT "project_fund_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_step" ADD CONSTRAINT "project_step_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_payment" ADD CONSTRAINT "project_payment_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_audit" ADD CONSTRAINT "project_audit_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "asset" ADD CONSTRAINT "asset_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "asset" ADD CONSTRAINT "asset_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "asset" ADD CONSTRAINT "asset_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "asset_income" ADD CONSTRAINT "asset_income_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mutual_fund_capital" ADD CONSTRAINT "mutual_fund_capital_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mutual_loan" ADD CONSTRAINT "mutual_loan_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mutual_loan" ADD CONSTRAINT "mutual_loan_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mutual_repayment" ADD CONSTRAINT "mutual_repayment_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "mutual_loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
