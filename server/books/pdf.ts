// PDF checks and metadata: the `%PDF-` header, an `%%EOF` marker near the end (a truncated upload
// has none), then pdf-lib parses the document for its page count, title and author.
import { PDFDocument } from "pdf-lib";
import { BookFileError } from "./files.ts";
import type { ExtractedMetadata } from "./types.ts";

/** Writers may append a little after the last %%EOF (line ends, padding); 1 KiB is generous. */
const EOF_WINDOW = 1024;
const MAX_TEXT = 500;

const cleanText = (value: string | undefined): string | null => {
  const text = value?.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
  return text ? text : null;
};

/** "张三, 李四" · "张三；李四" · "张三、李四" → one author each. */
const splitAuthors = (value: string | null): string[] =>
  value ? [...new Set(value.split(/\s*[,;，；、]\s*/).map((name) => name.trim()).filter(Boolean))].slice(0, 20) : [];

export async function parsePdf(bytes: Uint8Array): Promise<ExtractedMetadata> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 5 || view.toString("latin1", 0, 5) !== "%PDF-") throw new BookFileError("bookfile.error.notPdf");
  if (!view.subarray(Math.max(0, view.length - EOF_WINDOW)).includes("%%EOF", 0, "latin1")) {
    throw new BookFileError("bookfile.error.corrupt", "no %%EOF at the end (truncated?)");
  }
  let document: PDFDocument;
  let pageCount: number;
  try {
    // Encrypted PDFs without a user password still open in readers: count their pages all the same.
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    // pdf-lib is lenient when loading; a file without a page tree fails here instead.
    pageCount = document.getPageCount();
  } catch (error) {
    throw new BookFileError("bookfile.error.corrupt", (error as Error).message);
  }
  if (pageCount < 1) throw new BookFileError("bookfile.error.corrupt", "no pages");
  // The info dictionary of an encrypted file is encrypted too: its strings would be garbage.
  const readable = !document.isEncrypted;
  const field = (read: () => string | undefined) => {
    try {
      return readable ? cleanText(read()) : null;
    } catch {
      return null; // a malformed info string is not worth refusing the book for
    }
  };
  return {
    format: "PDF",
    title: field(() => document.getTitle()),
    authors: splitAuthors(field(() => document.getAuthor())),
    language: null,
    publisher: null,
    isbn: null,
    description: field(() => document.getSubject()),
    pageCount,
    chapterCount: null,
    toc: [],
    cover: null,
  };
}
