// The quiz question form's fields (shared by "new question" and "edit question") and the small
// labels the question bank pages share (kind, difficulty, state). Plain form controls: everything
// works without JavaScript; the service checks every field and returns a message key per field.
import { useId } from "react";
import type { QuestionKind } from "../../server/quiz/schema.ts";
import { translateKey, useT, type MessageKey, type Translate } from "../i18n/index.ts";
import { FormField } from "./form-field.tsx";
import { SelectField, TextAreaField } from "./studio-fields.tsx";
import { TradeOptions, type TradeCategoryOption } from "./trade-options.tsx";

// The same lists as server/quiz/schema.ts (QUESTION_KINDS, OPTIONS_MAX), written out here so that
// the browser bundle does not pull in the server's schema module.
export const QUESTION_KINDS = ["SINGLE", "MULTIPLE", "TRUE_FALSE"] as const satisfies readonly QuestionKind[];
export const OPTION_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;

export const questionKindLabel = (t: Translate, kind: QuestionKind) => t(`quizbank.kind.${kind}` as MessageKey);
export const difficultyLabel = (t: Translate, difficulty: number) => t(`quizbank.difficulty.${difficulty}` as MessageKey);

/** Kind, difficulty and (when retired) state, as tags. */
export function QuestionTags({ kind, difficulty, retired }: { kind: QuestionKind; difficulty: number; retired: boolean }) {
  const t = useT();
  return (
    <>
      <span className="course-tag">{questionKindLabel(t, kind)}</span>
      <span className="course-tag level">{difficultyLabel(t, difficulty)}</span>
      {retired ? (
        <span className="course-tag quiz-retired" data-testid="quiz-question-retired">
          {t("quizbank.state.retired")}
        </span>
      ) : null}
    </>
  );
}

interface QuestionFieldsProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  categories: TradeCategoryOption[];
}

export function QuestionFields({ values, errors, categories }: QuestionFieldsProps) {
  const t = useT();
  const message = (name: string) => translateKey(t, errors[name]);
  const value = (name: string, fallback = "") => values[name] ?? fallback;
  const optionsId = useId();
  const optionsError = message("options");
  return (
    <>
      <SelectField name="trade" label={t("quizbank.field.trade")} defaultValue={value("trade")} error={message("trade")} required>
        <option value="">{t("quizbank.field.tradeChoose")}</option>
        <TradeOptions categories={categories} />
      </SelectField>
      <SelectField name="kind" label={t("quizbank.field.kind")} defaultValue={value("kind", "SINGLE")} error={message("kind")} required>
        {QUESTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {questionKindLabel(t, kind)}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="stem" label={t("quizbank.field.stem")} defaultValue={value("stem")} error={message("stem")} rows={3} maxLength={500} required />

      <fieldset className="job-fieldset quiz-options" aria-describedby={`${optionsId}-hint${optionsError ? ` ${optionsId}-error` : ""}`}>
        <legend>{t("quizbank.field.options")}</legend>
        <p className="hint" id={`${optionsId}-hint`}>
          {t("quizbank.field.optionsHint")}
        </p>
        {optionsError ? (
          <p className="error" id={`${optionsId}-error`}>
            {optionsError}
          </p>
        ) : null}
        {OPTION_LETTERS.map((letter) => (
          <FormField
            key={letter}
            name={`option${letter}`}
            label={t("quizbank.field.option", { letter })}
            defaultValue={value(`option${letter}`)}
            maxLength={200}
            aria-invalid={optionsError ? true : undefined}
          />
        ))}
      </fieldset>

      <FormField
        name="answer"
        label={t("quizbank.field.answer")}
        hint={t("quizbank.field.answerHint")}
        defaultValue={value("answer")}
        error={message("answer")}
        maxLength={20}
        autoCapitalize="characters"
        required
      />
      <TextAreaField
        name="explanation"
        label={t("quizbank.field.explanation")}
        hint={t("quizbank.field.explanationHint")}
        defaultValue={value("explanation")}
        error={message("explanation")}
        rows={4}
        maxLength={1000}
        required
      />
      <SelectField name="difficulty" label={t("quizbank.field.difficulty")} defaultValue={value("difficulty", "2")} error={message("difficulty")}>
        {[1, 2, 3].map((level) => (
          <option key={level} value={String(level)}>
            {difficultyLabel(t, level)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
