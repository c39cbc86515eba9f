// The session form's fields, shared by "new session" and the host page's edit form: title,
// description, trade, start (datetime-local, read as China time by the service), expected length
// and members-only. Errors are message keys from the service's FormResult.
import { useId } from "react";
import { translateKey, useT } from "../i18n/index.ts";
import { FormField } from "./form-field.tsx";
import { SelectField, TextAreaField } from "./studio-fields.tsx";
import { TradeOptions, type TradeCategoryOption } from "./trade-options.tsx";

// The limits of server/live/schema.ts, repeated here so that the browser bundle does not pull in the
// server's schemas (the service checks them again; these only guide the typing).
const TITLE_MAX = 80;
const DESCRIPTION_MAX = 2000;
const DURATION_MAX = 8 * 60;

export interface LiveFormValues {
  title?: string;
  description?: string;
  trade?: string;
  startsAt?: string;
  durationMinutes?: string | number;
  /** A boolean from the service, or the checkbox's "on" from a refused form. */
  membersOnly?: boolean | string;
}

export function LiveSessionFields({
  values,
  errors,
  categories,
  startLocked = false,
}: {
  values: LiveFormValues;
  errors: Record<string, string>;
  categories: TradeCategoryOption[];
  /** The session has started: the start is shown but cannot change (it is sent as it is). */
  startLocked?: boolean;
}) {
  const t = useT();
  const membersId = useId();
  const membersOnly = values.membersOnly === true || values.membersOnly === "on" || values.membersOnly === "true";
  return (
    <>
      <FormField
        name="title"
        label={t("live.field.title")}
        hint={t("live.field.title.hint")}
        error={translateKey(t, errors.title)}
        defaultValue={values.title ?? ""}
        maxLength={TITLE_MAX}
        required
      />
      <TextAreaField
        name="description"
        label={t("live.field.description")}
        hint={t("live.field.description.hint")}
        error={translateKey(t, errors.description)}
        defaultValue={values.description ?? ""}
        rows={6}
        maxLength={DESCRIPTION_MAX}
      />
      <SelectField name="trade" label={t("live.field.trade")} error={translateKey(t, errors.trade)} defaultValue={values.trade ?? ""} required>
        <option value="">{t("live.field.trade.choose")}</option>
        <TradeOptions categories={categories} />
      </SelectField>
      {startLocked ? (
        <>
          {/* A disabled field is not sent: the stored start goes along hidden, unchanged. */}
          <input type="hidden" name="startsAt" value={values.startsAt ?? ""} />
          <FormField
            name="startsAtShown"
            type="datetime-local"
            label={t("live.field.startsAt")}
            hint={t("live.field.startsAt.locked")}
            error={translateKey(t, errors.startsAt)}
            defaultValue={values.startsAt ?? ""}
            disabled
          />
        </>
      ) : (
        <FormField
          name="startsAt"
          type="datetime-local"
          label={t("live.field.startsAt")}
          hint={t("live.field.startsAt.hint")}
          error={translateKey(t, errors.startsAt)}
          defaultValue={values.startsAt ?? ""}
          required
        />
      )}
      <FormField
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={DURATION_MAX}
        step={5}
        label={t("live.field.duration")}
        hint={t("live.field.duration.hint")}
        error={translateKey(t, errors.durationMinutes)}
        defaultValue={values.durationMinutes ?? 60}
        required
      />
      <div className={`field checkbox-field${errors.membersOnly ? " has-error" : ""}`}>
        <label htmlFor={membersId}>
          <input
            id={membersId}
            type="checkbox"
            name="membersOnly"
            defaultChecked={membersOnly}
            aria-describedby={`${membersId}-hint${errors.membersOnly ? ` ${membersId}-error` : ""}`}
            aria-invalid={errors.membersOnly ? true : undefined}
          />
          {t("live.field.membersOnly")}
        </label>
        <p className="hint" id={`${membersId}-hint`}>
          {t("live.field.membersOnly.hint")}
        </p>
        {errors.membersOnly ? (
          <p className="error" id={`${membersId}-error`}>
            {translateKey(t, errors.membersOnly)}
          </p>
        ) : null}
      </div>
    </>
  );
}
