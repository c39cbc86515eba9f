// Form pieces of the admin book pages: the trade and language selects (shared by the metadata
// form and the "new periodical" form) and the "new periodical" form itself.
import { Form } from "react-router";
import { BOOK_LANGUAGES } from "../../server/books/types.ts";
import { FormAlert, FormField } from "./form-field.tsx";
import { SelectField, TextAreaField, type TradeCategoryOption } from "./studio-fields.tsx";
import { bookLanguageLabel } from "./book-card.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { TradeOptions } from "./trade-options.tsx";

type Errors = Record<string, string | undefined>;
type Values = Record<string, string | undefined>;

/** Trades grouped by category; empty means "any trade". */
export function BookTradeSelect({ categories, defaultValue, error }: { categories: TradeCategoryOption[]; defaultValue: string; error?: string }) {
  const t = useT();
  return (
    <SelectField name="trade" label={t("bookadmin.field.trade")} defaultValue={defaultValue} error={error}>
      <option value="">{t("bookadmin.field.tradeNone")}</option>
      <TradeOptions categories={categories} />
    </SelectField>
  );
}

export function BookLanguageSelect({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useT();
  return (
    <SelectField name="language" label={t("bookadmin.field.language")} defaultValue={defaultValue} error={error}>
      {BOOK_LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {bookLanguageLabel(t, language)}
        </option>
      ))}
    </SelectField>
  );
}

/** POST intent=createPeriodical on /admin/books; the action opens the new periodical's page. */
export function NewPeriodicalForm({ categories, values = {}, errors = {} }: { categories: TradeCategoryOption[]; values?: Values; errors?: Errors }) {
  const t = useT();
  const failed = Object.keys(errors).length > 0;
  const message = (key: string) => translateKey(t, errors[key]);
  return (
    <details className="studio-section book-admin-box" open={failed}>
      <summary>
        <h2 className="book-admin-summary">{t("bookadmin.periodical.new")}</h2>
      </summary>
      <FormAlert message={failed ? translateKey(t, errors.form ?? "bookadmin.edit.errors") : undefined} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="createPeriodical" />
        <FormField name="title" label={t("bookadmin.field.periodicalTitle")} defaultValue={values.title ?? ""} error={message("title")} maxLength={200} required />
        <FormField name="publisher" label={t("bookadmin.field.publisher")} defaultValue={values.publisher ?? ""} error={message("publisher")} maxLength={120} />
        <TextAreaField
          name="description"
          label={t("bookadmin.field.description")}
          hint={t("bookadmin.field.descriptionHint")}
          defaultValue={values.description ?? ""}
          error={message("description")}
          rows={3}
          maxLength={10_000}
        />
        <BookLanguageSelect defaultValue={values.language ?? "zh-CN"} error={message("language")} />
        <BookTradeSelect categories={categories} defaultValue={values.trade ?? ""} error={message("trade")} />
        <button type="submit" className="secondary">
          {t("bookadmin.periodical.submit")}
        </button>
      </Form>
    </details>
  );
}
