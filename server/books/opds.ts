// OPDS 1.2 (https://specs.opds.io/opds-1.2): Atom feeds for e-reader apps (KOReader, Moon+ Reader…).
// The listings here are the ones the book service has no use for (files only, 50 a page, by trade,
// a periodical's issues); the feed builders turn entries into XML, escaping every value.
import type { DB, PrismaClient } from "../db/client.ts";
import type { BookFormat } from "./types.ts";

export const OPDS_PAGE_SIZE = 50;
export const NAVIGATION_TYPE = "application/atom+xml;profile=opds-catalog;kind=navigation";
export const ACQUISITION_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition";
export const OPENSEARCH_TYPE = "application/opensearchdescription+xml";

const FORMAT_TYPES: Record<BookFormat, string> = { EPUB: "application/epub+zip", PDF: "application/pdf" };
const IMAGE_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp" };

// ── XML ─────────────────────────────────────────────────────────────────────────────────────────

/** Characters XML 1.0 forbids (control characters, lone surrogates) are dropped; markup is escaped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

function attributesOf(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
}

export interface FeedLink {
  rel: string;
  href: string;
  type: string;
  title?: string;
}

const linkXml = (link: FeedLink) => `<link${attributesOf({ rel: link.rel, href: link.href, type: link.type, ...(link.title ? { title: link.title } : {}) })}/>`;

// ── entries ─────────────────────────────────────────────────────────────────────────────────────

/** A catalog row as the feeds need it: BOOK or ISSUE rows with a file, PERIODICAL rows as subsections. */
export interface OpdsBook {
  id: string;
  kind: DB.BookKind;
  title: string;
  authors: string[];
  publisher: string | null;
  isbn: string | null;
  description: string;
  language: string;
  format: BookFormat | null;
  coverImage: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  issueNumber: number | null;
  issueYear: number | null;
  trade: { code: string; nameZh: string; nameEn: string } | null;
}

const bookSelect = {
  id: true,
  kind: true,
  title: true,
  authors: true,
  publisher: true,
  isbn: true,
  description: true,
  language: true,
  format: true,
  coverImage: true,
  updatedAt: true,
  publishedAt: true,
  issueNumber: true,
  issueYear: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const satisfies DB.Prisma.BookSelect;

/** Rows an e-reader can download: published, a book or an issue, with a file. */
const downloadable = { status: "PUBLISHED", kind: { in: ["BOOK", "ISSUE"] }, fileName: { not: null }, format: { not: null } } as const satisfies DB.Prisma.BookWhereInput;

export interface FeedContext {
  /** Absolute URL of a catalog path, carrying the token when the client authenticated with ?token=. */
  url(pathname: string, params?: Record<string, string | number>): string;
  /** Absolute URL of a site path as it is (covers, files). */
  site(pathname: string): string;
  /** The OPDS token, for acquisition links (e-reader apps send no cookies). */
  token: string;
  locale: "zh-CN" | "en";
  now: Date;
}

const tradeLabel = (trade: NonNullable<OpdsBook["trade"]>, locale: FeedContext["locale"]) => (locale === "en" ? trade.nameEn : trade.nameZh);

/** An issue's title says which issue: "焊接月刊 2026 年第 3 期" / "Welding Monthly 2026 No. 3". */
function entryTitle(book: OpdsBook, locale: FeedContext["locale"]): string {
  if (book.kind !== "ISSUE" || book.issueNumber === null) return book.title;
  const year = book.issueYear ?? "";
  return locale === "en" ? `${book.title} ${year} No. ${book.issueNumber}`.replace(/\s+/g, " ") : `${book.title} ${year}${year ? " 年" : ""}第 ${book.issueNumber} 期`;
}

function entryXml(book: OpdsBook, ctx: FeedContext): string {
  const parts = [
    element("title", entryTitle(book, ctx.locale)),
    element("id", `urn:jiangxin:book:${book.id}`),
    element("updated", book.updatedAt.toISOString()),
    ...book.authors.map((name) => `<author>${element("name", name)}</author>`),
    element("dc:language", book.language),
    ...(book.publisher ? [element("dc:publisher", book.publisher)] : []),
    ...(book.isbn ? [element("dc:identifier", `urn:isbn:${book.isbn}`)] : []),
    ...(book.publishedAt ? [element("dc:issued", book.publishedAt.toISOString().slice(0, 10))] : []),
    ...(book.description ? [element("summary", book.description, { type: "text" })] : []),
    ...(book.trade ? [`<category${attributesOf({ scheme: "urn:jiangxin:trade", term: book.trade.code, label: tradeLabel(book.trade, ctx.locale) })}/>`] : []),
  ];
  if (book.coverImage) {
    const type = IMAGE_TYPES[book.coverImage.split(".").pop()?.toLowerCase() ?? ""] ?? "image/jpeg";
    const href = ctx.site(`/media/covers/${book.coverImage}`);
    parts.push(linkXml({ rel: "http://opds-spec.org/image", href, type }), linkXml({ rel: "http://opds-spec.org/image/thumbnail", href, type }));
  }
  if (book.kind === "PERIODICAL") {
    parts.push(linkXml({ rel: "subsection", href: ctx.url(`/opds/periodical/${book.id}`), type: ACQUISITION_TYPE }));
  } else if (book.format) {
    parts.push(linkXml({ rel: "http://opds-spec.org/acquisition", href: ctx.site(`/opds-file/${encodeURIComponent(ctx.token)}/${book.id}`), type: FORMAT_TYPES[book.format] }));
  }
  return `<entry>${parts.join("")}</entry>`;
}

export interface NavigationItem {
  id: string;
  title: string;
  content: string;
  href: string;
  /** subsection, or an OPDS sort relation (http://opds-spec.org/sort/new). */
  rel: string;
  type: string;
}

function navigationEntryXml(item: NavigationItem, updated: Date): string {
  return `<entry>${element("title", item.title)}${element("id", item.id)}${element("updated", updated.toISOString())}${element("content", item.content, { type: "text" })}${linkXml({ rel: item.rel, href: item.href, type: item.type })}</entry>`;
}

// ── feeds ───────────────────────────────────────────────────────────────────────────────────────

export interface FeedHead {
  id: string;
  title: string;
  /** The feed's own path, for rel="self" (with its query). */
  self: string;
  kind: "navigation" | "acquisition";
  /** Extra links: up, next, previous. */
  links?: FeedLink[];
}

function feedXml(head: FeedHead, ctx: FeedContext, body: string[], extra: string[] = []): string {
  const type = head.kind === "navigation" ? NAVIGATION_TYPE : ACQUISITION_TYPE;
  const links: FeedLink[] = [
    { rel: "self", href: head.self, type },
    { rel: "start", href: ctx.url("/opds"), type: NAVIGATION_TYPE },
    { rel: "search", href: ctx.url("/opds/opensearch.xml"), type: OPENSEARCH_TYPE },
    ...(head.links ?? []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">',
    element("id", head.id),
    element("title", head.title),
    element("updated", ctx.now.toISOString()),
    `<author>${element("name", "匠心 Jiangxin")}${element("uri", ctx.site("/"))}</author>`,
    ...links.map(linkXml),
    ...extra,
    ...body,
    "</feed>",
  ].join("\n");
}

export function navigationFeed(head: Omit<FeedHead, "kind">, items: NavigationItem[], ctx: FeedContext): string {
  return feedXml({ ...head, kind: "navigation" }, ctx, items.map((item) => navigationEntryXml(item, ctx.now)));
}

export interface AcquisitionPage {
  books: OpdsBook[];
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
}

/** `pageUrl(n)` gives the URL of page n, for rel="next" / "previous" / "first" / "last". */
export function acquisitionFeed(head: Omit<FeedHead, "kind">, result: AcquisitionPage, pageUrl: (page: number) => string, ctx: FeedContext): string {
  const links: FeedLink[] = [...(head.links ?? [])];
  if (result.pageCount > 1) {
    links.push({ rel: "first", href: pageUrl(1), type: ACQUISITION_TYPE }, { rel: "last", href: pageUrl(result.pageCount), type: ACQUISITION_TYPE });
  }
  if (result.page > 1) links.push({ rel: "previous", href: pageUrl(result.page - 1), type: ACQUISITION_TYPE });
  if (result.page < result.pageCount) links.push({ rel: "next", href: pageUrl(result.page + 1), type: ACQUISITION_TYPE });
  const totals = [
    element("opensearch:totalResults", String(result.total)),
    element("opensearch:itemsPerPage", String(result.perPage)),
    element("opensearch:startIndex", String((result.page - 1) * result.perPage + 1)),
  ];
  return feedXml({ ...head, links, kind: "acquisition" }, ctx, result.books.map((book) => entryXml(book, ctx)), totals);
}

export function openSearchDescription(ctx: FeedContext, texts: { shortName: string; description: string }): string {
  // {searchTerms} must stay literal in the template, so the query string is written by hand.
  const base = ctx.url("/opds/search");
  const template = `${base}${base.includes("?") ? "&" : "?"}q={searchTerms}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    element("ShortName", texts.shortName),
    element("Description", texts.description),
    element("InputEncoding", "UTF-8"),
    element("OutputEncoding", "UTF-8"),
    `<Url${attributesOf({ type: ACQUISITION_TYPE, template })}/>`,
    "</OpenSearchDescription>",
  ].join("\n");
}

// ── listings ────────────────────────────────────────────────────────────────────────────────────

export function createOpdsCatalog(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;

  async function pageOf(where: DB.Prisma.BookWhereInput, orderBy: DB.Prisma.BookOrderByWithRelationInput[], page: number): Promise<AcquisitionPage> {
    const total = await prisma.book.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / OPDS_PAGE_SIZE));
    const current = Math.min(page, pageCount);
    const books = await prisma.book.findMany({ where, orderBy, skip: (current - 1) * OPDS_PAGE_SIZE, take: OPDS_PAGE_SIZE, select: bookSelect });
    return { books, total, page: current, pageCount, perPage: OPDS_PAGE_SIZE };
  }

  return {
    newest: (page: number) => pageOf(downloadable, [{ publishedAt: "desc" }, { id: "asc" }], page),

    popular: (page: number) => pageOf(downloadable, [{ readCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }], page),

    /** null when no trade has this code. */
    async byTrade(code: string, page: number) {
      const trade = await prisma.trade.findUnique({ where: { code }, select: { id: true, code: true, nameZh: true, nameEn: true } });
      if (!trade) return null;
      return { trade, result: await pageOf({ ...downloadable, tradeId: trade.id }, [{ publishedAt: "desc" }, { id: "asc" }], page) };
    },

    /** A published periodical's published issues, newest first; null when there is no such periodical. */
    async periodicalIssues(periodicalId: string, page: number) {
      const periodical = await prisma.book.findFirst({ where: { id: periodicalId, kind: "PERIODICAL", status: "PUBLISHED" }, select: { id: true, title: true } });
      if (!periodical) return null;
      const result = await pageOf({ ...downloadable, periodicalId }, [{ issueYear: "desc" }, { issueNumber: "desc" }, { id: "asc" }], page);
      return { periodical, result };
    },

    /** Trades with at least one downloadable book, in catalogue order. */
    tradesWithBooks: () =>
      prisma.trade.findMany({
        where: { books: { some: downloadable } },
        orderBy: [{ category: { position: "asc" } }, { position: "asc" }],
        select: { code: true, nameZh: true, nameEn: true, _count: { select: { books: { where: downloadable } } } },
      }),

    /** Published periodicals with at least one downloadable issue. */
    periodicals: () =>
      prisma.book.findMany({
        where: { kind: "PERIODICAL", status: "PUBLISHED", issues: { some: downloadable } },
        orderBy: [{ title: "asc" }, { id: "asc" }],
        select: { id: true, title: true, publisher: true, _count: { select: { issues: { where: downloadable } } } },
      }),

    /** Full rows for ids found elsewhere (search), in the given order; what cannot be shown is left out. */
    async byIds(ids: string[]): Promise<OpdsBook[]> {
      const rows = await prisma.book.findMany({
        where: { id: { in: ids }, OR: [downloadable, { kind: "PERIODICAL", status: "PUBLISHED" }] },
        select: bookSelect,
      });
      const rank = new Map(ids.map((id, index) => [id, index]));
      return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    },
  };
}

export type OpdsCatalog = ReturnType<typeof createOpdsCatalog>;
