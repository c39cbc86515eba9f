// Importing quiz questions from CSV and JSON (server/quiz/import.ts) on a real database: good files
// (English and Chinese headers and labels, a BOM, CRLF, quoted fields), every reason a row is refused
// with its line (CSV) or item (JSON), duplicates against the bank and within the file, a mixed file
// importing exactly its good rows, nothing written by a preview or by a failing import, the limits,
// the example files, and that only admins may import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zhCN } from "../../app/i18n/messages/zh-CN.ts";
import type { Viewer } from "../../server/auth/permissions.ts";
import { withHttpErrors } from "../../server/http/service-errors.ts";
import { createQuizImport, QUIZ_IMPORT_MAX_ROWS, type QuizImport, type QuizImportReport } from "../../server/quiz/import.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { testClock } from "../support/services.ts";

const NOW = new Date("2026-12-06T02:00:00.000Z");

let db: TestDatabase;
let quizImport: QuizImport;
let admin: Viewer;
const others: Record<"WORKER" | "CRAFTSMAN" | "EMPLOYER", Viewer> = {} as never;

const asViewer = (user: { id: string; displayName: string; role: Viewer["role"] }): Viewer => ({ id: user.id, displayName: user.displayName, role: user.role });

beforeAll(async () => {
  db = await createTestDatabase();
  quizImport = createQuizImport({ prisma: db.prisma, clock: testClock(NOW) });
  admin = asViewer(await createUser(db.prisma, { role: "ADMIN" }));
  for (const role of ["WORKER", "CRAFTSMAN", "EMPLOYER"] as const) others[role] = asViewer(await createUser(db.prisma, { role }));
});

afterAll(async () => {
  await db?.cleanup();
});

/** A marker unique to one test, so that stems written by other tests do not count. */
let seq = 0;
const marker = () => `导入${++seq}-${Date.now() % 100_000}`;
const questionsWith = (m: string) =>
  db.prisma.quizQuestion.findMany({ where: { stem: { startsWith: m } }, orderBy: { id: "asc" }, include: { trade: { select: { code: true } } } });

const HEADER = "trade,kind,stem,optionA,optionB,optionC,optionD,answer,explanation,difficulty";
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

interface Row {
  trade?: string;
  kind?: string;
  stem?: string;
  options?: string[];
  answer?: string;
  explanation?: string;
  difficulty?: string;
}
/** A valid single-choice row of the welder bank, with `row`'s changes. */
const csvRow = (stem: string, row: Row = {}) => {
  const value = { trade: "welder", kind: "SINGLE", options: ["甲", "乙", "丙", "丁"], answer: "B", explanation: "因为乙。", difficulty: "2", stem, ...row };
  return [value.trade, value.kind, value.stem, ...[0, 1, 2, 3].map((index) => value.options[index] ?? ""), value.answer, value.explanation, value.difficulty].map(quote).join(",");
};

/** Every key a report hands to the page has a message (or the page would show a generic one). */
function expectKnownKeys(report: QuizImportReport) {
  const keys = report.errors.map((problem) => problem.messageKey).concat(report.formError ?? []);
  expect(keys.filter((key) => !(key in zhCN))).toEqual([]);
}

describe("a good file", () => {
  it("CSV with English headers and codes: preview, then import of every row", async () => {
    const m = marker();
    const csv = [
      HEADER,
      csvRow(`${m} 单选`),
      csvRow(`${m} 多选`, { kind: "MULTIPLE", answer: "A,C" }),
      csvRow(`${m} 判断`, { kind: "TRUE_FALSE", options: [], answer: "false", difficulty: "" }),
      csvRow(`${m} 电工`, { trade: "electrician", difficulty: "3" }),
    ].join("\n");

    const preview = await quizImport.preview(admin, csv);
    expect(preview).toEqual({
      format: "csv",
      valid: 4,
      trades: [
        { trade: { code: "welder", nameZh: "焊工", nameEn: "Welder" }, count: 3 },
        { trade: { code: "electrician", nameZh: "电工", nameEn: "Electrician" }, count: 1 },
      ],
      errors: [],
      ignoredColumns: [],
      missingColumns: [],
    });
    expect(await questionsWith(m)).toEqual([]);

    expect(await quizImport.importRows(admin, csv)).toEqual({ ...preview, imported: 4 });
    const questions = await questionsWith(m);
    expect(questions.map((question) => [question.stem, question.trade.code, question.kind, question.options, question.answer, question.difficulty])).toEqual([
      [`${m} 单选`, "welder", "SINGLE", ["甲", "乙", "丙", "丁"], [1], 2],
      [`${m} 多选`, "welder", "MULTIPLE", ["甲", "乙", "丙", "丁"], [0, 2], 2],
      [`${m} 判断`, "welder", "TRUE_FALSE", ["正确", "错误"], [1], 2],
      [`${m} 电工`, "electrician", "SINGLE", ["甲", "乙", "丙", "丁"], [1], 3],
    ]);
    expect(questions[0]).toMatchObject({ explanation: "因为乙。", retiredAt: null, createdAt: NOW, updatedAt: NOW });
  });

  it("CSV with Chinese headers and labels, a BOM, CRLF, quoted fields, options up to H, any column order", async () => {
    const m = marker();
    const csv =
      "\uFEFF" +
      [
        "题干,工种,题型,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,难度,备注",
        `"${m} 焊条""烘干""温度，一般是？",焊工,单选,100℃,"150℃, 1 小时",350℃,500℃,,,,,C,"碱性焊条一般 350℃ 烘干
保温 1～2 小时。",中,内部`,
        `${m} 八个选项,电焊工,多选题,一,二,三,四,五,六,七,八,"A、H",八个选项都能用。,难,`,
        `${m} 判断题,Electrician,判断,,,,,,,,,对,正确。,易,`,
        `${m} 代码,gas-welder,multiple,甲,乙,丙,,,,,,ab,甲乙。,1,`,
      ].join("\r\n") +
      "\r\n";
    const preview = await quizImport.preview(admin, csv);
    expect(preview).toMatchObject({ format: "csv", valid: 4, errors: [], ignoredColumns: ["备注"] });
    expect((await quizImport.importRows(admin, csv)).imported).toBe(4);
    const questions = await questionsWith(m);
    expect(questions.map((question) => [question.trade.code, question.kind, question.answer, question.difficulty])).toEqual([
      ["welder", "SINGLE", [2], 2],
      ["electric-welder", "MULTIPLE", [0, 7], 3],
      ["electrician", "TRUE_FALSE", [0], 1],
      ["gas-welder", "MULTIPLE", [0, 1], 1],
    ]);
    expect(questions[0]).toMatchObject({
      stem: `${m} 焊条"烘干"温度，一般是？`,
      options: ["100℃", "150℃, 1 小时", "350℃", "500℃"],
      explanation: "碱性焊条一般 350℃ 烘干\n保温 1～2 小时。", // the line break inside quotes is kept as written
    });
    expect(questions[1]!.options).toEqual(["一", "二", "三", "四", "五", "六", "七", "八"]);
  });

  it("JSON: an array of questions, answers as letters, lists or booleans, trades by code or name", async () => {
    const m = marker();
    const items = [
      { trade: "welder", kind: "SINGLE", stem: `${m} 单选`, options: ["甲", "乙", "丙"], answer: "C", explanation: "丙。", difficulty: 1 },
      { trade: "电工", kind: "多选", stem: `${m} 多选`, options: ["甲", "乙", "丙", "丁"], answer: ["B", "D"], explanation: "乙丁。", difficulty: "难" },
      { trade: "Forklift Driver", kind: "TRUE_FALSE", stem: `${m} 判断`, answer: true, explanation: "对。" },
      { trade: "welder", kind: "single", stem: `${m} 数字选项`, options: [220, 380, 36], answer: "c", explanation: "安全电压 36V。", difficulty: "3" },
    ];
    const text = `\uFEFF${JSON.stringify(items, null, 2)}`;
    const preview = await quizImport.preview(admin, text);
    expect(preview).toMatchObject({ format: "json", valid: 4, errors: [], ignoredColumns: [] });
    expect(preview.trades.map(({ trade, count }) => [trade.code, count])).toEqual([
      ["welder", 2],
      ["electrician", 1],
      ["forklift-driver", 1],
    ]);
    expect((await quizImport.importRows(admin, text)).imported).toBe(4);
    expect((await questionsWith(m)).map((question) => [question.trade.code, question.kind, question.options, question.answer, question.difficulty])).toEqual([
      ["welder", "SINGLE", ["甲", "乙", "丙"], [2], 1],
      ["electrician", "MULTIPLE", ["甲", "乙", "丙", "丁"], [1, 3], 3],
      ["forklift-driver", "TRUE_FALSE", ["正确", "错误"], [0], 2],
      ["welder", "SINGLE", ["220", "380", "36"], [2], 3],
    ]);
  });

  it("the page's example files import as they are (and the second is then all duplicates)", async () => {
    const template = quizImport.template(admin);
    expect(template.csv.split("\n")[0]).toBe("工种,题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度");
    expect(template).toMatchObject({ maxRows: QUIZ_IMPORT_MAX_ROWS, maxBytes: 5 * 1024 * 1024 });
    expect(await quizImport.preview(admin, template.json)).toMatchObject({ format: "json", valid: 3, errors: [] });
    expect(await quizImport.importRows(admin, template.csv)).toMatchObject({ format: "csv", valid: 3, imported: 3, errors: [] });
    expect(await quizImport.preview(admin, template.json)).toMatchObject({
      valid: 0,
      errors: [1, 2, 3].map((line) => ({ line, field: "stem", messageKey: "quizbank.error.duplicateStem" })),
    });
  });
});

describe("a bad file", () => {
  it("CSV: reports each kind of problem with its line and field, and imports nothing", async () => {
    const m = marker();
    await quizImport.importRows(admin, [HEADER, csvRow(`${m} 已在题库`)].join("\n"));
    const cases: [string, string, string][] = [
      // [row, field, message key]; a row's line is its index + 2 (the header is line 1)
      [csvRow(`${m} 缺答案`, { answer: "" }), "answer", "quizadmin.error.answerRequired"],
      [csvRow(`${m} 答案不在选项中`, { answer: "E" }), "answer", "quizadmin.error.answerNotAmongOptions"],
      [csvRow(`${m} 判断题答案`, { kind: "判断", options: [], answer: "大概" }), "answer", "quizadmin.error.answerNotAmongOptions"],
      [csvRow(`${m} 单选两个答案`, { answer: "AB" }), "answer", "quizadmin.error.singleNeedsOneAnswer"],
      [csvRow(`${m} 多选一个答案`, { kind: "多选", answer: "A" }), "answer", "quizadmin.error.multipleNeedsTwoAnswers"],
      [csvRow(`${m} 未知工种`, { trade: "宇航员" }), "trade", "quizadmin.error.tradeUnknown"],
      [csvRow(`${m} 分类不是工种`, { trade: "焊接" }), "trade", "quizadmin.error.tradeUnknown"],
      [csvRow(`${m} 缺工种`, { trade: "" }), "trade", "quizadmin.error.tradeRequired"],
      [csvRow(`${m} 已在题库`), "stem", "quizbank.error.duplicateStem"],
      [csvRow(`${m} 文件内重复`), "", ""], // valid: the first of two
      [csvRow(`${m} 文件内重复`, { answer: "C" }), "stem", "quizbank.import.error.duplicateInFile"],
      [csvRow(`${m} 题型`, { kind: "问答" }), "kind", "quizadmin.error.kindInvalid"],
      [csvRow(""), "stem", "quizadmin.error.stemRequired"],
      [csvRow(`${m} ${"长".repeat(500)}`), "stem", "quizadmin.error.stemTooLong"],
      [csvRow(`${m} 选项太长`, { options: ["甲", "乙".repeat(201)] }), "options", "quizadmin.error.optionTooLong"],
      [csvRow(`${m} 选项太少`, { options: ["甲"], answer: "A" }), "options", "quizadmin.error.tooFewOptions"],
      [csvRow(`${m} 选项留空`, { options: ["甲", "", "丙", "丁"] }), "options", "quizbank.error.optionGap"],
      [csvRow(`${m} 缺解析`, { explanation: "" }), "explanation", "quizadmin.error.explanationRequired"],
      [csvRow(`${m} 解析太长`, { explanation: "解".repeat(1001) }), "explanation", "quizadmin.error.explanationTooLong"],
      [csvRow(`${m} 难度`, { difficulty: "5" }), "difficulty", "quizadmin.error.difficultyInvalid"],
      [`welder,单选,"${m} 坏引号"x,甲,乙,,,A,解析,1`, "", "quizbank.import.error.badQuotes"],
      [`${csvRow(`${m} 多一列`)},多余`, "", "quizbank.import.error.tooManyFields"],
    ];
    const csv = [HEADER, ...cases.map(([row]) => row)].join("\n");
    const expected = cases.flatMap(([, field, messageKey], index) => (messageKey ? [{ line: index + 2, field, messageKey }] : []));

    const report = await quizImport.preview(admin, csv);
    expect(report.errors).toEqual(expected);
    expect(report).toMatchObject({ format: "csv", valid: 1 });
    expectKnownKeys(report);
    // Only the first of the two same stems would be imported.
    const result = await quizImport.importRows(admin, csv);
    expect(result).toMatchObject({ valid: 1, imported: 1, errors: expected });
    expect((await questionsWith(m)).map((question) => question.stem)).toEqual([`${m} 已在题库`, `${m} 文件内重复`]);
  });

  it("CSV: lists all of a row's problems in field order, and counts lines across quoted line breaks", async () => {
    const m = marker();
    const csv = [
      HEADER, // 1
      `no-such-trade,问答,,甲,乙,,,,,9`, // 2: trade, kind, stem, explanation, difficulty (the answer is judged once the rest passes)
      `welder,单选,"${m} 三行`, // 3: a stem over three lines…
      `的`,
      `题干",甲,乙,,,Z,解析,1`, // …so the next record starts on line 6
      `"${m} 未闭合,单选`, // 6: the quote never closes, so the rest of the file is this record
      csvRow(`${m} 吞掉的行`),
    ].join("\n");
    const report = await quizImport.preview(admin, csv);
    expect(report.errors).toEqual([
      { line: 2, field: "trade", messageKey: "quizadmin.error.tradeUnknown" },
      { line: 2, field: "kind", messageKey: "quizadmin.error.kindInvalid" },
      { line: 2, field: "stem", messageKey: "quizadmin.error.stemRequired" },
      { line: 2, field: "explanation", messageKey: "quizadmin.error.explanationRequired" },
      { line: 2, field: "difficulty", messageKey: "quizadmin.error.difficultyInvalid" },
      { line: 3, field: "answer", messageKey: "quizadmin.error.answerNotAmongOptions" },
      { line: 6, field: "", messageKey: "quizbank.import.error.badQuotes" },
    ]);
    expect(report.valid).toBe(0);
  });

  it("JSON: reports problems by item (from 1), including items that are no question", async () => {
    const m = marker();
    const good = { trade: "welder", kind: "SINGLE", options: ["甲", "乙"], answer: "A", explanation: "甲。" };
    const items: unknown[] = [
      { ...good, stem: `${m} 好的` }, // 1
      "不是对象", // 2
      [1, 2], // 3
      null, // 4
      { ...good, stem: `${m} 缺答案`, answer: "" }, // 5
      { ...good, stem: `${m} 答案不在选项中`, answer: ["A", "D"], kind: "MULTIPLE" }, // 6
      { ...good, stem: `${m} 未知工种`, trade: "astronaut" }, // 7
      { ...good, stem: `${m} 好的` }, // 8: the same stem as item 1
      { ...good, stem: `${m} 选项不是列表`, options: "甲,乙" }, // 9
      { ...good, stem: `${m} 选项有对象`, options: ["甲", { text: "乙" }] }, // 10
      { ...good, stem: `${m} 题型`, kind: 3 }, // 11
      { ...good, stem: 42 }, // 12
      { ...good, stem: `${m} 多余的键`, remark: "x", source: "y" }, // 13: valid; the keys are ignored
    ];
    const report = await quizImport.preview(admin, JSON.stringify(items));
    expect(report).toMatchObject({ format: "json", valid: 2, ignoredColumns: ["remark", "source"] });
    expect(report.errors).toEqual([
      { line: 2, field: "", messageKey: "quizbank.import.error.itemNotObject" },
      { line: 3, field: "", messageKey: "quizbank.import.error.itemNotObject" },
      { line: 4, field: "", messageKey: "quizbank.import.error.itemNotObject" },
      { line: 5, field: "answer", messageKey: "quizadmin.error.answerRequired" },
      { line: 6, field: "answer", messageKey: "quizadmin.error.answerNotAmongOptions" },
      { line: 7, field: "trade", messageKey: "quizadmin.error.tradeUnknown" },
      { line: 8, field: "stem", messageKey: "quizbank.import.error.duplicateInFile" },
      { line: 9, field: "options", messageKey: "quizbank.import.error.optionsNotList" },
      { line: 10, field: "options", messageKey: "quizbank.import.error.optionsNotList" },
      { line: 11, field: "kind", messageKey: "quizadmin.error.kindInvalid" },
      { line: 12, field: "stem", messageKey: "quizadmin.error.stemRequired" },
    ]);
    expectKnownKeys(report);
  });
});

describe("a mixed file", () => {
  it("previews the problems and writes nothing, then imports exactly the good rows; a second import adds none", async () => {
    const m = marker();
    const csv = [
      HEADER,
      csvRow(`${m} 甲`), // 2
      csvRow(`${m} 乙`, { answer: "" }), // 3: missing answer
      csvRow(`${m} 丙`, { trade: "electrician", kind: "TRUE_FALSE", options: [], answer: "正确" }), // 4
      csvRow(`${m} 甲`, { answer: "D" }), // 5: the same stem as line 2
      csvRow(`${m} 甲`, { trade: "electrician" }), // 6: the same stem in another trade: fine
      csvRow(`${m} 丁`, { answer: "F" }), // 7: not an option
    ].join("\r\n");
    const before = await db.prisma.quizQuestion.count();
    const preview = await quizImport.preview(admin, csv);
    expect(preview).toMatchObject({
      valid: 3,
      errors: [
        { line: 3, field: "answer", messageKey: "quizadmin.error.answerRequired" },
        { line: 5, field: "stem", messageKey: "quizbank.import.error.duplicateInFile" },
        { line: 7, field: "answer", messageKey: "quizadmin.error.answerNotAmongOptions" },
      ],
    });
    expect(await db.prisma.quizQuestion.count()).toBe(before);

    expect(await quizImport.importRows(admin, csv)).toMatchObject({ valid: 3, imported: 3, errors: preview.errors });
    expect((await questionsWith(m)).map((question) => [question.stem, question.trade.code, question.answer])).toEqual([
      [`${m} 甲`, "welder", [1]],
      [`${m} 丙`, "electrician", [0]],
      [`${m} 甲`, "electrician", [1]],
    ]);

    const again = await quizImport.importRows(admin, csv);
    expect(again).toMatchObject({ valid: 0, imported: 0 });
    expect(again.errors.filter((problem) => problem.messageKey === "quizbank.error.duplicateStem").map((problem) => problem.line)).toEqual([2, 4, 6]);
    expect(await questionsWith(m)).toHaveLength(3);
  });
});

describe("one transaction", () => {
  it("leaves nothing behind when a write fails", async () => {
    const m = marker();
    // A real failure inside the database, in the last of three insert chunks: a trigger refuses one stem.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION jx_test_refuse_question() RETURNS trigger AS $$
      BEGIN
        IF NEW.stem LIKE '%拒绝写入%' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER jx_test_refuse_question BEFORE INSERT ON "QuizQuestion" FOR EACH ROW EXECUTE FUNCTION jx_test_refuse_question()`);
    try {
      const rows = Array.from({ length: 1_200 }, (_, i) => csvRow(`${m} 题${i}`));
      const csv = [HEADER, ...rows, csvRow(`${m} 拒绝写入`)].join("\n");
      const before = await db.prisma.quizQuestion.count();
      expect((await quizImport.preview(admin, csv)).valid).toBe(1_201);
      await expect(quizImport.importRows(admin, csv)).rejects.toThrow(/refused by the test trigger/);
      expect(await db.prisma.quizQuestion.count()).toBe(before);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER jx_test_refuse_question ON "QuizQuestion"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION jx_test_refuse_question()`);
    }
  });

  it("reports a stem added by someone else between the check and the write as a form error, writing nothing", async () => {
    const m = marker();
    // As if another admin's question with the same stem landed after the check: the unique index refuses the row.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION jx_test_race_question() RETURNS trigger AS $$
      BEGIN
        IF NEW.stem LIKE '%刚被添加%' THEN RAISE EXCEPTION USING ERRCODE = 'unique_violation', MESSAGE = 'duplicate key value violates unique constraint "QuizQuestion_tradeId_stem_key"'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER jx_test_race_question BEFORE INSERT ON "QuizQuestion" FOR EACH ROW EXECUTE FUNCTION jx_test_race_question()`);
    try {
      const csv = [HEADER, csvRow(`${m} 先写`), csvRow(`${m} 刚被添加`)].join("\n");
      const result = await quizImport.importRows(admin, csv);
      expect(result).toMatchObject({ formError: "quizbank.import.error.changedMeanwhile", imported: 0, valid: 0 });
      expectKnownKeys(result);
      expect(await questionsWith(m)).toEqual([]);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER jx_test_race_question ON "QuizQuestion"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION jx_test_race_question()`);
    }
  });
});

describe("limits", () => {
  it("refuses empty, non-text, header-only, over 5 MB and over 10,000 rows as a whole, writing nothing", async () => {
    const before = await db.prisma.quizQuestion.count();
    for (const empty of ["", "  \n", "\uFEFF\r\n", undefined, 42, { csv: HEADER }]) {
      expect(await quizImport.preview(admin, empty)).toMatchObject({ formError: "quizbank.import.error.empty", valid: 0 });
    }
    expect(await quizImport.importRows(admin, `${HEADER}\r\n`)).toMatchObject({ format: "csv", formError: "quizbank.import.error.noRows", imported: 0 });
    expect(await quizImport.importRows(admin, "[]")).toMatchObject({ format: "json", formError: "quizbank.import.error.noRows", imported: 0 });

    const huge = `${HEADER}\n${`welder,单选,${"题".repeat(1000)},甲,乙,,,A,解析,1\n`.repeat(1_800)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5 * 1024 * 1024);
    const tooLarge = await quizImport.importRows(admin, huge);
    expect(tooLarge).toMatchObject({ formError: "quizbank.import.error.tooLarge", imported: 0 });
    expectKnownKeys(tooLarge);

    const manyRows = await quizImport.importRows(admin, `${HEADER}\n${"x\n".repeat(QUIZ_IMPORT_MAX_ROWS + 1)}`);
    expect(manyRows).toMatchObject({ formError: "quizbank.import.error.tooManyRows", imported: 0, errors: [] });
    expectKnownKeys(manyRows);
    const manyItems = await quizImport.importRows(admin, JSON.stringify(Array.from({ length: QUIZ_IMPORT_MAX_ROWS + 1 }, () => ({}))));
    expect(manyItems).toMatchObject({ format: "json", formError: "quizbank.import.error.tooManyRows", imported: 0 });
    expect(await db.prisma.quizQuestion.count()).toBe(before);
  });

  it("names the required columns a CSV header lacks", async () => {
    const report = await quizImport.importRows(admin, "题干,选项A,选项B,remarks\n题,甲,乙,x\n");
    expect(report).toMatchObject({
      formError: "quizbank.import.error.missingColumns",
      formErrorParams: { columns: "trade, kind, answer, explanation" },
      missingColumns: ["trade", "kind", "answer", "explanation"],
      ignoredColumns: ["remarks"],
      imported: 0,
    });
    expectKnownKeys(report);
  });

  it("refuses malformed JSON with the line of the mistake, and JSON that is not an array", async () => {
    const broken = '[\n  {"trade": "welder", "stem": "甲"},\n  {"trade": "welder" "stem": "乙"}\n]';
    const report = await quizImport.preview(admin, broken);
    expect(report).toMatchObject({ format: "json", formError: "quizbank.import.error.badJson", formErrorParams: { line: 3 }, valid: 0 });
    expectKnownKeys(report);
    expect(await quizImport.preview(admin, '[{"trade": "welder",')).toMatchObject({ formError: "quizbank.import.error.badJson", formErrorParams: { line: 1 } });
    const notArray = await quizImport.importRows(admin, '{"questions": []}');
    expect(notArray).toMatchObject({ format: "json", formError: "quizbank.import.error.jsonNotArray", imported: 0 });
    expectKnownKeys(notArray);
  });

  it("imports a file at the row limit in one transaction", async () => {
    const m = marker();
    const rows = Array.from({ length: QUIZ_IMPORT_MAX_ROWS }, (_, i) => csvRow(`${m} 第${i}题`, { trade: i % 2 ? "welder" : "electrician" }));
    const result = await quizImport.importRows(admin, [HEADER, ...rows].join("\n"));
    expect(result).toMatchObject({ valid: QUIZ_IMPORT_MAX_ROWS, imported: QUIZ_IMPORT_MAX_ROWS, errors: [] });
    expect(await db.prisma.quizQuestion.count({ where: { stem: { startsWith: `${m} 第` } } })).toBe(QUIZ_IMPORT_MAX_ROWS);
    // Twenty insert statements of 500 rows and the checks: seconds, more on a busy machine.
  }, 120_000);
});

describe("who may import", () => {
  it("refuses workers, craftsmen and employers (403) and visitors (401), writing nothing", async () => {
    const before = await db.prisma.quizQuestion.count();
    const csv = [HEADER, csvRow(`${marker()} 权限`)].join("\n");
    for (const role of ["WORKER", "CRAFTSMAN", "EMPLOYER"] as const) {
      await expect(quizImport.importRows(others[role], csv), role).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
      await expect(quizImport.preview(others[role], csv), role).rejects.toMatchObject({ name: "AppError", kind: "forbidden" });
      expect(() => quizImport.template(others[role])).toThrow(expect.objectContaining({ name: "AppError", kind: "forbidden" }));
    }
    await expect(quizImport.importRows(null, csv)).rejects.toMatchObject({ name: "AppError", kind: "unauthorized" });
    await expect(quizImport.preview(null, csv)).rejects.toMatchObject({ name: "AppError", kind: "unauthorized" });
    expect(() => quizImport.template(null)).toThrow(expect.objectContaining({ kind: "unauthorized" }));

    // As routes see it (services wrapped by withHttpErrors): a 403 response.
    const routes = withHttpErrors({ quizImport });
    const refused = await routes.quizImport.importRows(others.WORKER, csv).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await db.prisma.quizQuestion.count()).toBe(before);
  });
});
