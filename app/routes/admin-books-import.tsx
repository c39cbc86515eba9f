import { data, Link } from "react-router";
import type { Route } from "./+types/admin-books-import";
import { CsvImportForm, ImportProblemTable } from "../components/csv-import.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// The admin layout's loader has already refused everyone but admins; the service checks again.

/** A file with thousands of bad rows would make a page nobody reads: the first ones are shown. */
const ERRORS_SHOWN = 200;

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
  const report = actionData?.report;
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

      <CsvImportForm
        labels={{ file: t("bookImport.file"), csv: t("bookImport.csv"), preview: t("bookImport.preview"), import: t("bookImport.import"), tooLarge: t("bookImport.error.bodyTooLarge") }}
        csv={actionData?.csv ?? ""}
        resetKey={actionData ? `${actionData.intent}-${actionData.imported ?? "p"}` : "empty"}
        formError={report?.formError ? translateKey(t, report.formError) : undefined}
      />

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
            <ImportProblemTable
              caption={t("bookImport.report.errors", { count: report.errors.length })}
              problems={report.errors}
              headings={{ line: t("bookImport.report.line"), field: t("bookImport.report.field"), message: t("bookImport.report.message") }}
              limit={ERRORS_SHOWN}
              moreText={(count) => t("bookImport.report.more", { count })}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
