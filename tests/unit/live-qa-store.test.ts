// The Q&A list as the page holds it (app/components/live-qa-store.ts): whatever order the loader,
// the acknowledgements and the room's batches arrive in, no question shows twice, an older copy
// never replaces a newer one, a viewer's own flags survive room broadcasts, and a removed question
// does not come back from a loader that read the database before the removal.
import { describe, expect, it } from "vitest";
import { emptyStore, ordered, rebase, remove, SOCKET_NEWS_MS, upsert, type QaQuestion } from "../../app/components/live-qa-store.ts";

function question(id: number, overrides: Partial<QaQuestion> = {}): QaQuestion {
  return {
    id,
    sessionId: "lsession00000000000000000",
    text: `问题 ${id}`,
    author: { id: `u${id}`, displayName: `工友${id}` },
    anonymous: false,
    status: "OPEN",
    answer: null,
    answeredAt: null,
    pinned: false,
    hidden: false,
    approved: true,
    voteCount: 0,
    version: 0,
    createdAt: new Date(1_000 * id).toISOString(),
    mine: false,
    voted: false,
    ...overrides,
  };
}

const ids = (store: ReturnType<typeof rebase>) => [...store.entries.keys()].sort((a, b) => a - b);

describe("merging", () => {
  it("takes a room broadcast only when newer, keeping the viewer's own flags and an author they may see", () => {
    let store = rebase(emptyStore, [question(1, { voted: true, mine: true, anonymous: true })], 0);
    store = upsert(store, [question(1, { version: 1, voteCount: 5, anonymous: true, author: null })], { own: false, now: 10 });
    expect(store.entries.get(1)!.question).toMatchObject({ version: 1, voteCount: 5, voted: true, mine: true, author: { id: "u1" } });
    store = upsert(store, [question(1, { version: 1, voteCount: 99 })], { own: false, now: 20 });
    expect(store.entries.get(1)!.question.voteCount).toBe(5);
    // An acknowledgement is the viewer's own view: taken at an equal version, flags included.
    store = upsert(store, [question(1, { version: 1, voteCount: 5, voted: false })], { own: true, now: 30 });
    expect(store.entries.get(1)!.question.voted).toBe(false);
  });

  it("never lists a question twice, whatever arrives first", () => {
    let store = upsert(emptyStore, [question(3)], { own: false, now: 0 });
    store = rebase(store, [question(1), question(2), question(3)], 5);
    store = upsert(store, [question(2, { version: 2 }), question(3)], { own: false, now: 6 });
    expect(ids(store)).toEqual([1, 2, 3]);
    expect(store.lastId).toBe(3);
  });

  it("keeps a removed question away from a loader that read before the removal, until the news is old", () => {
    let store = rebase(emptyStore, [question(1), question(2)], 0);
    store = remove(store, [2], 100);
    expect(ids(rebase(store, [question(1), question(2)], 200))).toEqual([1]);
    expect(ids(rebase(store, [question(1), question(2)], 100 + SOCKET_NEWS_MS))).toEqual([1, 2]);
    // A later change (a hidden question restored) brings it back.
    expect(ids(upsert(store, [question(2, { version: 3 })], { own: false, now: 300 }))).toEqual([1, 2]);
  });

  it("keeps questions asked after the loader read the list, and news the list may predate", () => {
    let store = rebase(emptyStore, [question(1)], 0);
    store = upsert(store, [question(5)], { own: false, now: 1_000 });
    store = rebase(store, [question(1)], 2_000);
    expect(ids(store)).toEqual([1, 5]);
    store = rebase(store, [question(1)], 2_000 + SOCKET_NEWS_MS + 1_000);
    // Still newer than anything the list knows.
    expect(ids(store)).toEqual([1, 5]);
  });
});

describe("order", () => {
  it("pins first, then by votes or newest; after the session answered first", () => {
    const store = rebase(
      emptyStore,
      [question(1, { voteCount: 3 }), question(2, { voteCount: 7 }), question(3, { pinned: true }), question(4, { status: "ANSWERED" })],
      0,
    );
    expect(ordered(store, "votes", false).map((q) => q.id)).toEqual([3, 2, 1, 4]);
    expect(ordered(store, "newest", false).map((q) => q.id)).toEqual([3, 4, 2, 1]);
    expect(ordered(store, "votes", true).map((q) => q.id)).toEqual([3, 4, 2, 1]);
  });
});
