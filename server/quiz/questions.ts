// The quiz's question banks, one per trade, for admins: the list (filters by trade, text and state,
// counts per trade), the question form (create and edit), retiring and restoring. Questions are
// never deleted: attempts refer to them (QuizAnswer.questionId), so a question that should no longer
// be played is retired (retiredAt set), which keeps it out of every new attempt's pick.
//
// Editing a question that has already been answered is allowed (a typo in an option, a better
// explanation). Past results do not change: each QuizAnswer row keeps the correctness and points it
// was given when it was answered; only attempts started after the edit see the new text.
//
// The field checks are server/quiz/schema.ts (ZQuestionInputSchema); what needs the database (the
// trade exists, the stem is new in its trade) is checked here. The import (import.ts) shares
// `checkQuestionFields` and `tradeLookup` so that a row and the form are judged alike.
import { z } from "zod";
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type DB, type PrismaClient } from "../db/client.ts";
import { fieldErrorsOf, formFailed, formOk, notFound, type FieldErrors, type FormResult } from "../errors.ts";
import { lenientEnum, pageNumber, queryText, tradeCodeParam } from "../validation.ts";
import { answerLetters, OPTIONS_MAX, ZQuestionInputSchema, type QuestionInput, type QuestionKind } from "./schema.ts";
import type { TradeRef } from "./types.ts";

export const QUESTION_PAGE_SIZE = 20;
/** The option fields of the form and the import's option columns: A…H. */
export const OPTION_LETTERS = Array.from({ length: OPTIONS_MAX }, (_, index) => String.fromCharCode(65 + index));
/** The list's state filter: questions in play, retired ones, or both. */
export const QUESTION_STATES = ["active", "retired", "all"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** One question in the admin list. */
export interface QuestionRow {
  id: number;
  trade: TradeRef;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  /** "A", "AC", or 正确/错误 for TRUE_FALSE. */
  answerText: string;
  difficulty: number;
  retiredAt: Date | null;
  updatedAt: Date;
}

/** A trade's bank size: questions in play and retired ones. */
export interface TradeQuestionCount {
  trade: TradeRef;
  active: number;
  retired: number;
}

export interface QuestionListQuery {
  trade: string | null;
  q: string;
  state: QuestionState;
  page: number;
}

export interface QuestionListPage {
  items: QuestionRow[];
  total: number;
  page: number;
  pageCount: number;
  query: QuestionListQuery;
  /** The trade filtered on (null: every trade, or a code that is no trade). */
  trade: TradeRef | null;
  /** Every trade that has questions, in catalogue order. */
  counts: TradeQuestionCount[];
}

/** /admin/quiz-questions/:id: the question, the form's values and how often it was answered. */
export interface QuestionDetail extends QuestionRow {
  explanation: string;
  createdAt: Date;
  /** Answers recorded for it in attempts (answered or expired). */
  answerCount: number;
  /** The form's fields as the form sends them: trade, kind, stem, optionA…optionH, answer, explanation, difficulty. */
  values: Record<string, string>;
}

/** The question form's fields (names as posted). */
export type QuestionFormValues = Record<string, string | undefined>;

/** A question ready to store: the schema's output with its trade found. */
export interface CheckedQuestion extends QuestionInput {
  tradeId: number;
}

const ZListQuerySchema = z.object({
  trade: tradeCodeParam,
  q: queryText,
  state: lenientEnum(QUESTION_STATES).transform((state): QuestionState => state ?? "all"),
  page: pageNumber,
});

/** A question id from the URL: a positive whole number, anything else is no question (404). */
const ZQuestionIdSchema = z.preprocess((value) => (typeof value === "string" && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null), z.number().int().max(2_147_483_647));

const questionSelect = {
  id: true,
  kind: true,
  stem: true,
  options: true,
  answer: true,
  explanation: true,
  difficulty: true,
  retiredAt: true,
  createdAt: true,
  updatedAt: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const satisfies DB.Prisma.QuizQuestionSelect;
type SelectedQuestion = DB.Prisma.QuizQuestionGetPayload<{ select: typeof questionSelect }>;


/** How an answer is written back into the form: letters, or 正确/错误 for TRUE_FALSE. */
export function answerTextOf(kind: QuestionKind, options: readonly string[], answer: readonly number[]): string {
  return kind === "TRUE_FALSE" ? (options[answer[0] ?? 0] ?? "") : answerLetters(answer);
}

/**
 * Trades by what a person may write for one: the code ("welder"), the Chinese name (焊工) or the
 * English name in any case ("Welder").
 */
export async function tradeLookup(prisma: PrismaClient | DB.Prisma.TransactionClient): Promise<Map<string, { id: number } & TradeRef>> {
  const trades = await prisma.trade.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true } });
  const lookup = new Map<string, { id: number } & TradeRef>();
  // Names first, codes last: a code always means its own trade.
  for (const trade of trades) lookup.set(tradeKey(trade.nameEn), trade).set(tradeKey(trade.nameZh), trade);
  for (const trade of trades) lookup.set(trade.code, trade);
  return lookup;
}

/** The key a trade is looked up by in `tradeLookup`'s map. */
export const tradeKey = (written: string) => written.trim().toLowerCase();

/** Raw fields of one question (from the form or one import row), before any check. */
export interface QuestionFields {
  trade: unknown;
  kind: unknown;
  stem: unknown;
  options: unknown[];
  answer: unknown;
  explanation: unknown;
  difficulty: unknown;
}

/**
 * The field checks of one question: the schema's (first problem per field) and one of our own, an
 * option left empty before a filled one (the letters after it would shift and the answer would
 * point at another option). Problems are returned as field → message key.
 */
export function checkQuestionFields(fields: QuestionFields): { ok: true; value: QuestionInput } | { ok: false; errors: FieldErrors } {
  const kind = typeof fields.kind === "string" ? fields.kind.trim().toUpperCase() : "";
  const filled = fields.options.map((option) => (typeof option === "string" ? option.trim() !== "" : option !== null && option !== undefined));
  const gap = kind !== "TRUE_FALSE" && filled.some((isFilled, index) => !isFilled && filled.indexOf(true, index) > index);
  const parsed = ZQuestionInputSchema.safeParse(fields);
  if (parsed.success && !gap) return { ok: true, value: parsed.data };
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (gap) errors.options ??= "quizbank.error.optionGap";
  return { ok: false, errors };
}

/** The form's fields as QuestionFields: optionA…optionH become the options list. */
export function fieldsOfForm(values: QuestionFormValues): QuestionFields {
  return {
    trade: values.trade,
    kind: values.kind,
    stem: values.stem,
    options: OPTION_LETTERS.map((letter) => values[`option${letter}`] ?? ""),
    answer: values.answer,
    explanation: values.explanation,
    difficulty: values.difficulty,
  };
}

/** The form's fields of a stored question (the edit form's starting values). */
function formValuesOf(question: SelectedQuestion): Record<string, string> {
  const values: Record<string, string> = {
    trade: question.trade.code,
    kind: question.kind,
    stem: question.stem,
    answer: answerTextOf(question.kind, question.options, question.answer),
    explanation: question.explanation,
    difficulty: String(question.difficulty),
  };
  OPTION_LETTERS.forEach((letter, index) => {
    values[`option${letter}`] = question.kind === "TRUE_FALSE" ? "" : (question.options[index] ?? "");
  });
  return values;
}

function toRow(question: SelectedQuestion): QuestionRow {
  return {
    id: question.id,
    trade: question.trade,
    kind: question.kind,
    stem: question.stem,
    options: question.options,
    answer: question.answer,
    answerText: answerTextOf(question.kind, question.options, question.answer),
    difficulty: question.difficulty,
    retiredAt: question.retiredAt,
    updatedAt: question.updatedAt,
  };
}

/** Page count and the requested page clamped to it (an empty list still has page 1). */
function paging(total: number, requested: number, size: number) {
  const pageCount = Math.ceil(total / size);
  return { pageCount, page: Math.min(requested, Math.max(pageCount, 1)) };
}

export function createQuestionBank(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  /** The schema's checks and the trade's existence, every problem at once. */
  async function check(values: unknown): Promise<{ ok: true; value: CheckedQuestion } | { ok: false; errors: FieldErrors }> {
    const form = (values && typeof values === "object" ? values : {}) as QuestionFormValues;
    const checked = checkQuestionFields(fieldsOfForm(form));
    const tradeCode = typeof form.trade === "string" ? form.trade.trim() : "";
    const trade = tradeCode === "" ? null : await prisma.trade.findUnique({ where: { code: tradeCode }, select: { id: true } });
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (tradeCode !== "" && trade === null) errors.trade ??= "quizadmin.error.tradeUnknown";
    if (!checked.ok || trade === null) return { ok: false, errors };
    return { ok: true, value: { ...checked.value, tradeId: trade.id } };
  }

  /** The question with this id from the URL, or a 404. */
  async function existing(id: unknown): Promise<SelectedQuestion> {
    const parsed = ZQuestionIdSchema.safeParse(id);
    const question = parsed.success ? await prisma.quizQuestion.findUnique({ where: { id: parsed.data }, select: questionSelect }) : null;
    if (!question) throw notFound();
    return question;
  }

  /** Counts per trade of every trade with questions, in catalogue order. */
  async function countsPerTrade(): Promise<TradeQuestionCount[]> {
    const [active, retired] = await Promise.all([
      prisma.quizQuestion.groupBy({ by: ["tradeId"], where: { retiredAt: null }, _count: { _all: true } }),
      prisma.quizQuestion.groupBy({ by: ["tradeId"], where: { retiredAt: { not: null } }, _count: { _all: true } }),
    ]);
    const ids = [...new Set([...active, ...retired].map((group) => group.tradeId))];
    if (ids.length === 0) return [];
    const trades = await prisma.trade.findMany({
      where: { id: { in: ids } },
      orderBy: [{ category: { position: "asc" } }, { position: "asc" }],
      select: { id: true, code: true, nameZh: true, nameEn: true },
    });
    const countOf = (groups: typeof active, tradeId: number) => groups.find((group) => group.tradeId === tradeId)?._count._all ?? 0;
    return trades.map(({ id, ...trade }) => ({ trade, active: countOf(active, id), retired: countOf(retired, id) }));
  }

  return {
    /**
     * /admin/quiz-questions: one page of questions (newest first), filtered by trade, a text in the
     * stem and the state (active, retired, all), with every trade's counts. Unknown filter values
     * are dropped, as on the other lists.
     */
    async list(viewer: Viewer | null, params: unknown): Promise<QuestionListPage> {
      requireRole(viewer, "ADMIN");
      const parsed = ZListQuerySchema.parse(params ?? {});
      const trade = parsed.trade === null ? null : await prisma.trade.findUnique({ where: { code: parsed.trade }, select: { id: true, code: true, nameZh: true, nameEn: true } });
      const query: QuestionListQuery = { ...parsed, trade: trade?.code ?? null };
      const where: DB.Prisma.QuizQuestionWhereInput = {
        ...(trade ? { tradeId: trade.id } : {}),
        ...(query.q ? { stem: { contains: query.q, mode: "insensitive" } } : {}),
        ...(query.state === "active" ? { retiredAt: null } : query.state === "retired" ? { retiredAt: { not: null } } : {}),
      };
      const [total, counts] = await Promise.all([prisma.quizQuestion.count({ where }), countsPerTrade()]);
      const { page, pageCount } = paging(total, query.page, QUESTION_PAGE_SIZE);
      const rows = await prisma.quizQuestion.findMany({
        where,
        orderBy: { id: "desc" },
        skip: (page - 1) * QUESTION_PAGE_SIZE,
        take: QUESTION_PAGE_SIZE,
        select: questionSelect,
      });
      return {
        items: rows.map(toRow),
        total,
        page,
        pageCount,
        query: { ...query, page },
        trade: trade ? { code: trade.code, nameZh: trade.nameZh, nameEn: trade.nameEn } : null,
        counts,
      };
    },

    /** One question with its form values and how many answers refer to it; 404 for no such id. */
    async forEdit(viewer: Viewer | null, id: unknown): Promise<QuestionDetail> {
      requireRole(viewer, "ADMIN");
      const question = await existing(id);
      const answerCount = await prisma.quizAnswer.count({ where: { questionId: question.id, answeredAt: { not: null } } });
      return { ...toRow(question), explanation: question.explanation, createdAt: question.createdAt, answerCount, values: formValuesOf(question) };
    },

    /** The new-question form's starting values; `trade` (the list's filter) is preselected when it is a trade. */
    async blank(viewer: Viewer | null, trade: unknown): Promise<Record<string, string>> {
      requireRole(viewer, "ADMIN");
      const code = tradeCodeParam.parse(trade);
      const found = code === null ? null : await prisma.trade.findUnique({ where: { code }, select: { code: true } });
      return { trade: found?.code ?? "", kind: "SINGLE", difficulty: "2" };
    },

    /** A new question in play. Field problems (including a stem its trade already has) come back per field. */
    async create(viewer: Viewer | null, values: unknown): Promise<FormResult<{ id: number }>> {
      requireRole(viewer, "ADMIN");
      const checked = await check(values);
      if (!checked.ok) return formFailed(checked.errors);
      const { tradeId, kind, stem, options, answer, explanation, difficulty } = checked.value;
      const now = clock.now();
      try {
        const created = await prisma.quizQuestion.create({
          data: { tradeId, kind, stem, options, answer, explanation, difficulty, createdAt: now, updatedAt: now },
          select: { id: true },
        });
        return formOk(created);
      } catch (error) {
        if (isUniqueViolation(error)) return formFailed({ stem: "quizbank.error.duplicateStem" });
        throw error;
      }
    },

    /**
     * Changes a question (its trade too). Allowed after it was answered: recorded answers keep the
     * correctness and points they were given; attempts started afterwards play the new version.
     */
    async update(viewer: Viewer | null, id: unknown, values: unknown): Promise<FormResult<{ id: number }>> {
      requireRole(viewer, "ADMIN");
      const question = await existing(id);
      const checked = await check(values);
      if (!checked.ok) return formFailed(checked.errors);
      const { tradeId, kind, stem, options, answer, explanation, difficulty } = checked.value;
      try {
        await prisma.quizQuestion.update({
          where: { id: question.id },
          data: { tradeId, kind, stem, options, answer, explanation, difficulty, updatedAt: clock.now() },
        });
        return formOk({ id: question.id });
      } catch (error) {
        if (isUniqueViolation(error)) return formFailed({ stem: "quizbank.error.duplicateStem" });
        throw error;
      }
    },

    /** Takes a question out of play (kept for the attempts that served it). Retiring twice keeps the first date. */
    async retire(viewer: Viewer | null, id: unknown): Promise<{ id: number; retiredAt: Date }> {
      requireRole(viewer, "ADMIN");
      const question = await existing(id);
      const now = clock.now();
      await prisma.quizQuestion.updateMany({ where: { id: question.id, retiredAt: null }, data: { retiredAt: now, updatedAt: now } });
      const { retiredAt } = await prisma.quizQuestion.findUniqueOrThrow({ where: { id: question.id }, select: { retiredAt: true } });
      return { id: question.id, retiredAt: retiredAt ?? now };
    },

    /** Puts a retired question back in play. */
    async restore(viewer: Viewer | null, id: unknown): Promise<{ id: number }> {
      requireRole(viewer, "ADMIN");
      const question = await existing(id);
      await prisma.quizQuestion.updateMany({ where: { id: question.id, retiredAt: { not: null } }, data: { retiredAt: null, updatedAt: clock.now() } });
      return { id: question.id };
    },
  };
}

export type QuestionBank = ReturnType<typeof createQuestionBank>;
