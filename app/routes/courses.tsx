import type { Route } from "./+types/courses";
import { CATALOG_SORTS, COURSE_FORMATS, COURSE_LEVELS } from "../../server/courses/types.ts";
import { CatalogFilters, CatalogHead, catalogHref, CatalogNotices, CatalogResults, displayQuery, FilterSelect, QueryField } from "../components/catalog.tsx";
import { CourseCard } from "../components/course-card.tsx";
import { formatLabel, levelLabel } from "../components/course-labels.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";
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

const KEYS = ["q", "trade", "level", "format", "sort"] as const;

export default function Courses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { catalog, categories, signedIn } = loaderData;
  const query = { ...catalog.query, q: displayQuery(catalog.query.q) };
  const href = (change: Parameters<typeof catalogHref<(typeof KEYS)[number]>>[3] = {}) => catalogHref("/courses", KEYS, query, change);
  const filtered = query.q !== "" || query.trade !== null || query.level !== null || query.format !== null;
  return (
    <div className="catalog-page">
      <CatalogHead title={t("courses.title")} intro={t("courses.intro")} link={signedIn ? { to: "/me/learning", label: t("courses.myLearning") } : null} />
      <CatalogFilters
        action="/courses"
        label={t("courses.filters.label")}
        resetKey={href()}
        submitLabel={t("courses.filter.submit")}
        clearLabel={t("courses.filter.clear")}
        clearTo={filtered ? href({ q: "", trade: null, level: null, format: null }) : null}
      >
        <QueryField id="catalog-q" label={t("courses.filter.q")} placeholder={t("courses.filter.qPlaceholder")} value={query.q} />
        <FilterSelect id="catalog-trade" name="trade" label={t("courses.filter.trade")} value={query.trade} allLabel={t("courses.filter.tradeAll")}>
          <TradeOptions categories={categories} />
        </FilterSelect>
        <FilterSelect id="catalog-level" name="level" label={t("courses.filter.level")} value={query.level} allLabel={t("courses.filter.levelAll")}>
          {COURSE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {levelLabel(t, level)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-format" name="format" label={t("courses.filter.format")} value={query.format} allLabel={t("courses.filter.formatAll")}>
          {COURSE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {formatLabel(t, format)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-sort" name="sort" label={t("courses.filter.sort")} value={query.sort}>
          {CATALOG_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`courses.sort.${sort}` as MessageKey)}
            </option>
          ))}
        </FilterSelect>
      </CatalogFilters>

      <CatalogNotices label={t("courses.notices.label")} notices={catalog.notices} />

      <CatalogResults
        id="catalog-results-title"
        title={t("courses.results")}
        totalText={catalog.total > 0 ? t("courses.total", { count: catalog.total }) : null}
        items={catalog.items}
        itemKey={(course) => course.id}
        renderItem={(course) => <CourseCard course={course} />}
        listClassName="course-grid"
        empty={{ testId: "catalog-empty", text: t(filtered ? "courses.empty.filtered" : "courses.empty.none"), clearTo: filtered ? "/courses" : null, clearLabel: t("courses.filter.clear") }}
        page={catalog.page}
        pageCount={catalog.pageCount}
        hrefFor={(page) => href({ page })}
      />
    </div>
  );
}
