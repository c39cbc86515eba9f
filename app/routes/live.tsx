import { Link } from "react-router";
import type { Route } from "./+types/live";
import type { LiveCard as LiveCardData } from "../../server/live/types.ts";
import { CatalogFilters, CatalogHead, catalogHref, FilterSelect } from "../components/catalog.tsx";
import { tradeName } from "../components/course-labels.tsx";
import { LiveCard } from "../components/live-card.tsx";
import { useRefreshEvery } from "../components/live-refresh.tsx";
import { TradeOptions } from "../components/trade-options.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

// Livestream classes: on air now (with viewers), upcoming (with "remind me") and replays. The trade
// filter is a plain GET form and the tabs are links, so the URL holds the view and the page works
// without JavaScript. With it, the page refreshes now and then so that viewer counts and sessions
// going on air show up.
const TABS = ["all", "live", "upcoming", "replays"] as const;
type Tab = (typeof TABS)[number];
const KEYS = ["trade", "show"] as const;
const REFRESH_MS = 30_000;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const { live, trades } = context.services;
  const [list, categories] = await Promise.all([live.list(context.viewer, params), trades.listByCategory()]);
  const show: Tab = TABS.includes(params.show as Tab) ? (params.show as Tab) : "all";
  const mayHost = context.viewer?.role === "CRAFTSMAN" || context.viewer?.role === "ADMIN";
  return { list, categories, show, reminded: list.reminded, signedIn: context.viewer !== null, mayHost };
}

export default function Live({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, categories, show, reminded, signedIn, mayHost } = loaderData;
  useRefreshEvery(REFRESH_MS);
  const query = { trade: list.trade?.code ?? null, show: show === "all" ? null : show };
  const href = (change: Partial<Record<(typeof KEYS)[number], string | null>> = {}) => catalogHref("/live", KEYS, query, change);
  const here = href();
  const reminders = new Set(reminded);
  const section = (tab: Exclude<Tab, "all">, items: LiveCardData[]) => (
    <LiveSection
      key={tab}
      tab={tab}
      items={items}
      filtered={list.trade !== null}
      renderItem={(session) => (
        <LiveCard
          session={session}
          remind={tab === "upcoming" ? { signedIn, reminded: reminders.has(session.id), canRemind: signedIn, returnTo: `${here}#live-${session.id}` } : undefined}
        />
      )}
    />
  );
  return (
    <div className="catalog-page live-page">
      <CatalogHead title={t("live.title")} intro={t("live.intro")} link={mayHost ? { to: "/live/studio", label: t("live.link.studio") } : null} />
      <CatalogFilters
        action="/live"
        label={t("live.filters.label")}
        resetKey={here}
        submitLabel={t("live.filter.submit")}
        clearLabel={t("live.filter.clear")}
        clearTo={list.trade ? href({ trade: null }) : null}
        className="live-filters"
      >
        <FilterSelect id="live-trade" name="trade" label={t("live.filter.trade")} value={list.trade?.code ?? null} allLabel={t("live.filter.tradeAll")}>
          <TradeOptions categories={categories} />
        </FilterSelect>
        {show !== "all" ? <input type="hidden" name="show" value={show} /> : null}
      </CatalogFilters>

      <nav className="search-tabs live-tabs" aria-label={t("live.tabs.label")}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab}>
              <Link to={href({ show: tab === "all" ? null : tab })} className={tab === show ? "active" : undefined} aria-current={tab === show ? "page" : undefined}>
                {t(`live.tab.${tab}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.trade ? (
        <p className="muted" data-testid="live-trade-filter">
          {t("live.filter.showing", { trade: tradeName(list.trade, locale) })}
        </p>
      ) : null}

      {show === "all" || show === "live" ? section("live", list.live) : null}
      {show === "all" || show === "upcoming" ? section("upcoming", list.upcoming) : null}
      {show === "all" || show === "replays" ? section("replays", list.replays) : null}
    </div>
  );
}

function LiveSection({ tab, items, filtered, renderItem }: { tab: "live" | "upcoming" | "replays"; items: LiveCardData[]; filtered: boolean; renderItem: (item: LiveCardData) => React.ReactNode }) {
  const t = useT();
  const id = `live-section-${tab}`;
  return (
    <section aria-labelledby={id} className="live-section" data-testid={id}>
      <div className="results-head">
        <h2 id={id}>{t(`live.section.${tab}` as MessageKey)}</h2>
        {items.length > 0 ? <p className="muted">{t("live.section.count", { count: items.length })}</p> : null}
      </div>
      {items.length === 0 ? (
        <div className="no-results" data-testid={`${id}-empty`}>
          <p className="no-results-title">{t(`live.empty.${tab}` as MessageKey)}</p>
          {filtered ? <p className="muted">{t("live.empty.filtered")}</p> : null}
        </div>
      ) : (
        <ul className="course-grid">
          {items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
