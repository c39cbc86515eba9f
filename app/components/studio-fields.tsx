// Form fields of the course studio: a labelled textarea and select in the manner of FormField, and
// the course's own fields (shared by "new course" and "edit course").
import { useId } from "react";
import { FormField } from "./form-field.tsx";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { TradeOptions, type TradeCategoryOption } from "./trade-options.tsx";

interface LabelledProps {
  name: string;
  label: string;
  hint?: string;
  /** A translated error message. */
  error?: string;
  required?: boolean;
}

/** Ids that tie the hint and the error to the control, for screen readers. */
function useDescribedBy(hint?: string, error?: string) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function FieldShell({
  label,
  hint,
  error,
  required,
  ids,
  children,
}: LabelledProps & { ids: ReturnType<typeof useDescribedBy>; children: React.ReactNode }) {
  const t = useT();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={ids.id}>
        {label}
        {required ? <span className="required"> ({t("field.required")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="error" id={ids.errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  required,
  ...textarea
}: LabelledProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const ids = useDescribedBy(hint, error);
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} required={required} ids={ids}>
      <textarea
        id={ids.id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  required,
  children,
  ...select
}: LabelledProps & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const ids = useDescribedBy(hint, error);
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} required={required} ids={ids}>
      <select
        id={ids.id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

export const LEVELS = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const;

export type { TradeCategoryOption } from "./trade-options.tsx";

export interface CourseFieldValues {
  title?: string;
  summary?: string;
  description?: string;
  trade?: string;
  level?: string;
}

/** Title, summary, Markdown description, trade (grouped by category) and level. */
export function CourseFields({
  values,
  errors,
  categories,
}: {
  values: CourseFieldValues;
  errors: Record<string, string>;
  categories: TradeCategoryOption[];
}) {
  const t = useT();
  return (
    <>
      <FormField
        name="title"
        label={t("studio.field.title")}
        hint={t("studio.field.title.hint")}
        error={translateKey(t, errors.title)}
        defaultValue={values.title ?? ""}
        maxLength={80}
        required
      />
      <FormField
        name="summary"
        label={t("studio.field.summary")}
        hint={t("studio.field.summary.hint")}
        error={translateKey(t, errors.summary)}
        defaultValue={values.summary ?? ""}
        maxLength={300}
        required
      />
      <TextAreaField
        name="description"
        label={t("studio.field.description")}
        hint={t("studio.field.description.hint")}
        error={translateKey(t, errors.description)}
        defaultValue={values.description ?? ""}
        rows={8}
        maxLength={20_000}
      />
      <SelectField
        name="trade"
        label={t("studio.field.trade")}
        error={translateKey(t, errors.trade)}
        defaultValue={values.trade ?? ""}
        required
      >
        <option value="">{t("studio.field.trade.choose")}</option>
        <TradeOptions categories={categories} />
      </SelectField>
      <SelectField
        name="level"
        label={t("studio.field.level")}
        error={translateKey(t, errors.level)}
        defaultValue={values.level ?? "BEGINNER"}
        required
      >
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`studio.level.${level}` as MessageKey)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
