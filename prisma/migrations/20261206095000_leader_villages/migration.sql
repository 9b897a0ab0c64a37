-- County-level leaders' own poor villages and households (seed 002: 书记、区长各包抓3个贫困村、联系9户贫困户，其他区级领导每人至少包抓1个贫困村、联系3户以上贫困户).
CREATE TYPE "LeaderRole" AS ENUM ('PRINCIPAL', 'OTHER');
ALTER TABLE "cadre" ADD COLUMN "leader_role" "LeaderRole";

CREATE TABLE "leader_village" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "village_code" VARCHAR(12) NOT NULL,
    "since" DATE NOT NULL,

    CONSTRAINT "leader_village_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "leader_village_cadre_id_village_code_key" ON "leader_village"("cadre_id", "village_code");
CREATE INDEX "leader_village_village_code_idx" ON "leader_village"("village_code");
ALTER TABLE "leader_village" ADD CONSTRAINT "leader_village_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "leader_village" ADD CONSTRAINT "leader_village_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "policy" ADD COLUMN "principal_villages_min" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "principal_households_min" INTEGER NOT NULL DEFAULT 9,
ADD COLUMN "leader_villages_min" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "leader_households_min" INTEGER NOT NULL DEFAULT 3;
