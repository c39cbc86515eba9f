// English for courses.zh-CN.ts.
import type { coursesZhCN } from "./courses.zh-CN.ts";

export const coursesEn: Record<keyof typeof coursesZhCN, string> = {
};
