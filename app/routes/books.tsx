import type { Route } from "./+types/books";
import { BOOK_KINDS_LISTED, BOOK_LANGUAGES, BOOK_SORTS } from "../../server/books/types.ts";
import { BookCard, bookKindLabel, bookLanguageLabel } from "../components/book-card.tsx";
import { CatalogFilters, CatalogHead, catalogHref, CatalogNotices, CatalogResults, displayQuery, FilterSelect, QueryField } from "../components/catalog.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";
import { TradeOptions } from "../components/trade-options.tsx";

// The catalog of books and periodicals. A plain GET form: the URL holds every filter and paging
// links keep them, so it works before (or without) JavaScript. The service drops what it does not
// understand and says so in `notices`.
export async function loader({ request, context }: Route.LoaderArgs) {
  const [catalog, categories] = await Promise.all([
    context.services.books.catalog(context.viewer, Object.fromEntries(new URL(request.url).searchParams)),
    context.services.trades.listByCategory(),
  ]);
  return { catalog, categories, signedIn: context.viewer !== null };
}

const KEYS = ["q", "trade", "kind", "language", "sort"] as const;

export default function Books({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { catalog, categories, signedIn } = loaderData;
  const query = { ...catalog.query, q: displayQuery(catalog.query.q) };
  const href = (change: Parameters<typeof catalogHref<(typeof KEYS)[number]>>[3] = {}) => catalogHref("/books", KEYS, query, change);
  const filtered = query.q !== "" || query.trade !== null || query.kind !== null || query.language !== null;
  return (
    <div className="catalog-page books-page">
      <CatalogHead title={t("books.title")} intro={t("books.intro")} link={signedIn ? { to: "/me/books", label: t("books.myBooks") } : null} />
      <CatalogFilters
        action="/books"
        label={t("books.filters.label")}
        resetKey={href()}
        submitLabel={t("books.filter.submit")}
        clearLabel={t("books.filter.clear")}
        clearTo={filtered ? href({ q: "", trade: null, kind: null, language: null }) : null}
      >
        <QueryField id="books-q" label={t("books.filter.q")} placeholder={t("books.filter.qPlaceholder")} value={query.q} />
        <FilterSelect id="books-trade" name="trade" label={t("books.filter.trade")} value={query.trade} allLabel={t("books.filter.tradeAll")}>
          <TradeOptions categories={categories} />
        </FilterSelect>
        <FilterSelect id="books-kind" name="kind" label={t("books.filter.kind")} value={query.kind} allLabel={t("books.filter.kindAll")}>
          {BOOK_KINDS_LISTED.map((kind) => (
            <option key={kind} value={kind}>
              {bookKindLabel(t, kind)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="books-language" name="language" label={t("books.filter.language")} value={query.language} allLabel={t("books.filter.languageAll")}>
          {BOOK_LANGUAGES.map((language) => (
            // The language's own name, so that readers of either find theirs.
            <option key={language} value={language} lang={language}>
              {bookLanguageLabel(t, language)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="books-sort" name="sort" label={t("books.filter.sort")} value={query.sort}>
          {BOOK_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`books.sort.${sort}` as MessageKey)}
            </option>
          ))}
        </FilterSelect>
      </CatalogFilters>

      <CatalogNotices label={t("books.notices.label")} notices={catalog.notices} />

      <CatalogResults
        id="books-results-title"
        title={t("books.results")}
        totalText={catalog.total > 0 ? t("books.total", { count: catalog.total }) : null}
        items={catalog.items}
        itemKey={(book) => book.id}
        renderItem={(book) => <BookCard book={book} />}
        listClassName="book-grid"
        empty={{ testId: "books-empty", text: t(filtered ? "books.empty.filtered" : "books.empty.none"), clearTo: filtered ? "/books" : null, clearLabel: t("books.filter.clear") }}
        page={catalog.page}
        pageCount={catalog.pageCount}
        hrefFor={(page) => href({ page })}
      />
    </div>
  );
}
