// The live Q&A service on a real database: asking (bad input refused, nothing written), one vote
// per user, answering, pinning one question, hiding and restoring, pre-moderation, muting, who may
// do what (viewers, the host, other craftsmen, admins, visitors), anonymity, rate limits, the
// order of the list during and after the session, and re-sync from the last id a client saw.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createQaService, type QaService } from "../../server/live/qa/service.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
/** Without rate limits in the way, except where a test is about them. */
let qa: QaService;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(new Date("2026-12-01T02:00:00.000Z"));
  services = createTestServices(db, { clock });
  qa = createQaService({ prisma: db.prisma, clock, rateLimits: { ask: { points: 1000, windowSeconds: 1 }, vote: { points: 1000, windowSeconds: 1 } } });
});

afterAll(async () => {
  await db?.cleanup();
});

const userWith = async (role: Viewer["role"]) => (await signedInUser(db.prisma, services.sessions, { role })).viewer;
const rejection = (kind: string, messageKey?: string) => expect.objectContaining({ name: "AppError", kind, ...(messageKey ? { messageKey } : {}) });

async function liveSession(host: Viewer, options: { onAir?: boolean; membersOnly?: boolean } = {}) {
  const result = await services.live.schedule(host, {
    title: "焊接答疑直播",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(clock.now().getTime() + 60 * 60 * 1000)),
    durationMinutes: "60",
    ...(options.membersOnly ? { membersOnly: "on" } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (options.onAir !== false) await services.live.applyEvent(result.value.id, "connected");
  return result.value.id;
}

async function setting() {
  const host = await userWith("CRAFTSMAN");
  const sessionId = await liveSession(host);
  return { host, sessionId, worker: await userWith("WORKER"), other: await userWith("WORKER") };
}

describe("asking", () => {
  it("stores the question and shows it to everyone, newest with its author", async () => {
    const { sessionId, worker, other } = await setting();
    const change = await qa.ask(worker, sessionId, { text: "  仰焊时电流调多大合适？  " });
    expect(change.mine).toMatchObject({ text: "仰焊时电流调多大合适？", status: "OPEN", voteCount: 0, mine: true, author: { id: worker.id } });
    expect(change.public).toMatchObject({ text: "仰焊时电流调多大合适？", mine: false, author: { id: worker.id } });
    const seen = await qa.state(other, sessionId);
    expect(seen.questions.map((q) => q.text)).toEqual(["仰焊时电流调多大合适？"]);
    expect(seen).toMatchObject({ open: true, premoderated: false, viewer: { signedIn: true, canModerate: false, muted: false } });
  });

  it.each([
    [{ text: "" }, "qa.error.textRequired"],
    [{ text: "   " }, "qa.error.textRequired"],
    [{ text: "问".repeat(301) }, "qa.error.textTooLong"],
    [{}, "qa.error.textRequired"],
    [{ text: 42 }, "qa.error.textRequired"],
  ])("refuses %j with %s and writes nothing", async (input, key) => {
    const { sessionId, worker } = await setting();
    await expect(qa.ask(worker, sessionId, input)).rejects.toEqual(rejection("invalid", key));
    expect(await db.prisma.liveQuestion.count({ where: { sessionId } })).toBe(0);
  });

  it("accepts exactly 300 characters, counting characters, not UTF-16 units", async () => {
    const { sessionId, worker } = await setting();
    const text = "🔥".repeat(300);
    expect((await qa.ask(worker, sessionId, { text })).mine.text).toBe(text);
  });

  it("needs a signed-in user, a known session that is not over, and no mute", async () => {
    const { host, sessionId, worker } = await setting();
    await expect(qa.ask(null, sessionId, { text: "你好" })).rejects.toEqual(rejection("unauthorized"));
    await expect(qa.ask(worker, "lnosuchsession0000000000", { text: "你好" })).rejects.toEqual(rejection("notFound"));
    await qa.mute(host, sessionId, { userId: worker.id, on: true });
    await expect(qa.ask(worker, sessionId, { text: "你好" })).rejects.toEqual(rejection("forbidden", "qa.error.muted"));
    await services.live.end(host, sessionId);
    await expect(qa.ask(await userWith("WORKER"), sessionId, { text: "你好" })).rejects.toEqual(rejection("conflict", "qa.error.closed"));
  });

  it("hides an anonymous asker from everyone but admins and themselves", async () => {
    const { host, sessionId, worker, other } = await setting();
    const change = await qa.ask(worker, sessionId, { text: "匿名问题", anonymous: "on" });
    expect(change.public!.author).toBeNull();
    expect(change.mine.author).toEqual({ id: worker.id, displayName: worker.displayName });
    const find = async (viewer: Viewer | null) => (await qa.state(viewer, sessionId)).questions.find((q) => q.id === change.questionId)!;
    expect((await find(other)).author).toBeNull();
    expect((await find(null)).author).toBeNull();
    expect((await find(host)).author).toBeNull();
    expect((await find(await userWith("ADMIN"))).author).toEqual({ id: worker.id, displayName: worker.displayName });
    expect((await find(worker)).author?.id).toBe(worker.id);
  });

  it("limits questions per user and session", async () => {
    const { sessionId, worker } = await setting();
    const limited = createQaService({ prisma: db.prisma, clock, rateLimits: { ask: { points: 1, windowSeconds: 30 }, vote: { points: 10, windowSeconds: 10 } } });
    await limited.ask(worker, sessionId, { text: "第一个问题" });
    await expect(limited.ask(worker, sessionId, { text: "第二个问题" })).rejects.toEqual(rejection("rateLimited", "qa.error.askTooFast"));
    expect(await db.prisma.liveQuestion.count({ where: { sessionId, authorId: worker.id } })).toBe(1);
    // Another user, or the same user in another session, is not held back.
    await limited.ask(await userWith("WORKER"), sessionId, { text: "别人的问题" });
  });
});

describe("voting", () => {
  it("counts one vote per user, removes it, and never goes below zero", async () => {
    const { sessionId, worker, other } = await setting();
    const { questionId } = await qa.ask(worker, sessionId, { text: "焊条要烘干吗？" });
    expect((await qa.vote(other, sessionId, { questionId, on: true })).mine).toMatchObject({ voteCount: 1, voted: true });
    expect((await qa.vote(other, sessionId, { questionId, on: true })).mine).toMatchObject({ voteCount: 1, voted: true });
    expect((await qa.vote(worker, sessionId, { questionId, on: true })).public).toMatchObject({ voteCount: 2, voted: false });
    expect((await qa.vote(other, sessionId, { questionId, on: false })).mine).toMatchObject({ voteCount: 1, voted: false });
    expect((await qa.vote(other, sessionId, { questionId, on: false })).mine).toMatchObject({ voteCount: 1, voted: false });
    expect(await db.prisma.liveQuestionVote.count({ where: { questionId } })).toBe(1);
  });

  it("scores the same vote sent 20 times at once exactly once", async () => {
    const { sessionId, worker, other } = await setting();
    const { questionId } = await qa.ask(worker, sessionId, { text: "并发点赞" });
    await Promise.allSettled(Array.from({ length: 20 }, () => qa.vote(other, sessionId, { questionId, on: true })));
    expect((await db.prisma.liveQuestion.findUniqueOrThrow({ where: { id: questionId } })).voteCount).toBe(1);
  });

  it("refuses votes on hidden, pending, unknown and other sessions' questions", async () => {
    const { host, sessionId, worker, other } = await setting();
    const hidden = await qa.ask(worker, sessionId, { text: "会被隐藏" });
    await qa.hide(host, sessionId, { questionId: hidden.questionId });
    await expect(qa.vote(other, sessionId, { questionId: hidden.questionId, on: true })).rejects.toEqual(rejection("notFound"));
    const elsewhere = await setting();
    const foreign = await qa.ask(elsewhere.worker, elsewhere.sessionId, { text: "别的直播间" });
    await expect(qa.vote(other, sessionId, { questionId: foreign.questionId, on: true })).rejects.toEqual(rejection("notFound"));
    await expect(qa.vote(other, sessionId, { questionId: 2_000_000_000, on: true })).rejects.toEqual(rejection("notFound"));
    await expect(qa.vote(other, sessionId, { questionId: "abc", on: true })).rejects.toEqual(rejection("invalid", "qa.error.badRequest"));
    await expect(qa.vote(other, sessionId, { questionId: -1, on: true })).rejects.toEqual(rejection("invalid"));
    expect(await db.prisma.liveQuestionVote.count({ where: { userId: other.id } })).toBe(0);
  });

  it("limits votes per user and session", async () => {
    const { sessionId, worker, other } = await setting();
    const limited = createQaService({ prisma: db.prisma, clock, rateLimits: { ask: { points: 100, windowSeconds: 30 }, vote: { points: 3, windowSeconds: 10 } } });
    const { questionId } = await qa.ask(worker, sessionId, { text: "点赞限流" });
    for (let i = 0; i < 3; i++) await limited.vote(other, sessionId, { questionId, on: i % 2 === 0 });
    await expect(limited.vote(other, sessionId, { questionId, on: false })).rejects.toEqual(rejection("rateLimited", "qa.error.voteTooFast"));
  });
});

describe("moderating", () => {
  it("lets the host answer, pin one question at a time, hide and restore", async () => {
    const { host, sessionId, worker, other } = await setting();
    const first = await qa.ask(worker, sessionId, { text: "第一问" });
    const second = await qa.ask(other, sessionId, { text: "第二问" });
    const answered = await qa.answer(host, sessionId, { questionId: first.questionId, answer: "  电流 90 到 110 安  " });
    expect(answered.public).toMatchObject({ status: "ANSWERED", answer: "电流 90 到 110 安", answeredAt: clock.now() });

    await qa.pin(host, sessionId, { questionId: first.questionId });
    const moved = await qa.pin(host, sessionId, { questionId: second.questionId });
    expect(moved.map((c) => [c.questionId, c.public?.pinned]).sort()).toEqual([[first.questionId, false], [second.questionId, true]].sort());
    expect((await db.prisma.liveQuestion.count({ where: { sessionId, pinned: true } }))).toBe(1);
    expect((await qa.state(worker, sessionId)).questions[0]!.id).toBe(second.questionId);

    const hidden = await qa.hide(host, sessionId, { questionId: second.questionId });
    expect(hidden.public).toBeNull();
    expect(hidden.moderator).toMatchObject({ hidden: true, pinned: false });
    expect((await qa.state(other, sessionId)).questions.map((q) => q.id)).toEqual([first.questionId]);
    expect((await qa.state(host, sessionId)).questions.map((q) => q.id).sort()).toEqual([first.questionId, second.questionId].sort());
    await expect(qa.pin(host, sessionId, { questionId: second.questionId })).rejects.toEqual(rejection("conflict", "qa.error.notPinnable"));
    expect((await qa.restore(host, sessionId, { questionId: second.questionId })).public).toMatchObject({ hidden: false });
    expect((await qa.pin(host, sessionId, { questionId: null })).every((c) => !c.moderator.pinned)).toBe(true);
  });

  it("is for the session's host and admins only", async () => {
    const { sessionId, worker } = await setting();
    const { questionId } = await qa.ask(worker, sessionId, { text: "谁能管理？" });
    for (const viewer of [worker, await userWith("CRAFTSMAN"), await userWith("EMPLOYER")]) {
      await expect(qa.answer(viewer, sessionId, { questionId })).rejects.toEqual(rejection("forbidden"));
      await expect(qa.pin(viewer, sessionId, { questionId })).rejects.toEqual(rejection("forbidden"));
      await expect(qa.hide(viewer, sessionId, { questionId })).rejects.toEqual(rejection("forbidden"));
      await expect(qa.setPremoderation(viewer, sessionId, { on: true })).rejects.toEqual(rejection("forbidden"));
      await expect(qa.mute(viewer, sessionId, { userId: worker.id, on: true })).rejects.toEqual(rejection("forbidden"));
    }
    await expect(qa.answer(null, sessionId, { questionId })).rejects.toEqual(rejection("unauthorized"));
    expect((await qa.answer(await userWith("ADMIN"), sessionId, { questionId })).moderator.status).toBe("ANSWERED");
    expect((await db.prisma.liveQuestion.findUniqueOrThrow({ where: { id: questionId } })).hidden).toBe(false);
  });

  it("holds new questions for approval in a pre-moderated session", async () => {
    const { host, sessionId, worker, other } = await setting();
    expect(await qa.setPremoderation(host, sessionId, { on: true })).toEqual({ sessionId, premoderated: true });
    const pending = await qa.ask(worker, sessionId, { text: "等审核的问题" });
    expect(pending.public).toBeNull();
    expect(pending.mine).toMatchObject({ approved: false, mine: true });
    expect((await qa.state(other, sessionId)).questions).toEqual([]);
    expect((await qa.state(worker, sessionId)).questions.map((q) => q.id)).toEqual([pending.questionId]);
    await expect(qa.vote(other, sessionId, { questionId: pending.questionId, on: true })).rejects.toEqual(rejection("notFound"));
    // The host's own questions need no approval.
    expect((await qa.ask(host, sessionId, { text: "主讲人提问" })).public).not.toBeNull();
    expect((await qa.approve(host, sessionId, { questionId: pending.questionId })).public).toMatchObject({ approved: true });
    expect((await qa.state(other, sessionId)).questions.map((q) => q.text)).toContain("等审核的问题");
  });

  it("mutes and unmutes a user for the session only; never the host or an admin", async () => {
    const { host, sessionId, worker } = await setting();
    const elsewhere = await setting();
    await qa.mute(host, sessionId, { userId: worker.id, on: true });
    expect((await qa.state(worker, sessionId)).viewer.muted).toBe(true);
    expect((await qa.state(host, sessionId)).mutedUsers).toEqual([{ userId: worker.id, displayName: worker.displayName }]);
    expect((await qa.state(worker, sessionId)).mutedUsers).toEqual([]);
    await expect(qa.vote(worker, sessionId, { questionId: 1, on: true })).rejects.toEqual(rejection("forbidden", "qa.error.muted"));
    await qa.ask(worker, elsewhere.sessionId, { text: "在别的直播间可以提问" });
    await qa.mute(host, sessionId, { userId: worker.id, on: false });
    expect((await qa.state(host, sessionId)).mutedUsers).toEqual([]);
    await qa.ask(worker, sessionId, { text: "解除禁言后" });
    await expect(qa.mute(host, sessionId, { userId: host.id, on: true })).rejects.toEqual(rejection("conflict", "qa.error.cannotMute"));
    await expect(qa.mute(host, sessionId, { userId: (await userWith("ADMIN")).id, on: true })).rejects.toEqual(rejection("conflict", "qa.error.cannotMute"));
    await expect(qa.mute(host, sessionId, { userId: "nosuchuser", on: true })).rejects.toEqual(rejection("notFound"));
  });
});

describe("deleting", () => {
  it("lets the author delete their open question, nobody else, and never an answered one", async () => {
    const { host, sessionId, worker, other } = await setting();
    const open = await qa.ask(worker, sessionId, { text: "问错了" });
    await expect(qa.remove(other, sessionId, { questionId: open.questionId })).rejects.toEqual(rejection("forbidden"));
    await expect(qa.remove(host, sessionId, { questionId: open.questionId })).rejects.toEqual(rejection("forbidden"));
    expect(await qa.remove(worker, sessionId, { questionId: open.questionId })).toEqual({ sessionId, questionId: open.questionId });
    const answered = await qa.ask(worker, sessionId, { text: "已回答" });
    await qa.answer(host, sessionId, { questionId: answered.questionId });
    await expect(qa.remove(worker, sessionId, { questionId: answered.questionId })).rejects.toEqual(rejection("conflict", "qa.error.alreadyAnswered"));
    expect((await qa.state(worker, sessionId)).questions.map((q) => q.id)).toEqual([answered.questionId]);
  });
});

describe("the list", () => {
  it("sorts by votes or newest with the pinned question first; after the session, answered first", async () => {
    const { host, sessionId, worker, other } = await setting();
    const a = await qa.ask(worker, sessionId, { text: "A" });
    const b = await qa.ask(worker, sessionId, { text: "B" });
    const c = await qa.ask(worker, sessionId, { text: "C" });
    await qa.vote(other, sessionId, { questionId: a.questionId, on: true });
    await qa.vote(host, sessionId, { questionId: a.questionId, on: true });
    await qa.vote(other, sessionId, { questionId: b.questionId, on: true });
    const texts = async (query: object = {}) => (await qa.state(worker, sessionId, query)).questions.map((q) => q.text);
    expect(await texts()).toEqual(["A", "B", "C"]);
    expect(await texts({ sort: "newest" })).toEqual(["C", "B", "A"]);
    await qa.pin(host, sessionId, { questionId: c.questionId });
    expect(await texts()).toEqual(["C", "A", "B"]);
    await qa.pin(host, sessionId, { questionId: null });
    await qa.answer(host, sessionId, { questionId: b.questionId, answer: "答了" });
    await services.live.end(host, sessionId);
    expect(await texts()).toEqual(["B", "A", "C"]);
    expect((await qa.state(null, sessionId)).open).toBe(false);
    expect((await qa.state(null, sessionId)).questions.find((q) => q.text === "A")).toMatchObject({ voted: false, mine: false });
    expect((await qa.state(other, sessionId)).questions.find((q) => q.text === "A")).toMatchObject({ voted: true });
  });

  it("re-syncs from the last id a client saw", async () => {
    const { sessionId, worker } = await setting();
    const seen = await qa.ask(worker, sessionId, { text: "看过的" });
    const missed = [await qa.ask(worker, sessionId, { text: "错过的1" }), await qa.ask(worker, sessionId, { text: "错过的2" })];
    const after = await qa.state(worker, sessionId, { afterId: seen.questionId, sort: "newest" });
    expect(after.questions.map((q) => q.id)).toEqual(missed.map((m) => m.questionId).reverse());
    expect((await qa.state(worker, sessionId, { afterId: "garbage" })).questions).toHaveLength(3);
  });

  it("needs a login for a members-only session's room; cancelled and unknown sessions are not found", async () => {
    const host = await userWith("CRAFTSMAN");
    const members = await liveSession(host, { membersOnly: true });
    await expect(qa.mayWatch(null, members)).rejects.toEqual(rejection("unauthorized"));
    expect(await qa.mayWatch(await userWith("WORKER"), members)).toEqual({ moderator: false });
    expect(await qa.mayWatch(host, members)).toEqual({ moderator: true });
    const cancelled = await liveSession(host, { onAir: false });
    await services.live.cancel(host, cancelled);
    await expect(qa.state(null, cancelled)).rejects.toEqual(rejection("notFound"));
    await expect(qa.state(null, "../etc")).rejects.toEqual(rejection("notFound"));
  });
});
