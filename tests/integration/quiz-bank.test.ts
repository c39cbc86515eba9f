// The quiz question banks (server/quiz/questions.ts) on a real database: creating questions of each
// kind, every reason the form is refused (nothing written), duplicate stems per trade, editing
// (also of answered questions, whose recorded results stay), retiring and restoring, the list's
// filters, counts and pages, and that only admins get anywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zhCN } from "../../app/i18n/messages/zh-CN.ts";
import type { Viewer } from "../../server/auth/permissions.ts";
import { withHttpErrors } from "../../server/http/service-errors.ts";
import { createQuestionBank, QUESTION_PAGE_SIZE, type QuestionBank } from "../../server/quiz/questions.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { createChallenge } from "../support/quiz.ts";
import { testClock, type TestClock } from "../support/services.ts";

const NOW = new Date("2026-12-06T02:00:00.000Z");

let db: TestDatabase;
let clock: TestClock;
let bank: QuestionBank;
let admin: Viewer;
const others: Record<"WORKER" | "CRAFTSMAN" | "EMPLOYER", Viewer> = {} as never;

const asViewer = (user: { id: string; displayName: string; role: Viewer["role"] }): Viewer => ({ id: user.id, displayName: user.displayName, role: user.role });

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock(NOW);
  bank = createQuestionBank({ prisma: db.prisma, clock });
  admin = asViewer(await createUser(db.prisma, { role: "ADMIN" }));
  for (const role of ["WORKER", "CRAFTSMAN", "EMPLOYER"] as const) others[role] = asViewer(await createUser(db.prisma, { role }));
});

afterAll(async () => {
  await db?.cleanup();
});

/** A marker unique to one test, so that stems written by other tests do not collide. */
let seq = 0;
const marker = () => `题库${++seq}-${Date.now() % 100_000}`;

/** A valid single-choice form for the welder bank. */
const singleForm = (stem: string, changes: Record<string, string> = {}): Record<string, string> => ({
  trade: "welder",
  kind: "SINGLE",
  stem,
  optionA: "普通墨镜",
  optionB: "带滤光片的焊接面罩",
  optionC: "防尘口罩",
  optionD: "安全帽",
  optionE: "",
  optionF: "",
  optionG: "",
  optionH: "",
  answer: "B",
  explanation: "弧光含强烈紫外线，必须用焊接面罩。",
  difficulty: "1",
  ...changes,
});

async function created(values: Record<string, string>): Promise<number> {
  const result = await bank.create(admin, values);
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result.fieldErrors)}`);
  return result.value.id;
}
const stored = (id: number) => db.prisma.quizQuestion.findUniqueOrThrow({ where: { id }, include: { trade: { select: { code: true } } } });

describe("creating a question", () => {
  it("stores each kind with its options and answer indexes, in play at once", async () => {
    const m = marker();
    const single = await created(singleForm(`${m} 焊工面罩`));
    expect(await stored(single)).toMatchObject({
      trade: { code: "welder" },
      kind: "SINGLE",
      stem: `${m} 焊工面罩`,
      options: ["普通墨镜", "带滤光片的焊接面罩", "防尘口罩", "安全帽"],
      answer: [1],
      difficulty: 1,
      retiredAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });

    const multiple = await created({
      trade: "electrician",
      kind: "MULTIPLE",
      stem: `  ${m} 触电急救  `,
      optionA: "切断电源",
      optionB: "直接用手拉开触电者",
      optionC: "用干燥木棒挑开电线",
      answer: "c, a",
      explanation: "先断电或用绝缘物使触电者脱离电源，不能直接接触。",
      difficulty: "",
    });
    expect(await stored(multiple)).toMatchObject({
      trade: { code: "electrician" },
      kind: "MULTIPLE",
      stem: `${m} 触电急救`, // trimmed
      options: ["切断电源", "直接用手拉开触电者", "用干燥木棒挑开电线"],
      answer: [0, 2],
      difficulty: 2, // blank: medium
    });

    // True/false: the options are always 正确 / 错误, whatever the form says.
    const trueFalse = await created({ trade: "welder", kind: "TRUE_FALSE", stem: `${m} 动火审批`, optionA: "对", optionB: "不对", answer: "错", explanation: "需要审批。", difficulty: "3" });
    expect(await stored(trueFalse)).toMatchObject({ kind: "TRUE_FALSE", options: ["正确", "错误"], answer: [1], difficulty: 3 });

    // The edit form starts from what was stored.
    expect((await bank.forEdit(admin, String(trueFalse))).values).toMatchObject({ kind: "TRUE_FALSE", answer: "错误", optionA: "", difficulty: "3" });
    expect((await bank.forEdit(admin, String(multiple))).values).toMatchObject({ trade: "electrician", answer: "AC", optionC: "用干燥木棒挑开电线", optionD: "" });
  });

  it("refuses every bad field with its message key and writes nothing", async () => {
    const m = marker();
    const cases: [Record<string, string>, string, string][] = [
      [{ trade: "" }, "trade", "quizadmin.error.tradeRequired"],
      [{ trade: "no-such-trade" }, "trade", "quizadmin.error.tradeUnknown"],
      [{ kind: "ESSAY" }, "kind", "quizadmin.error.kindInvalid"],
      [{ stem: "   " }, "stem", "quizadmin.error.stemRequired"],
      [{ stem: "长".repeat(501) }, "stem", "quizadmin.error.stemTooLong"],
      [{ optionB: "项".repeat(201) }, "options", "quizadmin.error.optionTooLong"],
      [{ optionB: "", optionC: "", optionD: "", answer: "A" }, "options", "quizadmin.error.tooFewOptions"],
      [{ optionB: "", answer: "A" }, "options", "quizbank.error.optionGap"], // A, (empty), C, D: the letters would shift
      [{ answer: "" }, "answer", "quizadmin.error.answerRequired"],
      [{ answer: "E" }, "answer", "quizadmin.error.answerNotAmongOptions"],
      [{ answer: "B2" }, "answer", "quizadmin.error.answerNotAmongOptions"],
      [{ answer: "AB" }, "answer", "quizadmin.error.singleNeedsOneAnswer"],
      [{ kind: "MULTIPLE", answer: "A" }, "answer", "quizadmin.error.multipleNeedsTwoAnswers"],
      [{ kind: "TRUE_FALSE", answer: "也许" }, "answer", "quizadmin.error.answerNotAmongOptions"],
      [{ explanation: "" }, "explanation", "quizadmin.error.explanationRequired"],
      [{ explanation: "解".repeat(1001) }, "explanation", "quizadmin.error.explanationTooLong"],
      [{ difficulty: "4" }, "difficulty", "quizadmin.error.difficultyInvalid"],
      [{ difficulty: "难" }, "difficulty", "quizadmin.error.difficultyInvalid"],
    ];
    const before = await db.prisma.quizQuestion.count();
    for (const [changes, field, messageKey] of cases) {
      const result = await bank.create(admin, singleForm(`${m} ${field}`, changes));
      expect(result, `${JSON.stringify(changes)}`).toEqual({ ok: false, fieldErrors: { [field]: messageKey } });
      expect(messageKey in zhCN, messageKey).toBe(true);
    }
    // Not an object at all, or one with nothing in it: the required fields are named.
    for (const nothing of [undefined, null, "stem", {}]) {
      const result = await bank.create(admin, nothing);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.fieldErrors).toMatchObject({ trade: "quizadmin.error.tradeRequired", stem: "quizadmin.error.stemRequired" });
    }
    expect(await db.prisma.quizQuestion.count()).toBe(before);
  });

  it("names every problem of one form at once, the unknown trade included", async () => {
    const result = await bank.create(admin, singleForm("", { trade: "no-such-trade", explanation: "", difficulty: "9" }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        trade: "quizadmin.error.tradeUnknown",
        stem: "quizadmin.error.stemRequired",
        explanation: "quizadmin.error.explanationRequired",
        difficulty: "quizadmin.error.difficultyInvalid",
      },
    });
  });

  it("refuses a stem its trade already has (also a retired question's), not one of another trade", async () => {
    const m = marker();
    const first = await created(singleForm(`${m} 同一题干`));
    const count = await db.prisma.quizQuestion.count();
    expect(await bank.create(admin, singleForm(`${m} 同一题干`, { answer: "A" }))).toEqual({ ok: false, fieldErrors: { stem: "quizbank.error.duplicateStem" } });
    // Surrounding spaces do not make it another stem.
    expect(await bank.create(admin, singleForm(` ${m} 同一题干 `))).toEqual({ ok: false, fieldErrors: { stem: "quizbank.error.duplicateStem" } });
    await bank.retire(admin, String(first));
    expect(await bank.create(admin, singleForm(`${m} 同一题干`))).toEqual({ ok: false, fieldErrors: { stem: "quizbank.error.duplicateStem" } });
    expect(await db.prisma.quizQuestion.count()).toBe(count);
    expect((await bank.create(admin, singleForm(`${m} 同一题干`, { trade: "gas-welder" }))).ok).toBe(true);
    expect("quizbank.error.duplicateStem" in zhCN).toBe(true);
  });
});

describe("editing a question", () => {
  it("saves every field, the trade too, and round-trips the form's values", async () => {
    const m = marker();
    const id = await created(singleForm(`${m} 原题`));
    clock.advance(60_000);
    const result = await bank.update(admin, String(id), {
      trade: "gas-welder",
      kind: "MULTIPLE",
      stem: `${m} 改过的题`,
      optionA: "氧气瓶",
      optionB: "乙炔瓶",
      optionC: "焊条",
      answer: "AB",
      explanation: "气焊用氧气和乙炔。",
      difficulty: "2",
    });
    expect(result).toEqual({ ok: true, value: { id } });
    expect(await stored(id)).toMatchObject({
      trade: { code: "gas-welder" },
      kind: "MULTIPLE",
      stem: `${m} 改过的题`,
      options: ["氧气瓶", "乙炔瓶", "焊条"],
      answer: [0, 1],
      explanation: "气焊用氧气和乙炔。",
      difficulty: 2,
      createdAt: NOW,
      updatedAt: new Date(NOW.getTime() + 60_000),
    });

    // The edit form's own values, sent back unchanged, change nothing.
    const detail = await bank.forEdit(admin, String(id));
    expect(await bank.update(admin, String(id), detail.values)).toEqual({ ok: true, value: { id } });
    expect(await stored(id)).toMatchObject({ stem: `${m} 改过的题`, options: ["氧气瓶", "乙炔瓶", "焊条"], answer: [0, 1], kind: "MULTIPLE" });
  });

  it("refuses bad fields and another question's stem, leaving the question as it was", async () => {
    const m = marker();
    const id = await created(singleForm(`${m} 甲`));
    await created(singleForm(`${m} 乙`));
    const before = await stored(id);
    expect(await bank.update(admin, String(id), singleForm(`${m} 乙`))).toEqual({ ok: false, fieldErrors: { stem: "quizbank.error.duplicateStem" } });
    expect(await bank.update(admin, String(id), singleForm(`${m} 甲`, { answer: "Z" }))).toEqual({ ok: false, fieldErrors: { answer: "quizadmin.error.answerNotAmongOptions" } });
    expect(await stored(id)).toEqual(before);
  });

  it("is allowed after the question was answered; the recorded answers keep their result", async () => {
    const m = marker();
    const id = await created(singleForm(`${m} 答过的题`));
    const challenge = await createChallenge(db.prisma, { startDate: "2026-12-05", trades: ["welder"] });
    const worker = await createUser(db.prisma, { role: "WORKER" });
    const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
    const entry = await db.prisma.quizEntry.create({ data: { challengeId: challenge.id, userId: worker.id, tradeId: welder.id } });
    const attempt = await db.prisma.quizAttempt.create({
      data: { challengeId: challenge.id, entryId: entry.id, userId: worker.id, day: 2, level: 1, scored: true, seed: 7, questionIds: [id], startedAt: NOW },
    });
    await db.prisma.quizAnswer.create({
      data: { attemptId: attempt.id, position: 0, questionId: id, servedAt: NOW, deadlineAt: new Date(NOW.getTime() + 20_000), answeredAt: new Date(NOW.getTime() + 5_000), choice: [1], correct: true, points: 120, timeMs: 5_000 },
    });

    expect((await bank.forEdit(admin, String(id))).answerCount).toBe(1);
    // The right answer becomes C: the worker's B stays correct in their record.
    expect(await bank.update(admin, String(id), singleForm(`${m} 答过的题`, { answer: "C" }))).toEqual({ ok: true, value: { id } });
    expect((await stored(id)).answer).toEqual([2]);
    expect(await db.prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId: attempt.id, position: 0 } } })).toMatchObject({
      choice: [1],
      correct: true,
      points: 120,
    });

    // Retiring it keeps the attempt's reference too.
    await bank.retire(admin, String(id));
    expect(await db.prisma.quizAnswer.count({ where: { questionId: id } })).toBe(1);
    expect((await db.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).questionIds).toEqual([id]);
  });

  it("answers 404 for an id that is no question", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "99999999", "12345678901", ""]) {
      await expect(bank.forEdit(admin, id), id).rejects.toMatchObject({ name: "AppError", kind: "notFound" });
      await expect(bank.update(admin, id, singleForm("x")), id).rejects.toMatchObject({ kind: "notFound" });
      await expect(bank.retire(admin, id), id).rejects.toMatchObject({ kind: "notFound" });
      await expect(bank.restore(admin, id), id).rejects.toMatchObject({ kind: "notFound" });
    }
  });
});

describe("retiring and restoring", () => {
  it("sets retiredAt (retiring twice keeps the first date), restore clears it", async () => {
    const m = marker();
    const id = await created(singleForm(`${m} 停用`));
    clock.set(new Date(NOW.getTime() + 3_600_000));
    const retiredAt = new Date(NOW.getTime() + 3_600_000);
    expect(await bank.retire(admin, String(id))).toEqual({ id, retiredAt });
    clock.advance(60_000);
    expect(await bank.retire(admin, String(id))).toEqual({ id, retiredAt });
    expect((await stored(id)).retiredAt).toEqual(retiredAt);
    expect((await bank.forEdit(admin, String(id))).retiredAt).toEqual(retiredAt);

    expect(await bank.restore(admin, String(id))).toEqual({ id });
    expect((await stored(id)).retiredAt).toBeNull();
    // Restoring a question in play changes nothing.
    expect(await bank.restore(admin, String(id))).toEqual({ id });
    expect((await stored(id)).retiredAt).toBeNull();
    clock.set(NOW);
  });
});

describe("the list", () => {
  it("filters by trade, stem text and state, with counts per trade in catalogue order", async () => {
    const m = marker();
    // A trade no other test uses, so that its counts are this test's alone.
    const ids: number[] = [];
    for (let n = 0; n < 4; n++) ids.push(await created(singleForm(`${m} 机床${n} Spindle`, { trade: "cnc-lathe-operator" })));
    const other = await created(singleForm(`${m} 叉车`, { trade: "forklift-driver" }));
    await bank.retire(admin, String(ids[0]));

    const all = await bank.list(admin, { trade: "cnc-lathe-operator" });
    expect(all).toMatchObject({ total: 4, page: 1, pageCount: 1, query: { trade: "cnc-lathe-operator", q: "", state: "all", page: 1 }, trade: { code: "cnc-lathe-operator", nameZh: "数控车床操作工" } });
    expect(all.items.map((item) => item.id)).toEqual([...ids].reverse()); // newest first
    expect(all.items[3]).toMatchObject({ retiredAt: NOW, answerText: "B", kind: "SINGLE", trade: { code: "cnc-lathe-operator" } });

    expect((await bank.list(admin, { trade: "cnc-lathe-operator", state: "active" })).items.map((item) => item.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect((await bank.list(admin, { trade: "cnc-lathe-operator", state: "retired" })).items.map((item) => item.id)).toEqual([ids[0]]);
    // The text filter ignores case; the trade filter is optional.
    expect((await bank.list(admin, { q: `${m} 机床2 spindle` })).items.map((item) => item.id)).toEqual([ids[2]]);
    expect((await bank.list(admin, { q: m })).items.map((item) => item.id)).toEqual([other, ...[...ids].reverse()]);
    // Unknown values are dropped: every trade, every state.
    const lenient = await bank.list(admin, { trade: "no-such-trade", state: "deleted", q: m, page: "x" });
    expect(lenient).toMatchObject({ total: 5, trade: null, query: { trade: null, state: "all", page: 1 } });

    const counts = all.counts;
    expect(counts.find((count) => count.trade.code === "cnc-lathe-operator")).toEqual({ trade: { code: "cnc-lathe-operator", nameZh: "数控车床操作工", nameEn: expect.any(String) }, active: 3, retired: 1 });
    expect(counts.find((count) => count.trade.code === "forklift-driver")).toMatchObject({ active: 1, retired: 0 });
    // In catalogue order (category, then trade), each trade once.
    const catalogue = await db.prisma.trade.findMany({ orderBy: [{ category: { position: "asc" } }, { position: "asc" }], select: { code: true } });
    const order = catalogue.map((trade) => trade.code);
    const listed = counts.map((count) => count.trade.code);
    expect(listed).toEqual([...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("pages by 20, and clamps a page past the end to the last", async () => {
    const m = marker();
    const trade = await db.prisma.trade.findUniqueOrThrow({ where: { code: "plasterer" } });
    await db.prisma.quizQuestion.createMany({
      data: Array.from({ length: QUESTION_PAGE_SIZE + 5 }, (_, n) => ({
        tradeId: trade.id,
        kind: "TRUE_FALSE" as const,
        stem: `${m} 抹灰${String(n).padStart(2, "0")}`,
        options: ["正确", "错误"],
        answer: [n % 2],
        explanation: "解析",
      })),
    });
    const first = await bank.list(admin, { trade: "plasterer" });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(QUESTION_PAGE_SIZE);
    const second = await bank.list(admin, { trade: "plasterer", page: "2" });
    expect(second.items).toHaveLength(5);
    expect(second.items.map((item) => item.answerText)).toEqual(["正确", "错误", "正确", "错误", "正确"]);
    expect(await bank.list(admin, { trade: "plasterer", page: "99" })).toMatchObject({ page: 2, query: { page: 2 } });
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(25);
  });
});

describe("who may", () => {
  it("refuses workers, craftsmen and employers (403) and visitors (401), writing nothing", async () => {
    const m = marker();
    const id = String(await created(singleForm(`${m} 权限`)));
    const before = await db.prisma.quizQuestion.findMany({ orderBy: { id: "asc" } });
    const calls: [string, (viewer: Viewer | null) => Promise<unknown>][] = [
      ["list", (viewer) => bank.list(viewer, {})],
      ["forEdit", (viewer) => bank.forEdit(viewer, id)],
      ["blank", (viewer) => bank.blank(viewer, "welder")],
      ["create", (viewer) => bank.create(viewer, singleForm(`${m} 不该写入`))],
      ["update", (viewer) => bank.update(viewer, id, singleForm(`${m} 不该改`))],
      ["retire", (viewer) => bank.retire(viewer, id)],
      ["restore", (viewer) => bank.restore(viewer, id)],
    ];
    for (const [name, call] of calls) {
      for (const role of ["WORKER", "CRAFTSMAN", "EMPLOYER"] as const) {
        await expect(call(others[role]), `${name} as ${role}`).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
      }
      await expect(call(null), `${name} as a visitor`).rejects.toMatchObject({ name: "AppError", kind: "unauthorized" });
    }
    expect(await db.prisma.quizQuestion.findMany({ orderBy: { id: "asc" } })).toEqual(before);

    // As routes see it (services wrapped by withHttpErrors): a 403 response.
    const routes = withHttpErrors({ questionBank: bank });
    const refused = await routes.questionBank.retire(others.WORKER, id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
  });

  it("gives admins the new form's values, with the list's trade when it is one", async () => {
    expect(await bank.blank(admin, "welder")).toEqual({ trade: "welder", kind: "SINGLE", difficulty: "2" });
    expect(await bank.blank(admin, "no-such-trade")).toEqual({ trade: "", kind: "SINGLE", difficulty: "2" });
    expect(await bank.blank(admin, null)).toEqual({ trade: "", kind: "SINGLE", difficulty: "2" });
  });
});
