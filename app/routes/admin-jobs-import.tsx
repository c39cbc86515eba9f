import { data, Link } from "react-router";
import type { Route } from "./+types/admin-jobs-import";
import { CsvImportForm, ImportProblemTable } from "../components/csv-import.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// Admins import for any organisation, employers for their own; the service decides (and refuses
// everyone else) in the loader and in both actions.


export async function loader({ context }: Route.LoaderArgs) {
  return context.services.jobImport.scope(context.viewer);
}

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, csv = "" } = await formObject(request);
  if (intent === "import") {
    const result = await context.services.jobImport.importRows(context.viewer, csv);
    // The imported rows are stored now: the text is cleared so that they are not sent twice.
    return data({ intent, report: result, imported: result.imported, csv: result.imported > 0 ? "" : csv }, { status: result.formError ? 400 : 200 });
  }
  const report = await context.services.jobImport.preview(context.viewer, csv);
  return data({ intent: "preview", report, imported: null, csv }, { status: report.formError ? 400 : 200 });
}

export default function AdminJobsImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const report = actionData?.report;
  const headings = { line: t("jobs.import.report.line"), field: t("jobs.import.report.field"), message: t("jobs.import.report.message") };
  const formError = report?.formError ? translateKey(t, report.formError, { columns: report.missingColumns.join(", ") }) : undefined;
  // A byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${loaderData.template}`)}`;

  return (
    <>
      <DocumentTitle title={t("jobs.import.title")} />
      <h1>{t("jobs.import.title")}</h1>
      <p>
        <Link to="/admin/jobs">{t("jobs.import.backToJobs")}</Link>
      </p>
      <p>{t("jobs.import.intro")}</p>
      {loaderData.organization !== null ? <p className="alert book-notice">{t("jobs.import.employerNote", { name: loaderData.organization })}</p> : null}
      <p className="hint">{t("jobs.import.columns")}</p>
      <p className="hint">{t("jobs.import.limits")}</p>

      <section aria-labelledby="import-template">
        <h2 id="import-template">{t("jobs.import.template")}</h2>
        <p className="hint">{t("jobs.import.templateHint")}</p>
        <div className="prose">
          {/* Focusable so that keyboard users can scroll the long lines sideways. */}
          <pre tabIndex={0} aria-label={t("jobs.import.template")}>
            {loaderData.template}
          </pre>
        </div>
        <p>
          <a href={templateHref} download="jobs-import-template.csv">
            {t("jobs.import.templateDownload")}
          </a>
        </p>
      </section>

      <CsvImportForm
        labels={{ file: t("jobs.import.file"), csv: t("jobs.import.csv"), preview: t("jobs.import.preview"), import: t("jobs.import.import"), tooLarge: t("jobs.import.error.bodyTooLarge") }}
        csv={actionData?.csv ?? ""}
        resetKey={actionData ? `${actionData.intent}-${actionData.imported ?? "p"}` : "empty"}
        formError={formError}
      />

      {report && !report.formError ? (
        <section aria-labelledby="import-report" className="book-import-report">
          <h2 id="import-report">{actionData.imported === null ? t("jobs.import.preview") : t("jobs.import.import")}</h2>
          {actionData.imported === null ? (
            <div className="alert success" role="status">
              {t("jobs.import.report.valid", { count: report.valid, open: report.open })}
            </div>
          ) : actionData.imported > 0 ? (
            <div className="alert success" role="status">
              {t("jobs.import.report.imported", { count: actionData.imported, open: report.open })}
            </div>
          ) : (
            <div className="alert error" role="status">
              {t("jobs.import.report.nothingImported")}
            </div>
          )}
          {report.ignoredColumns.length > 0 ? <p className="muted">{t("jobs.import.report.ignored", { columns: report.ignoredColumns.join(", ") })}</p> : null}
          {report.warnings.length > 0 ? (
            <ImportProblemTable caption={t("jobs.import.report.warnings", { count: report.warnings.length })} problems={report.warnings} headings={headings} />
          ) : null}
          {report.errors.length === 0 ? (
            <p>{t("jobs.import.report.noErrors")}</p>
          ) : (
            <ImportProblemTable caption={t("jobs.import.report.errors", { count: report.errors.length })} problems={report.errors} headings={headings} />
          )}
        </section>
      ) : null}
    </>
  );
}
