-- The catalog lists books and periodicals, never single issues: `kind IN ('BOOK', 'PERIODICAL')`.
-- With that IN list the (status, kind, …) indexes cannot return rows in sort order, so the
-- catalog sorted every matching row (a sequential scan without a trade filter). These partial
-- indexes carry the same predicate, so a page is an ordered index scan that stops at its LIMIT.
-- (Prisma's schema cannot express partial indexes; they live in this migration only.)

-- CreateIndex
CREATE INDEX "Book_listed_status_publishedAt_id_idx" ON "Book"("status", "publishedAt" DESC, "id") WHERE "kind" IN ('BOOK', 'PERIODICAL');

-- CreateIndex
CREATE INDEX "Book_listed_status_readCount_id_idx" ON "Book"("status", "readCount" DESC, "id") WHERE "kind" IN ('BOOK', 'PERIODICAL');

-- CreateIndex
CREATE INDEX "Book_listed_status_tradeId_publishedAt_id_idx" ON "Book"("status", "tradeId", "publishedAt" DESC, "id") WHERE "kind" IN ('BOOK', 'PERIODICAL');

-- CreateIndex
CREATE INDEX "Book_listed_status_tradeId_readCount_id_idx" ON "Book"("status", "tradeId", "readCount" DESC, "id") WHERE "kind" IN ('BOOK', 'PERIODICAL');
