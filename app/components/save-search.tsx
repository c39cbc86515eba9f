// "Get alerts for this search" on /jobs: saves the current filters as an alert (a plain form posting
// to /me/searches, so it works without JavaScript). Visitors are asked to sign in first and come
// back to the same search. The name is prefilled with a summary of the filters.
import { Form, Link, useLocation, useMatches } from "react-router";
import type { JobFilters } from "../../server/jobs/schema.ts";
import { translateKey, useLocale, useT, type Locale, type Translate } from "../i18n/index.ts";
import { loginHref, tradeName } from "./course-labels.tsx";
import { FormAlert, FormField } from "./form-field.tsx";
import { employmentTypeLabel } from "./job-card.tsx";

/** The filters an alert keeps (see server/jobs/alerts.ts AlertFilters). */
export type AlertFilterValues = Pick<JobFilters, "q" | "trade" | "city" | "salary" | "type">;

/** Display names of the trade and city codes in the filters. */
export interface FilterNames {
  trade?: { nameZh: string; nameEn: string } | null;
  city?: string | null;
}

export interface SaveSearchFormProps {
  filters: JobFilters;
  signedIn: boolean;
  /** Names of the filter codes; when left out they are looked up in the page's loader data. */
  names?: FilterNames;
  /** After a failed save (on /me/searches): the name that was sent and the message keys. */
  failed?: { name: string; fieldErrors: Record<string, string>; formError?: string };
}

const FILTER_FIELDS = ["q", "trade", "city", "salary", "type"] as const;

const hasFilters = (filters: AlertFilterValues) => FILTER_FIELDS.some((field) => filters[field] !== null && filters[field] !== "");

/** "电焊工 · 深圳市 · 月薪 6000 元以上 · 全职 · “二保焊”": what a search is about, in one line. */
export function filterSummary(t: Translate, locale: Locale, filters: AlertFilterValues, names: FilterNames = {}): string {
  const parts = [
    filters.trade ? (names.trade ? tradeName(names.trade, locale) : filters.trade) : null,
    filters.city ? (names.city ?? null) : null,
    filters.salary !== null ? t("jobs.alerts.summary.salary", { amount: new Intl.NumberFormat(locale).format(filters.salary) }) : null,
    filters.type ? employmentTypeLabel(t, filters.type) : null,
    filters.q ? t("jobs.alerts.summary.q", { q: filters.q }) : null,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(t("jobs.alerts.summary.separator"));
}

type Named = { code: string; nameZh?: unknown; nameEn?: unknown; name?: unknown };

/**
 * Looks for `{ code, nameZh, nameEn }` (a trade) or `{ code, name }` (a city) in the loader data of
 * the page, a few levels deep: the /jobs page has its trade and city options there, and the codes
 * of the two kinds never collide (letters and hyphens, six digits).
 */
function findNamed(value: unknown, code: string, depth = 0): Named | null {
  if (depth > 4 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findNamed(item, code, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Named;
  // A group (a trade category, a province) holds its members in an array; only a member will do.
  const isGroup = Object.values(value).some(Array.isArray);
  if (record.code === code && !isGroup && (typeof record.nameZh === "string" || typeof record.name === "string")) return record;
  for (const child of Object.values(value)) {
    const found = findNamed(child, code, depth + 1);
    if (found) return found;
  }
  return null;
}

function useFilterNames(filters: AlertFilterValues, given: FilterNames | undefined): FilterNames {
  const matches = useMatches();
  if (given) return given;
  const pages = matches.filter((match) => match.id !== "root").map((match) => match.loaderData);
  const lookup = (code: string | null) => (code ? (pages.map((data) => findNamed(data, code)).find(Boolean) ?? null) : null);
  const trade = lookup(filters.trade);
  const city = lookup(filters.city);
  return {
    trade: trade && typeof trade.nameZh === "string" && typeof trade.nameEn === "string" ? { nameZh: trade.nameZh, nameEn: trade.nameEn } : null,
    city: city && typeof city.name === "string" ? city.name : null,
  };
}

export function SaveSearchForm({ filters: all, signedIn, names: given, failed }: SaveSearchFormProps) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const filters: AlertFilterValues = { q: all.q, trade: all.trade, city: all.city, salary: all.salary, type: all.type };
  const names = useFilterNames(filters, given);
  const active = hasFilters(filters);

  return (
    <section className="save-search" aria-labelledby="save-search-title" data-testid="save-search">
      <h2 id="save-search-title">{t("jobs.alerts.save.title")}</h2>
      {!signedIn ? (
        <p>
          <Link to={loginHref(location.pathname + location.search)}>{t("jobs.alerts.save.signIn")}</Link>
        </p>
      ) : !active ? (
        <p className="muted">{t("jobs.alerts.save.noFilters")}</p>
      ) : (
        <>
          <p className="muted">{t("jobs.alerts.save.intro")}</p>
          <FormAlert message={translateKey(t, failed ? (failed.formError ?? "jobs.alerts.save.failed") : undefined)} />
          {/* `key`: after moving to other filters the name is summarised again. */}
          <Form method="post" action="/me/searches" key={JSON.stringify(filters)}>
            <input type="hidden" name="intent" value="save" />
            {FILTER_FIELDS.map((field) =>
              filters[field] === null || filters[field] === "" ? null : <input key={field} type="hidden" name={field} value={String(filters[field])} />,
            )}
            <FormField
              name="name"
              label={t("jobs.alerts.save.name")}
              hint={t("jobs.alerts.save.nameHint")}
              defaultValue={failed?.name ?? filterSummary(t, locale, filters, names).slice(0, 60)}
              error={translateKey(t, failed?.fieldErrors.name)}
              maxLength={60}
              required
            />
            <button type="submit">{t("jobs.alerts.save.submit")}</button>
          </Form>
        </>
      )}
      {signedIn ? (
        <p className="save-search-links">
          <Link to="/me/searches">{t("jobs.alerts.save.manage")}</Link>
        </p>
      ) : null}
    </section>
  );
}
