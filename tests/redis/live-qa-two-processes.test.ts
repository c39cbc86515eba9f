// Issue 8's scale-out: two real app processes (server/main.ts) on one PostgreSQL database and one
// Redis, as behind a load balancer. Clients connected to either see every question exactly once,
// a rate limit counts across both, viewer counts add up, and when one process is killed its
// clients reconnect to the other, re-sync from their last id and miss nothing.
//
// Runs with `npm run test:redis` (REDIS_URL and DATABASE_URL, defaulting to the local servers).
// Every Redis key and channel of this run starts with a prefix of its own, removed at the end, so
// that parallel runs on one Redis never meet.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import type { QuestionView } from "../../server/live/qa/types.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";
import { has, request, socketPool, updatesOf, type TestSocket, type UpdateLog } from "../support/sockets.ts";
import { deleteKeys, startApp, type AppProcess } from "./app-processes.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const PREFIX = `jxtest:${process.pid}:${randomBytes(4).toString("hex")}:`;

let db: TestDatabase;
let services: Services;
let redis: Redis;
let a: AppProcess;
let b: AppProcess;
const pool = socketPool();

beforeAll(async () => {
  if (inject("testDatabase").kind !== "postgres") {
    throw new Error("The Redis pass needs PostgreSQL (two processes cannot share PGlite): set DATABASE_URL, as `npm run test:redis` does.");
  }
  db = await createTestDatabase();
  services = createTestServices(db);
  redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const env = { DATABASE_URL: db.url!, REDIS_URL, REDIS_KEY_PREFIX: PREFIX, QA_TICK_MS: "50" };
  [a, b] = await Promise.all([startApp("app-a", env), startApp("app-b", env)]);
});

afterEach(() => pool.closeAll());

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (redis) {
    await deleteKeys(redis, PREFIX);
    await redis.quit();
  }
  await db?.cleanup();
});

interface Person {
  token: string;
  viewer: Viewer;
}
const person = (role: Viewer["role"]): Promise<Person> => signedInUser(db.prisma, services.sessions, { role });

async function liveSession(host: Viewer): Promise<string> {
  const result = await services.live.schedule(host, {
    title: "两台服务器上的答疑",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(Date.now() + 60 * 60 * 1000)),
    durationMinutes: "60",
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

interface Watcher {
  who: Person;
  app: AppProcess;
  socket: TestSocket;
  log: UpdateLog;
  /** The questions in the state of its (last) join or re-sync. */
  state: QuestionView[];
}

async function watch(who: Person, app: AppProcess, sessionId: string, afterId?: number): Promise<Watcher> {
  const socket = await pool.connect(app.url, { token: who.token });
  const log = updatesOf(socket);
  const reply = await request(socket, afterId === undefined ? "qa:join" : "qa:sync", { sessionId, ...(afterId === undefined ? {} : { afterId }) });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return { who, app, socket, log, state: reply.state.questions };
}

async function ask(watcher: Watcher, sessionId: string, text: string): Promise<number> {
  const reply = await request(watcher.socket, "qa:ask", { sessionId, text });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.question.id;
}

/** How many times a watcher got question `id`: in its join or re-sync state, and in updates. */
const timesSeen = (watcher: Watcher, id: number) =>
  watcher.state.filter((question) => question.id === id).length + watcher.log.versionsOf(id).length;

describe("live Q&A on two app processes sharing Redis", () => {
  it("delivers every question to every client exactly once, wherever it was asked", async () => {
    const host = await person("CRAFTSMAN");
    const sessionId = await liveSession(host.viewer);
    const people = await Promise.all([1, 2, 3, 4].map(() => person("WORKER")));
    // The host and two workers on A, two workers on B.
    const watchers = [
      await watch(host, a, sessionId),
      await watch(people[0]!, a, sessionId),
      await watch(people[1]!, a, sessionId),
      await watch(people[2]!, b, sessionId),
      await watch(people[3]!, b, sessionId),
    ];

    // Viewer counts add up across both processes (each process refreshes its share).
    await Promise.all(watchers.map((watcher) => watcher.log.waitFor(has.viewers(5), "5 viewers")));

    const fromA = await ask(watchers[1]!, sessionId, "A 上提的问题：打底焊电流多大？");
    const fromB = await ask(watchers[3]!, sessionId, "B 上提的问题：钨极伸出多长？");
    // A second question from each process after the first: one publisher's messages arrive in
    // order, so once these are in, any second copy of the first ones would have arrived too.
    const laterA = await ask(watchers[2]!, sessionId, "A 上的第二个问题");
    const laterB = await ask(watchers[4]!, sessionId, "B 上的第二个问题");
    for (const watcher of watchers) {
      for (const id of [fromA, fromB, laterA, laterB]) await watcher.log.waitFor(has.question(id), `question ${id} at ${watcher.app.name}`);
    }
    // The host on A gets the moderators' update (one room across processes) instead of the
    // public one, and the askers theirs through the room as well as in the acknowledgement.
    for (const watcher of watchers) {
      expect([timesSeen(watcher, fromA), timesSeen(watcher, fromB)]).toEqual([1, 1]);
    }
  });

  it("shares the rate limit: a second question within 30 s through the other process is refused", async () => {
    const host = await person("CRAFTSMAN");
    const sessionId = await liveSession(host.viewer);
    const asker = await person("WORKER");
    const onA = await watch(asker, a, sessionId);
    const onB = await watch(asker, b, sessionId);

    await ask(onA, sessionId, "第一个问题");
    const second = await request(onB.socket, "qa:ask", { sessionId, text: "隔壁服务器上的第二个问题" });

    expect(second).toMatchObject({ ok: false, code: "rateLimited" });
    expect(await db.prisma.liveQuestion.count({ where: { sessionId } })).toBe(1);
  });

  it("shows the viewers of both processes on the session's page, whichever process serves it", async () => {
    const host = await person("CRAFTSMAN");
    const sessionId = await liveSession(host.viewer);
    await services.live.applyEvent(sessionId, "connected");
    const people = await Promise.all([1, 2, 3].map(() => person("WORKER")));
    const watchers = [await watch(people[0]!, a, sessionId), await watch(people[1]!, a, sessionId), await watch(people[2]!, b, sessionId)];
    await Promise.all(watchers.map((watcher) => watcher.log.waitFor(has.viewers(3), "3 viewers")));

    for (const app of [a, b]) {
      const page = await fetch(`${app.url}/live/${sessionId}`, { headers: { "accept-language": "zh-CN" } });
      expect(await page.text(), app.name).toContain("3 人在看");
    }
  });

  it("a sign-out through one process closes that session's sockets on both, and only those", async () => {
    const worker = await person("WORKER");
    const bystander = await person("WORKER");
    const onA = await pool.connect(a.url, { token: worker.token });
    const onB = await pool.connect(b.url, { token: worker.token });
    const otherOnB = await pool.connect(b.url, { token: bystander.token });
    const closed = [onA, onB].map((socket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason))));

    // The page's sign-out form, posted to A.
    const response = await fetch(`${a.url}/logout`, { method: "POST", redirect: "manual", headers: { origin: a.url, cookie: `${SESSION_COOKIE}=${worker.token}` } });
    expect(response.status).toBe(302);

    expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
    expect((await request(otherOnB, "session:whoami")).viewer.id).toBe(bystander.viewer.id);
  });

  it("after one process is killed, its clients reconnect to the other, re-sync and have every question exactly once", async () => {
    const host = await person("CRAFTSMAN");
    const sessionId = await liveSession(host.viewer);
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => person("WORKER")));
    const onA = [await watch(host, a, sessionId), await watch(people[0]!, a, sessionId), await watch(people[3]!, a, sessionId)];
    const onB = [await watch(people[1]!, b, sessionId), await watch(people[2]!, b, sessionId)];
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map((watcher) => watcher.log.waitFor(has.viewers(5), "5 viewers")));

    const before = await ask(onA[1]!, sessionId, "进程被杀之前的问题");
    for (const watcher of everyone) await watcher.log.waitFor(has.question(before), `question ${before}`);
    const lastIdOf = (watcher: Watcher) => Math.max(0, ...watcher.state.map((q) => q.id), ...watcher.log.updates.flatMap((u) => u.questions.map((q) => q.id)));
    const lastIds = onB.map(lastIdOf);

    const lost = onB.map((watcher) => new Promise<void>((resolve) => watcher.socket.once("disconnect", () => resolve())));
    await b.kill();
    await Promise.all(lost);

    // Asked on A while B's clients are away.
    const meanwhile = [await ask(onA[0]!, sessionId, "B 掉线期间的问题一"), await ask(onA[2]!, sessionId, "B 掉线期间的问题二")];
    for (const watcher of onA) for (const id of meanwhile) await watcher.log.waitFor(has.question(id), `question ${id}`);

    // B's clients reconnect — explicitly to the survivor, as a load balancer would send them —
    // and re-sync from the last id each had seen.
    const resynced = await Promise.all(onB.map((watcher, i) => watch(watcher.who, a, sessionId, lastIds[i])));
    for (const watcher of resynced) {
      expect(watcher.state.map((question) => question.id).sort()).toEqual([...meanwhile].sort());
    }

    // One more question: it reaches the reconnected clients through the room, and the ones asked
    // meanwhile do not come a second time.
    const after = await ask(resynced[0]!, sessionId, "重新连上之后的问题");
    for (const watcher of [...onA, ...resynced]) await watcher.log.waitFor(has.question(after), `question ${after}`);
    for (const watcher of resynced) {
      expect(meanwhile.map((id) => timesSeen(watcher, id))).toEqual([1, 1]);
      expect(timesSeen(watcher, before)).toBe(0);
    }
    // The dead process's share of the viewers drops out once it is stale: five, all on A now. (The
    // reconnected clients' counts before that are 6 or 7: the survivor's 4 or 5 and the dead one's 2.)
    await Promise.all(resynced.map((watcher) => watcher.log.waitFor(has.viewers(5), "5 viewers on the survivor")));
  });
});
