-- CreateEnum
CREATE TYPE "BookKind" AS ENUM ('BOOK', 'PERIODICAL', 'ISSUE');

-- CreateEnum
CREATE TYPE "BookFormat" AS ENUM ('EPUB', 'PDF');

-- CreateEnum
CREATE TYPE "BookStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ShelfStatus" AS ENUM ('WANT_TO_READ', 'READING', 'FINISHED');

-- CreateTable
CREATE TABLE "Book" (
    "id" TEXT NOT NULL,
    "kind" "BookKind" NOT NULL,
    "periodicalId" TEXT,
    "issueNumber" INTEGER,
    "issueYear" INTEGER,
    "title" TEXT NOT NULL,
    "authors" TEXT[],
    "publisher" TEXT,
    "isbn" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'zh-CN',
    "tradeId" INTEGER,
    "format" "BookFormat",
    "fileName" TEXT,
    "fileSize" INTEGER,
    "coverImage" TEXT,
    "pageCount" INTEGER,
    "chapterCount" INTEGER,
    "toc" JSONB,
    "status" "BookStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "readCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Book_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadingProgress" (
    "userId" TEXT NOT NULL,
    "bookId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "fraction" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadingProgress_pkey" PRIMARY KEY ("userId","bookId")
);

-- CreateTable
CREATE TABLE "ShelfItem" (
    "userId" TEXT NOT NULL,
    "bookId" TEXT NOT NULL,
    "status" "ShelfStatus" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShelfItem_pkey" PRIMARY KEY ("userId","bookId")
);

-- CreateTable
CREATE TABLE "Highlight" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "bookId" TEXT NOT NULL,
    "cfi" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Highlight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpdsToken" (
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpdsToken_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Book_status_kind_publishedAt_id_idx" ON "Book"("status", "kind", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Book_status_kind_readCount_id_idx" ON "Book"("status", "kind", "readCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Book_status_kind_tradeId_publishedAt_id_idx" ON "Book"("status", "kind", "tradeId", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Book_status_kind_tradeId_readCount_id_idx" ON "Book"("status", "kind", "tradeId", "readCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Book_periodicalId_issueYear_issueNumber_idx" ON "Book"("periodicalId", "issueYear" DESC, "issueNumber" DESC);

-- CreateIndex
CREATE INDEX "ReadingProgress_userId_updatedAt_idx" ON "ReadingProgress"("userId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "ShelfItem_userId_status_updatedAt_idx" ON "ShelfItem"("userId", "status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Highlight_userId_bookId_createdAt_idx" ON "Highlight"("userId", "bookId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OpdsToken_token_key" ON "OpdsToken"("token");

-- AddForeignKey
ALTER TABLE "Book" ADD CONSTRAINT "Book_periodicalId_fkey" FOREIGN KEY ("periodicalId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Book" ADD CONSTRAINT "Book_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingProgress" ADD CONSTRAINT "ReadingProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingProgress" ADD CONSTRAINT "ReadingProgress_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShelfItem" ADD CONSTRAINT "ShelfItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShelfItem" ADD CONSTRAINT "ShelfItem_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Highlight" ADD CONSTRAINT "Highlight_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Highlight" ADD CONSTRAINT "Highlight_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpdsToken" ADD CONSTRAINT "OpdsToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
