// One demo question as an admin would import it (the same fields as an import row): the answer as
// letters ("B", "ACD") for choice questions, 正确/错误 for true/false ones. The seed turns it into
// option indexes with the import's own parser (server/quiz/schema.ts ZQuestionInputSchema).
export interface SeedQuestion {
  kind: "SINGLE" | "MULTIPLE" | "TRUE_FALSE";
  stem: string;
  /** Four options for choice questions; none for true/false. */
  options: readonly string[];
  answer: string;
  explanation: string;
  difficulty: 1 | 2 | 3;
}
