// Live Q&A: the panel beside the player, and the errors of the Q&A service and its socket events.
export const liveqaZhCN = {
  "qa.error.badRequest": "请求格式不对，请刷新页面后再试。",
  "qa.error.textRequired": "请写下你的问题。",
  "qa.error.textTooLong": "问题最多 300 个字。",
  "qa.error.answerTooLong": "回答最多 500 个字。",
  "qa.error.closed": "直播已结束，不能再提问或点赞。",
  "qa.error.muted": "你已被主持人禁言，本场直播中不能提问或点赞。",
  "qa.error.askTooFast": "提问太频繁了，请 30 秒后再试。",
  "qa.error.voteTooFast": "点赞太频繁了，请稍后再试。",
  "qa.error.alreadyAnswered": "问题已被回答，不能再删除。",
  "qa.error.notPinnable": "隐藏或待审核的问题不能置顶。",
  "qa.error.cannotMute": "不能禁言主讲人、管理员或你自己。",
} as const;
