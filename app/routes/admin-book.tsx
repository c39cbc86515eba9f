import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-book";
import type { BookDetail } from "../../server/books/types.ts";
import { BookCover, bookHref, bookKindLabel } from "../components/book-card.tsx";
import { BookLanguageSelect, BookTradeSelect } from "../components/book-fields.tsx";
import { DocumentTitle, FormAlert, FormField } from "../components/form-field.tsx";
import { SelectField, TextAreaField, type TradeCategoryOption } from "../components/studio-fields.tsx";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// One book, periodical or issue for admins: its metadata (prefilled from the file after an upload),
// publishing, and deletion with a confirmation step that works without JavaScript.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const [book, periodicals, categories] = await Promise.all([
    context.services.books.adminBook(context.viewer, params.bookId),
    context.services.books.periodicals(context.viewer),
    context.services.trades.listByCategory(),
  ]);
  return { book, periodicals, categories, fromUpload: new URL(request.url).searchParams.get("upload") === "ok" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  const { books } = context.services;
  switch (intent) {
    case "save": {
      const result = await books.updateMetadata(context.viewer, params.bookId, values);
      if (!result.ok) return data({ done: null, values, fieldErrors: result.fieldErrors as Record<string, string> }, { status: 400 });
      return { done: "bookadmin.edit.saved" as const };
    }
    case "publish":
    case "unpublish": {
      const result = await books.setPublished(context.viewer, params.bookId, intent === "publish");
      if (!result.ok) return data({ done: null, error: result.formError ?? Object.values(result.fieldErrors)[0] ?? "form.invalid" }, { status: 400 });
      return { done: intent === "publish" ? ("bookadmin.publish.done" as const) : ("bookadmin.publish.withdrawn" as const) };
    }
    case "delete":
      // First step: the page asks again (a plain form, so no JavaScript confirm() is needed).
      return { done: null, confirmDelete: true as const };
    case "deleteConfirmed":
      // The service deletes the row (a periodical's issues too) and their files.
      await books.remove(context.viewer, params.bookId);
      return redirect("/admin/books?deleted=1");
    default:
      return data({ done: null, error: "bookadmin.intent.invalid" }, { status: 400 });
  }
}

type ActionData = Route.ComponentProps["actionData"];
type AdminBook = BookDetail & { fileName: string | null; periodicalId: string | null };

export default function AdminBook({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { book, periodicals, categories, fromUpload } = loaderData;
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const error = actionData && "error" in actionData ? actionData.error : undefined;
  return (
    <div className="book-admin">
      <DocumentTitle title={`${t("bookadmin.edit.title")} · ${book.title}`} />
      <p>
        <Link to="/admin/books">{t("bookadmin.edit.back")}</Link>
      </p>
      <div className="book-admin-head">
        <BookCover coverUrl={book.coverUrl} title={book.title} trade={book.trade} />
        <div>
          <h1>{book.title}</h1>
          <p className="course-card-tags">
            <span className={`course-tag book-status status-${book.status.toLowerCase()}`}>{t(`bookadmin.status.${book.status}` as MessageKey)}</span>
            <span className="course-tag book-kind">{bookKindLabel(t, book.kind)}</span>
          </p>
          <p className="course-card-meta">
            <span>
              {t("bookadmin.edit.file")}: {book.fileName ?? t("bookadmin.edit.noFile")}
            </span>
          </p>
          <p>
            <Link to={bookHref(book.id)}>{t("bookadmin.edit.view")}</Link>
          </p>
        </div>
      </div>

      {fromUpload && !actionData ? (
        <p className="alert book-notice" role="status" data-testid="book-from-file">
          {t("bookadmin.edit.fromFile")}
        </p>
      ) : null}
      {actionData?.done ? (
        <p className="alert success" role="status">
          {t(actionData.done)}
        </p>
      ) : null}
      <FormAlert message={error ? translateKey(t, error) : undefined} />

      <MetadataForm book={book} periodicals={periodicals} categories={categories} failed={failed} />
      <PublishBox book={book} />
      <DeleteBox book={book} actionData={actionData} />
    </div>
  );
}

function MetadataForm({
  book,
  periodicals,
  categories,
  failed,
}: {
  book: AdminBook;
  periodicals: { id: string; title: string }[];
  categories: TradeCategoryOption[];
  failed: { values: Record<string, string>; fieldErrors: Record<string, string> } | undefined;
}) {
  const t = useT();
  const errors = failed?.fieldErrors ?? {};
  // After a failed save the form shows what was sent; otherwise the stored values.
  const value = (name: string, stored: string) => failed?.values[name] ?? stored;
  const message = (name: string) => translateKey(t, errors[name]);
  const isPeriodical = book.kind === "PERIODICAL";
  const kind = value("kind", book.kind === "ISSUE" ? "ISSUE" : "BOOK");
  return (
    <section aria-labelledby="book-meta-title" className="studio-section book-admin-box">
      <h2 id="book-meta-title">{t("bookadmin.edit.title")}</h2>
      <FormAlert message={failed ? t("bookadmin.edit.errors") : undefined} />
      {/* `key`: a successful save reloads the book, and the fields take its stored values again. */}
      <Form method="post" noValidate className="stack" key={failed ? "failed" : String(book.title)}>
        <input type="hidden" name="intent" value="save" />
        <FormField name="title" label={t("bookadmin.field.title")} defaultValue={value("title", book.title)} error={message("title")} maxLength={200} required />
        {isPeriodical ? null : (
          <FormField
            name="authors"
            label={t("bookadmin.field.authors")}
            hint={t("bookadmin.field.authorsHint")}
            defaultValue={value("authors", book.authors.join("、"))}
            error={message("authors")}
            maxLength={2000}
          />
        )}
        <FormField name="publisher" label={t("bookadmin.field.publisher")} defaultValue={value("publisher", book.publisher ?? "")} error={message("publisher")} maxLength={120} />
        {isPeriodical ? null : (
          <FormField name="isbn" label={t("bookadmin.field.isbn")} defaultValue={value("isbn", book.isbn ?? "")} error={message("isbn")} maxLength={20} inputMode="numeric" />
        )}
        <TextAreaField
          name="description"
          label={t("bookadmin.field.description")}
          hint={t("bookadmin.field.descriptionHint")}
          defaultValue={value("description", book.description)}
          error={message("description")}
          rows={6}
          maxLength={10_000}
        />
        <BookLanguageSelect defaultValue={value("language", book.language)} error={message("language")} />
        <BookTradeSelect categories={categories} defaultValue={value("trade", book.trade?.code ?? "")} error={message("trade")} />
        {isPeriodical ? null : (
          <fieldset className="book-kind-fields">
            <legend>{t("bookadmin.field.kind")}</legend>
            {(["BOOK", "ISSUE"] as const).map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="kind" value={option} defaultChecked={kind === option} /> {bookKindLabel(t, option)}
              </label>
            ))}
            {/* Used only when the type is ISSUE; the service says what is missing. */}
            <SelectField
              name="periodicalId"
              label={t("bookadmin.field.periodical")}
              defaultValue={value("periodicalId", book.periodicalId ?? "")}
              error={message("periodicalId")}
            >
              <option value="">{t("bookadmin.field.periodicalNone")}</option>
              {periodicals.map((periodical) => (
                <option key={periodical.id} value={periodical.id}>
                  {periodical.title}
                </option>
              ))}
            </SelectField>
            <div className="book-issue-fields">
              <FormField
                name="issueYear"
                label={t("bookadmin.field.issueYear")}
                defaultValue={value("issueYear", book.issueYear?.toString() ?? "")}
                error={message("issueYear")}
                inputMode="numeric"
                maxLength={4}
              />
              <FormField
                name="issueNumber"
                label={t("bookadmin.field.issueNumber")}
                defaultValue={value("issueNumber", book.issueNumber?.toString() ?? "")}
                error={message("issueNumber")}
                inputMode="numeric"
                maxLength={3}
              />
            </div>
          </fieldset>
        )}
        <button type="submit">{t("bookadmin.edit.save")}</button>
      </Form>
    </section>
  );
}

function PublishBox({ book }: { book: AdminBook }) {
  const t = useT();
  const published = book.status === "PUBLISHED";
  return (
    <section aria-labelledby="book-publish-title" className="studio-section book-admin-box">
      <h2 id="book-publish-title">{t("bookadmin.publish.title")}</h2>
      <p>{t(published ? "bookadmin.publish.publishedNote" : "bookadmin.publish.draftNote")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
        <button type="submit" className={published ? "secondary" : undefined}>
          {t(published ? "bookadmin.publish.withdraw" : "bookadmin.publish.submit")}
        </button>
      </Form>
    </section>
  );
}

function DeleteBox({ book, actionData }: { book: AdminBook; actionData: ActionData }) {
  const t = useT();
  const confirming = actionData !== undefined && "confirmDelete" in actionData;
  return (
    <section aria-labelledby="book-delete-title" className="studio-section book-admin-box book-danger">
      <h2 id="book-delete-title">{t("bookadmin.delete.title")}</h2>
      {confirming ? (
        <div className="alert error" role="alert">
          <p>{t(book.kind === "PERIODICAL" ? "bookadmin.delete.confirmPeriodical" : "bookadmin.delete.confirm", { title: book.title })}</p>
          <div className="actions start">
            <Form method="post">
              <input type="hidden" name="intent" value="deleteConfirmed" />
              <button type="submit" className="danger">
                {t("bookadmin.delete.confirmSubmit")}
              </button>
            </Form>
            <Link to={`/admin/books/${encodeURIComponent(book.id)}`} className="button secondary">
              {t("bookadmin.delete.cancel")}
            </Link>
          </div>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="danger-outline">
            {t("bookadmin.delete.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
