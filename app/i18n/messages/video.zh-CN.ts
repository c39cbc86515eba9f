// 简体中文：video messages, spread into zh-CN.ts. Every key needs its English in video.en.ts.
export const videoZhCN = {
} as const;
