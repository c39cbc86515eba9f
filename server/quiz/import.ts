// Bulk import of quiz questions from CSV or JSON: trainers keep their question banks in
// spreadsheets (Chinese headers, Chinese labels for kinds) or export them from other systems as
// JSON. A preview reports every invalid row (CSV: the line where the record starts; JSON: the item,
// counted from 1) with its reason and writes nothing; the import writes the valid rows in ONE
// transaction (all of them or, if a write fails, none), so a half-imported bank never has to be
// untangled. Admins only.
//
// A row is judged as the question form is (checkQuestionFields, the trade lookup), plus a stem
// already in its trade's bank (retired questions count: the database keeps stems unique per trade)
// or earlier in the same file (the first is kept).
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type PrismaClient } from "../db/client.ts";
import { parseCsv } from "../csv.ts";
import type { FieldErrors } from "../errors.ts";
import { checkQuestionFields, OPTION_LETTERS, tradeKey, tradeLookup, type QuestionFields } from "./questions.ts";
import type { QuestionInput, QuestionKind } from "./schema.ts";
import type { TradeRef } from "./types.ts";

/** UTF-8 bytes of the pasted or uploaded text (as the jobs import). */
export const QUIZ_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Rows (CSV, the header not counted) or items (JSON) per file. */
export const QUIZ_IMPORT_MAX_ROWS = 10_000;
/** Rows per insert statement, and stems per duplicate lookup. */
const CHUNK = 500;

/** The fields of a question, in the order a reader goes through a row (and problems are listed). */
export const QUIZ_IMPORT_FIELDS = ["trade", "kind", "stem", "options", "answer", "explanation", "difficulty"] as const;

/** The CSV columns, as the English header names them. */
export const QUIZ_IMPORT_COLUMNS = ["trade", "kind", "stem", ...OPTION_LETTERS.map((letter) => `option${letter}`), "answer", "explanation", "difficulty"] as const;
/** Columns the header must name; options are optional (a file of true/false questions needs none). */
const REQUIRED_COLUMNS = ["trade", "kind", "stem", "answer", "explanation"] as const;
/** Header names for each column, compared without case, spaces, "_", "-" and brackets. */
const COLUMN_NAMES: Record<string, string> = {
  trade: "trade",
  工种: "trade",
  kind: "kind",
  type: "kind",
  题型: "kind",
  stem: "stem",
  question: "stem",
  题干: "stem",
  题目: "stem",
  answer: "answer",
  答案: "answer",
  正确答案: "answer",
  explanation: "explanation",
  解析: "explanation",
  答案解析: "explanation",
  difficulty: "difficulty",
  难度: "difficulty",
};
for (const letter of OPTION_LETTERS) {
  for (const name of [`option${letter}`, `选项${letter}`, letter]) COLUMN_NAMES[name.toLowerCase()] = `option${letter}`;
}
const normalizeHeader = (name: string) => name.trim().toLowerCase().replace(/[\s_\-()（）]/g, "");

/** The keys of a JSON item. */
const JSON_KEYS = new Set(["trade", "kind", "stem", "options", "answer", "explanation", "difficulty"]);

/** The labels Chinese spreadsheets use for the kinds, besides the codes. */
const KIND_LABELS: Record<string, QuestionKind> = {
  单选: "SINGLE",
  单选题: "SINGLE",
  单项选择: "SINGLE",
  单项选择题: "SINGLE",
  多选: "MULTIPLE",
  多选题: "MULTIPLE",
  多项选择: "MULTIPLE",
  多项选择题: "MULTIPLE",
  判断: "TRUE_FALSE",
  判断题: "TRUE_FALSE",
  是非题: "TRUE_FALSE",
};
const DIFFICULTY_LABELS: Record<string, string> = { 易: "1", 简单: "1", 容易: "1", easy: "1", 中: "2", 中等: "2", 一般: "2", medium: "2", 难: "3", 困难: "3", hard: "3" };

export interface QuizImportProblem {
  /** CSV: the line where the record starts (1 = the header). JSON: the item's place in the array, from 1. */
  line: number;
  /** One of QUIZ_IMPORT_FIELDS, or "" for the whole row. */
  field: string;
  messageKey: string;
}

export interface QuizImportReport {
  /** What the text was read as (null when it could not be told: empty). */
  format: "csv" | "json" | null;
  /** Rows that would be (or were) imported. */
  valid: number;
  /** Of those, how many per trade, in the order the file names the trades. */
  trades: { trade: TradeRef; count: number }[];
  /** Every invalid row's problems, in line order (a row may have several). */
  errors: QuizImportProblem[];
  /** Header names (CSV) or item keys (JSON) we do not know; their values are ignored. */
  ignoredColumns: string[];
  /** Required columns the CSV header lacks (then nothing is imported). */
  missingColumns: string[];
  /** A problem with the whole file (empty, too large, too many rows, missing columns, not JSON): nothing is imported. */
  formError?: string;
  /** Values for the form error's placeholders: {columns} for missing columns, {line} for broken JSON. */
  formErrorParams?: Record<string, string | number>;
}

export interface QuizImportResult extends QuizImportReport {
  imported: number;
}

/** One row or item, its fields as written (kinds and difficulties already turned into codes). */
interface RawRow {
  line: number;
  fields: QuestionFields;
  /** Problems found while reading it (a broken CSV record, a JSON item that is no object). */
  problems: QuizImportProblem[];
}

interface ValidRow {
  line: number;
  question: QuestionInput;
  tradeId: number;
}

interface CheckedFile {
  report: QuizImportReport;
  rows: ValidRow[];
}

/** A code from a code (any case, "-" or space for "_") or one of its labels; anything else is passed on for the schema to refuse. */
function kindOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return Object.hasOwn(KIND_LABELS, text) ? KIND_LABELS[text] : text.toUpperCase().replace(/[-\s]/g, "_");
}

function difficultyOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  return Object.hasOwn(DIFFICULTY_LABELS, text) ? DIFFICULTY_LABELS[text] : value;
}

/** JSON's text, or a JSON number as text (a spreadsheet export may write a number where text belongs). */
const textOf = (value: unknown): unknown => (typeof value === "number" && Number.isFinite(value) ? String(value) : value);

/** The line (from 1) of a character offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** JSON when the text starts with "[" or "{" (after a byte-order mark and blank space), else CSV. */
function formatOf(text: string): "csv" | "json" {
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "csv";
}

type Read = { ok: true; rows: RawRow[]; ignoredColumns: string[] } | { ok: false; formError: string; formErrorParams?: Record<string, string | number>; ignoredColumns?: string[]; missingColumns?: string[] };

function readCsv(text: string): Read {
  const [header, ...records] = parseCsv(text);
  if (!header) return { ok: false, formError: "quizbank.import.error.empty" };
  const names = header.fields.map((name) => COLUMN_NAMES[normalizeHeader(name)] ?? null);
  // A column named twice: the first is read, the second is ignored.
  const columnIndex = new Map<string, number>();
  const ignoredColumns: string[] = [];
  names.forEach((name, index) => {
    if (name !== null && !columnIndex.has(name)) columnIndex.set(name, index);
    else ignoredColumns.push(header.fields[index]!.trim());
  });
  const missingColumns = REQUIRED_COLUMNS.filter((column) => !columnIndex.has(column));
  if (missingColumns.length > 0) {
    return { ok: false, formError: "quizbank.import.error.missingColumns", formErrorParams: { columns: missingColumns.join(", ") }, ignoredColumns, missingColumns };
  }
  if (records.length > QUIZ_IMPORT_MAX_ROWS) return { ok: false, formError: "quizbank.import.error.tooManyRows", ignoredColumns };
  if (records.length === 0) return { ok: false, formError: "quizbank.import.error.noRows", ignoredColumns };

  const rows = records.map((record): RawRow => {
    const value = (column: string) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (record.fields[index] ?? "");
    };
    const problems: QuizImportProblem[] = [];
    if (record.malformed) problems.push({ line: record.line, field: "", messageKey: "quizbank.import.error.badQuotes" });
    else if (record.fields.length > header.fields.length) problems.push({ line: record.line, field: "", messageKey: "quizbank.import.error.tooManyFields" });
    return {
      line: record.line,
      problems,
      fields: {
        trade: value("trade"),
        kind: kindOf(value("kind")),
        stem: value("stem"),
        options: OPTION_LETTERS.map((letter) => value(`option${letter}`)),
        answer: value("answer"),
        explanation: value("explanation"),
        difficulty: difficultyOf(value("difficulty")),
      },
    };
  });
  return { ok: true, rows, ignoredColumns };
}

function readJson(text: string): Read {
  const body = text.replace(/^\uFEFF/, "");
  let items: unknown;
  try {
    items = JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    const line = position ? lineAt(body, Number(position[1])) : body.trimEnd().split("\n").length;
    return { ok: false, formError: "quizbank.import.error.badJson", formErrorParams: { line } };
  }
  if (!Array.isArray(items)) return { ok: false, formError: "quizbank.import.error.jsonNotArray" };
  if (items.length > QUIZ_IMPORT_MAX_ROWS) return { ok: false, formError: "quizbank.import.error.tooManyRows" };
  if (items.length === 0) return { ok: false, formError: "quizbank.import.error.noRows" };

  const ignored = new Set<string>();
  const rows = items.map((item: unknown, index): RawRow => {
    const line = index + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return { line, problems: [{ line, field: "", messageKey: "quizbank.import.error.itemNotObject" }], fields: emptyFields() };
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!JSON_KEYS.has(key)) ignored.add(key);
    const problems: QuizImportProblem[] = [];
    let options: unknown[] = [];
    if (Array.isArray(record.options)) {
      options = record.options.map(textOf);
      if (options.some((option) => typeof option !== "string")) problems.push({ line, field: "options", messageKey: "quizbank.import.error.optionsNotList" });
    } else if (record.options !== undefined && record.options !== null) {
      problems.push({ line, field: "options", messageKey: "quizbank.import.error.optionsNotList" });
    }
    // An answer may be "AC", ["A", "C"], or true / false for a true/false question.
    const answer = Array.isArray(record.answer)
      ? record.answer.map((part) => (typeof part === "string" ? part : "?")).join(",")
      : typeof record.answer === "boolean"
        ? record.answer
          ? "正确"
          : "错误"
        : textOf(record.answer);
    return {
      line,
      problems,
      fields: {
        trade: record.trade,
        kind: kindOf(record.kind),
        stem: record.stem,
        options: options.map((option) => (typeof option === "string" ? option : "")),
        answer,
        explanation: record.explanation,
        difficulty: difficultyOf(record.difficulty),
      },
    };
  });
  return { ok: true, rows, ignoredColumns: [...ignored].sort() };
}

const emptyFields = (): QuestionFields => ({ trade: "", kind: "", stem: "", options: [], answer: "", explanation: "", difficulty: "" });

/** A row's problems in the order of the fields, as a reader goes through the row. */
function byField(problems: QuizImportProblem[]): QuizImportProblem[] {
  const position = (field: string) => (field === "" ? -1 : (QUIZ_IMPORT_FIELDS as readonly string[]).indexOf(field));
  return [...problems].sort((a, b) => position(a.field) - position(b.field));
}

const stemKey = (tradeId: number, stem: string) => `${tradeId}\u0000${stem}`;

export function createQuizImport(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  /** Reads and validates everything against the database; writes nothing. */
  async function check(text: unknown): Promise<CheckedFile> {
    const base: QuizImportReport = { format: null, valid: 0, trades: [], errors: [], ignoredColumns: [], missingColumns: [] };
    const failed = (formError: string, extra: Partial<QuizImportReport> = {}): CheckedFile => ({ report: { ...base, ...extra, formError }, rows: [] });

    if (typeof text !== "string" || text.replace(/^\uFEFF/, "").trim() === "") return failed("quizbank.import.error.empty");
    if (Buffer.byteLength(text, "utf8") > QUIZ_IMPORT_MAX_BYTES) return failed("quizbank.import.error.tooLarge");
    const format = formatOf(text);
    const read = format === "json" ? readJson(text) : readCsv(text);
    if (!read.ok) {
      const { formError, formErrorParams, ignoredColumns = [], missingColumns = [] } = read;
      return failed(formError, { format, ignoredColumns, missingColumns, ...(formErrorParams ? { formErrorParams } : {}) });
    }

    const trades = await tradeLookup(prisma);
    const errors: QuizImportProblem[] = [];
    const rows: ValidRow[] = [];
    const seen = new Set<string>();
    for (const row of read.rows) {
      // A record that cannot be read as a whole (bad quotes, an item that is no object) is reported
      // alone; its fields would only add noise.
      const whole = row.problems.filter((problem) => problem.field === "");
      if (whole.length > 0) {
        errors.push(...whole);
        continue;
      }
      const checked = checkQuestionFields(row.fields);
      const rowErrors: FieldErrors = checked.ok ? {} : { ...checked.errors };
      for (const problem of row.problems) rowErrors[problem.field] = problem.messageKey;
      const tradeText = typeof row.fields.trade === "string" ? row.fields.trade.trim() : "";
      const trade = tradeText === "" ? undefined : trades.get(tradeKey(tradeText));
      if (tradeText !== "" && trade === undefined) rowErrors.trade ??= "quizadmin.error.tradeUnknown";
      if (checked.ok && trade !== undefined && Object.keys(rowErrors).length === 0) {
        // The same stem twice in one trade of one file: the first row is kept.
        const key = stemKey(trade.id, checked.value.stem);
        if (seen.has(key)) rowErrors.stem = "quizbank.import.error.duplicateInFile";
        else seen.add(key);
      }
      if (!checked.ok || trade === undefined || Object.keys(rowErrors).length > 0) {
        errors.push(...byField(Object.entries(rowErrors).map(([field, messageKey]) => ({ line: row.line, field, messageKey }))));
        continue;
      }
      rows.push({ line: row.line, question: checked.value, tradeId: trade.id });
    }

    const fresh = await withoutExistingStems(rows, errors);
    errors.sort((a, b) => a.line - b.line);
    return { report: { ...base, format, valid: fresh.length, trades: countsPerTrade(fresh, trades), errors, ignoredColumns: read.ignoredColumns }, rows: fresh };
  }

  /** Drops (and reports) rows whose stem its trade's bank already has, retired questions included. */
  async function withoutExistingStems(rows: ValidRow[], errors: QuizImportProblem[]): Promise<ValidRow[]> {
    const existing = new Set<string>();
    const tradeIds = [...new Set(rows.map((row) => row.tradeId))];
    const stems = [...new Set(rows.map((row) => row.question.stem))];
    for (let start = 0; start < stems.length; start += CHUNK) {
      const found = await prisma.quizQuestion.findMany({
        where: { tradeId: { in: tradeIds }, stem: { in: stems.slice(start, start + CHUNK) } },
        select: { tradeId: true, stem: true },
      });
      for (const question of found) existing.add(stemKey(question.tradeId, question.stem));
    }
    return rows.filter((row) => {
      if (!existing.has(stemKey(row.tradeId, row.question.stem))) return true;
      errors.push({ line: row.line, field: "stem", messageKey: "quizbank.error.duplicateStem" });
      return false;
    });
  }

  return {
    /** What the import page shows before any file: the columns and example files that import as they are. */
    template(viewer: Viewer | null): { columns: readonly string[]; csv: string; json: string; maxRows: number; maxBytes: number } {
      requireRole(viewer, "ADMIN");
      return { columns: QUIZ_IMPORT_COLUMNS, csv: TEMPLATE_CSV, json: TEMPLATE_JSON, maxRows: QUIZ_IMPORT_MAX_ROWS, maxBytes: QUIZ_IMPORT_MAX_BYTES };
    },

    /** What an import would do: counts per trade and every problem by line (CSV) or item (JSON); nothing written. */
    async preview(viewer: Viewer | null, text: unknown): Promise<QuizImportReport> {
      requireRole(viewer, "ADMIN");
      return (await check(text)).report;
    },

    /**
     * Writes every valid row in one transaction, as questions in play. Invalid rows are reported and
     * skipped. If any write fails, nothing is written; a stem another admin added since the check
     * (the unique index refuses it) is reported as a form error asking for a new preview.
     */
    async importRows(viewer: Viewer | null, text: unknown): Promise<QuizImportResult> {
      requireRole(viewer, "ADMIN");
      const { report, rows } = await check(text);
      if (rows.length === 0) return { ...report, imported: 0 };
      const now = clock.now();
      try {
        const imported = await prisma.$transaction(
          async (tx) => {
            let count = 0;
            for (let start = 0; start < rows.length; start += CHUNK) {
              const chunk = rows.slice(start, start + CHUNK).map(({ tradeId, question }) => ({
                tradeId,
                kind: question.kind,
                stem: question.stem,
                options: question.options,
                answer: question.answer,
                explanation: question.explanation,
                difficulty: question.difficulty,
                createdAt: now,
                updatedAt: now,
              }));
              // One statement per chunk with the rows as one JSON parameter (as the jobs import):
              // createMany binds every field separately and took about 2 ms a row here (20 s for
              // 10,000 rows with the transaction open). JSON arrays fill the array columns; the id
              // takes its default; dates are ISO strings, read back as UTC.
              count += await tx.$executeRaw`
                INSERT INTO "QuizQuestion" ("tradeId", "kind", "stem", "options", "answer", "explanation", "difficulty", "createdAt", "updatedAt")
                SELECT "tradeId", "kind", "stem", "options", "answer", "explanation", "difficulty", "createdAt", "updatedAt"
                FROM json_populate_recordset(NULL::"QuizQuestion", ${JSON.stringify(chunk)}::json)`;
            }
            return count;
          },
          // 10,000 rows take several seconds on PGlite; the default 5 s would cut large files short.
          { timeout: 120_000, maxWait: 10_000 },
        );
        return { ...report, imported };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { ...report, valid: 0, trades: [], formError: "quizbank.import.error.changedMeanwhile", imported: 0 };
      }
    },
  };
}

export type QuizImport = ReturnType<typeof createQuizImport>;

/** Valid rows per trade, in the order the file first names each trade. */
function countsPerTrade(rows: ValidRow[], trades: Map<string, { id: number } & TradeRef>): QuizImportReport["trades"] {
  const byId = new Map([...trades.values()].map((trade) => [trade.id, trade]));
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.tradeId, (counts.get(row.tradeId) ?? 0) + 1);
  return [...counts].map(([id, count]) => {
    const { code, nameZh, nameEn } = byId.get(id)!;
    return { trade: { code, nameZh, nameEn }, count };
  });
}

// Example files: the same three welding questions (one of each kind), real and correct, so that an
// admin can see every column at work and import the example as it is.
const EXAMPLES = [
  {
    trade: "welder",
    kind: "SINGLE",
    kindLabel: "单选",
    stem: "焊条电弧焊作业时，焊工必须佩戴哪种防护用品来保护眼睛和面部？",
    options: ["普通墨镜", "带滤光片的焊接面罩", "防尘口罩", "安全帽"],
    answer: "B",
    explanation: "电弧光含有强烈的紫外线和红外线，必须使用装有合适遮光号滤光片的焊接面罩；普通墨镜挡不住弧光，会造成电光性眼炎。",
    difficulty: 1,
  },
  {
    trade: "welder",
    kind: "MULTIPLE",
    kindLabel: "多选",
    stem: "下列哪些属于常见的焊接缺陷？",
    options: ["气孔", "夹渣", "咬边", "镀锌层"],
    answer: "ABC",
    explanation: "气孔、夹渣和咬边都是焊缝常见缺陷，会降低接头强度；镀锌层是钢材的防腐表面处理，不是焊接缺陷。",
    difficulty: 2,
  },
  {
    trade: "welder",
    kind: "TRUE_FALSE",
    kindLabel: "判断",
    stem: "在有易燃易爆物品的场所动火焊接前，必须办理动火审批并清除或隔离周围的易燃物。",
    options: [],
    answer: "正确",
    explanation: "动火作业须经审批，清除或隔离周围易燃物并配备灭火器材，焊后还要检查有无遗留火种，以防引发火灾或爆炸。",
    difficulty: 1,
  },
];

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const TEMPLATE_CSV = [
  ["工种", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度"].join(","),
  ...EXAMPLES.map((example) =>
    [example.trade, example.kindLabel, example.stem, ...[0, 1, 2, 3].map((index) => example.options[index] ?? ""), example.answer, example.explanation, String(example.difficulty)]
      .map(csvCell)
      .join(","),
  ),
].join("\n") + "\n";

const TEMPLATE_JSON = `${JSON.stringify(
  EXAMPLES.map(({ kindLabel: _label, ...example }) => example),
  null,
  2,
)}\n`;
