-- /jobs sorted by salary within a trade or a city: without these the planner walks the
-- (status, monthlyMax) index and discards every post of other trades (36–42 ms at 50,000 posts;
-- about 1–2 ms with them, measured by the jobs benchmark).

-- CreateIndex
CREATE INDEX "JobPost_status_tradeId_monthlyMax_id_idx" ON "JobPost"("status", "tradeId", "monthlyMax" DESC, "id");

-- CreateIndex
CREATE INDEX "JobPost_status_city_monthlyMax_id_idx" ON "JobPost"("status", "city", "monthlyMax" DESC, "id");
