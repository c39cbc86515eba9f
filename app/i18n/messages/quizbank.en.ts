// English for quizbank.zh-CN.ts.
import type { quizbankZhCN } from "./quizbank.zh-CN.ts";

export const quizbankEn: Record<keyof typeof quizbankZhCN, string> = {
};
