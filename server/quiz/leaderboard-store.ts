// Leaderboards as ranked sets, one per board: every trade or one trade, the whole challenge or one
// day. The database is the source of truth (the quiz service rebuilds a board from it when a
// process first needs it); a store only keeps the standings ranked for fast reads. In-process by
// default; with REDIS_URL, in Redis sorted sets shared by every app process.
//
// Ranking: more points first; on equal points, less total answer time first; then whoever reached
// that standing first (earlier `reachedAt`); then by user id, so that the order is total.
//
// In Redis that order is exact, not approximated by one double: a board's sorted set has the
// score `-points` (a double holds every safe integer, so points up to 2^53 - 1 compare exactly;
// the schema's limits allow at most 30 days × 10 levels × 30 questions × 200 = 1.8 million), and
// on equal scores Redis orders members byte by byte, so the member carries the other three keys:
// `<timeMs, 16 digits>:<reachedAt, 16 digits>:<userId>`. Zero-padded to 16 digits (the width of
// 2^53 - 1; answer time is at most 30 × 10 × 30 × 300 s = 2.7 × 10^9 ms, an epoch time in ms has
// 13 digits), the numbers compare as strings exactly as they do as numbers; the user id comes last
// and compares as UTF-8 bytes, which is the order of JavaScript's `<` (UTF-16 code units) for every
// string without surrogates (the app's ids are ASCII; both stores refuse ids with surrogates, and
// times outside 0..2^53 - 1 or points that are not safe integers, so that they behave alike). A
// hash per board maps each user to their current member, so that a new standing replaces the old
// one; a Lua script changes set, hash and version of every board of a set() at once.
//
// Versions only grow: clear() bumps them too, so that a board rebuilt after a clear never shows a
// version a process saw before it.

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

/** Largest `timeMs` / `reachedAt` a store takes: what a double holds exactly and 16 digits encode. */
const MAX_TIME = Number.MAX_SAFE_INTEGER;

/**
 * Refuses a standing no store can rank exactly (a programming error, not user input): the score
 * must be a safe integer, the times whole milliseconds in 0..2^53-1, the user id a non-empty string
 * without UTF-16 surrogates (see the header: Redis compares bytes, JavaScript compares code units).
 */
function checkStanding(standing: Standing): Standing {
  const { userId, score, timeMs, reachedAt } = standing;
  if (typeof userId !== "string" || userId === "" || /[\uD800-\uDFFF]/.test(userId)) {
    throw new RangeError(`leaderboard standing: bad userId ${JSON.stringify(userId)}`);
  }
  if (!Number.isSafeInteger(score)) throw new RangeError(`leaderboard standing: bad score ${score}`);
  for (const [name, value] of [["timeMs", timeMs], ["reachedAt", reachedAt]] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_TIME) throw new RangeError(`leaderboard standing: bad ${name} ${value}`);
  }
  return { userId, score, timeMs, reachedAt };
}

// Spelled out: `{ ...standing, rank }` is many times slower in V8, which shows in top(50).
const ranked = (standing: Standing, rank: number): RankedStanding => ({
  userId: standing.userId,
  score: standing.score,
  timeMs: standing.timeMs,
  reachedAt: standing.reachedAt,
  rank,
});

/** Entries per chunk of a board: a chunk that grows to twice this splits in two. */
const CHUNK = 512;

/**
 * One in-process board: every standing in ranking order, as a list of sorted chunks (a flat array
 * of 100,000 would move tens of thousands of entries per update), and each user's current standing.
 */
class MemoryBoard {
  /** Sorted chunks, in ranking order; an empty chunk only as the only one (an empty board). */
  private chunks: Standing[][] = [[]];
  private readonly byUser = new Map<string, Standing>();
  version = 0;

  get size(): number {
    return this.byUser.size;
  }

  /** The chunk `standing` belongs in and how many entries of that chunk rank above it. */
  private locate(standing: Standing): [chunk: number, index: number] {
    const chunks = this.chunks;
    // The last chunk whose first entry ranks above `standing` or is it.
    let low = 0;
    let high = chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (compareStandings(chunks[middle]![0]!, standing) <= 0) low = middle;
      else high = middle - 1;
    }
    const chunk = chunks[low]!;
    let first = 0;
    let last = chunk.length;
    while (first < last) {
      const middle = (first + last) >>> 1;
      if (compareStandings(chunk[middle]!, standing) < 0) first = middle + 1;
      else last = middle;
    }
    return [low, first];
  }

  private insert(standing: Standing): void {
    const [c, index] = this.locate(standing);
    const chunk = this.chunks[c]!;
    chunk.splice(index, 0, standing);
    if (chunk.length >= 2 * CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK));
  }

  private remove(standing: Standing): void {
    const [c, index] = this.locate(standing);
    const chunk = this.chunks[c]!;
    chunk.splice(index, 1);
    if (chunk.length === 0 && this.chunks.length > 1) this.chunks.splice(c, 1);
  }

  set(standing: Standing): void {
    const old = this.byUser.get(standing.userId);
    if (old) this.remove(old);
    this.insert(standing);
    this.byUser.set(standing.userId, standing);
    this.version++;
  }

  /** The user's 1-based rank and standing, or null. */
  rankOf(userId: string): RankedStanding | null {
    const standing = this.byUser.get(userId);
    if (!standing) return null;
    const [c, index] = this.locate(standing);
    let above = index;
    for (let i = 0; i < c; i++) above += this.chunks[i]!.length;
    return ranked(standing, above + 1);
  }

  top(limit: number): RankedStanding[] {
    const rows: RankedStanding[] = [];
    for (const chunk of this.chunks) {
      for (const standing of chunk) {
        if (rows.length >= limit) return rows;
        rows.push(ranked(standing, rows.length + 1));
      }
    }
    return rows;
  }

  clear(): void {
    this.chunks = [[]];
    this.byUser.clear();
    this.version++;
  }
}

/**
 * The in-process store: per board, the standings in ranking order as sorted chunks of 512 to 1,023
 * (binary search over the chunks' first entries, then within one chunk) and a map from user to
 * standing. `set` is O(log n) plus a move within one chunk; `rankOf` O(log n) plus a sum over the
 * chunks above (n / 512 or fewer); `top` O(limit). For one process only.
 */
export function createMemoryLeaderboards(): LeaderboardStore {
  const boards = new Map<string, MemoryBoard>();
  const board = (key: string) => {
    let found = boards.get(key);
    if (!found) boards.set(key, (found = new MemoryBoard()));
    return found;
  };
  return {
    async set(keys, standing) {
      const checked = checkStanding(standing);
      for (const key of new Set(keys)) board(key).set(checked);
    },
    async top(key, limit) {
      const count = Math.floor(limit);
      return count > 0 ? (boards.get(key)?.top(count) ?? []) : [];
    },
    async rankOf(key, userId) {
      return boards.get(key)?.rankOf(userId) ?? null;
    },
    async size(key) {
      return boards.get(key)?.size ?? 0;
    },
    async version(key) {
      return boards.get(key)?.version ?? 0;
    },
    async clear(keys) {
      for (const key of new Set(keys)) board(key).clear();
    },
  };
}

/** Width of each time field in a Redis member: Number.MAX_SAFE_INTEGER has 16 digits. */
const TIME_DIGITS = 16;
const pad = (value: number) => String(value).padStart(TIME_DIGITS, "0");

/** The member of a standing in a board's sorted set (its score there is `-standing.score`). */
function redisMember(standing: Standing): string {
  return `${pad(standing.timeMs)}:${pad(standing.reachedAt)}:${standing.userId}`;
}

function fromRedis(member: string, zscore: string, index: number): RankedStanding {
  const timeMs = Number(member.slice(0, TIME_DIGITS));
  const reachedAt = Number(member.slice(TIME_DIGITS + 1, 2 * TIME_DIGITS + 1));
  const userId = member.slice(2 * TIME_DIGITS + 2);
  // `|| 0`: the sorted set keeps 0 points as 0, and -0 would not equal 0 for callers that compare with Object.is.
  return { userId, score: -Number(zscore) || 0, timeMs, reachedAt, rank: index + 1 };
}

// KEYS: per board its sorted set, its user→member hash and its version counter;
// ARGV: user id, sorted-set score, member. Returns how many boards it set.
const SET_SCRIPT = `
for i = 1, #KEYS, 3 do
  local old = redis.call('HGET', KEYS[i + 1], ARGV[1])
  if old and old ~= ARGV[3] then redis.call('ZREM', KEYS[i], old) end
  redis.call('ZADD', KEYS[i], ARGV[2], ARGV[3])
  redis.call('HSET', KEYS[i + 1], ARGV[1], ARGV[3])
  redis.call('INCR', KEYS[i + 2])
end
return #KEYS / 3
`;

// KEYS: the board's sorted set and hash; ARGV: user id. Returns nil or { 0-based rank, member, score }.
const RANK_SCRIPT = `
local member = redis.call('HGET', KEYS[2], ARGV[1])
if not member then return nil end
local rank = redis.call('ZRANK', KEYS[1], member)
if not rank then return nil end
return { rank, member, redis.call('ZSCORE', KEYS[1], member) }
`;

// KEYS: per board its sorted set, hash and version counter. Empties the boards; versions go on.
const CLEAR_SCRIPT = `
for i = 1, #KEYS, 3 do
  redis.call('DEL', KEYS[i], KEYS[i + 1])
  redis.call('INCR', KEYS[i + 2])
end
return #KEYS / 3
`;

type Script = (numberOfKeys: number, ...args: (string | number)[]) => Promise<unknown>;

/**
 * The shared store: Redis sorted sets under `${keyPrefix}quiz:lb:<board>`, with each board's
 * user→member hash (`…:users`) and version counter (`…:version`). Each call is one round trip;
 * set() and clear() run as Lua scripts (EVALSHA, cached by ioredis), so the set, the hash and the
 * version of every board change together or not at all. Needs a single Redis (not Cluster): one
 * script touches several boards' keys.
 */
export function createRedisLeaderboards(client: import("ioredis").Redis, keyPrefix: string): LeaderboardStore {
  client.defineCommand("quizLeaderboardSet", { lua: SET_SCRIPT });
  client.defineCommand("quizLeaderboardRank", { lua: RANK_SCRIPT });
  client.defineCommand("quizLeaderboardClear", { lua: CLEAR_SCRIPT });
  const script = (name: string): Script => {
    const command = (client as unknown as Record<string, Script>)[name]!;
    return command.bind(client);
  };
  const setScript = script("quizLeaderboardSet");
  const rankScript = script("quizLeaderboardRank");
  const clearScript = script("quizLeaderboardClear");
  const zset = (board: string) => `${keyPrefix}quiz:lb:${board}`;
  const keysOf = (boards: readonly string[]) => [...new Set(boards)].flatMap((board) => [zset(board), `${zset(board)}:users`, `${zset(board)}:version`]);

  return {
    async set(boards, standing) {
      const checked = checkStanding(standing);
      const keys = keysOf(boards);
      if (keys.length) await setScript(keys.length, ...keys, checked.userId, String(-checked.score), redisMember(checked));
    },
    async top(board, limit) {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const flat = await client.zrange(zset(board), 0, count - 1, "WITHSCORES");
      const rows: RankedStanding[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) rows.push(fromRedis(flat[i]!, flat[i + 1]!, i / 2));
      return rows;
    },
    async rankOf(board, userId) {
      const found = (await rankScript(2, zset(board), `${zset(board)}:users`, userId)) as [number, string, string] | null;
      return found ? fromRedis(found[1], found[2], found[0]) : null;
    },
    async size(board) {
      return client.zcard(zset(board));
    },
    async version(board) {
      return Number((await client.get(`${zset(board)}:version`)) ?? 0);
    },
    async clear(boards) {
      const keys = keysOf(boards);
      if (keys.length) await clearScript(keys.length, ...keys);
    },
  };
}
