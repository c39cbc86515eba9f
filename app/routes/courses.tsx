import { Form, Link } from "react-router";
import type { Route } from "./+types/courses";
import { CATALOG_SORTS, COURSE_FORMATS, COURSE_LEVELS, type CatalogPage } from "../../server/courses/types.ts";
import { Pagination } from "../components/pagination.tsx";
import { CourseCard } from "../components/course-card.tsx";
import { formatLabel, levelLabel } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { TradeOptions } from "../components/trade-options.tsx";

// The catalog. A plain GET form: the URL holds every filter, and paging links keep them, so the
// page works before (or without) JavaScript. The service drops what it does not understand and
// says so in `notices`.
export async function loader({ request, context }: Route.LoaderArgs) {
  const [catalog, categories] = await Promise.all([
    context.services.courses.catalog(context.viewer, Object.fromEntries(new URL(request.url).searchParams)),
    context.services.trades.listByCategory(),
  ]);
  return { catalog, categories, signedIn: context.viewer !== null };
}

type Query = CatalogPage["query"];

/** /courses with the current query, changed by `change` (null removes a parameter). */
function catalogHref(query: Query, change: Partial<Record<keyof Query | "page", string | number | null>> = {}): string {
  const merged = { ...query, page: null, ...change } as Record<string, string | number | null>;
  const params = new URLSearchParams();
  for (const key of ["q", "trade", "level", "format", "sort", "page"]) {
    const value = merged[key];
    // "newest" is the default order: leave it out of the URL.
    if (value !== null && value !== undefined && value !== "" && !(key === "sort" && value === "newest")) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/courses?${search}` : "/courses";
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { catalog, categories, signedIn } = loaderData;
  // Control characters (e.g. %00) would differ between the server's HTML and hydration.
  const query = { ...catalog.query, q: catalog.query.q.replace(/[\u0000-\u001F\u007F]/g, " ") };
  const filtered = query.q !== "" || query.trade !== null || query.level !== null || query.format !== null;
  return (
    <div className="catalog-page">
      <DocumentTitle title={t("courses.title")} />
      <div className="catalog-head">
        <h1>{t("courses.title")}</h1>
        {signedIn ? (
          <Link to="/me/learning" className="button secondary small">
            {t("courses.myLearning")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("courses.intro")}</p>

      {/* `key` resets the form's defaults when the URL changes through a link (pagination, clear). */}
      <Form method="get" action="/courses" className="catalog-filters" aria-label={t("courses.filters.label")} key={catalogHref(query)}>
        <div className="field catalog-q">
          <label htmlFor="catalog-q">{t("courses.filter.q")}</label>
          <input id="catalog-q" name="q" type="search" defaultValue={query.q} placeholder={t("courses.filter.qPlaceholder")} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="catalog-trade">{t("courses.filter.trade")}</label>
          <select id="catalog-trade" name="trade" defaultValue={query.trade ?? ""}>
            <option value="">{t("courses.filter.tradeAll")}</option>
            <TradeOptions categories={categories} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-level">{t("courses.filter.level")}</label>
          <select id="catalog-level" name="level" defaultValue={query.level ?? ""}>
            <option value="">{t("courses.filter.levelAll")}</option>
            {COURSE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {levelLabel(t, level)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-format">{t("courses.filter.format")}</label>
          <select id="catalog-format" name="format" defaultValue={query.format ?? ""}>
            <option value="">{t("courses.filter.formatAll")}</option>
            {COURSE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {formatLabel(t, format)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-sort">{t("courses.filter.sort")}</label>
          <select id="catalog-sort" name="sort" defaultValue={query.sort}>
            {CATALOG_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`courses.sort.${sort}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="catalog-submit">
          <button type="submit">{t("courses.filter.submit")}</button>
          {filtered ? <Link to={catalogHref({ ...query, q: "", trade: null, level: null, format: null })}>{t("courses.filter.clear")}</Link> : null}
        </div>
      </Form>

      {/* Always present, so that notices appearing after a client-side navigation are announced. */}
      <div role="status" aria-label={t("courses.notices.label")} className="search-notices">
        {catalog.notices.length > 0 ? (
          <ul>
            {catalog.notices.map((notice) => (
              <li key={notice} data-notice={notice}>
                {translateKey(t, notice)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <section aria-labelledby="catalog-results-title">
        <div className="results-head">
          <h2 id="catalog-results-title">{t("courses.results")}</h2>
          {catalog.total > 0 ? <p className="muted">{t("courses.total", { count: catalog.total })}</p> : null}
        </div>
        {catalog.items.length === 0 ? (
          <div className="no-results" data-testid="catalog-empty">
            <p className="no-results-title">{t(filtered ? "courses.empty.filtered" : "courses.empty.none")}</p>
            {filtered ? (
              <p>
                <Link to="/courses">{t("courses.filter.clear")}</Link>
              </p>
            ) : null}
          </div>
        ) : (
          <ul className="course-grid">
            {catalog.items.map((course) => (
              <li key={course.id}>
                <CourseCard course={course} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={catalog.page}
          pageCount={catalog.pageCount}
          hrefFor={(page) => catalogHref(query, { page })}
          className="catalog-pagination"
        />
      </section>
    </div>
  );
}
