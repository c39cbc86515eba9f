// The live Q&A over real Socket.IO connections (socket.io-client) to a real http.Server with
// attachRealtime and a real database: joining (who may watch, languages of the refusals), asking,
// voting, deleting, answering, pinning, hiding and restoring, pre-moderation and mutes with every
// role; bad payloads, events for rooms not joined, oversized messages and floods, each failing and
// changing nothing; rate limits; batched updates (one per tick, the last version, exactly once);
// viewer counts; re-sync after a reconnect; unexpected failures answered "unavailable".
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { broadcastFrameCounts } from "../../server/realtime/broadcast-frames.ts";
import { SOCKET_EVENT_BURST } from "../../server/realtime/live-qa.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import {
  emitRaw,
  has,
  RELAXED_QA_RATE_LIMITS,
  request,
  socketPool,
  startRealtimeServer,
  stillConnected,
  updatesOf,
  type RealtimeServer,
  type TestSocket,
  type UpdateLog,
} from "../support/sockets.ts";

/** Short, so that tests wait little; the production tick is 250–500 ms. */
const TICK_MS = 50;

let db: TestDatabase;
let server: RealtimeServer;
const pool = socketPool();

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startRealtimeServer(db, { tickMs: TICK_MS, qaRateLimits: RELAXED_QA_RATE_LIMITS });
});

afterEach(() => pool.closeAll());

afterAll(async () => {
  await server?.close();
  await db?.cleanup();
});

interface Person {
  token: string;
  viewer: Viewer;
}
const person = (role: Viewer["role"], on: RealtimeServer = server): Promise<Person> => signedInUser(db.prisma, on.services.sessions, { role });

async function liveSession(host: Viewer, options: { membersOnly?: boolean; on?: RealtimeServer } = {}): Promise<string> {
  const result = await (options.on ?? server).services.live.schedule(host, {
    title: "焊接答疑直播",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(Date.now() + 60 * 60 * 1000)),
    durationMinutes: "60",
    ...(options.membersOnly ? { membersOnly: "on" } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

/** A session with its host, two workers (an asker and a voter), an admin and a craftsman who is not the host. */
async function stage(on: RealtimeServer = server) {
  const host = await person("CRAFTSMAN", on);
  const sessionId = await liveSession(host.viewer, { on });
  return {
    sessionId,
    host,
    asker: await person("WORKER", on),
    voter: await person("WORKER", on),
    admin: await person("ADMIN", on),
    craftsman: await person("CRAFTSMAN", on),
  };
}

interface Watcher {
  socket: TestSocket;
  log: UpdateLog;
  /** The state as it came over the wire (dates are strings there). */
  state: { questions: { id: number; text: string; approved: boolean; hidden: boolean; author: unknown }[]; viewer: { canModerate: boolean } };
}

/** Connects as `who` (null: a visitor) and joins the session's Q&A. */
async function watch(who: Person | null, sessionId: string, options: { on?: RealtimeServer; headers?: Record<string, string> } = {}): Promise<Watcher> {
  const socket = await pool.connect((options.on ?? server).origin, { token: who?.token, headers: options.headers });
  const log = updatesOf(socket);
  const reply = await request(socket, "qa:join", { sessionId });
  expect(reply).toMatchObject({ ok: true });
  return { socket, log, state: reply.state };
}

async function ask(watcher: Watcher, sessionId: string, text: string, anonymous = false): Promise<number> {
  const reply = await request(watcher.socket, "qa:ask", { sessionId, text, anonymous });
  expect(reply).toMatchObject({ ok: true, question: { text } });
  return reply.question.id;
}

/** What the database holds for a session's Q&A: compared before and after what must change nothing. */
async function snapshot(sessionId: string) {
  const [questions, votes, mutes, session] = await Promise.all([
    db.prisma.liveQuestion.findMany({ where: { sessionId }, orderBy: { id: "asc" } }),
    db.prisma.liveQuestionVote.count({ where: { question: { sessionId } } }),
    db.prisma.liveMute.count({ where: { sessionId } }),
    db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { qaPremoderated: true } }),
  ]);
  return { questions, votes, mutes, premoderated: session.qaPremoderated };
}

const failed = (code: string, message?: string) => ({ ok: false, code, message: message ?? expect.any(String) });

describe("joining a session's Q&A", () => {
  it("answers the questions so far and counts the sockets in the room", async () => {
    const { sessionId, asker } = await stage();
    const first = await watch(asker, sessionId);
    const id = await ask(first, sessionId, "焊缝咬边怎么补？");
    const visitor = await watch(null, sessionId);

    expect(visitor.state.questions.map((q) => q.id)).toEqual([id]);
    expect(visitor.state.viewer.canModerate).toBe(false);
    await first.log.waitFor(has.viewers(2), "2 viewers");
    await visitor.log.waitFor(has.viewers(2), "2 viewers");

    const since = first.log.updates.length;
    visitor.socket.disconnect();
    await first.log.waitFor(has.viewers(1), "1 viewer after the visitor left", since);
  });

  it("is the viewer count of the session's card and page while it is on air, and its peak", async () => {
    const { sessionId, host, asker, voter } = await stage();
    await server.services.live.applyEvent(sessionId, "connected");
    const shown = async () => (await server.services.live.detail(null, sessionId)).viewers;
    const first = await watch(asker, sessionId);
    const second = await watch(voter, sessionId);
    await first.log.waitFor(has.viewers(2), "2 viewers");
    expect(await shown()).toBe(2);
    expect((await server.services.live.list(null, {})).live.find((card) => card.id === sessionId)?.viewers).toBe(2);

    const since = first.log.updates.length;
    second.socket.disconnect();
    await first.log.waitFor(has.viewers(1), "1 viewer", since);
    expect(await shown()).toBe(1);
    expect((await server.services.live.hostView(host.viewer, sessionId, "https://jiangxin.example")).viewerPeak).toBe(2);
  });

  it("leaves the room on qa:leave: the count drops and events for it fail", async () => {
    const { sessionId, asker, voter } = await stage();
    const staying = await watch(voter, sessionId);
    const leaving = await watch(asker, sessionId);
    await staying.log.waitFor(has.viewers(2), "2 viewers");
    const since = staying.log.updates.length;

    expect(await request(leaving.socket, "qa:leave", { sessionId })).toEqual({ ok: true });

    await staying.log.waitFor(has.viewers(1), "1 viewer", since);
    expect(await request(leaving.socket, "qa:ask", { sessionId, text: "还在吗？" })).toEqual(failed("notJoined"));
  });

  it("refuses a visitor in a members-only session, in the socket's language", async () => {
    const host = await person("CRAFTSMAN");
    const sessionId = await liveSession(host.viewer, { membersOnly: true });
    const tryJoin = async (headers: Record<string, string>, who: Person | null = null) =>
      request(await pool.connect(server.origin, { token: who?.token, headers }), "qa:join", { sessionId });

    expect(await tryJoin({})).toEqual(failed("unauthorized", "请先登录。"));
    expect(await tryJoin({ "accept-language": "en-US,en;q=0.9" })).toEqual(failed("unauthorized", "Please log in first."));
    // The language cookie wins over the browser's languages.
    expect(await tryJoin({ "accept-language": "en", cookie: "jx_locale=zh-CN" })).toEqual(failed("unauthorized", "请先登录。"));
    expect(await tryJoin({}, await person("WORKER"))).toMatchObject({ ok: true, state: { sessionId } });
  });

  it("does not find unknown or cancelled sessions, and joins no room for them", async () => {
    const host = await person("CRAFTSMAN");
    const cancelled = await liveSession(host.viewer);
    await server.services.live.cancel(host.viewer, cancelled);
    const socket = await pool.connect(server.origin, { token: host.token });

    for (const sessionId of ["nosuchsession0000000000", cancelled]) {
      expect(await request(socket, "qa:join", { sessionId })).toEqual(failed("notFound", "找不到你要的内容。"));
      expect(await request(socket, "qa:ask", { sessionId, text: "有人吗？" })).toEqual(failed("notJoined"));
    }
  });
});

describe("asking and voting through the socket", () => {
  it("acknowledges the asker's own view and shows the question to every other client exactly once", async () => {
    const { sessionId, asker, voter } = await stage();
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);
    const visitor = await watch(null, sessionId);
    const framesBefore = broadcastFrameCounts(server.io).direct;

    const reply = await request(mine.socket, "qa:ask", { sessionId, text: "  仰焊时电流调多大？ " });
    expect(reply).toMatchObject({ ok: true, question: { text: "仰焊时电流调多大？", mine: true, voteCount: 0, author: { id: asker.viewer.id } } });
    const id: number = reply.question.id;
    for (const client of [other, visitor]) {
      const update = await client.log.waitFor(has.question(id), "the new question");
      expect(update.questions.find((q) => q.id === id)).toMatchObject({ text: "仰焊时电流调多大？", mine: false, voted: false, author: { id: asker.viewer.id } });
    }

    // A later question arriving proves that no second copy of the first was on its way.
    const later = await ask(mine, sessionId, "打底焊用什么焊条？");
    for (const client of [other, visitor]) {
      await client.log.waitFor(has.question(later), "the later question");
      expect(client.log.versionsOf(id)).toHaveLength(1);
    }
    expect((await snapshot(sessionId)).questions.map((q) => q.id)).toEqual([id, later]);
    // The room's updates went out as ready-made frames (server/realtime/broadcast-frames.ts).
    expect(broadcastFrameCounts(server.io).direct).toBeGreaterThan(framesBefore);
  });

  it("hides an anonymous asker from everyone but the asker", async () => {
    const { sessionId, asker, voter } = await stage();
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);

    const reply = await request(mine.socket, "qa:ask", { sessionId, text: "考证难吗？", anonymous: true });
    expect(reply.question).toMatchObject({ anonymous: true, author: { id: asker.viewer.id } });

    const update = await other.log.waitFor(has.question(reply.question.id), "the anonymous question");
    expect(update.questions[0]).toMatchObject({ anonymous: true, author: null });
  });

  it("counts one vote per viewer and sends everyone the new count", async () => {
    const { sessionId, asker, voter } = await stage();
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);
    const visitor = await watch(null, sessionId);
    const id = await ask(mine, sessionId, "氩弧焊钨极怎么磨？");

    expect(await request(other.socket, "qa:vote", { sessionId, questionId: id, on: true })).toMatchObject({ ok: true, question: { id, voteCount: 1, voted: true } });
    expect(await request(other.socket, "qa:vote", { sessionId, questionId: id, on: true })).toMatchObject({ ok: true, question: { voteCount: 1, voted: true } });
    await visitor.log.waitFor(has.question(id, (q) => q.voteCount === 1 && !q.voted), "one vote");

    expect(await request(other.socket, "qa:vote", { sessionId, questionId: id, on: false })).toMatchObject({ ok: true, question: { voteCount: 0, voted: false } });
    await visitor.log.waitFor(has.question(id, (q) => q.voteCount === 0 && q.version > 1), "the vote taken back");
    expect((await snapshot(sessionId)).votes).toBe(0);
  });

  it("lets visitors watch but not ask or vote", async () => {
    const { sessionId, asker } = await stage();
    const id = await ask(await watch(asker, sessionId), sessionId, "管道焊接要预热吗？");
    const visitor = await watch(null, sessionId);
    const before = await snapshot(sessionId);

    expect(await request(visitor.socket, "qa:ask", { sessionId, text: "我也想问" })).toEqual(failed("unauthorized", "请先登录。"));
    expect(await request(visitor.socket, "qa:vote", { sessionId, questionId: id, on: true })).toEqual(failed("unauthorized"));
    expect(await request(visitor.socket, "qa:delete", { sessionId, questionId: id })).toEqual(failed("unauthorized"));
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it("refuses votes on hidden questions and on another session's questions, changing nothing", async () => {
    const { sessionId, host, asker, voter } = await stage();
    const elsewhere = await stage();
    const hostWatch = await watch(host, sessionId);
    const mine = await watch(asker, sessionId);
    const hidden = await ask(mine, sessionId, "这个问题会被隐藏");
    expect(await request(hostWatch.socket, "qa:hide", { sessionId, questionId: hidden })).toMatchObject({ ok: true });
    const foreign = await ask(await watch(elsewhere.asker, elsewhere.sessionId), elsewhere.sessionId, "别的直播间的问题");
    const other = await watch(voter, sessionId);
    const before = [await snapshot(sessionId), await snapshot(elsewhere.sessionId)];

    expect(await request(other.socket, "qa:vote", { sessionId, questionId: hidden, on: true })).toEqual(failed("notFound"));
    expect(await request(other.socket, "qa:vote", { sessionId, questionId: foreign, on: true })).toEqual(failed("notFound"));
    expect(await request(other.socket, "qa:vote", { sessionId: elsewhere.sessionId, questionId: foreign, on: true })).toEqual(failed("notJoined"));
    expect(await request(other.socket, "qa:vote", { sessionId, questionId: 2_000_000_000, on: true })).toEqual(failed("notFound"));
    expect([await snapshot(sessionId), await snapshot(elsewhere.sessionId)]).toEqual(before);
  });

  it("lets the author delete their open question, which then disappears for everyone", async () => {
    const { sessionId, asker, voter } = await stage();
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);
    const id = await ask(mine, sessionId, "问错了，删掉");

    expect(await request(other.socket, "qa:delete", { sessionId, questionId: id })).toEqual(failed("forbidden"));
    expect(await db.prisma.liveQuestion.count({ where: { id } })).toBe(1);

    expect(await request(mine.socket, "qa:delete", { sessionId, questionId: id })).toEqual({ ok: true, questionId: id });
    await other.log.waitFor(has.removed(id), "the deletion");
    expect(await db.prisma.liveQuestion.count({ where: { id } })).toBe(0);
  });
});

describe("moderation through the socket", () => {
  it("lets the host answer and pin one question at a time, and everyone sees it", async () => {
    const { sessionId, host, asker } = await stage();
    const hostWatch = await watch(host, sessionId);
    expect(hostWatch.state.viewer.canModerate).toBe(true);
    const mine = await watch(asker, sessionId);
    const visitor = await watch(null, sessionId);
    const first = await ask(mine, sessionId, "焊条要烘干吗？");
    const second = await ask(mine, sessionId, "焊机接地线接哪里？");

    expect(await request(hostWatch.socket, "qa:answer", { sessionId, questionId: first, answer: "要，350℃ 烘一小时。" })).toMatchObject({
      ok: true,
      question: { id: first, status: "ANSWERED", answer: "要，350℃ 烘一小时。" },
    });
    await visitor.log.waitFor(has.question(first, (q) => q.status === "ANSWERED" && q.answer === "要，350℃ 烘一小时。"), "the answer");

    expect(await request(hostWatch.socket, "qa:pin", { sessionId, questionId: first })).toMatchObject({ ok: true, questions: [{ id: first, pinned: true }] });
    const repinned = await request(hostWatch.socket, "qa:pin", { sessionId, questionId: second });
    expect(repinned.ok).toBe(true);
    expect(Object.fromEntries(repinned.questions.map((q: { id: number; pinned: boolean }) => [q.id, q.pinned]))).toEqual({ [first]: false, [second]: true });

    await visitor.log.waitFor(has.question(second, (q) => q.pinned), "the second question pinned");
    const lastOfFirst = visitor.log.versionsOf(first).at(-1);
    expect(lastOfFirst).toMatchObject({ pinned: false, status: "ANSWERED" });
    expect(await db.prisma.liveQuestion.count({ where: { sessionId, pinned: true } })).toBe(1);
  });

  it("sends a hidden question to the moderators only; the others are told to remove it, and get it back on restore", async () => {
    const { sessionId, host, asker, voter, admin } = await stage();
    const hostWatch = await watch(host, sessionId);
    const adminWatch = await watch(admin, sessionId);
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);
    const visitor = await watch(null, sessionId);
    const id = await ask(mine, sessionId, "广告：低价出售焊机");

    expect(await request(hostWatch.socket, "qa:hide", { sessionId, questionId: id })).toMatchObject({ ok: true, question: { id, hidden: true } });
    for (const moderator of [hostWatch, adminWatch]) await moderator.log.waitFor(has.question(id, (q) => q.hidden), "the hidden question");
    for (const client of [mine, other, visitor]) await client.log.waitFor(has.removed(id), "the removal");
    for (const client of [mine, other, visitor]) expect(client.log.versionsOf(id).some((q) => q.hidden)).toBe(false);
    // A moderator is in both rooms but gets the moderators' update alone.
    for (const moderator of [hostWatch, adminWatch]) expect(moderator.log.updates.some((u) => u.removed.includes(id))).toBe(false);
    expect((await request(visitor.socket, "qa:sync", { sessionId })).state.questions).toEqual([]);

    expect(await request(adminWatch.socket, "qa:restore", { sessionId, questionId: id })).toMatchObject({ ok: true, question: { hidden: false } });
    for (const client of [other, visitor]) await client.log.waitFor(has.question(id, (q) => !q.hidden), "the restored question");
  });

  it("holds new questions for approval in a pre-moderated session: moderators and the author see them, the others only once approved", async () => {
    const { sessionId, host, asker, voter } = await stage();
    const hostWatch = await watch(host, sessionId);
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);

    expect(await request(hostWatch.socket, "qa:premoderate", { sessionId, on: true })).toEqual({ ok: true, premoderated: true });
    for (const client of [hostWatch, mine, other]) await client.log.waitFor((u) => u.premoderated === true, "pre-moderation on");

    const reply = await request(mine.socket, "qa:ask", { sessionId, text: "待审核的问题" });
    expect(reply).toMatchObject({ ok: true, question: { approved: false, mine: true } });
    const pending: number = reply.question.id;
    await hostWatch.log.waitFor(has.question(pending, (q) => !q.approved), "the pending question");
    // The host's own questions need no approval; its arrival shows nothing about the pending one was sent.
    const marker = await ask(hostWatch, sessionId, "主讲人的问题");
    for (const client of [mine, other]) {
      await client.log.waitFor(has.question(marker), "the host's question");
      expect(client.log.versionsOf(pending)).toEqual([]);
      expect(client.log.updates.some((u) => u.removed.includes(pending))).toBe(false);
    }
    expect((await request(mine.socket, "qa:sync", { sessionId })).state.questions.map((q: { id: number }) => q.id)).toContain(pending);
    expect((await request(other.socket, "qa:sync", { sessionId })).state.questions.map((q: { id: number }) => q.id)).not.toContain(pending);
    expect(await request(other.socket, "qa:vote", { sessionId, questionId: pending, on: true })).toEqual(failed("notFound"));

    expect(await request(hostWatch.socket, "qa:approve", { sessionId, questionId: pending })).toMatchObject({ ok: true, question: { approved: true } });
    await other.log.waitFor(has.question(pending, (q) => q.approved), "the approved question");
  });

  it("mutes a viewer for the session until unmuted", async () => {
    const { sessionId, host, asker } = await stage();
    const hostWatch = await watch(host, sessionId);
    const mine = await watch(asker, sessionId, { headers: { "accept-language": "en" } });
    const id = await ask(hostWatch, sessionId, "大家有问题吗？");

    expect(await request(hostWatch.socket, "qa:mute", { sessionId, userId: asker.viewer.id, on: true })).toEqual({ ok: true, userId: asker.viewer.id, muted: true });
    expect(await request(mine.socket, "qa:ask", { sessionId, text: "我还能问吗？" })).toEqual(failed("forbidden", "The host muted you: you cannot ask or vote in this session."));
    expect(await request(mine.socket, "qa:vote", { sessionId, questionId: id, on: true })).toEqual(failed("forbidden"));
    expect((await snapshot(sessionId)).questions).toHaveLength(1);

    expect(await request(hostWatch.socket, "qa:mute", { sessionId, userId: asker.viewer.id, on: false })).toMatchObject({ ok: true, muted: false });
    await ask(mine, sessionId, "现在可以了");
  });

  it("refuses moderation by workers, other craftsmen and visitors, changing nothing", async () => {
    const { sessionId, host, asker, voter, craftsman } = await stage();
    const mine = await watch(asker, sessionId);
    const id = await ask(mine, sessionId, "能讲讲坡口角度吗？");
    const before = await snapshot(sessionId);

    const attempts = [
      ["qa:answer", { sessionId, questionId: id, answer: "不告诉你" }],
      ["qa:pin", { sessionId, questionId: id }],
      ["qa:pin", { sessionId, questionId: null }],
      ["qa:hide", { sessionId, questionId: id }],
      ["qa:restore", { sessionId, questionId: id }],
      ["qa:approve", { sessionId, questionId: id }],
      ["qa:premoderate", { sessionId, on: true }],
      ["qa:mute", { sessionId, userId: asker.viewer.id, on: true }],
    ] as const;
    for (const [who, code] of [
      [voter, "forbidden"],
      [asker, "forbidden"],
      [craftsman, "forbidden"],
      [null, "unauthorized"],
    ] as const) {
      const socket = who === asker ? mine.socket : (await watch(who, sessionId)).socket;
      for (const [event, payload] of attempts) expect([event, await request(socket, event, payload)]).toEqual([event, failed(code)]);
    }
    expect(await snapshot(sessionId)).toEqual(before);
    // The host, for contrast, may.
    expect(await request((await watch(host, sessionId)).socket, "qa:hide", { sessionId, questionId: id })).toMatchObject({ ok: true });
  });

  it("lets an admin moderate any session", async () => {
    const { sessionId, asker, voter, admin } = await stage();
    const adminWatch = await watch(admin, sessionId);
    expect(adminWatch.state.viewer.canModerate).toBe(true);
    const id = await ask(await watch(asker, sessionId), sessionId, "管理员能看到吗？", true);
    const moderated = await adminWatch.log.waitFor(has.question(id), "the question");
    expect(moderated.questions[0]).toMatchObject({ anonymous: true });

    for (const [event, payload] of [
      ["qa:answer", { sessionId, questionId: id, answer: null }],
      ["qa:pin", { sessionId, questionId: id }],
      ["qa:hide", { sessionId, questionId: id }],
      ["qa:restore", { sessionId, questionId: id }],
      ["qa:premoderate", { sessionId, on: true }],
      ["qa:mute", { sessionId, userId: voter.viewer.id, on: true }],
    ] as const) {
      expect([event, await request(adminWatch.socket, event, payload)]).toEqual([event, expect.objectContaining({ ok: true })]);
    }
    expect(await snapshot(sessionId)).toMatchObject({ premoderated: true, mutes: 1, questions: [{ status: "ANSWERED", pinned: false, hidden: false }] });
  });
});

describe("bad input at the socket boundary", () => {
  type Ids = { sessionId: string; questionId: number; userId: string };
  const cases: [string, string, (ids: Ids) => unknown[], string, string?][] = [
    ["a string instead of an object", "qa:ask", () => ["仰焊电流？"], "badRequest"],
    ["a number", "qa:ask", () => [42], "badRequest"],
    ["null", "qa:vote", () => [null], "badRequest"],
    ["an array", "qa:ask", ({ sessionId }) => [[sessionId, "问题"]], "badRequest"],
    ["no payload at all", "qa:ask", () => [], "badRequest"],
    ["no session id", "qa:ask", () => [{ text: "问题" }], "badRequest"],
    ["a session id of 41 characters", "qa:ask", () => [{ sessionId: "s".repeat(41), text: "问题" }], "badRequest"],
    ["a number as text", "qa:ask", ({ sessionId }) => [{ sessionId, text: 42 }], "badRequest"],
    ["no text", "qa:ask", ({ sessionId }) => [{ sessionId }], "badRequest"],
    ["a blank text", "qa:ask", ({ sessionId }) => [{ sessionId, text: "   " }], "badRequest", "请写下你的问题。"],
    ["301 characters", "qa:ask", ({ sessionId }) => [{ sessionId, text: "问".repeat(301) }], "badRequest", "问题最多 300 个字。"],
    ["a huge text (still under the message size)", "qa:ask", ({ sessionId }) => [{ sessionId, text: "问".repeat(5000) }], "badRequest", "问题最多 300 个字。"],
    ["a string for anonymous", "qa:ask", ({ sessionId }) => [{ sessionId, text: "问题", anonymous: "yes" }], "badRequest"],
    ["a question id as a string", "qa:vote", ({ sessionId, questionId }) => [{ sessionId, questionId: String(questionId), on: true }], "badRequest"],
    ["a negative question id", "qa:vote", ({ sessionId }) => [{ sessionId, questionId: -1, on: true }], "badRequest"],
    ["a fractional question id", "qa:vote", ({ sessionId, questionId }) => [{ sessionId, questionId: questionId + 0.5, on: true }], "badRequest"],
    ["a vote without on", "qa:vote", ({ sessionId, questionId }) => [{ sessionId, questionId }], "badRequest"],
    ["a number as answer", "qa:answer", ({ sessionId, questionId }) => [{ sessionId, questionId, answer: 5 }], "badRequest"],
    ["an answer of 501 characters", "qa:answer", ({ sessionId, questionId }) => [{ sessionId, questionId, answer: "答".repeat(501) }], "badRequest", "回答最多 500 个字。"],
    ["a pin without a question id", "qa:pin", ({ sessionId }) => [{ sessionId }], "badRequest"],
    ["a number as user id", "qa:mute", ({ sessionId }) => [{ sessionId, userId: 42, on: true }], "badRequest"],
    ["on as a string", "qa:premoderate", ({ sessionId }) => [{ sessionId, on: "true" }], "badRequest"],
    ["two payloads", "qa:hide", ({ sessionId, questionId }) => [{ sessionId, questionId }, { sessionId, questionId }], "badRequest"],
    ["a join with a number as session id", "qa:join", () => [{ sessionId: 42 }], "badRequest"],
    ["a join with a negative afterId", "qa:join", ({ sessionId }) => [{ sessionId, afterId: -1 }], "badRequest"],
    ["a join with an unknown sort", "qa:join", ({ sessionId }) => [{ sessionId, sort: "random" }], "badRequest"],
  ];

  it.each(cases)("answers %s (%s) with a failed acknowledgement and changes nothing", async (_what, event, payload, code, message) => {
    const { sessionId, host, asker } = await stage();
    // The host may do everything: whatever is refused here is refused for its shape.
    const hostWatch = await watch(host, sessionId);
    const questionId = await ask(await watch(asker, sessionId), sessionId, "焊前要清理坡口吗？");
    const before = await snapshot(sessionId);

    const reply = await request(hostWatch.socket, event, ...payload({ sessionId, questionId, userId: asker.viewer.id }));

    expect(reply).toEqual(failed(code, message ?? "请求格式不对，请刷新页面后再试。"));
    expect(await snapshot(sessionId)).toEqual(before);
    expect(await stillConnected(hostWatch.socket)).toBe(true);
  });

  it("ignores an event sent without an acknowledgement", async () => {
    const { sessionId, asker } = await stage();
    const mine = await watch(asker, sessionId);

    emitRaw(mine.socket, "qa:ask", { sessionId, text: "没有回执的问题" });
    // Events are handled in order: once this one is answered, the one before has been dealt with.
    const id = await ask(mine, sessionId, "有回执的问题");

    expect((await snapshot(sessionId)).questions.map((q) => q.id)).toEqual([id]);
    expect(await stillConnected(mine.socket)).toBe(true);
  });

  it("refuses every event for a session the socket did not join", async () => {
    const { sessionId, host, asker } = await stage();
    const id = await ask(await watch(asker, sessionId), sessionId, "别的连接问的");
    const other = await stage();
    const hostSocket = (await watch(host, other.sessionId)).socket;
    const before = await snapshot(sessionId);

    for (const [event, payload] of [
      ["qa:ask", { sessionId, text: "没进房间" }],
      ["qa:vote", { sessionId, questionId: id, on: true }],
      ["qa:delete", { sessionId, questionId: id }],
      ["qa:answer", { sessionId, questionId: id }],
      ["qa:pin", { sessionId, questionId: id }],
      ["qa:hide", { sessionId, questionId: id }],
      ["qa:restore", { sessionId, questionId: id }],
      ["qa:approve", { sessionId, questionId: id }],
      ["qa:premoderate", { sessionId, on: true }],
      ["qa:mute", { sessionId, userId: asker.viewer.id, on: true }],
    ] as const) {
      expect([event, await request(hostSocket, event, payload)]).toEqual([event, failed("notJoined", "与问答的连接已重置，请稍候再试。")]);
    }
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it("disconnects a socket whose message is larger than the limit, and nothing else", async () => {
    const { sessionId, asker, voter } = await stage();
    const big = await watch(voter, sessionId);
    const mine = await watch(asker, sessionId);
    const visitor = await watch(null, sessionId);

    const gone = new Promise<string>((resolve) => big.socket.once("disconnect", resolve));
    emitRaw(big.socket, "qa:ask", { sessionId, text: "x".repeat(20_000) }, () => {});
    expect(await gone).toBe("transport close");

    const id = await ask(mine, sessionId, "服务器还在吗？");
    await visitor.log.waitFor(has.question(id), "a question after the oversized message");
    expect((await snapshot(sessionId)).questions.map((q) => q.text)).toEqual(["服务器还在吗？"]);
  });

  it("survives a flood of 200 malformed events from one socket, answering each, while others keep working", async () => {
    const { sessionId, asker, voter } = await stage();
    const flooder = await watch(voter, sessionId);
    const mine = await watch(asker, sessionId);
    const visitor = await watch(null, sessionId);
    // Malformed for every one of the events below (unknown keys are dropped, so each has a bad one).
    const shapes = [null, 42, "垃圾", [], { sessionId: 42 }, { sessionId, text: 7, afterId: -5 }, { sessionId, questionId: "x", on: 1, sort: "x" }];
    const events = ["qa:ask", "qa:vote", "qa:join", "qa:hide", "qa:mute"];

    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => request(flooder.socket, events[i % events.length]!, shapes[i % shapes.length])));

    expect(replies.every((reply) => reply.ok === false && (reply.code === "badRequest" || reply.code === "rateLimited"))).toBe(true);
    // The socket's own budget stopped most of them before any parsing or database work (it refills
    // slowly: only a burst spread over many seconds would get more than half through).
    expect(replies.filter((reply) => reply.code === "rateLimited").length).toBeGreaterThanOrEqual(200 - SOCKET_EVENT_BURST - 60);
    expect(await stillConnected(flooder.socket)).toBe(true);
    const id = await ask(mine, sessionId, "洪水之后还能提问吗？");
    await visitor.log.waitFor(has.question(id), "a question after the flood");
    expect((await snapshot(sessionId)).questions).toHaveLength(1);
  });
});

describe("rate limits", () => {
  let limited: RealtimeServer;
  beforeAll(async () => {
    // The production limits: one question per 30 s and 10 votes per 10 s, per user and session.
    limited = await startRealtimeServer(db, { tickMs: TICK_MS });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it("refuses asking and voting too fast with a clear message, and keeps the socket connected", async () => {
    const { sessionId, asker, voter } = await stage(limited);
    const mine = await watch(asker, sessionId, { on: limited });
    const other = await watch(voter, sessionId, { on: limited });
    const id = await ask(mine, sessionId, "第一个问题");

    expect(await request(mine.socket, "qa:ask", { sessionId, text: "第二个问题" })).toEqual(failed("rateLimited", "提问太频繁了，请 30 秒后再试。"));
    expect(await stillConnected(mine.socket)).toBe(true);
    expect((await snapshot(sessionId)).questions).toHaveLength(1);

    for (let i = 0; i < 10; i++) expect(await request(other.socket, "qa:vote", { sessionId, questionId: id, on: i % 2 === 0 })).toMatchObject({ ok: true });
    expect(await request(other.socket, "qa:vote", { sessionId, questionId: id, on: true })).toEqual(failed("rateLimited", "点赞太频繁了，请稍后再试。"));
    expect(await stillConnected(other.socket)).toBe(true);
    expect((await snapshot(sessionId)).votes).toBe(0);
  });
});

describe("batched updates", () => {
  let slow: RealtimeServer;
  beforeAll(async () => {
    // A long tick, so that a burst of votes certainly falls within one or two of them.
    slow = await startRealtimeServer(db, { tickMs: 1000, qaRateLimits: RELAXED_QA_RATE_LIMITS });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it("sends a burst of votes as one or two updates per client, carrying the final count", async () => {
    const { sessionId, asker } = await stage(slow);
    const mine = await watch(asker, sessionId, { on: slow });
    const observer = await watch(null, sessionId, { on: slow });
    const voters = await Promise.all(Array.from({ length: 8 }, async () => watch(await person("WORKER", slow), sessionId, { on: slow })));
    const id = await ask(mine, sessionId, "大家觉得这个问题重要吗？");
    await observer.log.waitFor(has.question(id), "the question");
    for (const voter of voters) await voter.log.waitFor(has.question(id), "the question");

    // One after the other, each acknowledged before the next is sent: every vote is a separate
    // write and a separate change, and only the tick gathers them.
    for (const voter of voters) expect(await request(voter.socket, "qa:vote", { sessionId, questionId: id, on: true })).toMatchObject({ ok: true });

    for (const client of [observer, mine, ...voters]) {
      await client.log.waitFor(has.question(id, (q) => q.voteCount === 8), "8 votes");
      const afterVotes = client.log.versionsOf(id).slice(1);
      expect(afterVotes.length).toBeLessThanOrEqual(2);
      expect(afterVotes.at(-1)).toMatchObject({ voteCount: 8, version: 8 });
    }
    expect(await db.prisma.liveQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ voteCount: 8 });
  });
});

describe("reconnecting", () => {
  it("re-syncs from the last question seen and then holds every question exactly once", async () => {
    const { sessionId, asker, voter } = await stage();
    const mine = await watch(asker, sessionId);
    const other = await watch(voter, sessionId);
    const visitor = await watch(null, sessionId);
    const seen = [await ask(mine, sessionId, "断线前的问题")];
    await visitor.log.waitFor(has.question(seen[0]!), "the first question");
    const lastId = Math.max(...visitor.log.updates.flatMap((u) => u.questions.map((q) => q.id)));

    visitor.socket.disconnect();
    const missed = [
      await ask(mine, sessionId, "断线时的问题一"),
      await ask(other, sessionId, "断线时的问题二"),
      await ask(mine, sessionId, "断线时的问题三"),
    ];

    // A new connection (as after a reconnect: it is in no room) re-syncs from the last id it saw.
    const socket = await pool.connect(server.origin);
    const log = updatesOf(socket);
    const reply = await request(socket, "qa:sync", { sessionId, afterId: lastId });
    expect(reply.ok).toBe(true);
    const held = [...seen, ...reply.state.questions.map((q: { id: number }) => q.id)].sort((a, b) => a - b);
    expect(held).toEqual([...seen, ...missed].sort((a, b) => a - b));

    // And it is back in the room for what comes next.
    const next = await ask(other, sessionId, "重连之后的问题");
    await log.waitFor(has.question(next), "the question after the reconnect");
  });
});

describe("failures inside the server", () => {
  it("answers 'unavailable' when the database fails, logs it, and keeps the socket connected", async () => {
    const broken = await createTestDatabase();
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const failing = await startRealtimeServer(broken, { tickMs: TICK_MS, logger, qaRateLimits: RELAXED_QA_RATE_LIMITS });
    try {
      const host = await signedInUser(broken.prisma, failing.services.sessions, { role: "CRAFTSMAN" });
      const worker = await signedInUser(broken.prisma, failing.services.sessions, { role: "WORKER" });
      const sessionId = await liveSession(host.viewer, { on: failing });
      const socket = await pool.connect(failing.origin, { token: worker.token, headers: { "accept-language": "en" } });
      expect(await request(socket, "qa:join", { sessionId })).toMatchObject({ ok: true });

      await broken.cleanup();

      expect(await request(socket, "qa:ask", { sessionId, text: "数据库坏了吗？" })).toEqual(failed("unavailable", "The Q&A is unavailable right now; try again shortly."));
      expect(await stillConnected(socket)).toBe(true);
      expect(lines.some((line) => line.includes("live Q&A event failed") && line.includes("qa:ask"))).toBe(true);

      // A refused handshake (another site's page) is logged as well, not thrown.
      await expect(pool.connect(failing.origin, { headers: { origin: "http://evil.example" } })).rejects.toBeInstanceOf(Error);
      expect(lines.some((line) => line.includes("socket handshake refused"))).toBe(true);
    } finally {
      await failing.close();
      await broken.cleanup();
    }
  });
});
