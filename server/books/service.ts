// E-books and periodicals: the catalog, book pages, reading (progress kept per account), the
// shelf, highlights, the OPDS token; and the admin side (metadata, publishing, deletion).
//
// A book's file is only ever reached through the routes that ask `fileFor` / `fileForToken`,
// which apply the same rule as the reader: signed in, and published (or an admin).
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { requireRole, requireViewer, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { AppError, fieldErrorsOf, formFailed, formOk, notFound, unauthorized, type FormResult } from "../errors.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import type { SearchEngine } from "../../search/index.ts";
import {
  ZAdminBookQuerySchema,
  ZBookCatalogQuerySchema,
  ZHighlightSchema,
  ZMetadataSchema,
  ZPeriodicalSchema,
  ZProgressSchema,
  ZShelfSchema,
} from "./schema.ts";
import {
  BOOK_PAGE_SIZE,
  SHELF_STATUSES,
  type AdminBookRow,
  type BookCard,
  type BookCatalogPage,
  type BookDetail,
  type ExtractedMetadata,
  type HighlightView,
  type MyBooks,
  type ReaderInfo,
  type ShelfEntry,
  type ShelfStatus,
  type TocEntry,
} from "./types.ts";

const SEARCH_CANDIDATES = 500;
const ADMIN_PAGE_SIZE = 30;

type Tx = DB.Prisma.TransactionClient;

export interface BookServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  engine: SearchEngine;
  /** Where book files (books/) and covers (covers/) are stored. */
  dataDir: string;
}

export const bookDocId = (bookId: string) => `book-${bookId}`;
const coverUrlOf = (fileName: string | null) => (fileName ? `/media/covers/${fileName}` : null);

const cardSelect = {
  id: true,
  kind: true,
  title: true,
  authors: true,
  publisher: true,
  coverImage: true,
  language: true,
  format: true,
  issueNumber: true,
  issueYear: true,
  publishedAt: true,
  readCount: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const satisfies DB.Prisma.BookSelect;

type CardRow = DB.Prisma.BookGetPayload<{ select: typeof cardSelect }>;

/** A periodical's published issues, counted for the cards of one page (see `countIssues`). */
type IssueCounts = ReadonlyMap<string, number>;

function toCard(row: CardRow, issueCounts: IssueCounts = new Map()): BookCard {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    authors: row.authors,
    publisher: row.publisher,
    coverUrl: coverUrlOf(row.coverImage),
    trade: row.trade,
    language: row.language,
    format: row.format,
    issueCount: issueCounts.get(row.id) ?? 0,
    issueNumber: row.issueNumber,
    issueYear: row.issueYear,
    publishedAt: row.publishedAt,
    readCount: row.readCount,
  };
}

const isAdmin = (viewer: Viewer | null) => viewer?.role === "ADMIN";
const tocOf = (value: unknown): TocEntry[] => (Array.isArray(value) ? (value as TocEntry[]) : []);

export function createBookService(deps: BookServiceDeps) {
  const { prisma, clock, engine } = deps;

  /** A readable book (BOOK or ISSUE with a file): published, or any for admins. */
  async function readable(viewer: Viewer | null, bookId: string) {
    const book = await prisma.book.findUnique({
      where: { id: bookId },
      select: { id: true, kind: true, title: true, status: true, format: true, fileName: true, language: true, toc: true },
    });
    if (!book || book.kind === "PERIODICAL" || !book.fileName || !book.format) throw notFound();
    if (book.status !== "PUBLISHED" && !isAdmin(viewer)) throw notFound();
    return { ...book, fileName: book.fileName, format: book.format };
  }

  async function requireAdminBook(viewer: Viewer | null, bookId: string) {
    requireRole(viewer, "ADMIN");
    const book = await prisma.book.findUnique({ where: { id: bookId }, select: { id: true, kind: true, status: true } });
    if (!book) throw notFound();
    return book;
  }

  /** The book and, for an issue, its periodical: both are search documents. */
  async function touched(tx: Tx, bookId: string) {
    const book = await tx.book.findUnique({ where: { id: bookId }, select: { periodicalId: true } });
    await enqueueSearchUpdates(tx, [bookDocId(bookId), ...(book?.periodicalId ? [bookDocId(book.periodicalId)] : [])]);
  }

  /**
   * Published issues per periodical among `rows`: one grouped query over the periodical index for
   * the page, instead of a relation count that aggregates every issue in the table per request.
   */
  async function countIssues(rows: readonly { id: string; kind: string }[]): Promise<IssueCounts> {
    const periodicalIds = rows.filter((row) => row.kind === "PERIODICAL").map((row) => row.id);
    if (periodicalIds.length === 0) return new Map();
    const groups = await prisma.book.groupBy({
      by: ["periodicalId"],
      where: { periodicalId: { in: periodicalIds }, status: "PUBLISHED" },
      _count: { _all: true },
    });
    return new Map(groups.map((group) => [group.periodicalId!, group._count._all]));
  }

  async function toCards(rows: readonly CardRow[]): Promise<BookCard[]> {
    const issueCounts = await countIssues(rows);
    return rows.map((row) => toCard(row, issueCounts));
  }

  async function tradeIdOf(code: string | null): Promise<number | null | "unknown"> {
    if (!code) return null;
    const trade = await prisma.trade.findUnique({ where: { code }, select: { id: true } });
    return trade ? trade.id : "unknown";
  }

  // ── readers ─────────────────────────────────────────────────────────────────────────────────

  async function catalog(_viewer: Viewer | null, params: unknown): Promise<BookCatalogPage> {
    const query = ZBookCatalogQuerySchema.parse(params ?? {});
    const notices: string[] = [];
    const tradeId = await tradeIdOf(query.trade);
    if (tradeId === "unknown") {
      notices.push("books.notice.unknownTrade");
      query.trade = null;
    }
    const where: DB.Prisma.BookWhereInput = {
      status: "PUBLISHED",
      kind: query.kind ?? { in: ["BOOK", "PERIODICAL"] },
      ...(typeof tradeId === "number" ? { tradeId } : {}),
      ...(query.language ? { language: query.language } : {}),
    };
    if (query.q) {
      // Issues match too: a query that finds an issue lists its periodical.
      const ids = await searchBookIds(query.q, query.trade ?? undefined);
      const issueParents = await prisma.book.findMany({ where: { id: { in: ids }, kind: "ISSUE" }, select: { id: true, periodicalId: true } });
      const parentOf = new Map(issueParents.map((issue) => [issue.id, issue.periodicalId!]));
      const ranked = [...new Set(ids.map((id) => parentOf.get(id) ?? id))];
      const rows = await prisma.book.findMany({ where: { ...where, id: { in: ranked } }, select: cardSelect });
      const rank = new Map(ranked.map((id, index) => [id, index]));
      rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const pageCount = Math.ceil(rows.length / BOOK_PAGE_SIZE);
      const page = Math.min(query.page, Math.max(pageCount, 1));
      const items = await toCards(rows.slice((page - 1) * BOOK_PAGE_SIZE, page * BOOK_PAGE_SIZE));
      return { items, total: rows.length, page, pageCount, query, notices };
    }
    const orderBy: DB.Prisma.BookOrderByWithRelationInput[] =
      query.sort === "popular" ? [{ readCount: "desc" }, { id: "asc" }] : [{ publishedAt: "desc" }, { id: "asc" }];
    const total = await prisma.book.count({ where });
    const pageCount = Math.ceil(total / BOOK_PAGE_SIZE);
    const page = Math.min(query.page, Math.max(pageCount, 1));
    const rows = await prisma.book.findMany({ where, orderBy, skip: (page - 1) * BOOK_PAGE_SIZE, take: BOOK_PAGE_SIZE, select: cardSelect });
    return { items: await toCards(rows), total, page, pageCount, query, notices };
  }

  async function searchBookIds(q: string, tradeCode: string | undefined): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ids.length < SEARCH_CANDIDATES; page++) {
      const result = await engine.search({ q, types: ["book"], tradeCode, page, perPage: 100 });
      for (const hit of result.hits) ids.push(hit.doc.id.slice("book-".length));
      if (page >= result.pageCount) break;
    }
    return ids;
  }

  async function detail(viewer: Viewer | null, bookId: string): Promise<BookDetail> {
    const book = await prisma.book.findUnique({
      where: { id: bookId },
      select: {
        ...cardSelect,
        status: true,
        description: true,
        isbn: true,
        pageCount: true,
        chapterCount: true,
        toc: true,
        periodical: { select: { id: true, title: true, status: true } },
      },
    });
    if (!book) throw notFound();
    const admin = isAdmin(viewer);
    if (book.status !== "PUBLISHED" && !admin) throw notFound();
    const [issues, shelf, progress, issueCounts] = await Promise.all([
      book.kind === "PERIODICAL"
        ? prisma.book.findMany({
            where: { periodicalId: book.id, ...(admin ? {} : { status: "PUBLISHED" }) },
            orderBy: [{ issueYear: "desc" }, { issueNumber: "desc" }, { id: "asc" }],
            select: cardSelect,
          })
        : [],
      viewer ? prisma.shelfItem.findUnique({ where: { userId_bookId: { userId: viewer.id, bookId } }, select: { status: true } }) : null,
      viewer
        ? prisma.readingProgress.findUnique({ where: { userId_bookId: { userId: viewer.id, bookId } }, select: { location: true, fraction: true } })
        : null,
      countIssues([book]),
    ]);
    return {
      ...toCard(book, issueCounts),
      description: book.description,
      isbn: book.isbn,
      pageCount: book.pageCount,
      chapterCount: book.chapterCount,
      toc: tocOf(book.toc),
      status: book.status,
      periodical: book.periodical && (book.periodical.status === "PUBLISHED" || admin) ? { id: book.periodical.id, title: book.periodical.title } : null,
      issues: issues.map((issue) => toCard(issue)),
      viewer: { signedIn: viewer !== null, isAdmin: admin, shelf: shelf?.status ?? null, progress },
    };
  }

  async function reader(viewer: Viewer | null, bookId: string): Promise<ReaderInfo> {
    const signedIn = requireViewer(viewer);
    const book = await readable(viewer, bookId);
    const key = { userId_bookId: { userId: signedIn.id, bookId } };
    const [progress, highlights] = await Promise.all([
      prisma.readingProgress.findUnique({ where: key, select: { location: true, fraction: true } }),
      highlightsOf(signedIn.id, bookId),
    ]);
    await prisma.$transaction(async (tx) => {
      // The first opening counts the reader for "most read" and puts the book on the shelf as reading.
      const shelf = await tx.shelfItem.findUnique({ where: key, select: { status: true } });
      if (!progress && !shelf) await tx.book.update({ where: { id: bookId }, data: { readCount: { increment: 1 } } });
      if (!shelf || shelf.status === "WANT_TO_READ") {
        await tx.shelfItem.upsert({ where: key, create: { userId: signedIn.id, bookId, status: "READING" }, update: { status: "READING" } });
      }
    });
    return {
      id: book.id,
      title: book.title,
      format: book.format,
      language: book.language,
      fileUrl: `/books/${book.id}/file`,
      toc: tocOf(book.toc),
      progress,
      highlights,
    };
  }

  async function saveProgress(viewer: Viewer | null, bookId: string, input: unknown): Promise<{ ok: true }> {
    const signedIn = requireViewer(viewer);
    await readable(viewer, bookId);
    const parsed = ZProgressSchema.safeParse(input ?? {});
    if (!parsed.success) throw new AppError("invalid", "books.progress.invalid");
    const { location, fraction } = parsed.data;
    await prisma.readingProgress.upsert({
      where: { userId_bookId: { userId: signedIn.id, bookId } },
      create: { userId: signedIn.id, bookId, location, fraction },
      update: { location, fraction },
    });
    return { ok: true };
  }

  async function setShelf(viewer: Viewer | null, bookId: string, input: unknown): Promise<FormResult<null>> {
    const signedIn = requireViewer(viewer);
    const book = await prisma.book.findUnique({ where: { id: bookId }, select: { status: true, kind: true } });
    if (!book || (book.status !== "PUBLISHED" && !isAdmin(viewer))) throw notFound();
    const parsed = ZShelfSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const key = { userId_bookId: { userId: signedIn.id, bookId } };
    const { status } = parsed.data;
    if (status === "NONE") await prisma.shelfItem.deleteMany({ where: { userId: signedIn.id, bookId } });
    else await prisma.shelfItem.upsert({ where: key, create: { userId: signedIn.id, bookId, status }, update: { status } });
    return formOk(null);
  }

  async function myBooks(viewer: Viewer | null): Promise<MyBooks> {
    const signedIn = requireViewer(viewer);
    const visible = { status: "PUBLISHED" } as const;
    const [progressRows, shelfRows] = await Promise.all([
      prisma.readingProgress.findMany({
        where: { userId: signedIn.id, book: visible },
        orderBy: { updatedAt: "desc" },
        take: 20,
        select: { location: true, fraction: true, updatedAt: true, book: { select: cardSelect } },
      }),
      prisma.shelfItem.findMany({
        where: { userId: signedIn.id, book: visible },
        orderBy: { updatedAt: "desc" },
        take: 300,
        select: { status: true, bookId: true, book: { select: cardSelect } },
      }),
    ]);
    const issueCounts = await countIssues([...progressRows, ...shelfRows].map((row) => row.book));
    const statusOf = new Map(shelfRows.map((row) => [row.bookId, row.status]));
    const progressOf = new Map(progressRows.map((row) => [row.book.id, { location: row.location, fraction: row.fraction, updatedAt: row.updatedAt }]));
    const continueReading: ShelfEntry[] = progressRows
      .filter((row) => statusOf.get(row.book.id) !== "FINISHED")
      .map((row) => ({ book: toCard(row.book, issueCounts), status: statusOf.get(row.book.id) ?? null, progress: progressOf.get(row.book.id)! }));
    const shelf = Object.fromEntries(SHELF_STATUSES.map((status) => [status, [] as ShelfEntry[]])) as Record<ShelfStatus, ShelfEntry[]>;
    for (const row of shelfRows) shelf[row.status].push({ book: toCard(row.book, issueCounts), status: row.status, progress: progressOf.get(row.bookId) ?? null });
    return { continueReading, shelf };
  }

  async function highlightsOf(userId: string, bookId: string): Promise<HighlightView[]> {
    return prisma.highlight.findMany({
      where: { userId, bookId },
      orderBy: { createdAt: "asc" },
      take: 1000,
      select: { id: true, cfi: true, text: true, note: true, createdAt: true },
    });
  }

  async function highlights(viewer: Viewer | null, bookId: string): Promise<HighlightView[]> {
    const signedIn = requireViewer(viewer);
    await readable(viewer, bookId);
    return highlightsOf(signedIn.id, bookId);
  }

  async function addHighlight(viewer: Viewer | null, bookId: string, input: unknown): Promise<FormResult<HighlightView>> {
    const signedIn = requireViewer(viewer);
    const book = await readable(viewer, bookId);
    if (book.format !== "EPUB") return formFailed({}, "books.highlight.epubOnly");
    const parsed = ZHighlightSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const created = await prisma.highlight.create({
      data: { userId: signedIn.id, bookId, ...parsed.data, createdAt: clock.now() },
      select: { id: true, cfi: true, text: true, note: true, createdAt: true },
    });
    return formOk(created);
  }

  async function removeHighlight(viewer: Viewer | null, highlightId: string): Promise<void> {
    const signedIn = requireViewer(viewer);
    const { count } = await prisma.highlight.deleteMany({ where: { id: highlightId, userId: signedIn.id } });
    if (count === 0) throw notFound();
  }

  // ── files ───────────────────────────────────────────────────────────────────────────────────

  async function fileFor(viewer: Viewer | null, bookId: string) {
    requireViewer(viewer);
    const book = await readable(viewer, bookId);
    return { fileName: book.fileName, format: book.format, title: book.title };
  }

  async function fileForToken(token: string, bookId: string) {
    const viewer = await viewerByOpdsToken(token);
    if (!viewer) throw unauthorized();
    return fileFor(viewer, bookId);
  }

  // ── OPDS tokens ─────────────────────────────────────────────────────────────────────────────

  const newToken = () => randomBytes(24).toString("base64url");

  async function opdsToken(viewer: Viewer | null): Promise<{ token: string }> {
    const signedIn = requireViewer(viewer);
    const row = await prisma.opdsToken.upsert({
      where: { userId: signedIn.id },
      create: { userId: signedIn.id, token: newToken() },
      update: {},
      select: { token: true },
    });
    return row;
  }

  async function resetOpdsToken(viewer: Viewer | null): Promise<{ token: string }> {
    const signedIn = requireViewer(viewer);
    const token = newToken();
    await prisma.opdsToken.upsert({ where: { userId: signedIn.id }, create: { userId: signedIn.id, token }, update: { token, createdAt: clock.now() } });
    return { token };
  }

  async function viewerByOpdsToken(token: string): Promise<Viewer | null> {
    if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
    const row = await prisma.opdsToken.findUnique({ where: { token }, select: { user: { select: { id: true, displayName: true, role: true } } } });
    return row?.user ?? null;
  }

  // ── admins ──────────────────────────────────────────────────────────────────────────────────

  async function adminList(viewer: Viewer | null, params: unknown) {
    requireRole(viewer, "ADMIN");
    const query = ZAdminBookQuerySchema.parse(params ?? {});
    const where: DB.Prisma.BookWhereInput = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.q ? { title: { contains: query.q, mode: "insensitive" } } : {}),
    };
    const total = await prisma.book.count({ where });
    const pageCount = Math.ceil(total / ADMIN_PAGE_SIZE);
    const page = Math.min(query.page, Math.max(pageCount, 1));
    const rows = await prisma.book.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        status: true,
        format: true,
        updatedAt: true,
        trade: { select: { code: true, nameZh: true, nameEn: true } },
        periodical: { select: { id: true, title: true } },
      },
    });
    return { items: rows satisfies AdminBookRow[], total, page, pageCount, query };
  }

  async function adminBook(viewer: Viewer | null, bookId: string) {
    await requireAdminBook(viewer, bookId);
    const [book, row] = await Promise.all([detail(viewer, bookId), prisma.book.findUniqueOrThrow({ where: { id: bookId }, select: { fileName: true, periodicalId: true } })]);
    return { ...book, fileName: row.fileName, periodicalId: row.periodicalId };
  }

  async function periodicals(viewer: Viewer | null) {
    requireRole(viewer, "ADMIN");
    return prisma.book.findMany({ where: { kind: "PERIODICAL" }, orderBy: { title: "asc" }, take: 1000, select: { id: true, title: true } });
  }

  async function createFromUpload(
    viewer: Viewer | null,
    input: { fileName: string; fileSize: number; metadata: ExtractedMetadata; coverFileName: string | null },
  ): Promise<{ id: string }> {
    requireRole(viewer, "ADMIN");
    const { metadata } = input;
    const language = metadata.language?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
    return prisma.book.create({
      data: {
        kind: "BOOK",
        title: (metadata.title ?? "").trim().slice(0, 200) || path.parse(input.fileName).name,
        authors: metadata.authors.map((author) => author.trim().slice(0, 80)).filter(Boolean).slice(0, 20),
        publisher: metadata.publisher?.trim().slice(0, 120) || null,
        isbn: metadata.isbn,
        description: (metadata.description ?? "").slice(0, 10_000),
        language,
        format: metadata.format,
        fileName: input.fileName,
        fileSize: input.fileSize,
        coverImage: input.coverFileName,
        pageCount: metadata.pageCount,
        chapterCount: metadata.chapterCount,
        toc: metadata.toc as unknown as DB.Prisma.InputJsonValue,
      },
      select: { id: true },
    });
  }

  async function createPeriodical(viewer: Viewer | null, input: unknown): Promise<FormResult<{ id: string }>> {
    requireRole(viewer, "ADMIN");
    const parsed = ZPeriodicalSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const { trade, ...data } = parsed.data;
    const tradeId = await tradeIdOf(trade);
    if (tradeId === "unknown") return formFailed({ trade: "bookadmin.trade.invalid" });
    const created = await prisma.book.create({ data: { ...data, kind: "PERIODICAL", tradeId }, select: { id: true } });
    return formOk(created);
  }

  async function updateMetadata(viewer: Viewer | null, bookId: string, input: unknown): Promise<FormResult<null>> {
    const book = await requireAdminBook(viewer, bookId);
    const parsed = ZMetadataSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const { trade, kind, periodicalId, issueNumber, issueYear, ...data } = parsed.data;
    const tradeId = await tradeIdOf(trade);
    if (tradeId === "unknown") return formFailed({ trade: "bookadmin.trade.invalid" });
    const issue =
      book.kind === "PERIODICAL" ? null : kind === "ISSUE" ? { periodicalId, issueNumber, issueYear } : { periodicalId: null, issueNumber: null, issueYear: null };
    if (issue && kind === "ISSUE") {
      const errors: Record<string, string> = {};
      const periodical = periodicalId ? await prisma.book.findUnique({ where: { id: periodicalId }, select: { kind: true } }) : null;
      if (periodical?.kind !== "PERIODICAL") errors.periodicalId = "bookadmin.periodical.invalid";
      if (issueNumber === null) errors.issueNumber = "bookadmin.issueNumber.invalid";
      if (issueYear === null) errors.issueYear = "bookadmin.issueYear.invalid";
      if (Object.keys(errors).length) return formFailed(errors);
    }
    await prisma.$transaction(async (tx) => {
      const before = await tx.book.findUniqueOrThrow({ where: { id: bookId }, select: { periodicalId: true } });
      await tx.book.update({
        where: { id: bookId },
        data: { ...data, tradeId, ...(issue ? { ...issue, kind: book.kind === "PERIODICAL" ? "PERIODICAL" : kind } : {}) },
      });
      await touched(tx, bookId);
      if (before.periodicalId) await enqueueSearchUpdates(tx, [bookDocId(before.periodicalId)]);
    });
    return formOk(null);
  }

  async function setPublished(viewer: Viewer | null, bookId: string, published: boolean): Promise<FormResult<null>> {
    const book = await requireAdminBook(viewer, bookId);
    if ((book.status === "PUBLISHED") === published) return formOk(null);
    await prisma.$transaction(async (tx) => {
      await tx.book.update({
        where: { id: bookId },
        data: published ? { status: "PUBLISHED", publishedAt: clock.now() } : { status: "DRAFT" },
      });
      await touched(tx, bookId);
      // A periodical's issues are searchable only while the periodical is published.
      if (book.kind === "PERIODICAL") {
        const issues = await tx.book.findMany({ where: { periodicalId: bookId }, select: { id: true } });
        await enqueueSearchUpdates(tx, issues.map((issue) => bookDocId(issue.id)));
      }
    });
    return formOk(null);
  }

  /** Deletes the book (a periodical with its issues) and then its files. */
  async function remove(viewer: Viewer | null, bookId: string): Promise<{ fileNames: string[]; coverFileNames: string[] }> {
    await requireAdminBook(viewer, bookId);
    const files = await prisma.$transaction(async (tx) => {
      const rows = await tx.book.findMany({
        where: { OR: [{ id: bookId }, { periodicalId: bookId }] },
        select: { id: true, fileName: true, coverImage: true, periodicalId: true },
      });
      await touched(tx, bookId);
      await enqueueSearchUpdates(tx, rows.map((row) => bookDocId(row.id)));
      await tx.book.delete({ where: { id: bookId } });
      return {
        fileNames: rows.flatMap((row) => (row.fileName ? [row.fileName] : [])),
        coverFileNames: rows.flatMap((row) => (row.coverImage ? [row.coverImage] : [])),
      };
    });
    await removeFiles(files);
    return files;
  }

  async function removeFiles({ fileNames, coverFileNames }: { fileNames: string[]; coverFileNames: string[] }) {
    // Names come from our own rows; basename() keeps even a corrupted row inside its folder.
    const paths = [
      ...fileNames.map((name) => path.join(deps.dataDir, "books", path.basename(name))),
      ...coverFileNames.map((name) => path.join(deps.dataDir, "covers", path.basename(name))),
    ];
    await Promise.all(paths.map((file) => rm(file, { force: true })));
  }

  return {
    catalog,
    detail,
    reader,
    saveProgress,
    setShelf,
    myBooks,
    highlights,
    addHighlight,
    removeHighlight,
    fileFor,
    fileForToken,
    opdsToken,
    resetOpdsToken,
    viewerByOpdsToken,
    adminList,
    adminBook,
    periodicals,
    createFromUpload,
    createPeriodical,
    updateMetadata,
    setPublished,
    remove,
  };
}

export type BookService = ReturnType<typeof createBookService>;
