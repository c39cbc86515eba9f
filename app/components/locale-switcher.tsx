import { Form } from "react-router";
import { LOCALES, useT, type Locale } from "../i18n/index.ts";

/** A plain form: works before JavaScript loads; the server sets the cookie and sends the reader back. */
export function LocaleSwitcher({ locale, redirectTo }: { locale: Locale; redirectTo: string }) {
  const t = useT();
  return (
    <Form method="post" action="/locale" className="locale-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor="locale-select">{t("locale.label")}</label>
      <select id="locale-select" name="locale" defaultValue={locale} key={locale}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`locale.${option}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="small">
        {t("locale.switch")}
      </button>
    </Form>
  );
}
