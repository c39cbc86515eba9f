-- The quiz.abandoned task looks for attempts still in progress every minute: an index of those
-- alone stays as small as the attempts being played, however many have finished.
CREATE INDEX "QuizAttempt_open_startedAt_idx" ON "QuizAttempt"("startedAt") WHERE "status" = 'IN_PROGRESS';
