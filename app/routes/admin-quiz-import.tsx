import { data, Link } from "react-router";
import type { Route } from "./+types/admin-quiz-import";
import { tradeName } from "../components/course-labels.tsx";
import { CsvImportForm, ImportProblemTable } from "../components/csv-import.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// Importing quiz questions from CSV or JSON (told apart by the first character: "[" is JSON): the
// expected columns and example files, then Preview (every invalid row by line, or by item for
// JSON; nothing written) and Import (the valid rows, in one transaction). Admins only: the service
// refuses everyone else in the loader and in both actions.
export async function loader({ context }: Route.LoaderArgs) {
  return context.services.quizImport.template(context.viewer);
}

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, csv = "" } = await formObject(request);
  if (intent === "import") {
    const result = await context.services.quizImport.importRows(context.viewer, csv);
    // The imported rows are stored now: the text is cleared so that they are not sent twice.
    return data({ intent, report: result, imported: result.imported, csv: result.imported > 0 ? "" : csv }, { status: result.formError ? 400 : 200 });
  }
  const report = await context.services.quizImport.preview(context.viewer, csv);
  return data({ intent: "preview", report, imported: null, csv }, { status: report.formError ? 400 : 200 });
}

/** The columns as the page explains them: header names (Chinese / English) and what goes in. */
const COLUMNS = [
  { names: "工种 / trade", key: "quizbank.import.column.trade", required: true },
  { names: "题型 / kind", key: "quizbank.import.column.kind", required: true },
  { names: "题干 / stem", key: "quizbank.import.column.stem", required: true },
  { names: "选项A … 选项H / optionA … optionH", key: "quizbank.import.column.options", required: false },
  { names: "答案 / answer", key: "quizbank.import.column.answer", required: true },
  { names: "解析 / explanation", key: "quizbank.import.column.explanation", required: true },
  { names: "难度 / difficulty", key: "quizbank.import.column.difficulty", required: false },
] as const satisfies readonly { names: string; key: MessageKey; required: boolean }[];

export default function AdminQuizImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const report = actionData?.report;
  const json = report?.format === "json";
  const headings = {
    line: json ? t("quizbank.import.report.item") : t("quizbank.import.report.line"),
    field: t("quizbank.import.report.field"),
    message: t("quizbank.import.report.message"),
  };
  // Missing columns by both their names ("工种 / trade"): the file may be headed in either language.
  const missing = report?.missingColumns.map((column) => `${t(`quizbank.import.field.${column}` as MessageKey)} / ${column}`).join(", ");
  const formError = report?.formError ? translateKey(t, report.formError, { ...report.formErrorParams, ...(missing ? { columns: missing } : {}) }) : undefined;
  // Fields by their label (the file may name the column in Chinese or English).
  const problems = (report?.errors ?? []).map((problem) => ({
    ...problem,
    field: problem.field ? t(`quizbank.import.field.${problem.field}` as MessageKey) : "",
  }));
  // A byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${loaderData.csv}`)}`;
  const jsonHref = `data:application/json;charset=utf-8,${encodeURIComponent(loaderData.json)}`;

  return (
    <div className="quiz-import">
      <DocumentTitle title={t("quizbank.import.title")} />
      <p className="studio-crumb">
        <Link to="/admin/quiz-questions">{t("quizbank.import.back")}</Link>
      </p>
      <h1>{t("quizbank.import.title")}</h1>
      <p>{t("quizbank.import.intro")}</p>
      <p className="hint">{t("quizbank.import.limits", { rows: loaderData.maxRows.toLocaleString("en-US"), megabytes: loaderData.maxBytes / 1024 / 1024 })}</p>

      <section aria-labelledby="quiz-import-columns">
        <h2 id="quiz-import-columns">{t("quizbank.import.columns")}</h2>
        <p className="hint">{t("quizbank.import.columnsHint")}</p>
        <div className="book-import-scroll">
          <table className="book-import-errors quiz-import-columns">
            <caption className="visually-hidden">{t("quizbank.import.columns")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("quizbank.import.column.name")}</th>
                <th scope="col">{t("quizbank.import.column.content")}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((column) => (
                <tr key={column.key}>
                  <th scope="row" lang="zh-CN">
                    {column.names}
                    {column.required ? <span className="required"> ({t("field.required")})</span> : null}
                  </th>
                  <td>{t(column.key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t("quizbank.import.jsonHint")}</p>
      </section>

      <section aria-labelledby="quiz-import-examples">
        <h2 id="quiz-import-examples">{t("quizbank.import.examples")}</h2>
        <p className="hint">{t("quizbank.import.examplesHint")}</p>
        <details className="quiz-import-example">
          <summary>{t("quizbank.import.exampleCsv")}</summary>
          <div className="prose">
            {/* Focusable so that keyboard users can scroll the long lines sideways. */}
            <pre tabIndex={0} aria-label={t("quizbank.import.exampleCsv")}>
              {loaderData.csv}
            </pre>
          </div>
        </details>
        <details className="quiz-import-example">
          <summary>{t("quizbank.import.exampleJson")}</summary>
          <div className="prose">
            <pre tabIndex={0} aria-label={t("quizbank.import.exampleJson")}>
              {loaderData.json}
            </pre>
          </div>
        </details>
        <p className="actions start">
          <a href={csvHref} download="quiz-questions-example.csv">
            {t("quizbank.import.downloadCsv")}
          </a>
          <a href={jsonHref} download="quiz-questions-example.json">
            {t("quizbank.import.downloadJson")}
          </a>
        </p>
      </section>

      <CsvImportForm
        labels={{ file: t("quizbank.import.file"), csv: t("quizbank.import.text"), preview: t("quizbank.import.preview"), import: t("quizbank.import.import"), tooLarge: t("quizbank.import.error.bodyTooLarge") }}
        csv={actionData?.csv ?? ""}
        resetKey={actionData ? `${actionData.intent}-${actionData.imported ?? "p"}` : "empty"}
        formError={formError}
        accept=".csv,.json,text/csv,application/json,text/plain"
      />

      {report && !report.formError ? (
        <section aria-labelledby="quiz-import-report" className="book-import-report">
          <h2 id="quiz-import-report">{actionData.imported === null ? t("quizbank.import.preview") : t("quizbank.import.import")}</h2>
          <p className="muted">{json ? t("quizbank.import.report.readAsJson") : t("quizbank.import.report.readAsCsv")}</p>
          {actionData.imported === null ? (
            <div className="alert success" role="status">
              {t("quizbank.import.report.valid", { count: report.valid })}
            </div>
          ) : actionData.imported > 0 ? (
            <div className="alert success" role="status">
              {t("quizbank.import.report.imported", { count: actionData.imported })}
            </div>
          ) : (
            <div className="alert error" role="status">
              {t("quizbank.import.report.nothingImported")}
            </div>
          )}
          {report.trades.length > 0 ? (
            <ul className="quiz-import-trades" aria-label={t("quizbank.import.report.perTrade")}>
              {report.trades.map(({ trade, count }) => (
                <li key={trade.code}>{t("quizbank.import.report.tradeCount", { trade: tradeName(trade, locale), count })}</li>
              ))}
            </ul>
          ) : null}
          {report.ignoredColumns.length > 0 ? <p className="muted">{t("quizbank.import.report.ignored", { columns: report.ignoredColumns.join(", ") })}</p> : null}
          {problems.length === 0 ? (
            <p>{t("quizbank.import.report.noErrors")}</p>
          ) : (
            <ImportProblemTable
              caption={t("quizbank.import.report.errors", { count: problems.length })}
              problems={problems}
              headings={headings}
              limit={500}
              moreText={(count) => t("quizbank.import.report.more", { count })}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
