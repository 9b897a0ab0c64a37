-- Township cadres cover what the rank quotas leave (seed 001: 剩余贫困户由乡镇驻村干部兜底), up to a cap of their own (local default).
ALTER TABLE "policy" ADD COLUMN "quota_township_backstop" INTEGER NOT NULL DEFAULT 10;
