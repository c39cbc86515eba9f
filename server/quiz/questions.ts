// Placeholder: the question bank service (list, edit, retire) lands with the quiz issue.
import type { Clock } from "../clock.ts";
import type { PrismaClient } from "../db/client.ts";

export function createQuestionBank(_deps: { prisma: PrismaClient; clock: Clock }) {
  return {};
}
export type QuestionBank = ReturnType<typeof createQuestionBank>;
