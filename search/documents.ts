// Mappers from domain rows to search documents. Each content section adds its own here (course,
// book, job, livestream) and owns the rule of what is searchable; trades are always searchable.
// Plain input types, not Prisma models: search/ stays a library the database layer calls into.
import type { SearchDocument } from "./types.ts";

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
    body: [...body].slice(0, COURSE_BODY_MAX_CHARS).join(""),
    tradeCode: course.trade.code,
    tradeName: { zh: course.trade.nameZh, en: course.trade.nameEn },
    url: `/courses/${encodeURIComponent(course.slug)}`,
    extra,
  };
  if (course.publishedAt) doc.publishedAt = course.publishedAt.toISOString();
  return doc;
}
