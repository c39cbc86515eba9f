// Leaderboards as ranked sets, one per board: every trade or one trade, the whole challenge or one
// day. The database is the source of truth (the quiz service rebuilds a board from it when a
// process first needs it); a store only keeps the standings ranked for fast reads. In-process by
// default; with REDIS_URL, in Redis sorted sets shared by every app process.
//
// Ranking: more points first; on equal points, less total answer time first; then whoever reached
// that standing first (earlier `reachedAt`); then by user id, so that the order is total.

export interface Standing {
  userId: string;
  score: number;
  /** Total answer time (ms) of the scored attempts counted. */
  timeMs: number;
  /** When the user reached this standing (ms since the epoch). */
  reachedAt: number;
}

export interface RankedStanding extends Standing {
  /** 1-based. */
  rank: number;
}

export interface LeaderboardStore {
  /** Sets a user's standing on each of `boards` (replacing what was there). */
  set(boards: readonly string[], standing: Standing): Promise<void>;
  /** The first `limit` standings of a board, ranked. */
  top(board: string, limit: number): Promise<RankedStanding[]>;
  /** A user's rank and standing on a board, or null when not on it. */
  rankOf(board: string, userId: string): Promise<RankedStanding | null>;
  /** How many users are on a board. */
  size(board: string): Promise<number>;
  /** Bumped by every set() that touches the board: lets a process tell that a board changed, whichever process changed it. */
  version(board: string): Promise<number>;
  /** Empties boards (a rebuild starts with this). */
  clear(boards: readonly string[]): Promise<void>;
}

/** The board's key: `${challengeId}:${"all" | tradeId}:${"total" | day}`. */
export function boardKey(challengeId: string, tradeId: number | null, day: number | null): string {
  return `${challengeId}:${tradeId ?? "all"}:${day ?? "total"}`;
}

/** The four boards a finished scored attempt of `day` in `tradeId` changes. */
export function boardsOf(challengeId: string, tradeId: number, day: number): { total: string[]; day: string[] } {
  return {
    total: [boardKey(challengeId, null, null), boardKey(challengeId, tradeId, null)],
    day: [boardKey(challengeId, null, day), boardKey(challengeId, tradeId, day)],
  };
}

/** The ranking order as a comparator (negative: `a` ranks above `b`). */
export function compareStandings(a: Standing, b: Standing): number {
  return b.score - a.score || a.timeMs - b.timeMs || a.reachedAt - b.reachedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

const notYet = (): LeaderboardStore => {
  const pending = () => Promise.reject(new Error("not implemented yet"));
  return { set: pending, top: pending, rankOf: pending, size: pending, version: pending, clear: pending };
};

/** Placeholder: the in-process store lands with the quiz issue. */
export function createMemoryLeaderboards(): LeaderboardStore {
  return notYet();
}

/** Placeholder: the Redis store lands with the quiz issue. */
export function createRedisLeaderboards(_client: import("ioredis").Redis, _keyPrefix: string): LeaderboardStore {
  return notYet();
}
