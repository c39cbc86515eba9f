// Quiz challenges through the admin service, as the routes call it: creating (specific trades and
// "all"), every bad field (with nothing written), editing before the start (anything) and after it
// (name and added trades only; schedule fields locked, trades with entries kept), the short-bank
// warning, the list with phases and participants, and every other role refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import type { ChallengeFormValues } from "../../server/quiz/admin.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser, signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let admin: Viewer;
let tradeIds: Map<string, number>;

// 16:00 on 2 March 2026 in China.
const NOW = new Date("2026-03-02T08:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(NOW);
  services = createTestServices(db, { clock });
  admin = await viewer("ADMIN");
  tradeIds = new Map((await db.prisma.trade.findMany({ select: { id: true, code: true } })).map((trade) => [trade.code, trade.id]));
});

afterAll(async () => {
  await db?.cleanup();
});

async function viewer(role: Viewer["role"]): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions, { role })).viewer;
}

const rejection = (kind: string) => expect.objectContaining({ name: "AppError", kind });

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

function fieldErrors(result: { ok: true } | { ok: false; fieldErrors: Record<string, string> }): Record<string, string> {
  if (result.ok) throw new Error("expected the form to be refused");
  return result.fieldErrors;
}

let names = 0;
/** A valid form: starts in a week, three trades. */
function form(overrides: Partial<Record<keyof ChallengeFormValues, unknown>> = {}): Record<string, unknown> {
  return {
    name: `百大工种齐练兵${++names}`,
    startDate: "2026-03-09",
    days: "10",
    levelsPerDay: "3",
    questionsPerLevel: "5",
    secondsPerQuestion: "20",
    passPercent: "60",
    trades: ["welder", "electrician", "turner"],
    ...overrides,
  };
}

const tradeCodesOf = async (challengeId: string) =>
  (await db.prisma.quizChallengeTrade.findMany({ where: { challengeId }, select: { trade: { select: { code: true } } } })).map((row) => row.trade.code).sort();

async function addQuestions(code: string, active: number, retired = 0) {
  const tradeId = tradeIds.get(code)!;
  for (let index = 0; index < active + retired; index++) {
    await db.prisma.quizQuestion.create({
      data: {
        tradeId,
        kind: "TRUE_FALSE",
        stem: `${code} 题目 ${index} ${Math.random()}`,
        options: ["正确", "错误"],
        answer: [0],
        explanation: "解析。",
        retiredAt: index >= active ? NOW : null,
      },
    });
  }
}

/** A worker's entry in `challengeId`, playing `code`. */
async function enter(challengeId: string, code: string) {
  const user = await createUser(db.prisma);
  return db.prisma.quizEntry.create({ data: { challengeId, userId: user.id, tradeId: tradeIds.get(code)! } });
}

/** A challenge that started yesterday (day 2 today), covering welder, electrician and turner. */
async function runningChallenge(overrides: Partial<Record<keyof ChallengeFormValues, unknown>> = {}) {
  return ok(await services.quizAdmin.create(admin, form({ startDate: "2026-03-01", ...overrides }))).id;
}

describe("creating a challenge", () => {
  it("stores the form with its trades and its creator", async () => {
    const saved = ok(await services.quizAdmin.create(admin, form({ name: "  春季练兵  ", days: "7", levelsPerDay: "2", questionsPerLevel: "4", secondsPerQuestion: "30", passPercent: "75" })));
    const stored = await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored).toMatchObject({
      name: "春季练兵",
      startDate: "2026-03-09",
      days: 7,
      levelsPerDay: 2,
      questionsPerLevel: 4,
      secondsPerQuestion: 30,
      passPercent: 75,
      createdById: admin.id,
    });
    expect(await tradeCodesOf(saved.id)).toEqual(["electrician", "turner", "welder"]);
  });

  it("covers every trade of the catalogue when the trades hold \"all\" (also beside other codes)", async () => {
    const everyTrade = await db.prisma.trade.count();
    expect(everyTrade).toBeGreaterThanOrEqual(100);
    const alone = ok(await services.quizAdmin.create(admin, form({ trades: "all" })));
    expect(await db.prisma.quizChallengeTrade.count({ where: { challengeId: alone.id } })).toBe(everyTrade);
    const beside = ok(await services.quizAdmin.create(admin, form({ trades: ["welder", "all"] })));
    expect(await db.prisma.quizChallengeTrade.count({ where: { challengeId: beside.id } })).toBe(everyTrade);
  });

  it("takes one trade as a plain string and drops repeated codes", async () => {
    const one = ok(await services.quizAdmin.create(admin, form({ trades: "welder" })));
    expect(await tradeCodesOf(one.id)).toEqual(["welder"]);
    const repeated = ok(await services.quizAdmin.create(admin, form({ trades: ["welder", "welder", "turner"] })));
    expect(await tradeCodesOf(repeated.id)).toEqual(["turner", "welder"]);
  });

  it("uses the defaults for blank numbers (10 days, 3 levels, 5 questions, 20 s, 60 %)", async () => {
    const saved = ok(await services.quizAdmin.create(admin, form({ days: "", levelsPerDay: "", questionsPerLevel: "", secondsPerQuestion: "", passPercent: "" })));
    expect(await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      days: 10,
      levelsPerDay: 3,
      questionsPerLevel: 5,
      secondsPerQuestion: 20,
      passPercent: 60,
    });
  });

  const BAD_FIELDS: [string, Partial<Record<keyof ChallengeFormValues, unknown>>, string, string][] = [
    ["a missing name", { name: "   " }, "name", "quizadmin.error.nameRequired"],
    ["a name over 60 characters", { name: "练".repeat(61) }, "name", "quizadmin.error.nameTooLong"],
    ["a missing start date", { startDate: "" }, "startDate", "quizadmin.error.startDateRequired"],
    ["an impossible start date", { startDate: "2026-02-30" }, "startDate", "quizadmin.error.startDateInvalid"],
    ["a start date in another format", { startDate: "2026/03/09" }, "startDate", "quizadmin.error.startDateInvalid"],
    ["0 days", { days: "0" }, "days", "quizadmin.error.daysInvalid"],
    ["31 days", { days: "31" }, "days", "quizadmin.error.daysInvalid"],
    ["days that are not a number", { days: "ten" }, "days", "quizadmin.error.daysInvalid"],
    ["2.5 days", { days: "2.5" }, "days", "quizadmin.error.daysInvalid"],
    ["0 levels per day", { levelsPerDay: "0" }, "levelsPerDay", "quizadmin.error.levelsInvalid"],
    ["11 levels per day", { levelsPerDay: "11" }, "levelsPerDay", "quizadmin.error.levelsInvalid"],
    ["0 questions per level", { questionsPerLevel: "0" }, "questionsPerLevel", "quizadmin.error.questionsInvalid"],
    ["31 questions per level", { questionsPerLevel: "31" }, "questionsPerLevel", "quizadmin.error.questionsInvalid"],
    ["4 seconds per question", { secondsPerQuestion: "4" }, "secondsPerQuestion", "quizadmin.error.secondsInvalid"],
    ["301 seconds per question", { secondsPerQuestion: "301" }, "secondsPerQuestion", "quizadmin.error.secondsInvalid"],
    ["a pass mark below 0", { passPercent: "-1" }, "passPercent", "quizadmin.error.passPercentInvalid"],
    ["a pass mark over 100", { passPercent: "101" }, "passPercent", "quizadmin.error.passPercentInvalid"],
    ["no trade", { trades: [] }, "trades", "quizadmin.error.tradesRequired"],
    ["no trades field", { trades: undefined }, "trades", "quizadmin.error.tradesRequired"],
    ["an unknown trade code", { trades: ["welder", "underwater-basket-weaver"] }, "trades", "quizadmin.error.tradeUnknown"],
    ["an unknown code beside \"all\"", { trades: ["all", "no-such-trade"] }, "trades", "quizadmin.error.tradeUnknown"],
    ["a code that is not a code", { trades: ["Welder; DROP"] }, "trades", "quizadmin.error.tradeUnknown"],
  ];

  it.each(BAD_FIELDS)("refuses %s with its message on that field, writing nothing", async (_what, overrides, field, key) => {
    const before = await db.prisma.quizChallenge.count();
    const errors = fieldErrors(await services.quizAdmin.create(admin, form(overrides)));
    expect(errors).toEqual({ [field]: key });
    expect(await db.prisma.quizChallenge.count()).toBe(before);
  });

  it("reports every bad field at once", async () => {
    const errors = fieldErrors(await services.quizAdmin.create(admin, { name: "", startDate: "x", days: "0", trades: ["nope"] }));
    expect(errors).toEqual({
      name: "quizadmin.error.nameRequired",
      startDate: "quizadmin.error.startDateInvalid",
      days: "quizadmin.error.daysInvalid",
      trades: "quizadmin.error.tradeUnknown",
    });
  });

  it("warns (without refusing) about covered trades whose bank has fewer active questions than a level needs", async () => {
    await addQuestions("bricklayer", 3, 2);
    await addQuestions("plasterer", 5);
    const saved = ok(await services.quizAdmin.create(admin, form({ trades: ["plasterer", "bricklayer"], questionsPerLevel: "5" })));
    expect(saved.shortBanks).toEqual([{ trade: expect.objectContaining({ code: "bricklayer", nameZh: "砌筑工" }), activeQuestions: 3 }]);
    const fewer = ok(await services.quizAdmin.create(admin, form({ trades: ["plasterer", "bricklayer"], questionsPerLevel: "3" })));
    expect(fewer.shortBanks).toEqual([]);
    const edit = await services.quizAdmin.forEdit(admin, saved.id);
    expect(edit.challenge.shortBanks.map((bank) => [bank.trade.code, bank.activeQuestions])).toEqual([["bricklayer", 3]]);
  });
});

describe("editing a challenge", () => {
  it("before the start, changes every field and the trades (adding and removing)", async () => {
    const id = ok(await services.quizAdmin.create(admin, form())).id;
    const edit = await services.quizAdmin.forEdit(admin, id);
    expect(edit.challenge).toMatchObject({ phase: "upcoming", started: false, endDate: "2026-03-18" });
    ok(
      await services.quizAdmin.update(
        admin,
        id,
        form({ name: "改过的名字", startDate: "2026-03-20", days: "5", levelsPerDay: "4", questionsPerLevel: "6", secondsPerQuestion: "15", passPercent: "80", trades: ["welder", "plasterer"] }),
      ),
    );
    expect(await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "改过的名字",
      startDate: "2026-03-20",
      days: 5,
      levelsPerDay: 4,
      questionsPerLevel: 6,
      secondsPerQuestion: 15,
      passPercent: 80,
    });
    expect(await tradeCodesOf(id)).toEqual(["plasterer", "welder"]);
  });

  it("before the start, keeps a trade that has entries (refused, nothing written)", async () => {
    const id = ok(await services.quizAdmin.create(admin, form())).id;
    await enter(id, "turner");
    const errors = fieldErrors(await services.quizAdmin.update(admin, id, form({ name: "新名字", trades: ["welder", "electrician"] })));
    expect(errors).toEqual({ trades: "quizadmin.error.tradeHasEntries" });
    expect((await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } })).name).not.toBe("新名字");
    expect(await tradeCodesOf(id)).toEqual(["electrician", "turner", "welder"]);
  });

  it("after the start, changes the name and adds trades", async () => {
    const id = await runningChallenge();
    const edit = await services.quizAdmin.forEdit(admin, id);
    expect(edit.challenge).toMatchObject({ phase: "running", started: true });
    const saved = ok(await services.quizAdmin.update(admin, id, { ...edit.challenge.values, name: "进行中改名", trades: [...edit.challenge.values.trades, "plasterer"] }));
    expect(saved.id).toBe(id);
    expect((await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } })).name).toBe("进行中改名");
    expect(await tradeCodesOf(id)).toEqual(["electrician", "plasterer", "turner", "welder"]);
  });

  const SCHEDULE_CHANGES: [string, string][] = [
    ["startDate", "2026-03-02"],
    ["days", "12"],
    ["levelsPerDay", "4"],
    ["questionsPerLevel", "6"],
    ["secondsPerQuestion", "25"],
    ["passPercent", "70"],
  ];

  it.each(SCHEDULE_CHANGES)("after the start, refuses a changed %s (nothing written)", async (field, value) => {
    const id = await runningChallenge();
    const before = await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } });
    const { values } = (await services.quizAdmin.forEdit(admin, id)).challenge;
    const errors = fieldErrors(await services.quizAdmin.update(admin, id, { ...values, name: "不该保存", [field]: value, trades: [...values.trades, "plasterer"] }));
    expect(errors).toEqual({ [field]: "quizadmin.error.lockedAfterStart" });
    expect(await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await tradeCodesOf(id)).toEqual(["electrician", "turner", "welder"]);
  });

  it("after the end, the schedule is still locked", async () => {
    const id = await runningChallenge({ days: "1", startDate: "2026-02-20" });
    const { challenge } = await services.quizAdmin.forEdit(admin, id);
    expect(challenge).toMatchObject({ phase: "ended", started: true });
    expect(fieldErrors(await services.quizAdmin.update(admin, id, { ...challenge.values, days: "2" }))).toEqual({ days: "quizadmin.error.lockedAfterStart" });
  });

  it("after the start, refuses to remove a trade with entries, and removes one nobody plays", async () => {
    const id = await runningChallenge();
    await enter(id, "welder");
    const { values } = (await services.quizAdmin.forEdit(admin, id)).challenge;
    expect(fieldErrors(await services.quizAdmin.update(admin, id, { ...values, trades: ["electrician", "turner"] }))).toEqual({
      trades: "quizadmin.error.tradeHasEntries",
    });
    expect(await tradeCodesOf(id)).toEqual(["electrician", "turner", "welder"]);
    ok(await services.quizAdmin.update(admin, id, { ...values, trades: ["welder", "electrician"] }));
    expect(await tradeCodesOf(id)).toEqual(["electrician", "welder"]);
  });

  it("keeps every entry on a trade its challenge covers, even when an admin removes a trade as a worker chooses it", async () => {
    // The database itself refuses an entry outside the challenge's trades.
    const id = await runningChallenge({ trades: ["welder", "electrician"] });
    await expect(enter(id, "turner")).rejects.toThrow();

    // The race, repeated: the admin's save and the worker's choice at once. Whichever wins, the
    // other is refused with its own message, and no entry is left on a removed trade.
    for (let round = 0; round < 6; round++) {
      const raced = await runningChallenge();
      const { values } = (await services.quizAdmin.forEdit(admin, raced)).challenge;
      const worker = await viewer("WORKER");
      const [saved, chosen] = await Promise.all([
        services.quizAdmin.update(admin, raced, { ...values, trades: ["electrician", "turner"] }),
        services.quiz.chooseTrade(worker, { challengeId: raced, trade: "welder" }),
      ]);
      const covered = await tradeCodesOf(raced);
      const entries = await db.prisma.quizEntry.findMany({ where: { challengeId: raced }, select: { trade: { select: { code: true } } } });
      for (const entry of entries) expect(covered).toContain(entry.trade.code);
      if (saved.ok) {
        expect(covered).toEqual(["electrician", "turner"]);
        expect(chosen).toEqual({ ok: false, fieldErrors: { trade: "quiz.error.tradeNotCovered" } });
      } else {
        expect(saved.fieldErrors).toEqual({ trades: "quizadmin.error.tradeHasEntries" });
        expect(chosen.ok).toBe(true);
        expect(entries.map((entry) => entry.trade.code)).toEqual(["welder"]);
      }
    }
  });

  it("on the day before the start (China time) is still open; at China midnight it is locked", async () => {
    // 2026-03-02 23:59 in China is 15:59 UTC; day 1 of a challenge starting 2026-03-03 begins at 16:00 UTC.
    const id = ok(await services.quizAdmin.create(admin, form({ startDate: "2026-03-03" }))).id;
    const { values } = (await services.quizAdmin.forEdit(admin, id)).challenge;
    try {
      clock.set(new Date("2026-03-02T15:59:59.000Z"));
      ok(await services.quizAdmin.update(admin, id, { ...values, days: "9" }));
      clock.set(new Date("2026-03-02T16:00:00.000Z"));
      expect(fieldErrors(await services.quizAdmin.update(admin, id, { ...values, days: "8" }))).toEqual({ days: "quizadmin.error.lockedAfterStart" });
    } finally {
      clock.set(NOW);
    }
  });

  it("refuses bad fields on an edit as on a new challenge", async () => {
    const id = ok(await services.quizAdmin.create(admin, form())).id;
    expect(fieldErrors(await services.quizAdmin.update(admin, id, form({ passPercent: "120", trades: ["nope"] })))).toEqual({
      passPercent: "quizadmin.error.passPercentInvalid",
      trades: "quizadmin.error.tradeUnknown",
    });
  });

  it("shows the entries per trade on the form, so that the page can say which trades are played", async () => {
    const id = await runningChallenge();
    await enter(id, "welder");
    await enter(id, "welder");
    const { categories, challenge } = await services.quizAdmin.forEdit(admin, id);
    const trades = categories.flatMap((category) => category.trades);
    expect(trades.find((trade) => trade.code === "welder")?.entries).toBe(2);
    expect(trades.find((trade) => trade.code === "turner")?.entries).toBe(0);
    expect(challenge.participants).toBe(2);
  });

  it("is a 404 for an unknown challenge", async () => {
    await expect(services.quizAdmin.forEdit(admin, "nosuchchallenge00")).rejects.toEqual(rejection("notFound"));
    await expect(services.quizAdmin.update(admin, "nosuchchallenge00", form())).rejects.toEqual(rejection("notFound"));
    await expect(services.quizAdmin.forEdit(admin, "../etc")).rejects.toEqual(rejection("notFound"));
  });
});

describe("the list", () => {
  it("shows every challenge, the latest start first, with phase, trades and participants", async () => {
    const upcoming = ok(await services.quizAdmin.create(admin, form({ name: "列表-未开始", startDate: "2027-01-10" }))).id;
    const running = await runningChallenge({ name: "列表-进行中", startDate: "2027-01-01", trades: "all" });
    await enter(running, "welder");
    await enter(running, "turner");
    try {
      clock.set(new Date("2027-01-05T04:00:00.000Z"));
      const list = await services.quizAdmin.list(admin, {});
      const [first, second] = list.items;
      expect(first).toMatchObject({ id: upcoming, phase: "upcoming", today: 0, tradeCount: 3, participants: 0, endDate: "2027-01-19" });
      expect(second).toMatchObject({ id: running, phase: "running", today: 5, tradeCount: await db.prisma.trade.count(), participants: 2 });
      expect(list.total).toBe(await db.prisma.quizChallenge.count());
      expect(list.items.length).toBeLessThanOrEqual(20);
      expect(list.pageCount).toBe(Math.ceil(list.total / 20));
    } finally {
      clock.set(NOW);
    }
  });

  it("offers today's China date and the defaults on a new form, with every trade grouped by category", async () => {
    clock.set(new Date("2026-03-02T17:00:00.000Z")); // already 3 March in China
    try {
      const { values, categories } = await services.quizAdmin.newForm(admin);
      expect(values).toEqual({ name: "", startDate: "2026-03-03", days: "10", levelsPerDay: "3", questionsPerLevel: "5", secondsPerQuestion: "20", passPercent: "60", trades: [] });
      expect(categories.flatMap((category) => category.trades)).toHaveLength(await db.prisma.trade.count());
      expect(categories[0]).toMatchObject({ code: "welding", nameZh: "焊接" });
    } finally {
      clock.set(NOW);
    }
  });
});

describe("permissions", () => {
  it.each(["WORKER", "CRAFTSMAN", "EMPLOYER"] as const)("refuses a %s everything", async (role) => {
    const someone = await viewer(role);
    const id = ok(await services.quizAdmin.create(admin, form())).id;
    const before = await db.prisma.quizChallenge.count();
    await expect(services.quizAdmin.list(someone, {})).rejects.toEqual(rejection("forbidden"));
    await expect(services.quizAdmin.newForm(someone)).rejects.toEqual(rejection("forbidden"));
    await expect(services.quizAdmin.forEdit(someone, id)).rejects.toEqual(rejection("forbidden"));
    await expect(services.quizAdmin.create(someone, form())).rejects.toEqual(rejection("forbidden"));
    await expect(services.quizAdmin.update(someone, id, form({ name: "被改了" }))).rejects.toEqual(rejection("forbidden"));
    expect(await db.prisma.quizChallenge.count()).toBe(before);
    expect((await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id } })).name).not.toBe("被改了");
  });

  it("asks a visitor to sign in", async () => {
    const id = ok(await services.quizAdmin.create(admin, form())).id;
    await expect(services.quizAdmin.list(null, {})).rejects.toEqual(rejection("unauthorized"));
    await expect(services.quizAdmin.newForm(null)).rejects.toEqual(rejection("unauthorized"));
    await expect(services.quizAdmin.forEdit(null, id)).rejects.toEqual(rejection("unauthorized"));
    await expect(services.quizAdmin.create(null, form())).rejects.toEqual(rejection("unauthorized"));
    await expect(services.quizAdmin.update(null, id, form())).rejects.toEqual(rejection("unauthorized"));
  });
});
