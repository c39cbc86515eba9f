// English for quiz.zh-CN.ts.
import type { quizZhCN } from "./quiz.zh-CN.ts";

export const quizEn: Record<keyof typeof quizZhCN, string> = {
  "quiz.error.notFound": "This quiz challenge or attempt was not found.",
  "quiz.error.signInRequired": "Sign in to take part in the quiz.",
  "quiz.error.tradeRequired": "Choose your trade.",
  "quiz.error.tradeNotCovered": "This challenge does not cover that trade; choose another.",
  "quiz.error.tradeLocked": "You have started a scored level: your trade can no longer change.",
  "quiz.error.tradeFirst": "Choose your trade before you start a level.",
  "quiz.error.levelUnknown": "There is no such level.",
  "quiz.error.dayLocked": "This day has not begun yet; come back on the day.",
  "quiz.error.levelLocked": "Pass the level before this one first.",
  "quiz.error.notStarted": "The challenge has not started yet.",
  "quiz.error.emptyBank": "This trade's question bank has no questions yet; please tell an admin.",
  "quiz.error.staleQuestion": "That question has passed; answer the current one.",
  "quiz.error.alreadyAnswered": "This question has been answered already; the score is unchanged.",
  "quiz.error.tooLate": "Time ran out: the question counts as wrong.",
  "quiz.error.choiceInvalid": "Choose one of the options.",
  "quiz.error.choiceRequired": "Choose an answer before you submit.",
  "quiz.error.finished": "This attempt is over.",
  "quiz.error.startTooFast": "You are starting levels too often; try again shortly.",
  "quiz.error.answerTooFast": "You are submitting too often; try again shortly.",
  "quiz.error.unavailable": "The leaderboard cannot update right now; reload the page in a moment.",
};
