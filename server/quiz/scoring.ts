// Points for one answer, computed on the server from server times only. A correct answer scores
// BASE_POINTS, plus a speed bonus that falls linearly from SPEED_BONUS_MAX (answered at once) to 0
// (answered at the deadline), plus a streak bonus for consecutive correct answers in the attempt.
// A wrong or expired answer scores nothing and ends the streak.

export const BASE_POINTS = 100;
export const SPEED_BONUS_MAX = 50;
/** Per correct answer in a row after the first, up to STREAK_BONUS_MAX. */
export const STREAK_BONUS_STEP = 10;
export const STREAK_BONUS_MAX = 50;
/** Answers sooner than this after the question was served are flagged for review (ms). */
export const HUMAN_MINIMUM_MS = 300;
/**
 * An attempt with no activity for this long (ms) is abandoned: the server finishes it, its
 * remaining questions recorded as expired (wrong), so its score reaches the leaderboards without
 * the worker coming back (server/quiz/service.ts, the "quiz.abandoned" task). The play page says so.
 */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export interface AnswerScore {
  points: number;
  /** The streak after this answer. */
  streak: number;
}

/**
 * @param elapsedMs server time from serving to the answer (0 ≤ elapsedMs ≤ windowMs)
 * @param windowMs  the seconds per question, in ms
 * @param streakBefore correct answers in a row before this one
 */
export function scoreAnswer(correct: boolean, elapsedMs: number, windowMs: number, streakBefore: number): AnswerScore {
  if (!correct) return { points: 0, streak: 0 };
  const remaining = Math.max(0, Math.min(1, (windowMs - elapsedMs) / windowMs));
  const speed = Math.floor(SPEED_BONUS_MAX * remaining);
  const streakBonus = Math.min(STREAK_BONUS_MAX, STREAK_BONUS_STEP * streakBefore);
  return { points: BASE_POINTS + speed + streakBonus, streak: streakBefore + 1 };
}

/** Correct answers needed to pass a level of `questions` questions at `passPercent`. */
export function passMark(questions: number, passPercent: number): number {
  return Math.ceil((questions * passPercent) / 100);
}

/** A choice is right when it names exactly the correct options (order does not matter). */
export function isCorrectChoice(choice: readonly number[], answer: readonly number[]): boolean {
  if (choice.length !== answer.length) return false;
  const sorted = [...choice].sort((a, b) => a - b);
  const expected = [...answer].sort((a, b) => a - b);
  return sorted.every((value, index) => value === expected[index]);
}
