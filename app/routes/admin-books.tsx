import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-books";
import { bookFormatLabel, bookKindLabel } from "../components/book-card.tsx";
import { NewPeriodicalForm } from "../components/book-fields.tsx";
import { BookUpload } from "../components/book-upload.tsx";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

const STATUSES = ["DRAFT", "PUBLISHED"] as const;
const KINDS = ["BOOK", "PERIODICAL", "ISSUE"] as const;

// The admin list of books, periodicals and issues, with the upload form and "new periodical".
// The admin layout's loader already refused non-admins; the service checks again (403).
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const [list, categories] = await Promise.all([
    context.services.books.adminList(context.viewer, Object.fromEntries(url.searchParams)),
    context.services.trades.listByCategory(),
  ]);
  return { list, categories, upload: url.searchParams.get("upload"), deleted: url.searchParams.get("deleted") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  if (intent !== "createPeriodical") {
    return data({ values, fieldErrors: { form: "bookadmin.intent.invalid" } as Record<string, string> }, { status: 400 });
  }
  const result = await context.services.books.createPeriodical(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors as Record<string, string> }, { status: 400 });
  return redirect(`/admin/books/${encodeURIComponent(result.value.id)}`);
}

type List = Route.ComponentProps["loaderData"]["list"];

/** This page with the list's filters, on another page. */
function pageHref(list: List, page: number): string {
  const params = new URLSearchParams();
  if (list.query.q) params.set("q", list.query.q);
  if (list.query.status) params.set("status", list.query.status);
  if (list.query.kind) params.set("kind", list.query.kind);
  params.set("page", String(page));
  return `/admin/books?${params}`;
}

export default function AdminBooks({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, categories, upload, deleted } = loaderData;
  const date = (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value));
  return (
    <div className="book-admin">
      <DocumentTitle title={t("bookadmin.title")} />
      <div className="catalog-head">
        <h1>{t("bookadmin.title")}</h1>
        <Link to="/admin/books-import" className="button secondary small">
          {t("bookadmin.import.link")}
        </Link>
      </div>
      {deleted ? (
        <p className="alert success" role="status">
          {t("bookadmin.delete.done")}
        </p>
      ) : null}

      <BookUpload outcome={upload} />
      <NewPeriodicalForm categories={categories} values={actionData?.values} errors={actionData?.fieldErrors} />

      <Form method="get" className="search-row" role="search" key={`${list.query.q}|${list.query.status}|${list.query.kind}`}>
        <label htmlFor="book-admin-q" className="visually-hidden">
          {t("bookadmin.list.search")}
        </label>
        <input id="book-admin-q" name="q" type="search" defaultValue={list.query.q} placeholder={t("bookadmin.list.searchPlaceholder")} maxLength={100} />
        <label htmlFor="book-admin-status" className="visually-hidden">
          {t("bookadmin.list.status")}
        </label>
        <select id="book-admin-status" name="status" defaultValue={list.query.status ?? ""}>
          <option value="">{t("bookadmin.list.statusAll")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`bookadmin.status.${status}` as MessageKey)}
            </option>
          ))}
        </select>
        <label htmlFor="book-admin-kind" className="visually-hidden">
          {t("bookadmin.list.kind")}
        </label>
        <select id="book-admin-kind" name="kind" defaultValue={list.query.kind ?? ""}>
          <option value="">{t("bookadmin.list.kindAll")}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {bookKindLabel(t, kind)}
            </option>
          ))}
        </select>
        <button type="submit">{t("bookadmin.list.submit")}</button>
      </Form>

      <section aria-labelledby="book-admin-results">
        <div className="results-head">
          <h2 id="book-admin-results">{t("bookadmin.list.results")}</h2>
          <p className="muted">{t("bookadmin.list.total", { count: list.total })}</p>
        </div>
        {list.items.length === 0 ? (
          <p>{t("bookadmin.list.none")}</p>
        ) : (
          <ul className="book-admin-list">
            {list.items.map((book) => (
              <li key={book.id} data-testid="book-admin-row" data-id={book.id}>
                <p className="book-admin-row-title">
                  <Link to={`/admin/books/${encodeURIComponent(book.id)}`}>{book.title}</Link>
                </p>
                <p className="course-card-tags">
                  <span className={`course-tag book-status status-${book.status.toLowerCase()}`}>{t(`bookadmin.status.${book.status}` as MessageKey)}</span>
                  <span className="course-tag book-kind">{bookKindLabel(t, book.kind)}</span>
                  {book.format ? <span className="course-tag format">{bookFormatLabel(t, book.format)}</span> : null}
                  {book.trade ? <span className="course-tag">{tradeName(book.trade, locale)}</span> : null}
                </p>
                <p className="course-card-meta">
                  {book.periodical ? <span>{book.periodical.title}</span> : null}
                  <span>{t("bookadmin.list.updated", { date: date(book.updatedAt) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => pageHref(list, page)} className="catalog-pagination" />
      </section>
    </div>
  );
}
