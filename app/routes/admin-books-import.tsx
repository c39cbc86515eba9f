import { useEffect, useRef, useState } from "react";
import { data, Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/admin-books-import";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// The admin layout's loader has already refused everyone but admins; the service checks again.

/** A file with thousands of bad rows would make a page nobody reads: the first ones are shown. */
const ERRORS_SHOWN = 200;
/** Under the server's 1 MiB body cap (MAX_BODY_BYTES), leaving room for the form's encoding. */
const POST_MAX_BYTES = 900_000;

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, csv = "" } = await formObject(request);
  if (intent === "import") {
    const result = await context.services.bookImport.importRows(context.viewer, csv);
    // The imported rows are in the catalog now: the text is cleared so they are not sent twice.
    return data({ intent, report: result, imported: result.imported, csv: result.imported > 0 ? "" : csv }, { status: result.formError ? 400 : 200 });
  }
  const report = await context.services.bookImport.preview(context.viewer, csv);
  return data({ intent: "preview", report, imported: null, csv }, { status: report.formError ? 400 : 200 });
}

export default function AdminBooksImport({ actionData }: Route.ComponentProps) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The file picker only works with JavaScript (it reads the file into the text box), so it
  // appears after hydration; without JavaScript the text box is the whole form.
  const [canReadFiles, setCanReadFiles] = useState(false);
  useEffect(() => setCanReadFiles(true), []);
  // With JavaScript, text too large to send is caught here instead of by the server's 413.
  const [tooLarge, setTooLarge] = useState(false);
  function checkSize(event: React.FormEvent<HTMLFormElement>) {
    const size = new Blob([textarea.current?.value ?? ""]).size;
    setTooLarge(size > POST_MAX_BYTES);
    if (size > POST_MAX_BYTES) event.preventDefault();
  }

  const report = actionData?.report;
  async function readFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file && textarea.current) textarea.current.value = await file.text();
  }

  return (
    <>
      <DocumentTitle title={t("bookImport.title")} />
      <h1>{t("bookImport.title")}</h1>
      <p>
        <Link to="/admin/books">{t("bookImport.backToBooks")}</Link>
      </p>
      <p>{t("bookImport.intro")}</p>
      <p className="hint">{t("bookImport.columns")}</p>
      <p className="hint">{t("bookImport.limits")}</p>

      <FormAlert message={tooLarge ? t("bookImport.error.bodyTooLarge") : report?.formError ? translateKey(t, report.formError) : undefined} />
      <Form method="post" className="stack book-import-form" onSubmit={checkSize}>
        {canReadFiles ? (
          <div className="field">
            <label htmlFor="csv-file">{t("bookImport.file")}</label>
            <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="csv">{t("bookImport.csv")}</label>
          <textarea
            id="csv"
            name="csv"
            ref={textarea}
            rows={12}
            spellCheck={false}
            className="book-import-csv"
            defaultValue={actionData?.csv ?? ""}
            key={actionData ? `${actionData.intent}-${actionData.imported ?? "p"}` : "empty"}
          />
        </div>
        <div className="book-import-actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={busy}>
            {t("bookImport.preview")}
          </button>
          <button type="submit" name="intent" value="import" disabled={busy}>
            {t("bookImport.import")}
          </button>
        </div>
      </Form>

      {report && !report.formError ? (
        <section aria-labelledby="import-report" className="book-import-report">
          <h2 id="import-report">{actionData.imported === null ? t("bookImport.preview") : t("bookImport.import")}</h2>
          <div className="alert success" role="status">
            {actionData.imported === null
              ? t("bookImport.report.valid", { count: report.valid })
              : t("bookImport.report.imported", { count: actionData.imported })}
          </div>
          {report.ignoredColumns.length > 0 ? <p className="muted">{t("bookImport.report.ignored", { columns: report.ignoredColumns.join(", ") })}</p> : null}
          {report.errors.length === 0 ? (
            <p>{t("bookImport.report.noErrors")}</p>
          ) : (
            <div className="book-import-scroll">
              <table className="book-import-errors">
                <caption>{t("bookImport.report.errors", { count: report.errors.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("bookImport.report.line")}</th>
                    <th scope="col">{t("bookImport.report.field")}</th>
                    <th scope="col">{t("bookImport.report.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.slice(0, ERRORS_SHOWN).map((error, index) => (
                    <tr key={`${error.line}-${error.field}-${index}`}>
                      <td>{error.line}</td>
                      <td>{error.field || "—"}</td>
                      <td>{translateKey(t, error.messageKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.errors.length > ERRORS_SHOWN ? <p className="muted">{t("bookImport.report.more", { count: report.errors.length - ERRORS_SHOWN })}</p> : null}
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
