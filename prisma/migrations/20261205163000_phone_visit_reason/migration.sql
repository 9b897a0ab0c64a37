-- Phone visits are for locked-door households only (seed 000: 对锁门户电话走访): a phone visit says why.
ALTER TABLE "visit" ADD COLUMN "phone_reason" VARCHAR(200);
-- Phone visits recorded before the rule carry no reason: marked as such rather than invented.
UPDATE "visit" SET "phone_reason" = '（规则实施前的记录，未注明）' WHERE "kind" = 'PHONE';
ALTER TABLE "visit" ADD CONSTRAINT "visit_phone_reason_check" CHECK ("kind" <> 'PHONE' OR "phone_reason" IS NOT NULL);
