// The admin's CSV import pages (books, jobs): paste the text, or pick a file that the browser reads
// into the text box (JavaScript only; without it the text box is the whole form), then Preview or
// Import; the report lists every problem by line so the spreadsheet can be fixed from it.
import { useEffect, useRef, useState } from "react";
import { Form, useNavigation } from "react-router";
import { FormAlert } from "./form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";

/** Under the server's 1 MiB body cap (MAX_BODY_BYTES), leaving room for the form's encoding. */
const POST_MAX_BYTES = 900_000;

export interface CsvImportLabels {
  file: string;
  csv: string;
  preview: string;
  import: string;
  /** Shown when the text is too large to send in one form post. */
  tooLarge: string;
}

export function CsvImportForm(props: {
  labels: CsvImportLabels;
  /** The text sent last (kept after a preview, cleared after an import). */
  csv: string;
  /** Changes when the text box must start again from `csv` (after each post). */
  resetKey: string;
  /** The report's form-level error, already translated. */
  formError?: string;
  /** What the file picker offers (CSV by default; the quiz import takes JSON too). */
  accept?: string;
}) {
  const busy = useNavigation().state === "submitting";
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The file picker reads the file into the text box, so it appears only after hydration.
  const [canReadFiles, setCanReadFiles] = useState(false);
  useEffect(() => setCanReadFiles(true), []);
  // With JavaScript, text too large to send is caught here instead of by the server's 413.
  const [tooLarge, setTooLarge] = useState(false);

  function checkSize(event: React.FormEvent<HTMLFormElement>) {
    const size = new Blob([textarea.current?.value ?? ""]).size;
    setTooLarge(size > POST_MAX_BYTES);
    if (size > POST_MAX_BYTES) event.preventDefault();
  }
  async function readFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file && textarea.current) textarea.current.value = await file.text();
  }

  return (
    <>
      <FormAlert message={tooLarge ? props.labels.tooLarge : props.formError} />
      <Form method="post" className="stack book-import-form" onSubmit={checkSize}>
        {canReadFiles ? (
          <div className="field">
            <label htmlFor="csv-file">{props.labels.file}</label>
            <input id="csv-file" type="file" accept={props.accept ?? ".csv,text/csv,text/plain"} onChange={readFile} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="csv">{props.labels.csv}</label>
          <textarea id="csv" name="csv" ref={textarea} rows={12} spellCheck={false} className="book-import-csv" defaultValue={props.csv} key={props.resetKey} />
        </div>
        <div className="book-import-actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={busy}>
            {props.labels.preview}
          </button>
          <button type="submit" name="intent" value="import" disabled={busy}>
            {props.labels.import}
          </button>
        </div>
      </Form>
    </>
  );
}

export interface ImportProblem {
  line: number;
  field: string;
  messageKey: string;
}

/** Problems of the file, one row each; past `limit` a line says how many more there are. */
export function ImportProblemTable(props: {
  caption: string;
  problems: readonly ImportProblem[];
  headings: { line: string; field: string; message: string };
  limit?: number;
  moreText?: (count: number) => string;
}) {
  const t = useT();
  const shown = props.limit === undefined ? props.problems : props.problems.slice(0, props.limit);
  const hidden = props.problems.length - shown.length;
  return (
    <div className="book-import-scroll">
      <table className="book-import-errors">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.headings.line}</th>
            <th scope="col">{props.headings.field}</th>
            <th scope="col">{props.headings.message}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((problem, index) => (
            <tr key={`${problem.line}-${problem.field}-${index}`}>
              <td>{problem.line}</td>
              <td>{problem.field || "—"}</td>
              <td>{translateKey(t, problem.messageKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && props.moreText ? <p className="muted">{props.moreText(hidden)}</p> : null}
    </div>
  );
}
