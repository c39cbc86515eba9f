-- Livestream classes: sessions with their secret stream key and public name, every status
-- transition with its time, and "remind me" requests.

-- CreateEnum
CREATE TYPE "LiveStatus" AS ENUM ('SCHEDULED', 'LIVE', 'RECONNECTING', 'ENDED', 'REPLAY_READY', 'REPLAY_FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "LiveSession" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tradeId" INTEGER NOT NULL,
    "hostId" TEXT NOT NULL,
    "coverImage" TEXT,
    "scheduledStart" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "membersOnly" BOOLEAN NOT NULL DEFAULT false,
    "status" "LiveStatus" NOT NULL DEFAULT 'SCHEDULED',
    "provider" TEXT NOT NULL,
    "streamKey" TEXT NOT NULL,
    "publicName" TEXT NOT NULL,
    "muxLiveStreamId" TEXT,
    "livePlaybackId" TEXT,
    "muxAssetId" TEXT,
    "replayPlaybackId" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "replaySeconds" INTEGER,
    "failure" TEXT,
    "viewerPeak" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveTransition" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "from" "LiveStatus",
    "to" "LiveStatus" NOT NULL,
    "event" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveReminder" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveReminder_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_streamKey_key" ON "LiveSession"("streamKey");

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_publicName_key" ON "LiveSession"("publicName");

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_muxLiveStreamId_key" ON "LiveSession"("muxLiveStreamId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_muxAssetId_key" ON "LiveSession"("muxAssetId");

-- CreateIndex
CREATE INDEX "LiveSession_status_scheduledStart_idx" ON "LiveSession"("status", "scheduledStart");

-- CreateIndex
CREATE INDEX "LiveSession_tradeId_status_scheduledStart_idx" ON "LiveSession"("tradeId", "status", "scheduledStart");

-- CreateIndex
CREATE INDEX "LiveSession_hostId_scheduledStart_idx" ON "LiveSession"("hostId", "scheduledStart" DESC);

-- CreateIndex
CREATE INDEX "LiveTransition_sessionId_at_idx" ON "LiveTransition"("sessionId", "at");

-- CreateIndex
CREATE INDEX "LiveReminder_userId_idx" ON "LiveReminder"("userId");

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveTransition" ADD CONSTRAINT "LiveTransition_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveReminder" ADD CONSTRAINT "LiveReminder_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveReminder" ADD CONSTRAINT "LiveReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
