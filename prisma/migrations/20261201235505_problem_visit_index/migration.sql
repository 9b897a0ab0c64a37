-- CreateIndex
CREATE INDEX "problem_visit_id_idx" ON "problem"("visit_id");
