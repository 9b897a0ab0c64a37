-- A project's progress reported from a phone goes through the outbox: its key makes a resend stored once, and its
-- photos are attachments of the step.
ALTER TABLE "project_step" ADD COLUMN "client_key" UUID;
CREATE UNIQUE INDEX "project_step_client_key_key" ON "project_step"("client_key");
ALTER TABLE "attachment" ADD COLUMN "project_step_id" BIGINT;
CREATE INDEX "attachment_project_step_id_idx" ON "attachment"("project_step_id");
