// English for liveqa.zh-CN.ts.
import type { liveqaZhCN } from "./liveqa.zh-CN.ts";

export const liveqaEn: Record<keyof typeof liveqaZhCN, string> = {
  "qa.error.badRequest": "The request was not understood; reload the page and try again.",
  "qa.error.textRequired": "Write your question.",
  "qa.error.textTooLong": "A question can have at most 300 characters.",
  "qa.error.answerTooLong": "An answer can have at most 500 characters.",
  "qa.error.closed": "The session has ended: no more questions or votes.",
  "qa.error.muted": "The host muted you: you cannot ask or vote in this session.",
  "qa.error.askTooFast": "You are asking too often; try again in 30 seconds.",
  "qa.error.voteTooFast": "You are voting too often; try again in a moment.",
  "qa.error.alreadyAnswered": "The question has been answered and can no longer be deleted.",
  "qa.error.notPinnable": "A hidden question, or one waiting for approval, cannot be pinned.",
  "qa.error.cannotMute": "The host, admins and you yourself cannot be muted.",
};
