import { Link, redirect } from "react-router";
import type { Route } from "./+types/me-books";
import { SHELF_STATUSES, type ShelfEntry } from "../../server/books/types.ts";
import { authorList, BookCover, bookHref, BookTags, percentOf, readHref } from "../components/book-card.tsx";
import { formatDate, loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/books"));
  const books = await context.services.books.myBooks(context.viewer);
  // Most recently read first, whatever order the service keeps.
  const continueReading = [...books.continueReading].sort(
    (a, b) => new Date(b.progress?.updatedAt ?? 0).getTime() - new Date(a.progress?.updatedAt ?? 0).getTime(),
  );
  return { continueReading, shelf: books.shelf };
}

export default function MeBooks({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { continueReading, shelf } = loaderData;
  const empty = continueReading.length === 0 && SHELF_STATUSES.every((status) => (shelf[status] ?? []).length === 0);
  return (
    <div className="learning-page my-books-page">
      <DocumentTitle title={t("books.my.title")} />
      <h1>{t("books.my.title")}</h1>
      {empty ? (
        <div className="no-results" data-testid="my-books-empty">
          <p className="no-results-title">{t("books.my.empty")}</p>
          <p>
            <Link to="/books" className="button">
              {t("books.my.browse")}
            </Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="my-books-continue-title" data-testid="my-books-continue">
        <h2 id="my-books-continue-title">{t("books.my.continue")}</h2>
        {continueReading.length === 0 ? (
          <p className="muted">{t("books.my.continueEmpty")}</p>
        ) : (
          <ul className="learning-list">
            {continueReading.map((entry) => (
              <ShelfItem key={entry.book.id} entry={entry} prefix="continue" />
            ))}
          </ul>
        )}
      </section>

      {SHELF_STATUSES.map((status) => {
        const entries = shelf[status] ?? [];
        const titleId = `my-books-${status}-title`;
        return (
          <section key={status} aria-labelledby={titleId} data-testid={`shelf-${status}`}>
            <h2 id={titleId}>{t(`books.my.section.${status}` as MessageKey)}</h2>
            {entries.length === 0 ? (
              <p className="muted">{t(`books.my.empty.${status}` as MessageKey)}</p>
            ) : (
              <ul className="learning-list">
                {entries.map((entry) => (
                  <ShelfItem key={entry.book.id} entry={entry} prefix={status} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** One book on the page: cover, title, authors, progress with a link back into the reader. */
function ShelfItem({ entry, prefix }: { entry: ShelfEntry; prefix: string }) {
  const t = useT();
  const locale = useLocale();
  const { book, progress } = entry;
  const percent = progress ? percentOf(progress.fraction) : null;
  // Ids stay unique: a book can be both in "continue reading" and on a shelf.
  const progressId = `${prefix}-progress-${book.id}`;
  return (
    <li className="learning-item" data-testid="my-book" data-id={book.id}>
      <BookCover coverUrl={book.coverUrl} title={book.title} trade={book.trade} />
      <div className="learning-item-body">
        <BookTags book={book} />
        <h3 className="course-card-title">
          <Link to={bookHref(book.id)}>{book.title}</Link>
        </h3>
        {book.authors.length > 0 ? <p className="course-card-by">{authorList(book.authors, locale)}</p> : null}
        {progress && percent !== null ? (
          <>
            <label htmlFor={progressId} className="progress-label">
              {t("books.my.readAt", { percent })}
            </label>
            <progress id={progressId} max={100} value={percent} />
            <p className="course-card-meta">
              <span>{t("books.my.lastRead", { date: formatDate(locale, progress.updatedAt) })}</span>
            </p>
          </>
        ) : null}
        {book.kind !== "PERIODICAL" ? (
          <p className="actions start">
            <Link to={readHref(book.id)} reloadDocument>
              {t(progress ? "books.my.continue" : "books.detail.read")}
              <span className="visually-hidden"> · {book.title}</span>
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}
