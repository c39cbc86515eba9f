// Where search documents come from: one source per document type, reading the database. The
// worker asks a source for the current state of the ids in the outbox; a missing id means
// "not searchable any more" (unpublished, closed, deleted) and is removed from the engine.
import type { DocType, SearchDocument } from "../../search/index.ts";
import { tradeToSearchDocument } from "../../search/index.ts";
import { bookToSearchDocument, courseToSearchDocument, jobToSearchDocument, liveToSearchDocument } from "../../search/documents.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { placeName, regionName } from "../regions.ts";

export interface DocumentSource {
  type: DocType;
  /** The searchable documents among these keys (the part of the id after `<type>-`). */
  load(keys: readonly string[]): Promise<SearchDocument[]>;
  /** Every searchable document, for a full rebuild. */
  all(): Promise<SearchDocument[]>;
}

const tradeInclude = { category: { select: { nameZh: true, nameEn: true } } } as const;

function tradeSource(prisma: PrismaClient): DocumentSource {
  return {
    type: "trade",
    async load(keys) {
      const trades = await prisma.trade.findMany({ where: { code: { in: [...keys] } }, include: tradeInclude });
      return trades.map(tradeToSearchDocument);
    },
    async all() {
      const trades = await prisma.trade.findMany({ include: tradeInclude, orderBy: { id: "asc" } });
      return trades.map(tradeToSearchDocument);
    },
  };
}

const courseSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  level: true,
  lessonCount: true,
  ratingCount: true,
  ratingSum: true,
  publishedAt: true,
  author: { select: { displayName: true } },
  trade: { select: { code: true, nameZh: true, nameEn: true } },
  chapters: {
    orderBy: { position: "asc" },
    select: { title: true, lessons: { orderBy: { position: "asc" }, select: { title: true } } },
  },
} as const;

type CourseRow = DB.Prisma.CourseGetPayload<{ select: typeof courseSelect }>;

const toCourseDocument = ({ author, ...course }: CourseRow) => courseToSearchDocument({ ...course, craftsmanName: author.displayName });

/** Only published courses are searchable: a draft, an unpublished or a deleted course is removed. */
function courseSource(prisma: PrismaClient): DocumentSource {
  return {
    type: "course",
    async load(keys) {
      const courses = await prisma.course.findMany({ where: { id: { in: [...keys] }, status: "PUBLISHED" }, select: courseSelect });
      return courses.map(toCourseDocument);
    },
    async all() {
      const courses = await prisma.course.findMany({ where: { status: "PUBLISHED" }, select: courseSelect, orderBy: { id: "asc" } });
      return courses.map(toCourseDocument);
    },
  };
}

const bookSelect = {
  id: true,
  kind: true,
  title: true,
  authors: true,
  publisher: true,
  description: true,
  format: true,
  issueYear: true,
  issueNumber: true,
  publishedAt: true,
  toc: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
  periodical: { select: { title: true } },
} as const;

type BookRow = DB.Prisma.BookGetPayload<{ select: typeof bookSelect }>;

const toBookDocument = ({ periodical, toc, ...book }: BookRow) =>
  bookToSearchDocument({
    ...book,
    periodicalTitle: periodical?.title ?? null,
    tocLabels: Array.isArray(toc) ? toc.flatMap((entry) => (entry && typeof entry === "object" && "label" in entry ? [String(entry.label)] : [])) : [],
  });

/**
 * Published books and periodicals are searchable, and issues of a published periodical;
 * drafts, unpublished and deleted ones are removed.
 */
const searchableBook: DB.Prisma.BookWhereInput = {
  status: "PUBLISHED",
  OR: [{ kind: { in: ["BOOK", "PERIODICAL"] } }, { kind: "ISSUE", periodical: { status: "PUBLISHED" } }],
};

function bookSource(prisma: PrismaClient): DocumentSource {
  return {
    type: "book",
    async load(keys) {
      const books = await prisma.book.findMany({ where: { ...searchableBook, id: { in: [...keys] } }, select: bookSelect });
      return books.map(toBookDocument);
    },
    async all() {
      const books = await prisma.book.findMany({ where: searchableBook, select: bookSelect, orderBy: { id: "asc" } });
      return books.map(toBookDocument);
    },
  };
}

const jobSelect = {
  id: true,
  title: true,
  description: true,
  employmentType: true,
  province: true,
  city: true,
  district: true,
  salaryMin: true,
  salaryMax: true,
  salaryUnit: true,
  currency: true,
  benefits: true,
  datePosted: true,
  organization: { select: { name: true } },
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

type JobRow = DB.Prisma.JobPostGetPayload<{ select: typeof jobSelect }>;

/**
 * The name a worker would give the city: the city's own, except where GB/T 2260 has a placeholder
 * at the city level (a municipality's 县, a province's 省直辖县): then the district, or the province.
 */
function cityNameOf(place: { province: string; city: string; district: string | null }): string {
  const name = regionName(place.city);
  if (!/直辖|^县$|^市辖区$/.test(name)) return name;
  return regionName(place.district ?? place.province);
}

const toJobDocument = ({ organization, province, city, district, ...job }: JobRow) =>
  jobToSearchDocument({
    ...job,
    organizationName: organization.name,
    placeName: placeName({ province, city, district }),
    cityName: cityNameOf({ province, city, district }),
  });

/** Only OPEN posts are searchable: drafts, closed (by hand, expiry or a moderator) and deleted ones are removed. */
function jobSource(prisma: PrismaClient): DocumentSource {
  return {
    type: "job",
    async load(keys) {
      const posts = await prisma.jobPost.findMany({ where: { id: { in: [...keys] }, status: "OPEN" }, select: jobSelect });
      return posts.map(toJobDocument);
    },
    async all() {
      const posts = await prisma.jobPost.findMany({ where: { status: "OPEN" }, select: jobSelect, orderBy: { id: "asc" } });
      return posts.map(toJobDocument);
    },
  };
}

const liveSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  scheduledStart: true,
  host: { select: { displayName: true } },
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

/** Upcoming, on-air, just-ended and replayed sessions; cancelled ones (and failed replays: nothing to watch) leave the index. */
const searchableLive: DB.Prisma.LiveSessionWhereInput = { status: { in: ["SCHEDULED", "LIVE", "RECONNECTING", "ENDED", "REPLAY_READY"] } };

const toLiveDocument = ({ host, ...session }: DB.Prisma.LiveSessionGetPayload<{ select: typeof liveSelect }>) =>
  liveToSearchDocument({ ...session, hostName: host.displayName });

function liveSource(prisma: PrismaClient): DocumentSource {
  return {
    type: "live",
    async load(keys) {
      const sessions = await prisma.liveSession.findMany({ where: { ...searchableLive, id: { in: [...keys] } }, select: liveSelect });
      return sessions.map(toLiveDocument);
    },
    async all() {
      const sessions = await prisma.liveSession.findMany({ where: searchableLive, select: liveSelect, orderBy: { id: "asc" } });
      return sessions.map(toLiveDocument);
    },
  };
}

/** Every source, by type. Each content issue (courses, books, jobs, live) adds its own here. */
export function documentSources(prisma: PrismaClient): Map<DocType, DocumentSource> {
  const sources = [tradeSource(prisma), courseSource(prisma), bookSource(prisma), jobSource(prisma), liveSource(prisma)];
  return new Map(sources.map((source) => [source.type, source]));
}

/** Splits "trade-welder" into its type and key; null for ids of unknown types. */
export function parseDocId(docId: string, types: ReadonlySet<string>): { type: DocType; key: string } | null {
  const dash = docId.indexOf("-");
  if (dash <= 0) return null;
  const type = docId.slice(0, dash);
  if (!types.has(type)) return null;
  return { type: type as DocType, key: docId.slice(dash + 1) };
}
