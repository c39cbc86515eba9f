import { Form, Link } from "react-router";
import type { Route } from "./+types/search";
import type { DocType } from "../../search/index.ts";
import type { SearchPage } from "../../server/search/service.ts";
import { DocumentTitle } from "../components/form-field.tsx";
import { Highlighted, TypeBadge } from "../components/highlighted.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLocale, useT, type Locale, type MessageKey, type Translate } from "../i18n/index.ts";

// One search over every section. A plain GET form: every tab, facet and page is a link, so the
// page works before (or without) JavaScript. The service turns odd input into notices.
export async function loader({ request, context }: Route.LoaderArgs) {
  return context.services.search.search(Object.fromEntries(new URL(request.url).searchParams));
}

/** The tabs, in order (the same types as search/types.ts DOC_TYPES, without importing the engine). */
const TYPES = ["course", "book", "job", "live", "trade"] as const satisfies readonly DocType[];
/** Facet values shown before "more": a few when searching, more when browsing. */
const FACET_VISIBLE = { search: 8, browse: 24 } as const;

type Query = SearchPage["query"];
type Change = Partial<Record<keyof Query | "page", string | number | null>>;

/** /search with the current query, changed by `change` (null removes a parameter); the page resets. */
function searchHref(query: Query, change: Change = {}): string {
  const merged: Change = { q: query.q, type: query.type, trade: query.trade, city: query.city, page: null, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "type", "trade", "city", "page"] as const) {
    const value = merged[key];
    if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/search?${search}` : "/search";
}

const withoutControls = (text: string) => text.replace(/[\t\n\r]/g, " ").replace(/[\u0000-\u001F\u007F]/g, "");

const byCount = (locale: Locale) => {
  const collator = new Intl.Collator(locale === "en" ? "en" : "zh-CN");
  return (a: FacetValue, b: FacetValue) => b.count - a.count || collator.compare(a.label, b.label);
};

interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { notices, result, tradeNames, suggestions } = loaderData;
  // Control characters (e.g. %00) searched as nothing; echoed back they would differ between the
  // server's HTML (the parser turns NUL into U+FFFD) and React's hydration.
  const query = {
    ...loaderData.query,
    q: withoutControls(loaderData.query.q),
    city: loaderData.query.city === null ? null : withoutControls(loaderData.query.city),
  };
  const browsing = query.q === "";
  const tradeName = (code: string) => {
    const names = tradeNames[code];
    return names ? (locale === "en" ? names.en : names.zh) : code;
  };
  const allCount = TYPES.reduce((sum, type) => sum + (result.facets.type[type] ?? 0), 0);
  const trades: FacetValue[] = Object.entries(result.facets.tradeCode)
    .filter(([code, count]) => code !== query.trade && count > 0)
    .map(([code, count]) => ({ value: code, label: tradeName(code), count }))
    .sort(byCount(locale));
  const cities: FacetValue[] = Object.entries(result.facets.city)
    .filter(([city, count]) => city !== query.city && count > 0)
    .map(([city, count]) => ({ value: city, label: city, count }))
    .sort(byCount(locale));
  const heading = browsing ? t("search.title") : t("search.resultsFor", { q: query.q });
  const hasFacets = trades.length > 0 || cities.length > 0;
  const hasFilters = query.type !== null || query.trade !== null || query.city !== null;

  return (
    <div className="search-page">
      <DocumentTitle title={heading} />
      <h1 className="search-heading">{heading}</h1>

      <Form method="get" action="/search" role="search" aria-label={t("search.title")} className="search-form">
        <label htmlFor="search-q" className="visually-hidden">
          {t("search.label")}
        </label>
        <input
          id="search-q"
          key={query.q}
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder={t("search.placeholder")}
          autoComplete="off"
          enterKeyHint="search"
        />
        {/* A new query keeps the tab; trade and city facets belong to the old one. */}
        {query.type ? <input type="hidden" name="type" value={query.type} /> : null}
        <button type="submit">{t("search.submit")}</button>
      </Form>

      {/* Always present, so that screen readers announce notices that appear after a client-side search. */}
      <div role="status" aria-label={t("search.notices.label")} className="search-notices">
        {notices.length > 0 ? (
          <ul>
            {notices.map((notice) => (
              <li key={notice} data-notice={notice}>
                {t(notice)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <nav aria-label={t("search.tabs.label")} className="search-tabs">
        <ul>
          {([null, ...TYPES] as const).map((type) => {
            const current = query.type === type;
            return (
              <li key={type ?? "all"}>
                <Link
                  to={searchHref(query, { type })}
                  aria-current={current ? "page" : undefined}
                  className={current ? "active" : undefined}
                  data-type={type ?? "all"}
                >
                  {t(type ? (`search.type.${type}` as MessageKey) : "search.type.all")}{" "}
                  <span className="tab-count">{type ? (result.facets.type[type] ?? 0) : allCount}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {query.trade !== null || query.city !== null ? (
        <section aria-labelledby="active-filters-title" className="active-filters">
          <h2 id="active-filters-title" className="visually-hidden">
            {t("search.filters.active")}
          </h2>
          <ul>
            {query.trade !== null ? (
              <ActiveFilter
                label={t("search.filter.trade", { name: tradeName(query.trade) })}
                removeHref={searchHref(query, { trade: null })}
                name="trade"
                t={t}
              />
            ) : null}
            {query.city !== null ? (
              <ActiveFilter
                label={t("search.filter.city", { name: query.city })}
                removeHref={searchHref(query, { city: null })}
                name="city"
                t={t}
              />
            ) : null}
          </ul>
        </section>
      ) : null}

      <div className={`search-layout${hasFacets ? " has-facets" : ""}${browsing ? " browsing" : ""}`}>
        {hasFacets ? (
          <aside className="search-facets" aria-label={t("search.facets.label")}>
            {trades.length > 0 ? (
              <FacetList
                id="facet-trade"
                title={browsing ? t("search.browse.title") : t("search.facet.trade")}
                intro={browsing ? t("search.browse.intro") : undefined}
                values={trades}
                visible={browsing ? FACET_VISIBLE.browse : FACET_VISIBLE.search}
                more={(count) => t("search.facet.more", { count })}
                href={(code) => searchHref(query, { trade: code })}
                prominent={browsing}
              />
            ) : null}
            {cities.length > 0 ? (
              <FacetList
                id="facet-city"
                title={t("search.facet.city")}
                values={cities}
                visible={FACET_VISIBLE.search}
                more={(count) => t("search.facet.moreCities", { count })}
                href={(city) => searchHref(query, { city })}
              />
            ) : null}
          </aside>
        ) : null}

        <section aria-labelledby="results-title" className="search-results">
          <div className="results-head">
            <h2 id="results-title">{browsing ? t("search.browse.latest") : t("search.results.label")}</h2>
            {result.total > 0 ? <p className="muted">{t("search.total", { count: result.total })}</p> : null}
          </div>

          {result.total === 0 ? (
            <NoResults query={query} suggestions={suggestions} hasFilters={hasFilters} locale={locale} t={t} />
          ) : (
            <ol className="hit-list">
              {result.hits.map((hit) => (
                <li key={hit.doc.id} className="hit" data-testid="search-hit">
                  <div className="hit-top">
                    <TypeBadge type={hit.doc.type} />
                    {hit.doc.city ? <span className="hit-city">{hit.doc.city}</span> : null}
                  </div>
                  <h3 className="hit-title">
                    <Link to={hit.doc.url} lang={hit.doc.type === "trade" && locale === "en" ? "zh-CN" : undefined}>
                      <Highlighted segments={hit.highlights.title} />
                    </Link>
                  </h3>
                  {hit.doc.type === "trade" && hit.doc.tradeName ? (
                    <p className="hit-alt" lang="en">
                      {hit.doc.tradeName.en}
                    </p>
                  ) : null}
                  {hit.highlights.body && hit.highlights.body.length > 0 ? (
                    <p className="hit-body">
                      <Highlighted segments={hit.highlights.body} />
                    </p>
                  ) : null}
                  <HitMeta hit={hit} tradeName={tradeName} locale={locale} t={t} />
                </li>
              ))}
            </ol>
          )}

          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => searchHref(query, { page })} />
        </section>
      </div>
    </div>
  );
}

function ActiveFilter({ label, removeHref, name, t }: { label: string; removeHref: string; name: string; t: Translate }) {
  return (
    <li className="filter-chip" data-filter={name}>
      <span>{label}</span>
      {/* The accessible name starts with the visible word (WCAG 2.5.3), then says which filter. */}
      <Link to={removeHref} className="filter-remove">
        {t("search.filter.remove")}
        <span className="visually-hidden"> · {t("search.filter.removeLabel", { name: label })}</span>
      </Link>
    </li>
  );
}

interface FacetListProps {
  id: string;
  title: string;
  intro?: string;
  values: FacetValue[];
  visible: number;
  more: (count: number) => string;
  href: (value: string) => string;
  prominent?: boolean;
}

/** A facet as links with counts; the long tail folds into a <details> (no JavaScript needed). */
function FacetList({ id, title, intro, values, visible, more, href, prominent }: FacetListProps) {
  const shown = values.slice(0, visible);
  const rest = values.slice(visible);
  const links = (list: FacetValue[]) => (
    <ul className="facet-values">
      {list.map((item) => (
        <li key={item.value}>
          <Link to={href(item.value)}>
            {item.label} <span className="facet-count">{item.count}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={`${id}-title`} className={`facet${prominent ? " prominent" : ""}`} data-facet={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="muted facet-intro">{intro}</p> : null}
      {links(shown)}
      {rest.length > 0 ? (
        <details className="facet-more">
          <summary>{more(rest.length)}</summary>
          {links(rest)}
        </details>
      ) : null}
    </section>
  );
}

/** A livestream result says where it stands (search/documents.ts puts the status in `extra`). */
const LIVE_STATUS_KEYS: Record<string, MessageKey> = {
  SCHEDULED: "search.result.live.SCHEDULED",
  LIVE: "search.result.live.LIVE",
  RECONNECTING: "search.result.live.RECONNECTING",
  ENDED: "search.result.live.ENDED",
  REPLAY_READY: "search.result.live.REPLAY_READY",
};

function HitMeta({
  hit,
  tradeName,
  locale,
  t,
}: {
  hit: SearchPage["result"]["hits"][number];
  tradeName: (code: string) => string;
  locale: Locale;
  t: Translate;
}) {
  const { doc } = hit;
  const items: string[] = [];
  if (doc.type !== "trade" && (doc.tradeName || doc.tradeCode)) {
    const name = doc.tradeName ? (locale === "en" ? doc.tradeName.en : doc.tradeName.zh) : tradeName(doc.tradeCode!);
    items.push(t("search.result.trade", { name }));
  }
  if (doc.city) items.push(t("search.result.city", { name: doc.city }));
  const liveStatus = doc.type === "live" ? LIVE_STATUS_KEYS[String(doc.extra?.status)] : undefined;
  if (liveStatus) items.unshift(t(liveStatus));
  const published = doc.publishedAt ? new Date(doc.publishedAt) : null;
  if (items.length === 0 && !published) return null;
  return (
    <p className="hit-meta">
      {items.map((item) => (
        <span key={item}>{item}</span>
      ))}
      {published && !Number.isNaN(published.getTime()) ? (
        <time dateTime={published.toISOString()}>{new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(published)}</time>
      ) : null}
    </p>
  );
}

function NoResults({
  query,
  suggestions,
  hasFilters,
  locale,
  t,
}: {
  query: Query;
  suggestions: SearchPage["suggestions"];
  hasFilters: boolean;
  locale: Locale;
  t: Translate;
}) {
  return (
    <div className="no-results">
      {query.q !== "" ? (
        <>
          <p className="no-results-title">{t("search.empty.title", { q: query.q })}</p>
          <p className="muted">{t("search.empty.hint")}</p>
        </>
      ) : (
        <p className="no-results-title">{t("search.empty.filtered")}</p>
      )}
      {hasFilters ? (
        <p>
          <Link to={searchHref(query, { type: null, trade: null, city: null })}>{t("search.filter.clearAll")}</Link>
        </p>
      ) : null}
      {suggestions && suggestions.trades.length > 0 ? (
        <section aria-labelledby="closest-trades-title" className="facet prominent">
          <h3 id="closest-trades-title">{t("search.empty.trades")}</h3>
          <ul className="facet-values">
            {suggestions.trades.map((trade) => (
              <li key={trade.code}>
                <Link to={`/search?trade=${encodeURIComponent(trade.code)}`}>{locale === "en" ? trade.nameEn : trade.nameZh}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {suggestions && suggestions.popular.length > 0 ? (
        <section aria-labelledby="popular-title" className="facet prominent">
          <h3 id="popular-title">{t("search.empty.popular")}</h3>
          <ul className="facet-values">
            {suggestions.popular.map((text) => (
              <li key={text}>
                <Link to={`/search?q=${encodeURIComponent(text)}`} lang="zh-CN">
                  {text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {query.q !== "" || hasFilters ? (
        <p>
          <Link to="/search" className="button secondary">
            {t("search.empty.browse")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
