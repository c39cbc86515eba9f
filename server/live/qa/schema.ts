// What Q&A requests may contain, for the socket events and the plain form alike. Messages are
// keys of the message files (app/i18n/messages/liveqa.*.ts).
import { z } from "zod";

export const QUESTION_MAX = 300;
export const ANSWER_MAX = 500;

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const questionId = z.coerce.number("qa.error.badRequest").int("qa.error.badRequest").positive("qa.error.badRequest").max(2_147_483_647, "qa.error.badRequest");

/** Asking: 1–300 characters after trimming (counted as characters, not UTF-16 units). */
export const ZAskSchema = z.object({
  text: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z
      .string()
      .min(1, "qa.error.textRequired")
      .refine((text) => [...text].length <= QUESTION_MAX, "qa.error.textTooLong"),
  ),
  anonymous: checkbox,
});
export type AskInput = z.infer<typeof ZAskSchema>;

export const ZQuestionRef = z.object({ questionId });
export const ZVoteSchema = z.object({ questionId, on: z.preprocess((value) => value !== false && value !== "false" && value !== "0", z.boolean()) });
export const ZAnswerSchema = z.object({
  questionId,
  answer: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null),
    z.string().refine((text) => [...text].length <= ANSWER_MAX, "qa.error.answerTooLong").nullable(),
  ),
});
/** Pin one question, or none (questionId null). */
export const ZPinSchema = z.object({ questionId: questionId.nullable() });
export const ZPremoderationSchema = z.object({ on: z.boolean("qa.error.badRequest") });
export const ZMuteSchema = z.object({ userId: z.string("qa.error.badRequest").min(1, "qa.error.badRequest").max(40, "qa.error.badRequest"), on: z.boolean("qa.error.badRequest") });

export const QA_SORTS = ["votes", "newest"] as const;
export type QaSort = (typeof QA_SORTS)[number];
/** Re-sync: questions after the last id a client saw, or all. */
export const ZListSchema = z.object({
  sort: z.preprocess((value) => (value === "newest" ? "newest" : "votes"), z.enum(QA_SORTS)),
  afterId: z.preprocess((value) => (value === undefined || value === null || value === "" ? 0 : value), z.coerce.number().int().min(0).max(2_147_483_647)).catch(0),
});
