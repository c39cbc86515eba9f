// 答题闯关：quizui 的文字。
export const quizuiZhCN = {
};
