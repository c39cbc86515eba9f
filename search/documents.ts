// Mappers from domain rows to search documents. Each content section adds its own here (course,
// book, job, livestream) and owns the rule of what is searchable; trades are always searchable.
// Plain input types, not Prisma models: search/ stays a library the database layer calls into.
import type { SearchDocument } from "./types.ts";

/** At most `max` characters (code points: a CJK text or an emoji is never cut in half). */
const clip = (text: string, max: number) => [...text].slice(0, max).join("");

export interface TradeForSearch {
  code: string;
  nameZh: string;
  nameEn: string;
  category?: { nameZh: string; nameEn: string };
}

/** A trade result leads to everything in that trade. */
export function tradeToSearchDocument(trade: TradeForSearch): SearchDocument {
  const doc: SearchDocument = {
    id: `trade-${trade.code}`,
    type: "trade",
    title: trade.nameZh,
    tradeCode: trade.code,
    tradeName: { zh: trade.nameZh, en: trade.nameEn },
    url: `/search?trade=${encodeURIComponent(trade.code)}`,
  };
  if (trade.category) doc.body = `${trade.category.nameZh} ${trade.category.nameEn}`;
  return doc;
}

export interface CourseForSearch {
  id: string;
  slug: string;
  title: string;
  summary: string;
  level: string;
  lessonCount: number;
  ratingCount: number;
  ratingSum: number;
  publishedAt: Date | null;
  craftsmanName: string;
  trade: { code: string; nameZh: string; nameEn: string };
  /** In syllabus order; their titles make a course findable by what it teaches. */
  chapters: ReadonlyArray<{ title: string; lessons: ReadonlyArray<{ title: string }> }>;
}

/** Long syllabi would swamp the index and the highlight snippet; the first part says enough. */
export const COURSE_BODY_MAX_CHARS = 2000;

/** A published course. Whether it is searchable at all is the course source's rule, not this one's. */
export function courseToSearchDocument(course: CourseForSearch): SearchDocument {
  const syllabus = course.chapters.flatMap((chapter) => [chapter.title, ...chapter.lessons.map((lesson) => lesson.title)]);
  const body = [course.summary, course.craftsmanName, ...syllabus].join(" ");
  const extra: NonNullable<SearchDocument["extra"]> = { level: course.level, lessonCount: course.lessonCount };
  // The same rounding as the course cards: one decimal, absent without ratings.
  if (course.ratingCount > 0) extra.rating = Math.round((course.ratingSum / course.ratingCount) * 10) / 10;
  const doc: SearchDocument = {
    id: `course-${course.id}`,
    type: "course",
    title: course.title,
    // Cut by code points, so a character outside the BMP is never split in half.
    body: clip(body, COURSE_BODY_MAX_CHARS),
    tradeCode: course.trade.code,
    tradeName: { zh: course.trade.nameZh, en: course.trade.nameEn },
    url: `/courses/${encodeURIComponent(course.slug)}`,
    extra,
  };
  if (course.publishedAt) doc.publishedAt = course.publishedAt.toISOString();
  return doc;
}

export interface BookForSearch {
  id: string;
  kind: "BOOK" | "PERIODICAL" | "ISSUE";
  title: string;
  authors: readonly string[];
  publisher: string | null;
  description: string;
  format: string | null;
  issueYear: number | null;
  issueNumber: number | null;
  publishedAt: Date | null;
  trade: { code: string; nameZh: string; nameEn: string } | null;
  /** For an ISSUE: its periodical's title, searched with the issue. */
  periodicalTitle?: string | null;
  /** Chapter titles from the table of contents. */
  tocLabels: readonly string[];
}

export const BOOK_BODY_MAX_CHARS = 2000;

/** A published book, periodical or issue. Whether it is searchable is the book source's rule. */
export function bookToSearchDocument(book: BookForSearch): SearchDocument {
  const title = book.kind === "ISSUE" && book.periodicalTitle ? `${book.periodicalTitle} ${book.title}` : book.title;
  const body = [book.authors.join(" "), book.publisher ?? "", book.description, ...book.tocLabels].filter(Boolean).join(" ");
  const extra: NonNullable<SearchDocument["extra"]> = { kind: book.kind, format: book.format };
  if (book.issueYear) extra.issueYear = book.issueYear;
  if (book.issueNumber) extra.issueNumber = book.issueNumber;
  const doc: SearchDocument = {
    id: `book-${book.id}`,
    type: "book",
    title,
    body: clip(body, BOOK_BODY_MAX_CHARS),
    url: `/books/${encodeURIComponent(book.id)}`,
    extra,
  };
  if (book.trade) {
    doc.tradeCode = book.trade.code;
    doc.tradeName = { zh: book.trade.nameZh, en: book.trade.nameEn };
  }
  if (book.publishedAt) doc.publishedAt = book.publishedAt.toISOString();
  return doc;
}

export interface JobForSearch {
  id: string;
  title: string;
  description: string;
  organizationName: string;
  /** "广东省 深圳市 南山区". */
  placeName: string;
  /** The city as people name it ("深圳市"; a municipality's own name): the city facet and filter. */
  cityName: string;
  employmentType: string;
  salaryMin: number;
  salaryMax: number;
  salaryUnit: string;
  currency: string;
  benefits: readonly string[];
  datePosted: Date | null;
  trade: { code: string; nameZh: string; nameEn: string };
}

export const JOB_BODY_MAX_CHARS = 2000;

/**
 * An open job post. The body starts with the organisation and the place, so that the result's
 * snippet says who hires where before the description. Whether a post is searchable (OPEN) is the
 * job source's rule.
 */
export function jobToSearchDocument(job: JobForSearch): SearchDocument {
  const body = [job.organizationName, job.placeName, job.description, job.benefits.join(" ")].filter(Boolean).join(" · ");
  const doc: SearchDocument = {
    id: `job-${job.id}`,
    type: "job",
    title: job.title,
    body: clip(body, JOB_BODY_MAX_CHARS),
    tradeCode: job.trade.code,
    tradeName: { zh: job.trade.nameZh, en: job.trade.nameEn },
    city: job.cityName,
    url: `/jobs/${encodeURIComponent(job.id)}`,
    extra: {
      organization: job.organizationName,
      employmentType: job.employmentType,
      salaryMin: job.salaryMin,
      salaryMax: job.salaryMax,
      salaryUnit: job.salaryUnit,
      currency: job.currency,
    },
  };
  if (job.datePosted) doc.publishedAt = job.datePosted.toISOString();
  return doc;
}

export interface LiveForSearch {
  id: string;
  title: string;
  description: string;
  status: string;
  scheduledStart: Date;
  hostName: string;
  trade: { code: string; nameZh: string; nameEn: string };
}

export const LIVE_BODY_MAX_CHARS = 1000;

/**
 * A livestream class: found by title, host and description, whether upcoming, live or replayed.
 * Its time is the scheduled start (browsing lists the newest first); the status travels in
 * `extra` so a result can say "live now" or "replay".
 */
export function liveToSearchDocument(session: LiveForSearch): SearchDocument {
  const body = [session.hostName, session.description].filter(Boolean).join(" · ");
  return {
    id: `live-${session.id}`,
    type: "live",
    title: session.title,
    body: clip(body, LIVE_BODY_MAX_CHARS),
    tradeCode: session.trade.code,
    tradeName: { zh: session.trade.nameZh, en: session.trade.nameEn },
    url: `/live/${encodeURIComponent(session.id)}`,
    publishedAt: session.scheduledStart.toISOString(),
    extra: { status: session.status, host: session.hostName, startsAt: session.scheduledStart.toISOString() },
  };
}
