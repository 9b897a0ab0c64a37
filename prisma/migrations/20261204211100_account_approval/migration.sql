-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('CREATE', 'PASSWORD_RESET');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "pending_approval" "ApprovalKind",
ADD COLUMN     "pending_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_requested_by_id" INTEGER;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_pending_requested_by_id_fkey" FOREIGN KEY ("pending_requested_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
