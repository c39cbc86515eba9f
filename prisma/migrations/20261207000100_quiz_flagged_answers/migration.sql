-- The fast-answers review opens one player's answers flagged as too fast: few among all the
-- answers, so an index of those alone finds them without reading every answer of their attempts.
CREATE INDEX "QuizAnswer_flagged_attemptId_idx" ON "QuizAnswer"("attemptId") WHERE "flagged";
