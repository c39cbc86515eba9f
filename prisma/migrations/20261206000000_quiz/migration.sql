-- The quiz challenge: challenges and the trades they cover, question banks per trade, each
-- worker's entry (trade and scored totals), attempts and the questions served in them.

-- CreateEnum
CREATE TYPE "QuizQuestionKind" AS ENUM ('SINGLE', 'MULTIPLE', 'TRUE_FALSE');

-- CreateEnum
CREATE TYPE "QuizAttemptStatus" AS ENUM ('IN_PROGRESS', 'FINISHED');

-- CreateTable
CREATE TABLE "QuizChallenge" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "days" INTEGER NOT NULL DEFAULT 10,
    "levelsPerDay" INTEGER NOT NULL DEFAULT 3,
    "questionsPerLevel" INTEGER NOT NULL DEFAULT 5,
    "secondsPerQuestion" INTEGER NOT NULL DEFAULT 20,
    "passPercent" INTEGER NOT NULL DEFAULT 60,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizChallengeTrade" (
    "challengeId" TEXT NOT NULL,
    "tradeId" INTEGER NOT NULL,

    CONSTRAINT "QuizChallengeTrade_pkey" PRIMARY KEY ("challengeId","tradeId")
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" SERIAL NOT NULL,
    "tradeId" INTEGER NOT NULL,
    "kind" "QuizQuestionKind" NOT NULL,
    "stem" TEXT NOT NULL,
    "options" TEXT[],
    "answer" INTEGER[],
    "explanation" TEXT NOT NULL,
    "difficulty" INTEGER NOT NULL DEFAULT 2,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizEntry" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tradeId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "timeMs" INTEGER NOT NULL DEFAULT 0,
    "scoredAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "certificateCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "scored" BOOLEAN NOT NULL,
    "seed" INTEGER NOT NULL,
    "questionIds" INTEGER[],
    "status" "QuizAttemptStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER NOT NULL DEFAULT 0,
    "timeMs" INTEGER NOT NULL DEFAULT 0,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "passed" BOOLEAN,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "choice" INTEGER[],
    "correct" BOOLEAN,
    "expired" BOOLEAN NOT NULL DEFAULT false,
    "points" INTEGER NOT NULL DEFAULT 0,
    "timeMs" INTEGER,
    "flagged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "QuizAnswer_pkey" PRIMARY KEY ("attemptId","position")
);

-- CreateIndex
CREATE INDEX "QuizChallenge_startDate_idx" ON "QuizChallenge"("startDate");

-- CreateIndex
CREATE INDEX "QuizChallengeTrade_tradeId_idx" ON "QuizChallengeTrade"("tradeId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizQuestion_tradeId_stem_key" ON "QuizQuestion"("tradeId", "stem");

-- CreateIndex
CREATE INDEX "QuizQuestion_tradeId_retiredAt_idx" ON "QuizQuestion"("tradeId", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizEntry_certificateCode_key" ON "QuizEntry"("certificateCode");

-- CreateIndex
CREATE UNIQUE INDEX "QuizEntry_challengeId_userId_key" ON "QuizEntry"("challengeId", "userId");

-- CreateIndex
CREATE INDEX "QuizEntry_challengeId_tradeId_idx" ON "QuizEntry"("challengeId", "tradeId");

-- CreateIndex
CREATE INDEX "QuizAttempt_entryId_day_level_idx" ON "QuizAttempt"("entryId", "day", "level");

-- CreateIndex
CREATE INDEX "QuizAttempt_challengeId_day_scored_status_idx" ON "QuizAttempt"("challengeId", "day", "scored", "status");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_startedAt_idx" ON "QuizAttempt"("userId", "startedAt");

-- One scored attempt per worker, day and level (not expressible in schema.prisma).
CREATE UNIQUE INDEX "QuizAttempt_one_scored_per_level" ON "QuizAttempt"("entryId", "day", "level") WHERE "scored";

-- CreateIndex
CREATE INDEX "QuizAnswer_questionId_idx" ON "QuizAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "QuizChallenge" ADD CONSTRAINT "QuizChallenge_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizChallengeTrade" ADD CONSTRAINT "QuizChallengeTrade_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "QuizChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizChallengeTrade" ADD CONSTRAINT "QuizChallengeTrade_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestion" ADD CONSTRAINT "QuizQuestion_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizEntry" ADD CONSTRAINT "QuizEntry_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "QuizChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizEntry" ADD CONSTRAINT "QuizEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizEntry" ADD CONSTRAINT "QuizEntry_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "QuizChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "QuizEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAnswer" ADD CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAnswer" ADD CONSTRAINT "QuizAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
