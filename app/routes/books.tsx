import { Form, Link } from "react-router";
import type { Route } from "./+types/books";
import { BOOK_KINDS_LISTED, BOOK_LANGUAGES, BOOK_SORTS, type BookCatalogPage } from "../../server/books/types.ts";
import { BookCard, bookKindLabel, bookLanguageLabel } from "../components/book-card.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
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

type Query = BookCatalogPage["query"];

/** /books with the current query, changed by `change` (null removes a parameter). */
function catalogHref(query: Query, change: Partial<Record<keyof Query | "page", string | number | null>> = {}): string {
  const merged = { ...query, page: null, ...change } as Record<string, string | number | null>;
  const params = new URLSearchParams();
  for (const key of ["q", "trade", "kind", "language", "sort", "page"]) {
    const value = merged[key];
    // "newest" is the default order: leave it out of the URL.
    if (value !== null && value !== undefined && value !== "" && !(key === "sort" && value === "newest")) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/books?${search}` : "/books";
}

export default function Books({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { catalog, categories, signedIn } = loaderData;
  // Control characters (e.g. %00) would differ between the server's HTML and hydration.
  const query = { ...catalog.query, q: catalog.query.q.replace(/[\u0000-\u001F\u007F]/g, " ") };
  const filtered = query.q !== "" || query.trade !== null || query.kind !== null || query.language !== null;
  const cleared = catalogHref({ ...query, q: "", trade: null, kind: null, language: null });
  return (
    <div className="catalog-page books-page">
      <DocumentTitle title={t("books.title")} />
      <div className="catalog-head">
        <h1>{t("books.title")}</h1>
        {signedIn ? (
          <Link to="/me/books" className="button secondary small">
            {t("books.myBooks")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("books.intro")}</p>

      {/* `key` resets the form's defaults when the URL changes through a link (pagination, clear). */}
      <Form method="get" action="/books" className="catalog-filters" aria-label={t("books.filters.label")} key={catalogHref(query)}>
        <div className="field catalog-q">
          <label htmlFor="books-q">{t("books.filter.q")}</label>
          <input id="books-q" name="q" type="search" defaultValue={query.q} placeholder={t("books.filter.qPlaceholder")} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="books-trade">{t("books.filter.trade")}</label>
          <select id="books-trade" name="trade" defaultValue={query.trade ?? ""}>
            <option value="">{t("books.filter.tradeAll")}</option>
            <TradeOptions categories={categories} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="books-kind">{t("books.filter.kind")}</label>
          <select id="books-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("books.filter.kindAll")}</option>
            {BOOK_KINDS_LISTED.map((kind) => (
              <option key={kind} value={kind}>
                {bookKindLabel(t, kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="books-language">{t("books.filter.language")}</label>
          <select id="books-language" name="language" defaultValue={query.language ?? ""}>
            <option value="">{t("books.filter.languageAll")}</option>
            {BOOK_LANGUAGES.map((language) => (
              // The language's own name, so that readers of either find theirs.
              <option key={language} value={language} lang={language}>
                {bookLanguageLabel(t, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="books-sort">{t("books.filter.sort")}</label>
          <select id="books-sort" name="sort" defaultValue={query.sort}>
            {BOOK_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`books.sort.${sort}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="catalog-submit">
          <button type="submit">{t("books.filter.submit")}</button>
          {filtered ? <Link to={cleared}>{t("books.filter.clear")}</Link> : null}
        </div>
      </Form>

      {/* Always present, so that notices appearing after a client-side navigation are announced. */}
      <div role="status" aria-label={t("books.notices.label")} className="search-notices">
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

      <section aria-labelledby="books-results-title">
        <div className="results-head">
          <h2 id="books-results-title">{t("books.results")}</h2>
          {catalog.total > 0 ? <p className="muted">{t("books.total", { count: catalog.total })}</p> : null}
        </div>
        {catalog.items.length === 0 ? (
          <div className="no-results" data-testid="books-empty">
            <p className="no-results-title">{t(filtered ? "books.empty.filtered" : "books.empty.none")}</p>
            {filtered ? (
              <p>
                <Link to="/books">{t("books.filter.clear")}</Link>
              </p>
            ) : null}
          </div>
        ) : (
          <ul className="book-grid">
            {catalog.items.map((book) => (
              <li key={book.id}>
                <BookCard book={book} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={catalog.page} pageCount={catalog.pageCount} hrefFor={(page) => catalogHref(query, { page })} className="catalog-pagination" />
      </section>
    </div>
  );
}
