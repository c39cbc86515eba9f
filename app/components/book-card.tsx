// A book or periodical in a list: cover (or a placeholder block), title, authors or publisher,
// trade, kind and format badges, issue count for periodicals. Also the words shared by book pages.
import { Link } from "react-router";
import type { BookCard as BookCardData, BookFormat, BookKind, TradeRef } from "../../server/books/types.ts";
import type { Locale, MessageKey, Translate } from "../i18n/index.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { tradeName } from "./course-labels.tsx";

export const bookHref = (id: string) => `/books/${encodeURIComponent(id)}`;
/**
 * The reader runs under its own, looser style policy (docs/decisions/009), which only a full page
 * load brings: link to it with `reloadDocument`.
 */
export const readHref = (id: string) => `/books/${encodeURIComponent(id)}/read`;
export const fileHref = (id: string) => `/books/${encodeURIComponent(id)}/file`;

export const bookKindLabel = (t: Translate, kind: BookKind) => t(`books.kind.${kind}` as MessageKey);
export const bookFormatLabel = (t: Translate, format: BookFormat) => t(`books.format.${format}` as MessageKey);
/** "中文" / "English"; an unexpected language code is shown as it is. */
export function bookLanguageLabel(t: Translate, language: string): string {
  return language === "zh-CN" || language === "en" ? t(`books.language.${language}` as MessageKey) : language;
}

/** Authors joined the way each language lists names. */
export const authorList = (authors: string[], locale: Locale) => authors.join(locale === "en" ? ", " : "、");

/** Progress 0–1 as a whole percentage (never 100 before the end, never below 0). */
export const percentOf = (fraction: number) => Math.max(0, Math.min(100, Math.floor(fraction * 100)));

/** What a card says under the title: the authors, else the publisher, else an issue's 期号. */
function byline(book: BookCardData, t: Translate, locale: Locale): string | null {
  if (book.kind === "ISSUE" && book.issueYear !== null && book.issueNumber !== null) {
    return t("books.card.issue", { year: book.issueYear, number: book.issueNumber });
  }
  if (book.authors.length > 0) return authorList(book.authors, locale);
  return book.publisher;
}

const COVER_TONES = 6;
function toneOf(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % COVER_TONES;
}

/** The cover image, or a block with the title's first character (decoration only: alt is empty). */
export function BookCover({ coverUrl, title, trade, large = false }: { coverUrl: string | null; title: string; trade: TradeRef | null; large?: boolean }) {
  const className = `book-cover${large ? " large" : ""}`;
  if (coverUrl) {
    return <img className={className} src={coverUrl} alt="" width={300} height={400} loading={large ? "eager" : "lazy"} decoding="async" />;
  }
  return (
    <div className={`${className} placeholder tone-${toneOf(trade?.code ?? title)}`} aria-hidden="true">
      <span>{Array.from(title)[0] ?? "书"}</span>
    </div>
  );
}

/** Trade, kind and format as small tags. */
export function BookTags({ book }: { book: Pick<BookCardData, "trade" | "kind" | "format"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="course-card-tags">
      {book.trade ? <span className="course-tag">{tradeName(book.trade, locale)}</span> : null}
      <span className={`course-tag book-kind kind-${book.kind.toLowerCase()}`}>{bookKindLabel(t, book.kind)}</span>
      {book.format ? <span className="course-tag format">{bookFormatLabel(t, book.format)}</span> : null}
    </p>
  );
}

export function BookCard({ book, headingLevel = 3 }: { book: BookCardData; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const by = byline(book, t, locale);
  return (
    <article className="course-card book-card" data-testid="book-card" data-id={book.id} data-kind={book.kind}>
      <BookCover coverUrl={book.coverUrl} title={book.title} trade={book.trade} />
      <div className="course-card-body">
        <BookTags book={book} />
        <Heading className="course-card-title">
          <Link to={bookHref(book.id)}>{book.title}</Link>
        </Heading>
        {by ? <p className="course-card-by">{by}</p> : null}
        <p className="course-card-meta">
          {book.kind === "PERIODICAL" ? <span>{t("books.card.issues", { count: book.issueCount })}</span> : null}
          {book.readCount > 0 ? <span>{t("books.card.reads", { count: book.readCount })}</span> : null}
        </p>
      </div>
    </article>
  );
}
