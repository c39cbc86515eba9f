// Placeholder: the challenge reports land with the quiz issue.
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";

export function createQuizReports(_deps: { prisma: PrismaClient; clock: Clock }) {
  return {};
}
export type QuizReports = ReturnType<typeof createQuizReports>;
