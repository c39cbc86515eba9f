// 答题闯关：quizbank 的文字。
export const quizbankZhCN = {
};
