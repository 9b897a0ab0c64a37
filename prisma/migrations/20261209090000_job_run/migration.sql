-- The day a daily background job last finished (issue 20): the early warnings take minutes at province scale,
-- and a server restarted later the same day must not raise them again.
-- CreateTable
CREATE TABLE "job_run" (
    "name" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("name")
);
