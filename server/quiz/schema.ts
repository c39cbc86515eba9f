// What the quiz's forms, URLs, socket events and import rows may contain. Messages are keys of the
// message files (app/i18n/messages/quiz.*.ts for workers, quizadmin.*.ts for admins). Checks that
// need the database or the clock (an unknown trade, a locked level) are the services'.
import { z } from "zod";
import { requiredText, tradeCodeParam, wholeNumber } from "../validation.ts";
import { startOfChinaDate } from "./calendar.ts";

export const CHALLENGE_NAME_MAX = 60;
export const CHALLENGE_DAYS_MAX = 30;
export const LEVELS_PER_DAY_MAX = 10;
export const QUESTIONS_PER_LEVEL_MAX = 30;
export const STEM_MAX = 500;
export const OPTION_MAX = 200;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 8;
export const EXPLANATION_MAX = 1000;
/** The options of every TRUE_FALSE question, in this order (index 0 is "true"). */
export const TRUE_FALSE_OPTIONS = ["正确", "错误"] as const;

const id = z.string().regex(/^[a-z0-9]{10,40}$/, "quiz.error.notFound");

// ── admins ──

/** Creating or editing a challenge. `trades` are trade codes (checked against the database). */
export const ZChallengeFormSchema = z.object({
  name: requiredText("quizadmin.error.nameRequired", CHALLENGE_NAME_MAX, "quizadmin.error.nameTooLong"),
  startDate: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z.string().min(1, "quizadmin.error.startDateRequired").refine((value) => startOfChinaDate(value) !== null, "quizadmin.error.startDateInvalid"),
  ),
  days: wholeNumber("quizadmin.error.daysInvalid", 1, CHALLENGE_DAYS_MAX, 10),
  levelsPerDay: wholeNumber("quizadmin.error.levelsInvalid", 1, LEVELS_PER_DAY_MAX, 3),
  questionsPerLevel: wholeNumber("quizadmin.error.questionsInvalid", 1, QUESTIONS_PER_LEVEL_MAX, 5),
  secondsPerQuestion: wholeNumber("quizadmin.error.secondsInvalid", 5, 300, 20),
  passPercent: wholeNumber("quizadmin.error.passPercentInvalid", 0, 100, 60),
  /** Every trade when "all" is among them. */
  trades: z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []),
    z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, "quizadmin.error.tradeUnknown")).min(1, "quizadmin.error.tradesRequired").max(500, "quizadmin.error.tradeUnknown"),
  ),
});
export type ChallengeForm = z.infer<typeof ZChallengeFormSchema>;

export const QUESTION_KINDS = ["SINGLE", "MULTIPLE", "TRUE_FALSE"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * One question, from the edit form or one import row (already split into fields). `answer` is
 * letters ("A", "AC", "A,C") for choice questions and 正确/错误/对/错/true/false/T/F for TRUE_FALSE;
 * the refinements report a missing answer and an answer not among the options under `answer`.
 */
export const ZQuestionInputSchema = z
  .object({
    trade: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, "quizadmin.error.tradeRequired")),
    kind: z.preprocess((value) => (typeof value === "string" ? value.trim().toUpperCase() : value), z.enum(QUESTION_KINDS, "quizadmin.error.kindInvalid")),
    stem: requiredText("quizadmin.error.stemRequired", STEM_MAX, "quizadmin.error.stemTooLong"),
    /** Empty options are dropped; TRUE_FALSE ignores them. */
    options: z.preprocess(
      (value) => (Array.isArray(value) ? value : []).map((option) => (typeof option === "string" ? option.trim() : "")).filter((option) => option !== ""),
      z.array(z.string().max(OPTION_MAX, "quizadmin.error.optionTooLong")).max(OPTIONS_MAX, "quizadmin.error.tooManyOptions"),
    ),
    answer: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string()),
    explanation: requiredText("quizadmin.error.explanationRequired", EXPLANATION_MAX, "quizadmin.error.explanationTooLong"),
    difficulty: wholeNumber("quizadmin.error.difficultyInvalid", 1, 3, 2),
  })
  .transform((input, ctx) => {
    const options = input.kind === "TRUE_FALSE" ? [...TRUE_FALSE_OPTIONS] : input.options;
    if (input.kind !== "TRUE_FALSE" && options.length < OPTIONS_MIN) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "quizadmin.error.tooFewOptions" });
      return z.NEVER;
    }
    if (input.answer === "") {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "quizadmin.error.answerRequired" });
      return z.NEVER;
    }
    const answer = parseAnswer(input.kind, input.answer, options.length);
    if (answer === null) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "quizadmin.error.answerNotAmongOptions" });
      return z.NEVER;
    }
    if (input.kind === "SINGLE" && answer.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "quizadmin.error.singleNeedsOneAnswer" });
      return z.NEVER;
    }
    if (input.kind === "MULTIPLE" && answer.length < 2) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "quizadmin.error.multipleNeedsTwoAnswers" });
      return z.NEVER;
    }
    return { trade: input.trade, kind: input.kind, stem: input.stem, options, answer, explanation: input.explanation, difficulty: input.difficulty };
  });
export type QuestionInput = z.output<typeof ZQuestionInputSchema>;

const TRUE_WORDS = new Set(["正确", "对", "√", "TRUE", "T", "Y", "YES"]);
const FALSE_WORDS = new Set(["错误", "错", "×", "FALSE", "F", "N", "NO"]);

/** Option indexes (ascending, distinct) from an answer as written; null when one is not an option. */
export function parseAnswer(kind: QuestionKind, written: string, optionCount: number): number[] | null {
  const text = written.trim().toUpperCase();
  if (kind === "TRUE_FALSE") return TRUE_WORDS.has(text) ? [0] : FALSE_WORDS.has(text) ? [1] : null;
  const letters = text.replace(/[\s,，、;；]/g, "");
  if (!/^[A-Z]+$/.test(letters)) return null;
  const indexes = [...new Set([...letters].map((letter) => letter.charCodeAt(0) - 65))].sort((a, b) => a - b);
  return indexes.every((index) => index < optionCount) ? indexes : null;
}

/** "A", "AC": an answer as the forms and exports write it. */
export const answerLetters = (answer: readonly number[]) => answer.map((index) => String.fromCharCode(65 + index)).join("");

// ── workers ──

export const ZChooseTradeSchema = z.object({
  challengeId: id,
  trade: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().regex(/^[a-z0-9-]{1,40}$/, "quiz.error.tradeRequired")),
});

export const ZStartAttemptSchema = z.object({
  challengeId: id,
  day: wholeNumber("quiz.error.levelUnknown", 1, CHALLENGE_DAYS_MAX),
  level: wholeNumber("quiz.error.levelUnknown", 1, LEVELS_PER_DAY_MAX),
});

/**
 * An answer: the attempt, the position of the question it answers (so that a replayed or stale
 * request cannot land on the next question), and the chosen option indexes (checkboxes repeat
 * "choice"; at most OPTIONS_MAX).
 */
export const ZAnswerSchema = z.object({
  attemptId: id,
  position: wholeNumber("quiz.error.staleQuestion", 0, QUESTIONS_PER_LEVEL_MAX - 1),
  choice: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]).map((item) => (typeof item === "string" ? Number(item) : item)),
    z
      .array(z.number("quiz.error.choiceInvalid").int("quiz.error.choiceInvalid").min(0, "quiz.error.choiceInvalid").max(OPTIONS_MAX - 1, "quiz.error.choiceInvalid"), "quiz.error.choiceInvalid")
      .max(OPTIONS_MAX, "quiz.error.choiceInvalid"),
  ),
});
export type AnswerInput = z.output<typeof ZAnswerSchema>;

export const LEADERBOARD_SCOPES = ["all", "trade"] as const;

/** Which board: everyone or one trade; the whole challenge ("total") or one day. */
export const ZBoardQuerySchema = z.object({
  challengeId: id,
  trade: tradeCodeParam,
  day: z.preprocess((value) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= CHALLENGE_DAYS_MAX ? n : null;
  }, z.number().nullable()),
});
export type BoardQuery = z.output<typeof ZBoardQuerySchema>;
