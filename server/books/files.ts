// Where book files and their covers live under DATA_DIR: <dataDir>/books/<32 hex>.epub|pdf and
// <dataDir>/covers/<32 hex>.png|jpg|webp (the folder course covers use, served by /media/covers).
// Every name is generated here; names read back from the database or a URL are checked against
// the same patterns before they touch a path.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { COVER_NAME_REGEX } from "../video/storage.ts";
import { sniffImage } from "../video/sniff.ts";
import type { BookFormat } from "./types.ts";

/** Book files as we name them: 32 hex characters and the format's extension. */
export const BOOK_FILE_REGEX = /^[a-f0-9]{32}\.(?:epub|pdf)$/;
/** Book ids: cuids, or the seed's readable fixed ids ("demo-epub-welding"). Never dots or slashes. */
export const BOOK_ID_REGEX = /^[a-z0-9][a-z0-9-]{0,63}$/;
export { COVER_NAME_REGEX };

export const BOOK_CONTENT_TYPES: Record<BookFormat, string> = {
  EPUB: "application/epub+zip",
  PDF: "application/pdf",
};
const EXTENSIONS: Record<BookFormat, string> = { EPUB: "epub", PDF: "pdf" };

export type BookFileErrorKey = "bookfile.error.notEpub" | "bookfile.error.notPdf" | "bookfile.error.corrupt";

/** A file that is not what it claims or cannot be read; the upload route answers 415 or 422 with the key. */
export class BookFileError extends Error {
  override readonly name = "BookFileError";
  constructor(
    readonly messageKey: BookFileErrorKey,
    /** For the log: what exactly was wrong (never shown to users). */
    readonly detail?: string,
  ) {
    super(detail ? `${messageKey}: ${detail}` : messageKey);
  }
}

/** What the upload route needs to see of a file's first bytes (receiveFile's head). */
export function sniffBookFile(head: Uint8Array): BookFormat | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  // A zip's local file header; whether it is an EPUB (mimetype first) is checked by parseEpub.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return "EPUB";
  if (bytes.length >= 5 && bytes.toString("latin1", 0, 5) === "%PDF-") return "PDF";
  return null;
}

const newName = (extension: string) => `${randomBytes(16).toString("hex")}.${extension}`;

export function createBookStorage(dataDir: string) {
  const root = path.resolve(dataDir);
  const booksDir = path.join(root, "books");
  const coversDir = path.join(root, "covers");
  const tmpDir = path.join(root, "tmp");

  function bookFile(name: string): string {
    if (!BOOK_FILE_REGEX.test(name)) throw new Error(`not a book file name: ${JSON.stringify(name)}`);
    return path.join(booksDir, name);
  }

  return {
    root,
    booksDir,
    coversDir,
    tmpDir,
    bookFile,
    /** A fresh path under tmp/ for an upload in flight (same file system as books/, so rename works). */
    async tempFile(): Promise<string> {
      await mkdir(tmpDir, { recursive: true });
      return path.join(tmpDir, `book-${randomBytes(12).toString("hex")}`);
    },
    /** Moves a checked upload into books/ under a new name; returns the name. */
    async adoptBook(tempFile: string, format: BookFormat): Promise<string> {
      await mkdir(booksDir, { recursive: true });
      const name = newName(EXTENSIONS[format]);
      await rename(tempFile, bookFile(name));
      return name;
    },
    /** Writes bytes (the seed's generated books) as a new book file; returns the name. */
    async writeBook(bytes: Uint8Array, format: BookFormat): Promise<string> {
      await mkdir(booksDir, { recursive: true });
      const name = newName(EXTENSIONS[format]);
      await writeFile(bookFile(name), bytes, { flag: "wx" });
      return name;
    },
    /**
     * Stores a cover image found in a book. Its type comes from its bytes, not from what the book
     * claims; images we do not serve (GIF, SVG…) are skipped: null.
     */
    async writeCover(bytes: Uint8Array): Promise<string | null> {
      const type = sniffImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!type) return null;
      await mkdir(coversDir, { recursive: true });
      const name = newName(type);
      await writeFile(path.join(coversDir, name), bytes, { flag: "wx" });
      return name;
    },
  };
}

export type BookStorage = ReturnType<typeof createBookStorage>;

/**
 * Removes the files of deleted books (what services.books.remove names). Names that are not ours
 * are ignored, and so are files already gone, so a repeated call is harmless.
 */
export async function removeBookFiles(dataDir: string, files: { fileNames: readonly string[]; coverFileNames: readonly string[] }): Promise<void> {
  const root = path.resolve(dataDir);
  const paths = [
    ...files.fileNames.filter((name) => BOOK_FILE_REGEX.test(name)).map((name) => path.join(root, "books", name)),
    ...files.coverFileNames.filter((name) => COVER_NAME_REGEX.test(name)).map((name) => path.join(root, "covers", name)),
  ];
  await Promise.all(paths.map((file) => rm(file, { force: true })));
}
