// English for quizui.zh-CN.ts.
import type { quizuiZhCN } from "./quizui.zh-CN.ts";

export const quizuiEn: Record<keyof typeof quizuiZhCN, string> = {
};
