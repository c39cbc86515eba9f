// 简体中文：courses messages, spread into zh-CN.ts. Every key needs its English in courses.en.ts.
export const coursesZhCN = {
} as const;
