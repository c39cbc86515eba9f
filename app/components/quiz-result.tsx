// A question after it was answered or its time ran out: right or wrong, every option marked (the
// correct ones, the worker's choice), the explanation, and the points and streak it brought. The
// play page shows one after each answer; the finished attempt lists them all.
import type { Ref } from "react";
import type { AnswerResult } from "../../server/quiz/types.ts";
import { useT } from "../i18n/index.ts";
import { formatAnswerTime, optionLetter, optionLetters } from "./quiz-labels.tsx";

interface ReviewProps {
  result: AnswerResult;
  /** The heading level: 2 on its own (the play page), 3 in the finished attempt's list. */
  level: 2 | 3;
  /** The heading takes focus when the page moves on to this result. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function QuizAnswerReview({ result, level, headingRef }: ReviewProps) {
  const t = useT();
  const Heading = level === 2 ? "h2" : "h3";
  const verdict = result.correct ? t("quizui.result.right") : result.expired ? t("quizui.result.expired") : t("quizui.result.wrong");
  const chosen = new Set(result.choice);
  const correct = new Set(result.answer);
  return (
    <section
      className={`quiz-play-review ${result.correct ? "is-right" : "is-wrong"}`}
      aria-labelledby={`quiz-review-${result.position}`}
      data-testid="quiz-review"
      data-position={result.position}
      data-correct={result.correct ? "true" : "false"}
    >
      <Heading id={`quiz-review-${result.position}`} className="quiz-play-verdict" tabIndex={-1} ref={headingRef} data-testid="quiz-verdict">
        <span aria-hidden="true">{result.correct ? "✓ " : "✗ "}</span>
        {level === 3 ? `${t("quizui.result.questionNumber", { number: result.position + 1 })} · ` : null}
        {verdict}
      </Heading>
      <p className="quiz-play-review-stem">{result.stem}</p>
      <ul className="quiz-play-review-options">
        {result.options.map((option, index) => {
          const isCorrect = correct.has(index);
          const isChosen = chosen.has(index);
          const marks = [isCorrect ? t("quizui.result.correctOption") : null, isChosen ? t("quizui.result.yourChoice") : null].filter(Boolean);
          return (
            <li key={index} className={`${isCorrect ? "correct" : ""}${isChosen ? " chosen" : ""}`.trim() || undefined}>
              <span className="quiz-play-letter" aria-hidden="true">
                {optionLetter(index)}
              </span>
              <span className="quiz-play-option-text">{option}</span>
              {marks.length > 0 ? <span className="quiz-play-mark">{marks.join(" · ")}</span> : null}
            </li>
          );
        })}
      </ul>
      <dl className="facts quiz-play-review-facts">
        <dt>{t("quizui.result.answer")}</dt>
        <dd data-testid="quiz-correct-answer">{optionLetters(result.answer)}</dd>
        <dt>{t("quizui.result.yours")}</dt>
        <dd>{result.choice.length > 0 ? optionLetters(result.choice) : t("quizui.result.none")}</dd>
        <dt>{t("quizui.result.points")}</dt>
        <dd data-testid="quiz-points">{t("quizui.result.pointsValue", { points: result.points })}</dd>
        <dt>{t("quizui.result.streak")}</dt>
        <dd>{result.streak}</dd>
        {!result.expired ? (
          <>
            <dt>{t("quizui.result.time")}</dt>
            <dd>{formatAnswerTime(t, result.timeMs)}</dd>
          </>
        ) : null}
      </dl>
      <div className="quiz-play-explanation" data-testid="quiz-explanation">
        <strong>{t("quizui.result.explanation")}</strong>
        <p>{result.explanation}</p>
      </div>
    </section>
  );
}
