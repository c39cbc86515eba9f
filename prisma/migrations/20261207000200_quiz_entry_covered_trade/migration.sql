-- An entry's trade is one its challenge covers. The services check it too; the key makes it hold
-- when an admin removes a trade at the moment a worker chooses it: one of the two then fails (the
-- removal, because the trade has an entry; or the choice, because the trade is gone). NO ACTION,
-- checked at the end of the statement, so that deleting a challenge still cascades to both.
ALTER TABLE "QuizEntry" ADD CONSTRAINT "QuizEntry_challengeId_tradeId_fkey" FOREIGN KEY ("challengeId", "tradeId") REFERENCES "QuizChallengeTrade"("challengeId", "tradeId") ON DELETE NO ACTION ON UPDATE CASCADE;
