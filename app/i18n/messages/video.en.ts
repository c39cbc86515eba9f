// English for video.zh-CN.ts.
import type { videoZhCN } from "./video.zh-CN.ts";

export const videoEn: Record<keyof typeof videoZhCN, string> = {
};
