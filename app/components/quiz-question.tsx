// One served question as a plain form: the stem as the legend of its options, radio buttons for
// single-choice and true/false questions, checkboxes for multiple choice, and the attempt and the
// question's position as hidden fields (so that a replayed or stale post cannot land on another
// question). It posts to the play page's action with or without JavaScript. It carries only what
// the server served (ServedQuestion): no answer, no explanation.
import { Form, useNavigation } from "react-router";
import type { ServedQuestion } from "../../server/quiz/types.ts";
import { useT, type MessageKey } from "../i18n/index.ts";
import { optionLetter } from "./quiz-labels.tsx";

export function QuizQuestionForm({ attemptId, question }: { attemptId: string; question: ServedQuestion }) {
  const t = useT();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "answer";
  const multiple = question.kind === "MULTIPLE";
  const hintId = `quiz-kind-${question.position}`;
  return (
    <Form method="post" className="quiz-play-form" data-testid="quiz-question" data-position={question.position} key={`${attemptId}:${question.position}`}>
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="position" value={question.position} />
      <fieldset className="quiz-play-choices" aria-describedby={hintId}>
        <legend className="quiz-play-stem" data-testid="quiz-stem">
          {question.stem}
        </legend>
        <p className="hint" id={hintId}>
          {t(`quizui.kind.${question.kind}` as MessageKey)}
        </p>
        {question.options.map((option, index) => (
          <label key={index} className="quiz-play-option">
            <input type={multiple ? "checkbox" : "radio"} name="choice" value={index} />
            <span className="quiz-play-letter" aria-hidden="true">
              {optionLetter(index)}
            </span>
            <span className="quiz-play-option-text">{option}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="quiz-play-submit" disabled={sending}>
        {sending ? t("quizui.play.sending") : t("quizui.play.submit")}
      </button>
    </Form>
  );
}
