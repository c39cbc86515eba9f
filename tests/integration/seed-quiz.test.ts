// The demo quiz: banks for at least ten trades with at least twenty valid questions each, a running
// challenge on its fourth day, and players whose totals are what the scoring rules make of their
// answers; seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoQuiz, DEMO_QUIZ_ID } from "../../prisma/seed/quiz.ts";
import { QUIZ_BANK } from "../../prisma/seed/quiz-bank/index.ts";
import { challengeDayAt } from "../../server/quiz/calendar.ts";
import { ZQuestionInputSchema } from "../../server/quiz/schema.ts";
import { isCorrectChoice, scoreAnswer } from "../../server/quiz/scoring.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

let db: TestDatabase;
const NOW = new Date("2026-12-04T06:00:00.000Z");

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoQuiz(db.prisma, { now: NOW });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("the demo quiz", () => {
  it("has banks for at least 10 trades with at least 20 valid, distinct questions each", async () => {
    expect(QUIZ_BANK.length).toBeGreaterThanOrEqual(10);
    for (const { trade, questions } of QUIZ_BANK) {
      expect.soft(questions.length, trade).toBeGreaterThanOrEqual(20);
      expect.soft(new Set(questions.map((question) => question.stem)).size, trade).toBe(questions.length);
      for (const question of questions) {
        const parsed = ZQuestionInputSchema.safeParse({ ...question, trade, options: [...question.options] });
        expect.soft(parsed.success, `${trade}: ${question.stem}`).toBe(true);
      }
      const kinds = new Set(questions.map((question) => question.kind));
      expect.soft([...kinds].sort(), trade).toEqual(["MULTIPLE", "SINGLE", "TRUE_FALSE"]);
    }
    const trades = await db.prisma.trade.findMany({ where: { code: { in: QUIZ_BANK.map((bank) => bank.trade) } } });
    expect(trades).toHaveLength(QUIZ_BANK.length);
    expect(await db.prisma.quizQuestion.count()).toBe(QUIZ_BANK.reduce((sum, bank) => sum + bank.questions.length, 0));
  });

  it("runs a challenge on its fourth day, covering the trades with banks", async () => {
    const challenge = await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id: DEMO_QUIZ_ID }, include: { trades: true } });
    expect(challengeDayAt(challenge, NOW)).toBe(4);
    expect(challenge.days).toBe(10);
    expect(challenge.trades).toHaveLength(QUIZ_BANK.length);
  });

  it("has players whose totals are the sums of what the scoring rules give their answers", async () => {
    const entries = await db.prisma.quizEntry.findMany({ include: { attempts: { include: { answers: { include: { question: true } } } } } });
    expect(entries.length).toBeGreaterThanOrEqual(50);
    expect(entries.filter((entry) => entry.score > 0).length).toBeGreaterThanOrEqual(30);
    const challenge = await db.prisma.quizChallenge.findUniqueOrThrow({ where: { id: DEMO_QUIZ_ID } });
    for (const entry of entries) {
      const levels = new Set<string>();
      for (const attempt of entry.attempts) {
        expect(attempt.scored).toBe(true);
        expect(levels.has(`${attempt.day}:${attempt.level}`)).toBe(false);
        levels.add(`${attempt.day}:${attempt.level}`);
        expect(attempt.finishedAt!.getTime()).toBeLessThan(NOW.getTime());
        const answers = attempt.answers.sort((a, b) => a.position - b.position);
        expect(answers.map((answer) => answer.questionId)).toEqual(attempt.questionIds);
        let streak = 0;
        for (const answer of answers) {
          expect(answer.question.tradeId).toBe(entry.tradeId);
          expect(answer.correct).toBe(!answer.expired && isCorrectChoice(answer.choice, answer.question.answer));
          const score = scoreAnswer(answer.correct!, answer.timeMs!, challenge.secondsPerQuestion * 1000, streak);
          expect(answer.points).toBe(score.points);
          streak = score.streak;
        }
        expect(attempt.score).toBe(answers.reduce((sum, answer) => sum + answer.points, 0));
        expect(attempt.timeMs).toBe(answers.reduce((sum, answer) => sum + answer.timeMs!, 0));
        // A level after the first was played only after passing the one before it.
        if (attempt.level > 1) expect(entry.attempts.some((other) => other.day === attempt.day && other.level === attempt.level - 1 && other.passed)).toBe(true);
      }
      expect(entry.score).toBe(entry.attempts.reduce((sum, attempt) => sum + attempt.score, 0));
      expect(entry.timeMs).toBe(entry.attempts.reduce((sum, attempt) => sum + attempt.timeMs, 0));
    }
  });

  it("adds nothing when seeded again", async () => {
    const before = await db.prisma.quizAttempt.count();
    await seedDemoQuiz(db.prisma, { now: NOW });
    expect(await db.prisma.quizAttempt.count()).toBe(before);
    expect(await db.prisma.quizChallenge.count()).toBe(1);
  });
});
