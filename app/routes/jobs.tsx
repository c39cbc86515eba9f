import type { Route } from "./+types/jobs";
import { EMPLOYMENT_TYPES, JOB_COUNT_CAP, JOB_SORTS, POSTED_WITHIN_DAYS } from "../../server/jobs/types.ts";
import { CatalogFilters, CatalogHead, catalogHref, CatalogNotices, CatalogResults, displayQuery, FilterSelect, QueryField } from "../components/catalog.tsx";
import { employmentTypeLabel, JobCard } from "../components/job-card.tsx";
import { CityOptions } from "../components/job-fields.tsx";
import { SaveSearchForm } from "../components/save-search.tsx";
import { TradeOptions } from "../components/trade-options.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";

// Open job posts. A plain GET form: the URL holds every filter, so a search can be shared and the
// page works before (or without) JavaScript. The service drops what it does not understand and
// says so in `notices`.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { jobs, trades } = context.services;
  const [list, categories, cities] = await Promise.all([
    jobs.list(context.viewer, Object.fromEntries(new URL(request.url).searchParams)),
    trades.listByCategory(),
    jobs.cityGroups(),
  ]);
  return { list, categories, cities, signedIn: context.viewer !== null };
}

const KEYS = ["q", "trade", "city", "salary", "type", "within", "sort"] as const;

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { list, categories, cities, signedIn } = loaderData;
  const query = { ...list.query, q: displayQuery(list.query.q) };
  const href = (change: Parameters<typeof catalogHref<(typeof KEYS)[number]>>[3] = {}) => catalogHref("/jobs", KEYS, query, change);
  const filtered = query.q !== "" || query.trade !== null || query.city !== null || query.salary !== null || query.type !== null || query.within !== null;
  return (
    <div className="catalog-page jobs-page">
      <CatalogHead title={t("jobs.title")} intro={t("jobs.intro")} link={signedIn ? { to: "/me/applications", label: t("jobs.link.myApplications") } : null} />
      <CatalogFilters
        action="/jobs"
        label={t("jobs.filters.label")}
        resetKey={href()}
        submitLabel={t("jobs.filter.submit")}
        clearLabel={t("jobs.filter.clear")}
        clearTo={filtered ? href({ q: "", trade: null, city: null, salary: null, type: null, within: null }) : null}
      >
        <QueryField id="jobs-q" label={t("jobs.filter.q")} placeholder={t("jobs.filter.qPlaceholder")} value={query.q} />
        <FilterSelect id="jobs-trade" name="trade" label={t("jobs.filter.trade")} value={query.trade} allLabel={t("jobs.filter.tradeAll")}>
          <TradeOptions categories={categories} />
        </FilterSelect>
        <FilterSelect id="jobs-city" name="city" label={t("jobs.filter.city")} value={query.city} allLabel={t("jobs.filter.cityAll")}>
          <CityOptions groups={cities} />
        </FilterSelect>
        <div className="field">
          <label htmlFor="jobs-salary">{t("jobs.filter.salary")}</label>
          <input
            id="jobs-salary"
            name="salary"
            type="number"
            inputMode="numeric"
            min={1}
            step={500}
            defaultValue={query.salary ?? ""}
            aria-describedby="jobs-salary-hint"
          />
          <p className="hint" id="jobs-salary-hint">
            {t("jobs.filter.salaryHint")}
          </p>
        </div>
        <FilterSelect id="jobs-type" name="type" label={t("jobs.filter.type")} value={query.type} allLabel={t("jobs.filter.typeAll")}>
          {EMPLOYMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {employmentTypeLabel(t, type)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="jobs-within" name="within" label={t("jobs.filter.within")} value={query.within} allLabel={t("jobs.filter.withinAll")}>
          {POSTED_WITHIN_DAYS.map((days) => (
            <option key={days} value={days}>
              {t("jobs.filter.withinDays", { days })}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="jobs-sort" name="sort" label={t("jobs.filter.sort")} value={query.sort}>
          {JOB_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`jobs.sort.${sort}` as MessageKey)}
            </option>
          ))}
        </FilterSelect>
      </CatalogFilters>

      <SaveSearchForm filters={query} signedIn={signedIn} />

      <CatalogNotices label={t("jobs.notices.label")} notices={list.notices} />

      <CatalogResults
        id="jobs-results-title"
        title={t("jobs.results")}
        totalText={list.total > JOB_COUNT_CAP ? t("jobs.totalMore", { count: JOB_COUNT_CAP }) : list.total > 0 ? t("jobs.total", { count: list.total }) : null}
        items={list.items}
        itemKey={(job) => job.id}
        renderItem={(job) => <JobCard job={job} />}
        listClassName="course-grid"
        empty={{ testId: "jobs-empty", text: t(filtered ? "jobs.empty.filtered" : "jobs.empty.none"), clearTo: filtered ? "/jobs" : null, clearLabel: t("jobs.filter.clear") }}
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => href({ page })}
      />
    </div>
  );
}
