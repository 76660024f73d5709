-- CreateIndex
CREATE INDEX "Source_storyId_revision_anchoredRevision_idx" ON "Source"("storyId", "revision", "anchoredRevision");

