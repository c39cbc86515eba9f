// Which questions an attempt gets: a seeded shuffle of the trade's active bank, so that the same
// attempt (same seed, same bank) always yields the same questions in the same order. The picked ids
// are stored on the attempt too, so that a later edit of the bank cannot change a running attempt.

/** mulberry32: a small, fast, well-distributed 32-bit generator; deterministic per seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct ids from `bank` (no repeats), easier questions first within the pick.
 * Fewer when the bank is smaller. The bank's own order does not matter (it is sorted by id first).
 */
export function pickQuestions(bank: readonly { id: number; difficulty: number }[], count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const pool = [...bank].sort((a, b) => a.id - b.id);
  // Fisher–Yates, stopped after `count` draws.
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool
    .slice(0, n)
    .map((question, order) => ({ ...question, order }))
    .sort((a, b) => a.difficulty - b.difficulty || a.order - b.order)
    .map((question) => question.id);
}
