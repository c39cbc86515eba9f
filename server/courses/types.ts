// What the course service returns: plain data for routes. Dates are Date objects (React Router
// serialises loader data); Markdown arrives already rendered and sanitized as `…Html`.
import type { DB } from "../db/client.ts";

export type CourseLevel = DB.CourseLevel;
export type CourseFormat = DB.CourseFormat;
export type CourseStatus = DB.CourseStatus;
export type LessonKind = DB.LessonKind;
export type VideoStatus = DB.VideoStatus;

export const COURSE_LEVELS = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const satisfies readonly CourseLevel[];
export const COURSE_FORMATS = ["VIDEO", "TEXT", "MIXED"] as const satisfies readonly CourseFormat[];
export const CATALOG_SORTS = ["newest", "popular"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_PAGE_SIZE = 20;

export interface TradeRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface CourseCard {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** URL of the cover image, or null for the generated placeholder. */
  coverUrl: string | null;
  level: CourseLevel;
  format: CourseFormat;
  trade: TradeRef;
  craftsman: { id: string; displayName: string };
  lessonCount: number;
  durationSeconds: number;
  enrollmentCount: number;
  /** Average rating rounded to one decimal, null without ratings. */
  rating: number | null;
  ratingCount: number;
  publishedAt: Date | null;
}

export interface CatalogPage {
  items: CourseCard[];
  total: number;
  page: number;
  pageCount: number;
  /** The query as understood (invalid parts dropped), for the filter form and links. */
  query: { q: string; trade: string | null; level: CourseLevel | null; format: CourseFormat | null; sort: CatalogSort };
  /** Message keys about parts of the query that were ignored (unknown trade…). */
  notices: string[];
}

export interface SyllabusLesson {
  id: string;
  title: string;
  kind: LessonKind;
  durationSeconds: number;
  isPreview: boolean;
  /** Null when the viewer is not enrolled. */
  completed: boolean | null;
}

export interface SyllabusChapter {
  id: string;
  title: string;
  lessons: SyllabusLesson[];
}

export interface ReviewView {
  author: string;
  rating: number;
  body: string | null;
  updatedAt: Date;
}

export interface CourseDetail extends CourseCard {
  descriptionHtml: string;
  status: CourseStatus;
  craftsman: { id: string; displayName: string; bio: string | null; trade: TradeRef | null; courseCount: number };
  chapters: SyllabusChapter[];
  reviews: ReviewView[];
  /** The viewer's own relation to the course. */
  viewer: {
    signedIn: boolean;
    canEdit: boolean;
    enrolled: boolean;
    /** May write a review (enrolled). */
    canReview: boolean;
    completedLessons: number;
    /** The lesson "continue" leads to: the last one opened, else the first. */
    continueLessonId: string | null;
    certificateCode: string | null;
    myReview: { rating: number; body: string | null } | null;
  };
}

export interface LessonVideo {
  status: VideoStatus;
  /** HLS playlist URL when status is READY. */
  playbackUrl: string | null;
}

export interface LessonPage {
  course: { id: string; slug: string; title: string; lessonCount: number; canEdit: boolean; enrolled: boolean };
  chapters: SyllabusChapter[];
  lesson: {
    id: string;
    title: string;
    kind: LessonKind;
    bodyHtml: string;
    durationSeconds: number;
    isPreview: boolean;
    /** Null for text lessons and for video lessons whose video has not been uploaded. */
    video: LessonVideo | null;
  };
  progress: { positionSeconds: number; completed: boolean } | null;
  previous: { id: string; title: string } | null;
  next: { id: string; title: string } | null;
  completedLessons: number;
  certificateCode: string | null;
}

/** Opening a lesson: the page, or why not (the route redirects to the course page). */
export type LessonAccess = { access: "granted"; page: LessonPage } | { access: "enrollFirst"; slug: string };

export interface ProgressResult {
  completed: boolean;
  completedLessons: number;
  lessonCount: number;
  /** Set once every lesson is complete. */
  certificateCode: string | null;
}

export interface LearningItem {
  course: CourseCard;
  completedLessons: number;
  /** 0–100. */
  percent: number;
  continueLessonId: string | null;
  continueLessonTitle: string | null;
  lastActivityAt: Date;
  certificateCode: string | null;
}

export interface CertificateView {
  code: string;
  recipientName: string;
  courseTitle: string;
  courseSlug: string;
  craftsmanName: string;
  tradeName: TradeRef;
  issuedAt: Date;
  /** Whether the viewer is the recipient (shows the print button). */
  isOwner: boolean;
}

export interface StudioCourseRow {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  trade: TradeRef;
  lessonCount: number;
  enrollmentCount: number;
  updatedAt: Date;
  craftsman: { id: string; displayName: string };
}

export interface StudioLesson {
  id: string;
  title: string;
  kind: LessonKind;
  body: string;
  isPreview: boolean;
  durationSeconds: number;
  video: { id: string; status: VideoStatus; progress: number; error: string | null } | null;
}

export interface StudioCourse {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  tradeCode: string;
  level: CourseLevel;
  status: CourseStatus;
  coverUrl: string | null;
  syllabusVersion: number;
  isOwner: boolean;
  chapters: { id: string; title: string; lessons: StudioLesson[] }[];
}
