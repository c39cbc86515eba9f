// The demo quiz challenge ("百大工种齐练兵"): question banks for twelve trades (prisma/seed/quiz-bank),
// a ten-day challenge covering them that started three days before the demo date, and sixty demo
// players who have played the days so far, so that the leaderboards, the reports and the levels
// look lived-in. The players' attempts are simulated with the real picker and scoring rules
// (server/quiz/picker.ts, scoring.ts) from a fixed seed: the same demo every time. Runs once: a
// database that has any challenge is left alone.
import type { PrismaClient } from "../../server/db/client.ts";
import { addChinaDays, chinaDateOf, dayStartsAt } from "../../server/quiz/calendar.ts";
import { pickQuestions, seededRandom } from "../../server/quiz/picker.ts";
import { ZQuestionInputSchema } from "../../server/quiz/schema.ts";
import { passMark, scoreAnswer } from "../../server/quiz/scoring.ts";
import { QUIZ_BANK } from "./quiz-bank/index.ts";

export interface SeedQuizOptions {
  /** The demo date: the challenge's fourth day. Default: now. */
  now?: Date;
}

/** The demo challenge (its id is fixed so that tests and links can name it). */
export const DEMO_QUIZ_ID = "qdemochallengewinter2026";
export const DEMO_QUIZ_PLAYERS = 60;
const CHALLENGE = { name: "百大工种齐练兵 · 冬季赛", days: 10, levelsPerDay: 3, questionsPerLevel: 5, secondsPerQuestion: 20, passPercent: 60 };

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
const GIVEN = ["建华", "志强", "秀英", "海燕", "国庆", "晓明", "桂兰", "伟", "磊", "静", "军", "丽娟", "红霞", "春生", "德胜", "玉梅", "永刚", "小龙", "淑珍", "振华"];

const MINUTE_MS = 60_000;

/** What the simulation decides for one question. */
interface Played {
  position: number;
  questionId: number;
  servedAt: Date;
  deadlineAt: Date;
  answeredAt: Date;
  choice: number[];
  correct: boolean;
  expired: boolean;
  points: number;
  timeMs: number;
}

export async function seedDemoQuiz(prisma: PrismaClient, options: SeedQuizOptions = {}): Promise<void> {
  if ((await prisma.quizChallenge.count()) > 0) return;
  const now = options.now ?? new Date();
  const startDate = addChinaDays(chinaDateOf(now), -3);
  const random = seededRandom(20261130);

  // ── the banks ──
  const tradeIds = new Map((await prisma.trade.findMany({ where: { code: { in: QUIZ_BANK.map((bank) => bank.trade) } }, select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const rows = QUIZ_BANK.flatMap(({ trade, questions }) =>
    questions.map((question) => {
      const parsed = ZQuestionInputSchema.parse({ ...question, trade, options: [...question.options] });
      return { tradeId: tradeIds.get(trade)!, kind: parsed.kind, stem: parsed.stem, options: parsed.options, answer: parsed.answer, explanation: parsed.explanation, difficulty: parsed.difficulty };
    }),
  );
  await prisma.quizQuestion.createMany({ data: rows });
  const bank = await prisma.quizQuestion.findMany({ select: { id: true, tradeId: true, kind: true, options: true, answer: true, difficulty: true }, orderBy: { id: "asc" } });
  const byTrade = new Map<number, typeof bank>();
  for (const question of bank) byTrade.set(question.tradeId, [...(byTrade.get(question.tradeId) ?? []), question]);
  const questionById = new Map(bank.map((question) => [question.id, question]));

  // ── the challenge ──
  await prisma.quizChallenge.create({
    data: { id: DEMO_QUIZ_ID, startDate, ...CHALLENGE, trades: { create: [...tradeIds.values()].map((tradeId) => ({ tradeId })) } },
  });

  // ── the players ──
  await prisma.user.createMany({
    data: Array.from({ length: DEMO_QUIZ_PLAYERS }, (_, i) => ({
      phone: `1360000${String(i + 1).padStart(4, "0")}`,
      displayName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      // Demo players do not sign in: no password matches this.
      passwordHash: "demo-player-without-login",
    })),
  });
  const players = await prisma.user.findMany({ where: { phone: { startsWith: "1360000" } }, orderBy: { phone: "asc" }, select: { id: true } });
  const tradeList = [...tradeIds.entries()];

  const entries: { id: string; challengeId: string; userId: string; tradeId: number; score: number; timeMs: number; scoredAt: Date | null }[] = [];
  const attempts: object[] = [];
  const answers: object[] = [];
  const windowMs = CHALLENGE.secondsPerQuestion * 1000;
  const needed = passMark(CHALLENGE.questionsPerLevel, CHALLENGE.passPercent);
  const today = 4;

  for (const [index, player] of players.entries()) {
    const [, tradeId] = tradeList[index % tradeList.length]!;
    const questions = byTrade.get(tradeId) ?? [];
    const skill = 0.45 + random() * 0.5;
    const keenness = 0.5 + random() * 0.5;
    const entry = { id: `qdemoentry${String(index).padStart(4, "0")}`, challengeId: DEMO_QUIZ_ID, userId: player.id, tradeId, score: 0, timeMs: 0, scoredAt: null as Date | null };
    entries.push(entry);
    for (let day = 1; day <= today; day++) {
      if (random() > keenness) continue;
      // Played in the evening of past days; today, within the last few hours before the demo date.
      let clock =
        day < today
          ? dayStartsAt({ startDate }, day).getTime() + (18 + Math.floor(random() * 4)) * 60 * MINUTE_MS
          : Math.max(dayStartsAt({ startDate }, day).getTime(), now.getTime() - (30 + Math.floor(random() * 180)) * MINUTE_MS);
      for (let level = 1; level <= CHALLENGE.levelsPerDay; level++) {
        const seed = Math.floor(random() * 2 ** 31);
        const questionIds = pickQuestions(questions, CHALLENGE.questionsPerLevel, seed);
        const startedAt = new Date(clock);
        const played: Played[] = [];
        let streak = 0;
        for (const [position, questionId] of questionIds.entries()) {
          const question = questionById.get(questionId)!;
          const servedAt = new Date(clock);
          const expired = random() < 0.03;
          const correct = !expired && random() < skill - (question.difficulty - 2) * 0.1;
          const elapsed = expired ? windowMs : 3000 + Math.floor(random() * 15_000);
          const score = scoreAnswer(correct, elapsed, windowMs, streak);
          streak = score.streak;
          const wrongChoice = question.answer.includes(0) ? [question.kind === "TRUE_FALSE" ? 1 : (question.answer.at(-1)! + 1) % question.options.length] : [0];
          played.push({
            position,
            questionId,
            servedAt,
            deadlineAt: new Date(servedAt.getTime() + windowMs),
            answeredAt: new Date(servedAt.getTime() + elapsed),
            choice: expired ? [] : correct ? question.answer : wrongChoice,
            correct,
            expired,
            points: score.points,
            timeMs: elapsed,
          });
          // Reading the explanation before the next question.
          clock = servedAt.getTime() + elapsed + 2000 + Math.floor(random() * 5000);
        }
        const finishedAt = played.at(-1)!.answeredAt;
        if (finishedAt.getTime() >= now.getTime()) break;
        const correctCount = played.filter((answer) => answer.correct).length;
        const score = played.reduce((sum, answer) => sum + answer.points, 0);
        const timeMs = played.reduce((sum, answer) => sum + answer.timeMs, 0);
        const attemptId = `qdemoattempt${String(attempts.length).padStart(5, "0")}`;
        const passed = correctCount >= needed;
        attempts.push({ id: attemptId, challengeId: DEMO_QUIZ_ID, entryId: entry.id, userId: player.id, day, level, scored: true, seed, questionIds, status: "FINISHED", correctCount, score, timeMs, streak, passed, startedAt, finishedAt });
        answers.push(...played.map((answer) => ({ attemptId, ...answer, flagged: false })));
        entry.score += score;
        entry.timeMs += timeMs;
        entry.scoredAt = finishedAt;
        clock = finishedAt.getTime() + (1 + Math.floor(random() * 10)) * MINUTE_MS;
        // The next level opens only after a pass; some stop for the day anyway.
        if (!passed || random() > keenness) break;
      }
    }
  }
  await prisma.quizEntry.createMany({ data: entries });
  await prisma.quizAttempt.createMany({ data: attempts as never[] });
  await prisma.quizAnswer.createMany({ data: answers as never[] });
}
