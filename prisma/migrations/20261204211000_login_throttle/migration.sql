-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(120) NOT NULL,
    "failures" INTEGER NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "login_throttle_first_at_idx" ON "login_throttle"("first_at");
