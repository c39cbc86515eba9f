// Quiz fixtures: a challenge and a trade's question bank written straight to the database (the
// admin pages have their own tests), and the answers to the questions an attempt was served, which
// a test may know and a browser may not.
import type { PrismaClient } from "../../server/db/client.ts";
import type { QuestionKind } from "../../server/quiz/schema.ts";

export interface ChallengeOptions {
  name?: string;
  startDate: string;
  days?: number;
  levelsPerDay?: number;
  questionsPerLevel?: number;
  secondsPerQuestion?: number;
  passPercent?: number;
  /** Trade codes covered (default: welder and electrician). */
  trades?: string[];
}

export async function createChallenge(prisma: PrismaClient, options: ChallengeOptions) {
  const trades = await prisma.trade.findMany({ where: { code: { in: options.trades ?? ["welder", "electrician"] } }, select: { id: true } });
  return prisma.quizChallenge.create({
    data: {
      name: options.name ?? "百大工种齐练兵 · 测试赛",
      startDate: options.startDate,
      days: options.days ?? 10,
      levelsPerDay: options.levelsPerDay ?? 3,
      questionsPerLevel: options.questionsPerLevel ?? 5,
      secondsPerQuestion: options.secondsPerQuestion ?? 20,
      passPercent: options.passPercent ?? 60,
      trades: { create: trades.map((trade) => ({ tradeId: trade.id })) },
    },
  });
}

let stems = 0;

/**
 * `count` questions for a trade: single choice with the answer at index (n mod 4), every third a
 * multiple choice (answers 0 and 2), every fifth true/false (answer 0). Stems and explanations are
 * unique and easy to search for in a response.
 */
export async function createBank(prisma: PrismaClient, tradeCode: string, count: number) {
  const trade = await prisma.trade.findUniqueOrThrow({ where: { code: tradeCode } });
  const rows = Array.from({ length: count }, (_, n) => {
    const id = ++stems;
    const kind: QuestionKind = n % 5 === 4 ? "TRUE_FALSE" : n % 3 === 2 ? "MULTIPLE" : "SINGLE";
    return {
      tradeId: trade.id,
      kind,
      stem: `题干${id}：${tradeCode} 的第 ${n + 1} 题`,
      options: kind === "TRUE_FALSE" ? ["正确", "错误"] : ["选项甲", "选项乙", "选项丙", "选项丁"],
      answer: kind === "TRUE_FALSE" ? [0] : kind === "MULTIPLE" ? [0, 2] : [n % 4],
      explanation: `解析SECRET${id}`,
      difficulty: (n % 3) + 1,
    };
  });
  await prisma.quizQuestion.createMany({ data: rows });
  return prisma.quizQuestion.findMany({ where: { tradeId: trade.id }, orderBy: { id: "asc" } });
}

/** The correct choice for the question an attempt serves at `position`, and a wrong one. */
export async function choicesFor(prisma: PrismaClient, attemptId: string, position: number) {
  const row = await prisma.quizAnswer.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } }, include: { question: true } });
  const right = row.question.answer;
  const wrong = row.question.kind === "MULTIPLE" ? [1] : [right[0] === 0 ? 1 : 0];
  return { right, wrong, question: row.question };
}
