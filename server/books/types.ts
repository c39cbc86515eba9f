// What the book service returns to routes: plain data. Files are never exposed by path: a book's
// file is reached through /books/:id/file (authorizing, with range requests).
import type { DB } from "../db/client.ts";

export type BookKind = DB.BookKind;
export type BookFormat = DB.BookFormat;
export type BookStatus = DB.BookStatus;
export type ShelfStatus = DB.ShelfStatus;

export const BOOK_KINDS_LISTED = ["BOOK", "PERIODICAL"] as const satisfies readonly BookKind[];
export const SHELF_STATUSES = ["WANT_TO_READ", "READING", "FINISHED"] as const satisfies readonly ShelfStatus[];
export const BOOK_SORTS = ["newest", "popular"] as const;
export type BookSort = (typeof BOOK_SORTS)[number];
export const BOOK_LANGUAGES = ["zh-CN", "en"] as const;
export const BOOK_PAGE_SIZE = 24;

export interface TradeRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface TocEntry {
  label: string;
  href: string;
  level: number;
}

export interface BookCard {
  id: string;
  kind: BookKind;
  title: string;
  authors: string[];
  publisher: string | null;
  coverUrl: string | null;
  trade: TradeRef | null;
  language: string;
  format: BookFormat | null;
  /** PERIODICAL: how many published issues. */
  issueCount: number;
  /** ISSUE: 期号 and year. */
  issueNumber: number | null;
  issueYear: number | null;
  publishedAt: Date | null;
  readCount: number;
}

export interface BookCatalogPage {
  items: BookCard[];
  total: number;
  page: number;
  pageCount: number;
  query: { q: string; trade: string | null; kind: "BOOK" | "PERIODICAL" | null; language: string | null; sort: BookSort };
  notices: string[];
}

export interface BookDetail extends BookCard {
  description: string;
  isbn: string | null;
  pageCount: number | null;
  chapterCount: number | null;
  toc: TocEntry[];
  status: BookStatus;
  /** For an ISSUE: its periodical. */
  periodical: { id: string; title: string } | null;
  /** For a PERIODICAL: its published issues, newest first (all issues for admins). */
  issues: BookCard[];
  viewer: {
    signedIn: boolean;
    isAdmin: boolean;
    shelf: ShelfStatus | null;
    progress: { location: string; fraction: number } | null;
  };
}

/** What the reader page needs. */
export interface ReaderInfo {
  id: string;
  title: string;
  format: BookFormat;
  language: string;
  /** The authorizing file route: /books/:id/file. */
  fileUrl: string;
  toc: TocEntry[];
  progress: { location: string; fraction: number } | null;
  highlights: HighlightView[];
}

export interface HighlightView {
  id: string;
  cfi: string;
  text: string;
  note: string | null;
  createdAt: Date;
}

export interface ShelfEntry {
  book: BookCard;
  status: ShelfStatus | null;
  progress: { location: string; fraction: number; updatedAt: Date } | null;
}

export interface MyBooks {
  /** Most recently read first. */
  continueReading: ShelfEntry[];
  shelf: Record<ShelfStatus, ShelfEntry[]>;
}

export interface AdminBookRow {
  id: string;
  kind: BookKind;
  title: string;
  status: BookStatus;
  format: BookFormat | null;
  trade: TradeRef | null;
  periodical: { id: string; title: string } | null;
  updatedAt: Date;
}

/** Metadata read from an uploaded file (EPUB: from its package document), to prefill the form. */
export interface ExtractedMetadata {
  format: BookFormat;
  title: string | null;
  authors: string[];
  language: string | null;
  publisher: string | null;
  isbn: string | null;
  description: string | null;
  pageCount: number | null;
  chapterCount: number | null;
  toc: TocEntry[];
  /** Cover image bytes found in the EPUB, with its type. */
  cover: { bytes: Uint8Array; mediaType: string } | null;
}
