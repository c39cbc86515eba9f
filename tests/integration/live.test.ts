// The live service on a real database, without video: scheduling and editing (per-field errors,
// nothing written on bad input), who may do what (workers, other craftsmen, admins, visitors),
// provider events through the status machine with every transition stored, "remind me" and the
// notification when a session goes live, the stream-key check of publishes, the /live lists, the
// members-only rule and the search index. The video itself is in live-local and live-mux.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createEmbeddedEngine } from "../../search/index.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
const engine = createEmbeddedEngine();
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(new Date("2026-12-01T02:00:00.000Z"));
  services = createTestServices(db, { clock, searchEngine: engine });
});

afterAll(async () => {
  await db?.cleanup();
});

const userWith = async (role: Viewer["role"]) => (await signedInUser(db.prisma, services.sessions, { role })).viewer;
const rejection = (kind: string) => expect.objectContaining({ name: "AppError", kind });

function form(overrides: Record<string, unknown> = {}) {
  return {
    title: "手工电弧焊平焊实操",
    description: "从引弧到收弧，一次讲清楚。",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(clock.now().getTime() + 2 * HOUR)),
    durationMinutes: "60",
    ...overrides,
  };
}

async function scheduled(host: Viewer, overrides: Record<string, unknown> = {}) {
  const result = await services.live.schedule(host, form(overrides));
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  return result.value.id;
}

const row = (id: string) => db.prisma.liveSession.findUniqueOrThrow({ where: { id } });
const transitions = (id: string) =>
  db.prisma.liveTransition.findMany({ where: { sessionId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { from: true, to: true, event: true, at: true } });

describe("scheduling", () => {
  it("stores the session with a secret key, a different public name and its first transition", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host, { membersOnly: "on" });
    const session = await row(id);
    expect(session).toMatchObject({ status: "SCHEDULED", hostId: host.id, provider: "local", membersOnly: true, durationMinutes: 60, title: "手工电弧焊平焊实操" });
    expect(session.streamKey.length).toBeGreaterThanOrEqual(30);
    expect(session.publicName).not.toBe(session.streamKey);
    expect(session.publicName).not.toContain(session.streamKey.slice(0, 8));
    // Entered as 10:00 China time two hours after 10:00 (02:00 UTC).
    expect(session.scheduledStart.toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(await transitions(id)).toEqual([{ from: null, to: "SCHEDULED", event: "scheduled", at: clock.now() }]);
  });

  it.each([
    [{ title: "  " }, "title", "live.error.titleRequired"],
    [{ title: "焊".repeat(81) }, "title", "live.error.titleTooLong"],
    [{ description: "字".repeat(2001) }, "description", "live.error.descriptionTooLong"],
    [{ trade: "" }, "trade", "live.error.tradeRequired"],
    [{ trade: "no-such-trade" }, "trade", "live.error.tradeUnknown"],
    [{ startsAt: "" }, "startsAt", "live.error.startRequired"],
    [{ startsAt: "2026-13-40T25:00" }, "startsAt", "live.error.startInvalid"],
    [{ startsAt: "明天晚上" }, "startsAt", "live.error.startInvalid"],
    [{ startsAt: "2026-11-30T10:00" }, "startsAt", "live.error.startInPast"],
    [{ durationMinutes: "2" }, "durationMinutes", "live.error.durationInvalid"],
    [{ durationMinutes: "abc" }, "durationMinutes", "live.error.durationInvalid"],
    [{ durationMinutes: "481" }, "durationMinutes", "live.error.durationInvalid"],
  ])("refuses %j with a message on %s and writes nothing", async (overrides, field, key) => {
    const host = await userWith("CRAFTSMAN");
    const before = await db.prisma.liveSession.count();
    const result = await services.live.schedule(host, form(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]).toBe(key);
    expect(await db.prisma.liveSession.count()).toBe(before);
  });

  it("is for craftsmen and admins only", async () => {
    await expect(services.live.schedule(null, form())).rejects.toEqual(rejection("unauthorized"));
    await expect(services.live.schedule(await userWith("WORKER"), form())).rejects.toEqual(rejection("forbidden"));
    await expect(services.live.schedule(await userWith("EMPLOYER"), form())).rejects.toEqual(rejection("forbidden"));
    expect((await services.live.schedule(await userWith("ADMIN"), form())).ok).toBe(true);
  });
});

describe("hosting", () => {
  it("shows the key to the host and admins only; other craftsmen get 404", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    const view = await services.live.hostView(host, id, "https://jiangxin.example");
    expect(view.ingest).toEqual({ serverUrl: "rtmp://jiangxin.example:0/live", streamKey: (await row(id)).streamKey });
    expect(view.may).toEqual({ edit: true, editStart: true, cancel: true, end: false, rotateKey: true });
    expect((await services.live.hostView(await userWith("ADMIN"), id, "https://jiangxin.example")).ingest.streamKey).toBe(view.ingest.streamKey);
    await expect(services.live.hostView(await userWith("CRAFTSMAN"), id, "https://x.example")).rejects.toEqual(rejection("notFound"));
    await expect(services.live.hostView(await userWith("WORKER"), id, "https://x.example")).rejects.toEqual(rejection("forbidden"));
    // The public page never carries the key.
    const detail = await services.live.detail(await userWith("WORKER"), id);
    expect(JSON.stringify(detail)).not.toContain(view.ingest.streamKey);
    expect(JSON.stringify(detail)).not.toContain((await row(id)).publicName);
  });

  it("edits a scheduled session, locks the start once live, refuses a start in the past", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    const session = await row(id);
    const start = toChinaDateTimeInput(session.scheduledStart);
    expect((await services.live.update(host, id, form({ title: "改过的标题", startsAt: start }))).ok).toBe(true);
    expect((await row(id)).title).toBe("改过的标题");
    const past = await services.live.update(host, id, form({ startsAt: "2026-11-01T10:00" }));
    expect(past).toMatchObject({ ok: false, fieldErrors: { startsAt: "live.error.startInPast" } });
    await services.live.applyEvent(id, "connected");
    const later = toChinaDateTimeInput(new Date(session.scheduledStart.getTime() + HOUR));
    expect(await services.live.update(host, id, form({ startsAt: later }))).toMatchObject({ ok: false, fieldErrors: { startsAt: "live.error.startLocked" } });
    expect((await services.live.update(host, id, form({ title: "直播中也能改标题", startsAt: start }))).ok).toBe(true);
    await expect(services.live.update(await userWith("CRAFTSMAN"), id, form())).rejects.toEqual(rejection("notFound"));
  });

  it("rotates the key before the start only; the old key stops working at once", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    const oldKey = (await row(id)).streamKey;
    expect(await services.live.hooks.authorizePublish(oldKey)).toMatchObject({ sessionId: id });
    const { streamKey } = await services.live.rotateKey(host, id);
    expect(streamKey).not.toBe(oldKey);
    expect((await row(id)).streamKey).toBe(streamKey);
    expect(await services.live.hooks.authorizePublish(oldKey)).toBeNull();
    expect(await services.live.hooks.authorizePublish(streamKey)).toMatchObject({ sessionId: id });
    await services.live.applyEvent(id, "connected");
    await expect(services.live.rotateKey(host, id)).rejects.toEqual(expect.objectContaining({ kind: "conflict", messageKey: "live.error.rotateNotScheduled" }));
  });

  it("cancels before the start, never after; ends only on air", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    await expect(services.live.cancel(await userWith("CRAFTSMAN"), id)).rejects.toEqual(rejection("notFound"));
    expect(await services.live.cancel(host, id)).toEqual({ status: "CANCELLED" });
    await expect(services.live.cancel(host, id)).rejects.toEqual(expect.objectContaining({ kind: "conflict", messageKey: "live.error.cannotCancel" }));
    await expect(services.live.end(host, id)).rejects.toEqual(expect.objectContaining({ kind: "conflict", messageKey: "live.error.cannotEnd" }));
    await expect(services.live.update(host, id, form())).rejects.toEqual(expect.objectContaining({ kind: "conflict" }));

    const live = await scheduled(host);
    await services.live.applyEvent(live, "connected");
    await expect(services.live.cancel(host, live)).rejects.toEqual(expect.objectContaining({ messageKey: "live.error.cannotCancel" }));
    expect(await services.live.end(host, live)).toEqual({ status: "ENDED" });
    expect((await row(live)).endedAt).toEqual(clock.now());
  });

  it("lists the host's own sessions in the studio; admins see everyone's", async () => {
    const host = await userWith("CRAFTSMAN");
    const other = await userWith("CRAFTSMAN");
    const mine = await scheduled(host);
    const theirs = await scheduled(other);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await services.live.studio(host))).toEqual([mine]);
    expect(ids(await services.live.studio(await userWith("ADMIN")))).toEqual(expect.arrayContaining([mine, theirs]));
    await expect(services.live.studio(await userWith("WORKER"))).rejects.toEqual(rejection("forbidden"));
  });
});

describe("provider events", () => {
  it("walks scheduled → live → reconnecting → live → ended → replay ready, storing every step with its time", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    const times: Date[] = [];
    const step = async (event: Parameters<Services["live"]["applyEvent"]>[1], details = {}) => {
      clock.advance(60_000);
      times.push(clock.now());
      await services.live.applyEvent(id, event, details);
    };
    await step("connected");
    await step("connected"); // a duplicate: ignored
    await step("disconnected");
    await step("connected");
    await services.live.end(host, id);
    await step("replayReady", { replaySeconds: 1234.4 });
    await step("replayFailed"); // after the end of the machine: ignored
    const session = await row(id);
    expect(session).toMatchObject({ status: "REPLAY_READY", replaySeconds: 1234, startedAt: times[0], failure: null });
    expect((await transitions(id)).map((t) => [t.from, t.to, t.event])).toEqual([
      [null, "SCHEDULED", "scheduled"],
      ["SCHEDULED", "LIVE", "connected"],
      ["LIVE", "RECONNECTING", "disconnected"],
      ["RECONNECTING", "LIVE", "connected"],
      ["LIVE", "ENDED", "endRequested"],
      ["ENDED", "REPLAY_READY", "replayReady"],
    ]);
    const at = (await transitions(id)).map((t) => t.at);
    expect(at.slice(1, 4)).toEqual([times[0], times[2], times[3]]);
  });

  it("marks the replay failed with its reason when the recording dies on air", async () => {
    const id = await scheduled(await userWith("CRAFTSMAN"));
    await services.live.applyEvent(id, "connected");
    await services.live.applyEvent(id, "replayFailed", { failure: "live.failure.remuxDied" });
    expect(await row(id)).toMatchObject({ status: "REPLAY_FAILED", failure: "live.failure.remuxDied", endedAt: clock.now() });
    const detail = await services.live.detail(null, id);
    expect(detail).toMatchObject({ status: "REPLAY_FAILED", failure: "live.failure.remuxDied", playbackUrl: null });
  });

  it("ends the session when the reconnect window runs out", async () => {
    const id = await scheduled(await userWith("CRAFTSMAN"));
    await services.live.applyEvent(id, "connected");
    await services.live.applyEvent(id, "disconnected");
    await services.live.applyEvent(id, "graceExpired");
    expect((await row(id)).status).toBe("ENDED");
  });

  it("serialises events that race: every stored transition starts where the previous one ended", async () => {
    const id = await scheduled(await userWith("CRAFTSMAN"));
    await services.live.applyEvent(id, "connected");
    for (let round = 0; round < 5; round++) {
      await services.live.applyEvent(id, "disconnected");
      await Promise.all([services.live.applyEvent(id, "connected"), services.live.applyEvent(id, "connected"), services.live.applyEvent(id, "disconnected")]);
    }
    const steps = await transitions(id);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to);
    expect(steps.at(-1)!.to).toBe((await row(id)).status);
  });

  it("accepts a publish only for a live-able session's current key, at most a day early", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    const key = (await row(id)).streamKey;
    expect(await services.live.hooks.authorizePublish("not-a-key-at-all")).toBeNull();
    expect(await services.live.hooks.authorizePublish("")).toBeNull();
    expect(await services.live.hooks.authorizePublish(key)).toEqual({ sessionId: id, publicName: (await row(id)).publicName });
    const far = await scheduled(host, { startsAt: toChinaDateTimeInput(new Date(clock.now().getTime() + 30 * 24 * HOUR)) });
    expect(await services.live.hooks.authorizePublish((await row(far)).streamKey)).toBeNull();
    await services.live.applyEvent(id, "connected");
    await services.live.applyEvent(id, "disconnected");
    // Reconnecting within the grace period uses the same key.
    expect(await services.live.hooks.authorizePublish(key)).toMatchObject({ sessionId: id });
    await services.live.end(host, id);
    expect(await services.live.hooks.authorizePublish(key)).toBeNull();
    const cancelled = await scheduled(host);
    const cancelledKey = (await row(cancelled)).streamKey;
    await services.live.cancel(host, cancelled);
    expect(await services.live.hooks.authorizePublish(cancelledKey)).toBeNull();
  });
});

describe("no-shows", () => {
  it("cancels a session that never went on air an hour after its expected end, and nothing else", async () => {
    const host = await userWith("CRAFTSMAN");
    const start = new Date(clock.now().getTime() + HOUR);
    const noShow = await scheduled(host, { startsAt: toChinaDateTimeInput(start), durationMinutes: "30" });
    const longer = await scheduled(host, { startsAt: toChinaDateTimeInput(start), durationMinutes: "240" });
    const onAir = await scheduled(host, { startsAt: toChinaDateTimeInput(start), durationMinutes: "30" });
    await services.live.applyEvent(onAir, "connected");
    clock.set(new Date(start.getTime() + 30 * 60_000 + HOUR - 1000));
    expect(await services.scheduler.runNow("live.noShows")).toBe(0);
    clock.advance(2000);
    expect(await services.scheduler.runNow("live.noShows")).toBe(1);
    expect((await row(noShow)).status).toBe("CANCELLED");
    expect((await transitions(noShow)).at(-1)).toMatchObject({ from: "SCHEDULED", to: "CANCELLED", event: "cancelRequested" });
    expect((await row(longer)).status).toBe("SCHEDULED");
    expect((await row(onAir)).status).toBe("LIVE");
    expect(await services.scheduler.runNow("live.noShows")).toBe(0);
  });
});

describe("reminders", () => {
  it("notifies everyone who asked, once, when the session goes live", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host, { title: "数控车床对刀技巧" });
    const [a, b, c] = [await userWith("WORKER"), await userWith("WORKER"), await userWith("WORKER")];
    expect(await services.live.remind(a, id, true)).toEqual({ reminded: true });
    expect(await services.live.remind(a, id, true)).toEqual({ reminded: true });
    await services.live.remind(b, id, true);
    await services.live.remind(c, id, true);
    expect(await services.live.remind(c, id, false)).toEqual({ reminded: false });
    expect((await services.live.detail(a, id)).viewer).toMatchObject({ reminded: true, canRemind: true });
    expect((await services.live.detail(a, id)).reminders).toBe(2);
    expect((await services.live.list(a, { show: "upcoming" })).reminded).toEqual([id]);
    expect((await services.live.list(c, { show: "upcoming" })).reminded).toEqual([]);
    expect((await services.live.list(null, {})).reminded).toEqual([]);

    await services.live.applyEvent(id, "connected");
    await services.live.applyEvent(id, "disconnected");
    await services.live.applyEvent(id, "connected");
    const notified = await db.prisma.notification.findMany({ where: { kind: "live.started", link: `/live/${id}` }, select: { userId: true, data: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([a.id, b.id].sort());
    expect(notified[0]!.data).toEqual({ title: "数控车床对刀技巧", host: host.displayName });
    await expect(services.live.remind(c, id, true)).rejects.toEqual(expect.objectContaining({ kind: "conflict", messageKey: "live.error.remindTooLate" }));
  });

  it("needs a signed-in user and an existing session", async () => {
    const id = await scheduled(await userWith("CRAFTSMAN"));
    await expect(services.live.remind(null, id, true)).rejects.toEqual(rejection("unauthorized"));
    await expect(services.live.remind(await userWith("WORKER"), "lnosuchsession0000000000", true)).rejects.toEqual(rejection("notFound"));
    await expect(services.live.remind(await userWith("WORKER"), "../../etc", true)).rejects.toEqual(rejection("notFound"));
  });
});

describe("watching", () => {
  it("lists live, upcoming and replays by trade", async () => {
    const host = await userWith("CRAFTSMAN");
    const upcoming = await scheduled(host, { trade: "electrician", title: "低压配电柜接线" });
    const live = await scheduled(host, { trade: "electrician", title: "电工直播中" });
    const replay = await scheduled(host, { trade: "electrician", title: "电工回放" });
    const otherTrade = await scheduled(host, { trade: "welder" });
    await services.live.applyEvent(live, "connected");
    await services.live.applyEvent(replay, "connected");
    await services.live.end(host, replay);
    await services.live.applyEvent(replay, "replayReady", { replaySeconds: 600 });

    const list = await services.live.list(null, { trade: "electrician" });
    expect(list.trade?.code).toBe("electrician");
    expect(list.live.map((s) => s.id)).toEqual([live]);
    expect(list.upcoming.map((s) => s.id)).toContain(upcoming);
    expect(list.upcoming.map((s) => s.id)).not.toContain(otherTrade);
    expect(list.replays.map((s) => s.id)).toEqual([replay]);
    expect(list.replays[0]).toMatchObject({ replaySeconds: 600, status: "REPLAY_READY" });
    const onlyUpcoming = await services.live.list(null, { trade: "electrician", show: "upcoming" });
    expect(onlyUpcoming.live).toEqual([]);
    // Stale filters are dropped, not errors.
    expect((await services.live.list(null, { trade: "NOT A CODE", show: "nonsense" })).trade).toBeNull();
  });

  it("plays a live session from its public name and locks members-only sessions for visitors", async () => {
    const host = await userWith("CRAFTSMAN");
    const open = await scheduled(host);
    const members = await scheduled(host, { membersOnly: "on" });
    for (const id of [open, members]) await services.live.applyEvent(id, "connected");
    const publicName = (await row(open)).publicName;
    expect((await services.live.detail(null, open)).playbackUrl).toBe(`/media/live/${publicName}/index.m3u8`);
    expect(await services.live.detail(null, members)).toMatchObject({ locked: true, playbackUrl: null });
    const worker = await userWith("WORKER");
    expect((await services.live.detail(worker, members)).playbackUrl).toBe(`/media/live/${(await row(members)).publicName}/index.m3u8`);
    expect(await services.live.canWatch(null, (await row(members)).publicName)).toEqual({ allowed: false });
    expect(await services.live.canWatch(worker, (await row(members)).publicName)).toEqual({ allowed: true });
    expect(await services.live.canWatch(null, "../../secret")).toBeNull();
    // The secret key is not a public name.
    expect(await services.live.canWatch(null, (await row(open)).streamKey)).toBeNull();
  });

  it("shows the viewers the realtime layer reports on the cards, the page and the host's page, and keeps the peak when it ends", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host);
    // Not on air: whatever is reported, nobody is shown watching yet.
    services.live.viewers.report(id, 4);
    expect((await services.live.detail(null, id)).viewers).toBe(0);
    services.live.viewers.report(id, 1);

    await services.live.applyEvent(id, "connected");
    services.live.viewers.report(id, 3);
    services.live.viewers.report(id, 2);
    expect((await services.live.detail(null, id)).viewers).toBe(2);
    expect((await services.live.hostView(host, id, "https://jiangxin.example")).viewers).toBe(2);
    expect((await services.live.list(null, {})).live.find((card) => card.id === id)?.viewers).toBe(2);

    expect(await services.live.end(host, id)).toEqual({ status: "ENDED" });
    // The most seen at once on air (1 at the start, then 3); the 4 who had left the waiting room before do not count.
    expect((await db.prisma.liveSession.findUniqueOrThrow({ where: { id } })).viewerPeak).toBe(3);
  });

  it("404s unknown and malformed ids", async () => {
    await expect(services.live.detail(null, "lnosuchsession0000000000")).rejects.toEqual(rejection("notFound"));
    await expect(services.live.detail(null, "<script>")).rejects.toEqual(rejection("notFound"));
  });
});

describe("search", () => {
  it("finds upcoming, live and replayed sessions with their status, and drops cancelled ones", async () => {
    const host = await userWith("CRAFTSMAN");
    const id = await scheduled(host, { title: "管道焊接仰焊直播课", trade: "welder" });
    const cancelled = await scheduled(host, { title: "管道焊接取消的直播", trade: "welder" });
    await services.searchSync.drain();
    const find = async () => (await engine.search({ q: "管道焊接", types: ["live"], page: 1, perPage: 20 })).hits.map((hit) => hit.doc);
    expect((await find()).map((doc) => doc.id).sort()).toEqual([`live-${id}`, `live-${cancelled}`].sort());
    expect((await find()).find((doc) => doc.id === `live-${id}`)).toMatchObject({ url: `/live/${id}`, tradeCode: "welder", extra: expect.objectContaining({ status: "SCHEDULED" }) });

    await services.live.cancel(host, cancelled);
    await services.live.applyEvent(id, "connected");
    await services.searchSync.drain();
    expect(await find()).toEqual([expect.objectContaining({ id: `live-${id}`, extra: expect.objectContaining({ status: "LIVE" }) })]);
  });
});
