// CSV (RFC 4180): comma separated, fields optionally quoted, "" inside quotes is one quote, quoted
// fields may hold commas and line breaks; CRLF or LF; a UTF-8 byte-order mark is dropped.

export interface CsvRecord {
  /** The line where the record starts. */
  line: number;
  fields: string[];
  /** A quote in the wrong place (text after a closing quote, or a quote never closed). */
  malformed: boolean;
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  let malformed = false;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record (spreadsheets often end with one).
    if (!(fields.length === 1 && fields[0] === "" && !malformed)) records.push({ line: recordLine, fields, malformed });
    fields = [];
    malformed = false;
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === "" && !wasQuoted) {
      inQuotes = true;
      wasQuoted = true;
    } else if (char === ",") {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // Text after a closing quote, or a quote inside an unquoted field: kept, but the row is refused.
      if (wasQuoted || char === '"') malformed = true;
      field += char;
    }
  }
  if (inQuotes) malformed = true;
  if (field !== "" || fields.length > 0 || malformed) endRecord();
  return records;
}
