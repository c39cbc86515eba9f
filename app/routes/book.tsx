import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/book";
import type { BookDetail } from "../../server/books/types.ts";
import {
  authorList,
  BookCover,
  bookFormatLabel,
  bookHref,
  bookKindLabel,
  bookLanguageLabel,
  BookTags,
  fileHref,
  percentOf,
  readHref,
} from "../components/book-card.tsx";
import { BookShelfButtons } from "../components/book-shelf.tsx";
import { loginHref, tradeName } from "../components/course-labels.tsx";
import { JsonLd } from "../components/json-ld.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { translateKey, useLocale, useT, type Translate } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  return { book: await context.services.books.detail(context.viewer, params.bookId) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  // A session that ran out between page and click: sign in, then come back here.
  if (!context.viewer) throw redirect(loginHref(bookHref(params.bookId)));
  if (intent === "shelf") {
    const result = await context.services.books.setShelf(context.viewer, params.bookId, values);
    if (!result.ok) {
      return data({ shelved: false as const, error: result.formError ?? Object.values(result.fieldErrors)[0] ?? "form.invalid" }, { status: 400 });
    }
    return { shelved: true as const };
  }
  return data({ shelved: false as const, error: "form.invalid" }, { status: 400 });
}

export default function Book({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { book } = loaderData;
  const isPeriodical = book.kind === "PERIODICAL";
  return (
    <div className="book-page">
      <DocumentTitle title={book.title} />
      <BookJsonLd book={book} />
      {book.status === "DRAFT" ? (
        <p className="alert draft-banner" role="note">
          {t("books.detail.draft")}
        </p>
      ) : null}

      <header className="book-hero">
        <BookCover coverUrl={book.coverUrl} title={book.title} trade={book.trade} large />
        <div className="book-hero-text">
          <BookTags book={book} />
          <h1>{book.title}</h1>
          {book.kind === "ISSUE" && book.issueYear !== null && book.issueNumber !== null ? (
            <p className="book-issue-line">{t("books.card.issue", { year: book.issueYear, number: book.issueNumber })}</p>
          ) : null}
          {book.authors.length > 0 ? <p className="course-card-by">{authorList(book.authors, locale)}</p> : null}
          {book.periodical ? (
            <p>
              <Link to={bookHref(book.periodical.id)} data-testid="book-periodical-link">
                {t("books.detail.periodical", { title: book.periodical.title })}
              </Link>
            </p>
          ) : null}
        </div>
      </header>

      {isPeriodical ? null : <ReadingBox book={book} actionData={actionData} t={t} />}
      {book.viewer.isAdmin ? (
        <p>
          <Link to={`/admin/books/${encodeURIComponent(book.id)}`}>{t("books.detail.edit")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="book-facts-title">
        <h2 id="book-facts-title">{t("books.detail.facts")}</h2>
        <BookFacts book={book} t={t} />
      </section>

      <section aria-labelledby="book-description-title">
        <h2 id="book-description-title">{t("books.detail.description")}</h2>
        <Description text={book.description} emptyText={t("books.detail.noDescription")} />
      </section>

      {isPeriodical ? (
        <IssueList book={book} t={t} />
      ) : (
        <section aria-labelledby="book-toc-title">
          <h2 id="book-toc-title">{t("books.detail.toc")}</h2>
          {book.toc.length === 0 ? (
            <p className="muted">{t("books.detail.noToc")}</p>
          ) : (
            <ol className="book-toc">
              {book.toc.map((entry, index) => (
                // Nesting shown by indentation (levels beyond 4 stay at 4 so phones keep room).
                <li key={`${entry.href}-${index}`} className={`toc-level-${Math.min(Math.max(entry.level, 1), 4)}`}>
                  {entry.label}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

type ActionData = Route.ComponentProps["actionData"];

/** Read / continue, download, progress and the shelf buttons (signed in), or "sign in to read". */
function ReadingBox({ book, actionData, t }: { book: BookDetail; actionData: ActionData; t: Translate }) {
  const me = book.viewer;
  const percent = me.progress ? percentOf(me.progress.fraction) : null;
  return (
    <section aria-label={t("books.detail.actions")} className="enroll-box book-reading">
      {me.signedIn ? (
        <>
          {percent !== null ? (
            <>
              <label htmlFor="book-progress" className="progress-label">
                {t("books.detail.progress", { percent })}
              </label>
              <progress id="book-progress" max={100} value={percent} />
            </>
          ) : null}
          <div className="actions start">
            <Link to={readHref(book.id)} className="button" reloadDocument>
              {percent !== null ? t("books.detail.continueAt", { percent }) : t("books.detail.read")}
            </Link>
            {/* A file download, not a page: the browser handles it without the client router. */}
            <a href={fileHref(book.id)} className="button secondary" download>
              {t("books.detail.download")}
            </a>
          </div>
          {actionData?.shelved ? (
            <p className="alert success" role="status">
              {t("books.shelf.saved")}
            </p>
          ) : null}
          <BookShelfButtons current={me.shelf} error={actionData && !actionData.shelved ? translateKey(t, actionData.error) : undefined} />
        </>
      ) : (
        <div className="actions start">
          <Link to={loginHref(readHref(book.id))} className="button">
            {t("books.detail.signInToRead")}
          </Link>
        </div>
      )}
    </section>
  );
}

function BookFacts({ book, t }: { book: BookDetail; t: Translate }) {
  const locale = useLocale();
  const length =
    book.pageCount !== null
      ? t("books.detail.pages", { count: book.pageCount })
      : book.chapterCount !== null
        ? t("books.detail.chapters", { count: book.chapterCount })
        : null;
  return (
    <dl className="facts book-facts">
      {book.authors.length > 0 ? (
        <>
          <dt>{t("books.detail.authors")}</dt>
          <dd>{authorList(book.authors, locale)}</dd>
        </>
      ) : null}
      {book.publisher ? (
        <>
          <dt>{t("books.detail.publisher")}</dt>
          <dd>{book.publisher}</dd>
        </>
      ) : null}
      {book.isbn ? (
        <>
          <dt>{t("books.detail.isbn")}</dt>
          <dd>{book.isbn}</dd>
        </>
      ) : null}
      <dt>{t("books.filter.kind")}</dt>
      <dd>{bookKindLabel(t, book.kind)}</dd>
      {book.format ? (
        <>
          <dt>{t("books.detail.format")}</dt>
          <dd>{bookFormatLabel(t, book.format)}</dd>
        </>
      ) : null}
      {length ? (
        <>
          <dt>{t("books.detail.length")}</dt>
          <dd>{length}</dd>
        </>
      ) : null}
      <dt>{t("books.detail.language")}</dt>
      <dd>{bookLanguageLabel(t, book.language)}</dd>
      {book.trade ? (
        <>
          <dt>{t("books.detail.trade")}</dt>
          <dd>
            <Link to={`/books?trade=${encodeURIComponent(book.trade.code)}`}>{tradeName(book.trade, locale)}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Plain text (never HTML): blank lines separate paragraphs, single line breaks are kept. */
function Description({ text, emptyText }: { text: string; emptyText: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="book-description">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

function IssueList({ book, t }: { book: BookDetail; t: Translate }) {
  return (
    <section aria-labelledby="book-issues-title">
      <h2 id="book-issues-title">{t("books.detail.issues")}</h2>
      {book.issues.length === 0 ? (
        <p className="muted">{t("books.detail.noIssues")}</p>
      ) : (
        <ul className="book-issues">
          {book.issues.map((issue) => (
            <li key={issue.id} data-testid="book-issue">
              <Link to={bookHref(issue.id)} className="book-issue">
                <BookCover coverUrl={issue.coverUrl} title={issue.title} trade={issue.trade} />
                <span className="book-issue-title">
                  {issue.issueYear !== null && issue.issueNumber !== null
                    ? t("books.card.issue", { year: issue.issueYear, number: issue.issueNumber })
                    : issue.title}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** schema.org Book (a Periodical for periodicals) for search engines; `<` escaped so the JSON cannot close the script. */
function BookJsonLd({ book }: { book: BookDetail }) {
  if (book.status !== "PUBLISHED") return null;
  const json: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": book.kind === "PERIODICAL" ? "Periodical" : "Book",
    name: book.title,
    inLanguage: book.language,
  };
  if (book.description) json.description = book.description.slice(0, 500);
  if (book.authors.length > 0) json.author = book.authors.map((name) => ({ "@type": "Person", name }));
  if (book.publisher) json.publisher = { "@type": "Organization", name: book.publisher };
  if (book.kind !== "PERIODICAL") {
    json.bookFormat = "https://schema.org/EBook";
    if (book.isbn) json.isbn = book.isbn;
    if (book.pageCount !== null) json.numberOfPages = book.pageCount;
    if (book.periodical) json.isPartOf = { "@type": "Periodical", name: book.periodical.title };
  }
  return <JsonLd data={json} />;
}
