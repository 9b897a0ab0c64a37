-- A voucher entered wrongly is reversed, never deleted (红字冲销): a reversal is a voucher of its own, with the
-- negative amount, naming the voucher it reverses (once) and why. Sums over vouchers then need no special case.
ALTER TYPE "PaymentKind" ADD VALUE 'REVERSAL';
ALTER TABLE "project_payment" ADD COLUMN "reverses_id" INTEGER,
ADD COLUMN "reason" VARCHAR(200);
CREATE UNIQUE INDEX "project_payment_reverses_id_key" ON "project_payment"("reverses_id");
ALTER TABLE "project_payment" ADD CONSTRAINT "project_payment_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "project_payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_payment" DROP CONSTRAINT "project_payment_positive";
ALTER TABLE "project_payment" ADD CONSTRAINT "project_payment_sign" CHECK (
    ("reverses_id" IS NULL AND "amount_fen" > 0) OR ("reverses_id" IS NOT NULL AND "amount_fen" < 0 AND "reason" IS NOT NULL));
