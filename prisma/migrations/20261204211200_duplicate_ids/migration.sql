-- CreateTable
CREATE TABLE "duplicate_id_hit" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER NOT NULL,
    "user_name" VARCHAR(40) NOT NULL,
    "area_code" VARCHAR(12) NOT NULL,
    "source" VARCHAR(40) NOT NULL,
    "id_masked" VARCHAR(18) NOT NULL,
    "existing_person_id" INTEGER NOT NULL,
    "existing_region_code" VARCHAR(12) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" INTEGER,
    "resolution" VARCHAR(200),

    CONSTRAINT "duplicate_id_hit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "duplicate_id_hit_user_id_at_idx" ON "duplicate_id_hit"("user_id", "at");

-- CreateIndex
CREATE INDEX "duplicate_id_hit_area_code_idx" ON "duplicate_id_hit"("area_code");

-- CreateIndex
CREATE INDEX "duplicate_id_hit_existing_region_code_idx" ON "duplicate_id_hit"("existing_region_code");
