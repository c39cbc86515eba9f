// The Q&A list as the page holds it: questions by id, merged from three sources that each know a
// different part of the truth — the loader (everything this viewer may see, at the time of the
// request, with their own votes), the socket's acknowledgements (what this viewer just did) and
// the room's `qa:update` batches (what everyone did, without this viewer's own flags). Pure
// functions, so that the order of arrival can never leave a question twice or bring back one that
// was removed.
import type { QaSort } from "../../server/live/qa/schema.ts";
import type { QuestionView } from "../../server/live/qa/types.ts";

/** A question as it arrives: Dates from the loader, ISO strings over the socket. */
export type QaQuestion = Omit<QuestionView, "createdAt" | "answeredAt"> & { createdAt: Date | string; answeredAt: Date | string | null };

export interface QaEntry {
  question: QaQuestion;
  /** When the socket last told us about it (ms, page clock); 0 when it came from a loader. */
  receivedAt: number;
}

export interface QaStore {
  entries: ReadonlyMap<number, QaEntry>;
  /** Ids the socket removed, with when: a loader that started before the removal must not bring them back. */
  removed: ReadonlyMap<number, number>;
  /** The highest question id seen: re-sync asks for what came after it. */
  lastId: number;
}

/**
 * How long what the socket said wins over a loader that does not know it yet. A loader's answer
 * arrives well within this (the page reloads its data every 5–15 s); after it, the loader's
 * snapshot is newer than the socket's news and is taken as it is.
 */
export const SOCKET_NEWS_MS = 30_000;

export const emptyStore: QaStore = { entries: new Map(), removed: new Map(), lastId: 0 };

const maxId = (ids: Iterable<number>, start = 0) => {
  let max = start;
  for (const id of ids) if (id > max) max = id;
  return max;
};

/**
 * A full list for this viewer (the loader's, or the state a join answered): it replaces the store,
 * except where the socket's news is newer — a higher version of a question, a question the list
 * does not know yet, or a removal it has not seen.
 */
export function rebase(store: QaStore, questions: readonly QaQuestion[], now: number): QaStore {
  const entries = new Map<number, QaEntry>();
  const removed = new Map<number, number>();
  for (const [id, at] of store.removed) if (now - at < SOCKET_NEWS_MS) removed.set(id, at);
  const listMax = maxId(questions.map((q) => q.id));
  for (const question of questions) {
    if (removed.has(question.id)) continue;
    const known = store.entries.get(question.id);
    entries.set(question.id, known && known.question.version > question.version ? known : { question, receivedAt: 0 });
  }
  for (const [id, entry] of store.entries) {
    if (entries.has(id) || removed.has(id)) continue;
    // Newer than the list (asked after it was read), or news the list may predate (approved, restored).
    if (id > listMax || now - entry.receivedAt < SOCKET_NEWS_MS) entries.set(id, entry);
  }
  return { entries, removed, lastId: maxId(entries.keys(), store.lastId) };
}

/**
 * Questions from the socket. `own` marks this viewer's own view (an acknowledgement): it is taken
 * at an equal version too, flags included. A room broadcast only counts when its version is newer,
 * and keeps what it cannot know: whether this viewer asked or voted, and an anonymous author this
 * viewer was allowed to see.
 */
export function upsert(store: QaStore, questions: readonly QaQuestion[], options: { own: boolean; now: number }): QaStore {
  if (questions.length === 0) return store;
  const entries = new Map(store.entries);
  const removed = new Map(store.removed);
  for (const incoming of questions) {
    const known = entries.get(incoming.id)?.question;
    if (known && (options.own ? incoming.version < known.version : incoming.version <= known.version)) continue;
    const question =
      options.own || !known
        ? incoming
        : { ...incoming, mine: known.mine, voted: known.voted, author: incoming.author ?? known.author };
    entries.set(incoming.id, { question, receivedAt: options.now });
    removed.delete(incoming.id);
  }
  return { entries, removed, lastId: maxId(entries.keys(), store.lastId) };
}

export function remove(store: QaStore, ids: readonly number[], now: number): QaStore {
  if (ids.length === 0) return store;
  const entries = new Map(store.entries);
  const removed = new Map(store.removed);
  for (const id of ids) {
    entries.delete(id);
    removed.set(id, now);
  }
  return { entries, removed, lastId: maxId(ids, store.lastId) };
}

/**
 * The service's order (server/live/qa/service.ts, state()): the pinned question first; after the
 * session the answered ones; then by votes (or not) and newest first.
 */
export function ordered(store: QaStore, sort: QaSort, over: boolean): QaQuestion[] {
  return [...store.entries.values()]
    .map((entry) => entry.question)
    .sort((a, b) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      if (over && a.status !== b.status) return a.status === "ANSWERED" ? -1 : 1;
      if (sort === "votes" && a.voteCount !== b.voteCount) return b.voteCount - a.voteCount;
      return b.id - a.id;
    });
}
