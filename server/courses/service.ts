// Courses: the catalog, enrolment, lessons and progress, certificates and reviews for workers; the
// authoring studio for craftsmen (their own courses) and admins (any course).
//
// Counters on Course (lessons, duration, format, enrolments, ratings) are kept here, in the same
// transaction as the change they count, so catalog pages never aggregate. Every change to a
// published course writes a search outbox row in that transaction too.
import { randomBytes, randomInt } from "node:crypto";
import { requireRole, requireViewer, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type DB, type PrismaClient } from "../db/client.ts";
import { AppError, fieldErrorsOf, forbidden, formFailed, formOk, notFound, type FormResult } from "../errors.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import type { SearchEngine } from "../../search/index.ts";
import { renderMarkdown } from "./markdown.ts";
import {
  ZCatalogQuerySchema,
  ZChapterInputSchema,
  ZCourseInputSchema,
  ZLessonUpdateSchema,
  ZMoveSchema,
  ZNewLessonSchema,
  ZProgressSchema,
  ZReorderSchema,
  ZReviewSchema,
} from "./schema.ts";
import {
  CATALOG_PAGE_SIZE,
  type CatalogPage,
  type CertificateView,
  type CourseCard,
  type CourseDetail,
  type LearningItem,
  type LessonAccess,
  type ProgressResult,
  type StudioCourse,
  type StudioCourseRow,
  type SyllabusChapter,
} from "./types.ts";

/** A video lesson counts as complete once this share of it has been watched. */
export const VIDEO_COMPLETE_SHARE = 0.9;
/** How many search matches a text query on the catalog considers before filtering. */
const SEARCH_CANDIDATES = 500;
const REVIEWS_SHOWN = 20;

type Tx = DB.Prisma.TransactionClient;

export interface CourseServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  engine: SearchEngine;
  /** The playback URL of a ready video (the video provider knows: local HLS or Mux). */
  playbackUrlOf?: (video: { id: string; provider: string; playbackId: string | null }) => string | null;
  /** Removes videos whose lessons were deleted (rows, files, Mux assets); called after the commit. */
  removeVideos?: (videoIds: string[]) => Promise<void>;
}

export const coverUrlOf = (fileName: string | null) => (fileName ? `/media/covers/${fileName}` : null);
const localPlaybackUrl = (video: { id: string }) => `/media/videos/${video.id}/index.m3u8`;
export const courseDocId = (courseId: string) => `course-${courseId}`;

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  coverImage: true,
  level: true,
  format: true,
  lessonCount: true,
  durationSeconds: true,
  enrollmentCount: true,
  ratingCount: true,
  ratingSum: true,
  publishedAt: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
  author: { select: { id: true, displayName: true } },
} as const satisfies DB.Prisma.CourseSelect;

type CardRow = DB.Prisma.CourseGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): CourseCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    coverUrl: coverUrlOf(row.coverImage),
    level: row.level,
    format: row.format,
    trade: row.trade,
    craftsman: row.author,
    lessonCount: row.lessonCount,
    durationSeconds: row.durationSeconds,
    enrollmentCount: row.enrollmentCount,
    rating: row.ratingCount ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null,
    ratingCount: row.ratingCount,
    publishedAt: row.publishedAt,
  };
}

const isEditor = (viewer: Viewer | null, course: { authorId: string }) =>
  viewer !== null && (viewer.role === "ADMIN" || (viewer.role === "CRAFTSMAN" && viewer.id === course.authorId));

/** A slug from the Latin words of a title (Chinese titles have none) and a random suffix. */
function newSlug(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${words || "course"}-${randomBytes(4).toString("hex")}`;
}

const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
function newCertificateCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `JX-${group()}-${group()}-${group()}`;
}


export function createCourseService(deps: CourseServiceDeps) {
  const { prisma, clock, engine } = deps;
  const playbackUrlOf = deps.playbackUrlOf ?? localPlaybackUrl;

  // ── shared steps ────────────────────────────────────────────────────────────────────────────

  /** The course, if the viewer may edit it: its author (a craftsman) or an admin. */
  async function requireEditable(viewer: Viewer | null, courseId: string) {
    const editor = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const course = await prisma.course.findUnique({
      where: { id: courseId },
      select: { id: true, authorId: true, status: true, syllabusVersion: true },
    });
    if (!course) throw notFound();
    if (!isEditor(editor, course)) throw forbidden();
    return course;
  }

  async function requireEditableChapter(viewer: Viewer | null, chapterId: string) {
    requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const chapter = await prisma.chapter.findUnique({ where: { id: chapterId }, select: { id: true, courseId: true } });
    if (!chapter) throw notFound();
    const course = await requireEditable(viewer, chapter.courseId);
    return { chapter, course };
  }

  async function requireEditableLesson(viewer: Viewer | null, lessonId: string) {
    requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const lesson = await prisma.lesson.findUnique({
      where: { id: lessonId },
      select: { id: true, courseId: true, chapterId: true, kind: true, videoId: true },
    });
    if (!lesson) throw notFound();
    const course = await requireEditable(viewer, lesson.courseId);
    return { lesson, course };
  }

  /**
   * After any change to a course's syllabus: recount its lessons and duration, derive its format,
   * bump the syllabus version (so stale reorders are refused) and queue it for the search index.
   */
  async function syllabusChanged(tx: Tx, courseId: string) {
    const lessons = await tx.lesson.findMany({ where: { courseId }, select: { kind: true, durationSeconds: true } });
    const videos = lessons.filter((lesson) => lesson.kind === "VIDEO").length;
    const format: DB.CourseFormat = videos === 0 ? "TEXT" : videos === lessons.length ? "VIDEO" : "MIXED";
    await tx.course.update({
      where: { id: courseId },
      data: {
        lessonCount: lessons.length,
        durationSeconds: lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0),
        format,
        syllabusVersion: { increment: 1 },
      },
    });
    await enqueueSearchUpdates(tx, [courseDocId(courseId)]);
  }

  /** Lessons of a course in syllabus order, chapters in order. */
  async function syllabusOf(courseId: string, userId: string | null): Promise<SyllabusChapter[]> {
    const chapters = await prisma.chapter.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        title: true,
        lessons: {
          orderBy: { position: "asc" },
          select: { id: true, title: true, kind: true, durationSeconds: true, isPreview: true },
        },
      },
    });
    const done = userId
      ? new Set(
          (
            await prisma.lessonProgress.findMany({
              where: { userId, courseId, completedAt: { not: null } },
              select: { lessonId: true },
            })
          ).map((row) => row.lessonId),
        )
      : null;
    return chapters.map((chapter) => ({
      ...chapter,
      lessons: chapter.lessons.map((lesson) => ({ ...lesson, completed: done ? done.has(lesson.id) : null })),
    }));
  }

  /** The course a worker may see: published, or any for its editors. */
  async function visibleCourse(viewer: Viewer | null, slug: string) {
    const course = await prisma.course.findUnique({ where: { slug }, select: { ...cardSelect, authorId: true, status: true, description: true } });
    if (!course) throw notFound();
    if (course.status !== "PUBLISHED" && !isEditor(viewer, course)) throw notFound();
    return course;
  }

  /**
   * Marks a lesson complete (once), updates the enrolment's count and, when every lesson is
   * complete, issues the certificate. All in one transaction.
   */
  async function completeInTx(userId: string, lessonId: string, courseId: string): Promise<ProgressResult> {
    return prisma.$transaction(async (tx) => {
      const now = clock.now();
      await tx.lessonProgress.upsert({
        where: { userId_lessonId: { userId, lessonId } },
        create: { userId, lessonId, courseId, completedAt: now },
        update: { completedAt: now },
      });
      return refreshCompletion(tx, userId, courseId);
    });
  }

  async function refreshCompletion(tx: Tx, userId: string, courseId: string): Promise<ProgressResult> {
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { title: true, lessonCount: true, author: { select: { displayName: true } } },
    });
    const completedLessons = await tx.lessonProgress.count({
      where: { userId, courseId, completedAt: { not: null } },
    });
    const allDone = course.lessonCount > 0 && completedLessons >= course.lessonCount;
    const enrollment = await tx.enrollment.update({
      where: { userId_courseId: { userId, courseId } },
      data: { completedLessons, ...(allDone ? { completedAt: clock.now() } : {}) },
      select: { user: { select: { displayName: true } } },
    });
    let certificateCode =
      (await tx.certificate.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { code: true } }))?.code ?? null;
    if (allDone && !certificateCode) {
      certificateCode = newCertificateCode();
      await tx.certificate.create({
        data: {
          code: certificateCode,
          userId,
          courseId,
          recipientName: enrollment.user.displayName,
          courseTitle: course.title,
          craftsmanName: course.author.displayName,
          issuedAt: clock.now(),
        },
      });
    }
    return { completed: true, completedLessons, lessonCount: course.lessonCount, certificateCode };
  }

  /** The lesson and its course, if the viewer is enrolled (editors always pass). */
  async function lessonForProgress(viewer: Viewer | null, lessonId: string) {
    const signedIn = requireViewer(viewer);
    const lesson = await prisma.lesson.findUnique({
      where: { id: lessonId },
      select: {
        id: true,
        kind: true,
        courseId: true,
        durationSeconds: true,
        course: { select: { status: true, authorId: true } },
      },
    });
    if (!lesson) throw notFound();
    const enrollment = await prisma.enrollment.findUnique({
      where: { userId_courseId: { userId: signedIn.id, courseId: lesson.courseId } },
      select: { completedLessons: true },
    });
    if (!enrollment) throw forbidden();
    return { signedIn, lesson };
  }

  // ── catalog ─────────────────────────────────────────────────────────────────────────────────

  async function catalog(_viewer: Viewer | null, params: unknown): Promise<CatalogPage> {
    const query = ZCatalogQuerySchema.parse(params ?? {});
    const notices: string[] = [];
    let tradeId: number | undefined;
    if (query.trade) {
      const trade = await prisma.trade.findUnique({ where: { code: query.trade }, select: { id: true } });
      if (trade) tradeId = trade.id;
      else {
        notices.push("courses.notice.unknownTrade");
        query.trade = null;
      }
    }
    const where: DB.Prisma.CourseWhereInput = {
      status: "PUBLISHED",
      ...(tradeId !== undefined ? { tradeId } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.format ? { format: query.format } : {}),
    };
    const orderBy: DB.Prisma.CourseOrderByWithRelationInput[] =
      query.sort === "popular" ? [{ enrollmentCount: "desc" }, { id: "asc" }] : [{ publishedAt: "desc" }, { id: "asc" }];

    if (query.q) {
      // A text query ranks by relevance: the engine's best matches, then the filters here.
      const ids = await searchCourseIds(query.q, query.trade ?? undefined);
      const rows = await prisma.course.findMany({ where: { ...where, id: { in: ids } }, select: cardSelect });
      const rank = new Map(ids.map((id, index) => [id, index]));
      rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const pageCount = Math.ceil(rows.length / CATALOG_PAGE_SIZE);
      const page = Math.min(query.page, Math.max(pageCount, 1));
      const items = rows.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE).map(toCard);
      return { items, total: rows.length, page, pageCount, query, notices };
    }

    const total = await prisma.course.count({ where });
    const pageCount = Math.ceil(total / CATALOG_PAGE_SIZE);
    const page = Math.min(query.page, Math.max(pageCount, 1));
    const rows = await prisma.course.findMany({
      where,
      orderBy,
      skip: (page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: cardSelect,
    });
    return { items: rows.map(toCard), total, page, pageCount, query, notices };
  }

  async function searchCourseIds(q: string, tradeCode: string | undefined): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ids.length < SEARCH_CANDIDATES; page++) {
      const result = await engine.search({ q, types: ["course"], tradeCode, page, perPage: 100 });
      for (const hit of result.hits) ids.push(hit.doc.id.slice("course-".length));
      if (page >= result.pageCount) break;
    }
    return ids;
  }

  // ── a course and its lessons ────────────────────────────────────────────────────────────────

  async function detail(viewer: Viewer | null, slug: string): Promise<CourseDetail> {
    const course = await visibleCourse(viewer, slug);
    const userId = viewer?.id ?? null;
    const [author, enrollment, certificate, myReview, reviews, chapters] = await Promise.all([
      prisma.user.findUniqueOrThrow({
        where: { id: course.authorId },
        select: {
          id: true,
          displayName: true,
          bio: true,
          trade: { select: { code: true, nameZh: true, nameEn: true } },
          _count: { select: { courses: { where: { status: "PUBLISHED" } } } },
        },
      }),
      userId ? prisma.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: course.id } } }) : null,
      userId
        ? prisma.certificate.findUnique({ where: { userId_courseId: { userId, courseId: course.id } }, select: { code: true } })
        : null,
      userId
        ? prisma.courseReview.findUnique({
            where: { userId_courseId: { userId, courseId: course.id } },
            select: { rating: true, body: true },
          })
        : null,
      prisma.courseReview.findMany({
        where: { courseId: course.id },
        orderBy: { updatedAt: "desc" },
        take: REVIEWS_SHOWN,
        select: { rating: true, body: true, updatedAt: true, user: { select: { displayName: true } } },
      }),
      syllabusOf(course.id, userId),
    ]);
    const enrolled = enrollment !== null;
    const firstLesson = chapters.flatMap((chapter) => chapter.lessons)[0]?.id ?? null;
    const withProgress = enrolled ? chapters : chapters.map(hideCompletion);
    return {
      ...toCard(course),
      descriptionHtml: renderMarkdown(course.description),
      status: course.status,
      craftsman: {
        id: author.id,
        displayName: author.displayName,
        bio: author.bio,
        trade: author.trade,
        courseCount: author._count.courses,
      },
      chapters: withProgress,
      reviews: reviews.map((review) => ({
        author: review.user.displayName,
        rating: review.rating,
        body: review.body,
        updatedAt: review.updatedAt,
      })),
      viewer: {
        signedIn: viewer !== null,
        canEdit: isEditor(viewer, course),
        enrolled,
        canReview: enrolled,
        completedLessons: enrollment?.completedLessons ?? 0,
        continueLessonId: enrollment?.lastLessonId ?? firstLesson,
        certificateCode: certificate?.code ?? null,
        myReview,
      },
    };
  }

  const hideCompletion = (chapter: SyllabusChapter): SyllabusChapter => ({
    ...chapter,
    lessons: chapter.lessons.map((lesson) => ({ ...lesson, completed: null })),
  });

  async function enroll(viewer: Viewer | null, slug: string) {
    const signedIn = requireViewer(viewer);
    const course = await prisma.course.findUnique({ where: { slug }, select: { id: true, status: true, authorId: true } });
    if (!course || course.status !== "PUBLISHED") throw notFound();
    const firstLesson = await prisma.lesson.findFirst({
      where: { courseId: course.id },
      orderBy: [{ chapter: { position: "asc" } }, { position: "asc" }],
      select: { id: true },
    });
    try {
      await prisma.$transaction(async (tx) => {
        await tx.enrollment.create({ data: { userId: signedIn.id, courseId: course.id, lastActivityAt: clock.now() } });
        await tx.course.update({ where: { id: course.id }, data: { enrollmentCount: { increment: 1 } } });
      });
    } catch (error) {
      // Enrolling twice (a double submit, two tabs) is not an error: the worker is enrolled.
      if (!isUniqueViolation(error)) throw error;
    }
    return { slug, firstLessonId: firstLesson?.id ?? null };
  }

  async function lesson(viewer: Viewer | null, slug: string, lessonId: string): Promise<LessonAccess> {
    const course = await visibleCourse(viewer, slug);
    const row = await prisma.lesson.findFirst({
      where: { id: lessonId, courseId: course.id },
      select: {
        id: true,
        title: true,
        kind: true,
        body: true,
        durationSeconds: true,
        isPreview: true,
        video: { select: { id: true, status: true, provider: true, playbackId: true } },
      },
    });
    if (!row) throw notFound();
    const canEdit = isEditor(viewer, course);
    const enrollment = viewer
      ? await prisma.enrollment.findUnique({ where: { userId_courseId: { userId: viewer.id, courseId: course.id } } })
      : null;
    if (!enrollment && !canEdit && !row.isPreview) return { access: "enrollFirst", slug };

    const chapters = await syllabusOf(course.id, enrollment ? viewer!.id : null);
    const order = chapters.flatMap((chapter) => chapter.lessons);
    const index = order.findIndex((lesson) => lesson.id === row.id);
    const neighbour = (i: number) => (order[i] ? { id: order[i].id, title: order[i].title } : null);
    const [progress, certificate] = enrollment
      ? await Promise.all([
          prisma.lessonProgress.findUnique({
            where: { userId_lessonId: { userId: viewer!.id, lessonId: row.id } },
            select: { positionSeconds: true, completedAt: true },
          }),
          prisma.certificate.findUnique({
            where: { userId_courseId: { userId: viewer!.id, courseId: course.id } },
            select: { code: true },
          }),
          // "Continue where I left off" leads here next time.
          prisma.enrollment.update({
            where: { userId_courseId: { userId: viewer!.id, courseId: course.id } },
            data: { lastLessonId: row.id, lastActivityAt: clock.now() },
          }),
        ])
      : [null, null];

    return {
      access: "granted",
      page: {
        course: { id: course.id, slug: course.slug, title: course.title, lessonCount: course.lessonCount, canEdit, enrolled: !!enrollment },
        chapters,
        lesson: {
          id: row.id,
          title: row.title,
          kind: row.kind,
          bodyHtml: renderMarkdown(row.body),
          durationSeconds: row.durationSeconds,
          isPreview: row.isPreview,
          // A video lesson without a video yet (its author has not uploaded one) has none to show.
          video:
            row.kind === "VIDEO" && row.video
              ? { status: row.video.status, playbackUrl: row.video.status === "READY" ? playbackUrlOf(row.video) : null }
              : null,
        },
        progress: enrollment
          ? { positionSeconds: progress?.positionSeconds ?? 0, completed: progress?.completedAt != null }
          : null,
        previous: neighbour(index - 1),
        next: neighbour(index + 1),
        completedLessons: enrollment?.completedLessons ?? 0,
        certificateCode: certificate?.code ?? null,
      },
    };
  }

  async function saveProgress(viewer: Viewer | null, lessonId: string, input: unknown): Promise<ProgressResult> {
    const { signedIn, lesson } = await lessonForProgress(viewer, lessonId);
    const parsed = ZProgressSchema.safeParse(input);
    if (!parsed.success) throw new AppError("invalid", "progress.invalid");
    // The lesson's duration comes from the transcoder, never from the client.
    const position = lesson.durationSeconds > 0 ? Math.min(parsed.data.positionSeconds, lesson.durationSeconds) : parsed.data.positionSeconds;
    const reached = lesson.kind === "VIDEO" && lesson.durationSeconds > 0 && position >= lesson.durationSeconds * VIDEO_COMPLETE_SHARE;
    const existing = await prisma.lessonProgress.findUnique({
      where: { userId_lessonId: { userId: signedIn.id, lessonId } },
      select: { completedAt: true },
    });
    await prisma.lessonProgress.upsert({
      where: { userId_lessonId: { userId: signedIn.id, lessonId } },
      create: { userId: signedIn.id, lessonId, courseId: lesson.courseId, positionSeconds: position },
      update: { positionSeconds: position },
    });
    if (reached && !existing?.completedAt) return completeInTx(signedIn.id, lessonId, lesson.courseId);
    const enrollment = await prisma.enrollment.update({
      where: { userId_courseId: { userId: signedIn.id, courseId: lesson.courseId } },
      data: { lastLessonId: lessonId, lastActivityAt: clock.now() },
      select: { completedLessons: true, course: { select: { lessonCount: true } } },
    });
    const certificate = await prisma.certificate.findUnique({
      where: { userId_courseId: { userId: signedIn.id, courseId: lesson.courseId } },
      select: { code: true },
    });
    return {
      completed: existing?.completedAt != null,
      completedLessons: enrollment.completedLessons,
      lessonCount: enrollment.course.lessonCount,
      certificateCode: certificate?.code ?? null,
    };
  }

  async function completeLesson(viewer: Viewer | null, lessonId: string): Promise<ProgressResult> {
    const { signedIn, lesson } = await lessonForProgress(viewer, lessonId);
    // A video is complete when watched; "mark as done" is for reading.
    if (lesson.kind !== "TEXT") throw forbidden();
    return completeInTx(signedIn.id, lessonId, lesson.courseId);
  }

  async function review(viewer: Viewer | null, slug: string, input: unknown): Promise<FormResult<null>> {
    const signedIn = requireViewer(viewer);
    const course = await prisma.course.findUnique({ where: { slug }, select: { id: true, status: true } });
    if (!course || course.status !== "PUBLISHED") throw notFound();
    const enrolled = await prisma.enrollment.findUnique({
      where: { userId_courseId: { userId: signedIn.id, courseId: course.id } },
      select: { userId: true },
    });
    if (!enrolled) throw forbidden();
    const parsed = ZReviewSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const { rating, body } = parsed.data;
    await prisma.$transaction(async (tx) => {
      const key = { userId_courseId: { userId: signedIn.id, courseId: course.id } };
      const previous = await tx.courseReview.findUnique({ where: key, select: { rating: true } });
      await tx.courseReview.upsert({
        where: key,
        create: { userId: signedIn.id, courseId: course.id, rating, body: body || null },
        update: { rating, body: body || null },
      });
      await tx.course.update({
        where: { id: course.id },
        data: previous
          ? { ratingSum: { increment: rating - previous.rating } }
          : { ratingSum: { increment: rating }, ratingCount: { increment: 1 } },
      });
      await enqueueSearchUpdates(tx, [courseDocId(course.id)]);
    });
    return formOk(null);
  }

  async function learning(viewer: Viewer | null): Promise<LearningItem[]> {
    const signedIn = requireViewer(viewer);
    const enrollments = await prisma.enrollment.findMany({
      where: { userId: signedIn.id },
      orderBy: { lastActivityAt: "desc" },
      take: 200,
      select: {
        completedLessons: true,
        lastLessonId: true,
        lastActivityAt: true,
        course: { select: { ...cardSelect, status: true, certificates: { where: { userId: signedIn.id }, select: { code: true } } } },
      },
    });
    const lastIds = enrollments.map((e) => e.lastLessonId).filter((id): id is string => id !== null);
    const lastLessons = new Map(
      (await prisma.lesson.findMany({ where: { id: { in: lastIds } }, select: { id: true, title: true } })).map((l) => [l.id, l.title]),
    );
    const firstLessons = await firstLessonsOf(enrollments.filter((e) => !e.lastLessonId || !lastLessons.has(e.lastLessonId)).map((e) => e.course.id));
    return enrollments.map((enrollment) => {
      const { course } = enrollment;
      const last = enrollment.lastLessonId && lastLessons.has(enrollment.lastLessonId) ? enrollment.lastLessonId : null;
      const next = last ? { id: last, title: lastLessons.get(last)! } : (firstLessons.get(course.id) ?? null);
      const done = Math.min(enrollment.completedLessons, course.lessonCount);
      return {
        course: toCard(course),
        completedLessons: done,
        percent: course.lessonCount ? Math.round((done / course.lessonCount) * 100) : 0,
        continueLessonId: next?.id ?? null,
        continueLessonTitle: next?.title ?? null,
        lastActivityAt: enrollment.lastActivityAt,
        certificateCode: course.certificates[0]?.code ?? null,
      };
    });
  }

  async function firstLessonsOf(courseIds: string[]) {
    if (courseIds.length === 0) return new Map<string, { id: string; title: string }>();
    const lessons = await prisma.lesson.findMany({
      where: { courseId: { in: courseIds } },
      orderBy: [{ chapter: { position: "asc" } }, { position: "asc" }],
      select: { id: true, title: true, courseId: true },
    });
    const first = new Map<string, { id: string; title: string }>();
    for (const lesson of lessons) if (!first.has(lesson.courseId)) first.set(lesson.courseId, { id: lesson.id, title: lesson.title });
    return first;
  }

  async function certificate(viewer: Viewer | null, code: string): Promise<CertificateView> {
    const normalized = code.trim().toUpperCase();
    if (normalized.length > 20) throw notFound();
    const row = await prisma.certificate.findUnique({
      where: { code: normalized },
      select: {
        code: true,
        userId: true,
        recipientName: true,
        courseTitle: true,
        craftsmanName: true,
        issuedAt: true,
        course: { select: { slug: true, trade: { select: { code: true, nameZh: true, nameEn: true } } } },
      },
    });
    if (!row) throw notFound();
    return {
      code: row.code,
      recipientName: row.recipientName,
      courseTitle: row.courseTitle,
      courseSlug: row.course.slug,
      craftsmanName: row.craftsmanName,
      tradeName: row.course.trade,
      issuedAt: row.issuedAt,
      isOwner: viewer?.id === row.userId,
    };
  }

  // ── studio: authoring ───────────────────────────────────────────────────────────────────────

  async function studioList(viewer: Viewer | null): Promise<StudioCourseRow[]> {
    const editor = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const rows = await prisma.course.findMany({
      where: editor.role === "ADMIN" ? {} : { authorId: editor.id },
      orderBy: { updatedAt: "desc" },
      take: 500,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        lessonCount: true,
        enrollmentCount: true,
        updatedAt: true,
        trade: { select: { code: true, nameZh: true, nameEn: true } },
        author: { select: { id: true, displayName: true } },
      },
    });
    return rows.map(({ author, ...row }) => ({ ...row, craftsman: author }));
  }

  async function studioCourse(viewer: Viewer | null, courseId: string): Promise<StudioCourse> {
    await requireEditable(viewer, courseId);
    const course = await prisma.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        description: true,
        level: true,
        status: true,
        coverImage: true,
        syllabusVersion: true,
        authorId: true,
        trade: { select: { code: true } },
        chapters: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            title: true,
            lessons: {
              orderBy: { position: "asc" },
              select: {
                id: true,
                title: true,
                kind: true,
                body: true,
                isPreview: true,
                durationSeconds: true,
                video: { select: { id: true, status: true, progress: true, error: true } },
              },
            },
          },
        },
      },
    });
    const { coverImage, trade, authorId, ...rest } = course;
    return { ...rest, tradeCode: trade.code, coverUrl: coverUrlOf(coverImage), isOwner: viewer!.id === authorId };
  }

  async function parseCourseInput(input: unknown) {
    const parsed = ZCourseInputSchema.safeParse(input ?? {});
    if (!parsed.success) return { ok: false as const, result: formFailed(fieldErrorsOf(parsed.error)) };
    const trade = await prisma.trade.findUnique({ where: { code: parsed.data.trade }, select: { id: true } });
    if (!trade) return { ok: false as const, result: formFailed({ trade: "course.trade.invalid" }) };
    return { ok: true as const, data: parsed.data, tradeId: trade.id };
  }

  async function createCourse(viewer: Viewer | null, input: unknown): Promise<FormResult<{ id: string }>> {
    const author = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const parsed = await parseCourseInput(input);
    if (!parsed.ok) return parsed.result;
    const { title, summary, description, level } = parsed.data;
    const course = await prisma.course.create({
      data: { slug: newSlug(title), title, summary, description, level, tradeId: parsed.tradeId, authorId: author.id },
      select: { id: true },
    });
    return formOk(course);
  }

  async function updateCourse(viewer: Viewer | null, courseId: string, input: unknown): Promise<FormResult<null>> {
    await requireEditable(viewer, courseId);
    const parsed = await parseCourseInput(input);
    if (!parsed.ok) return parsed.result;
    const { title, summary, description, level } = parsed.data;
    await prisma.$transaction(async (tx) => {
      await tx.course.update({ where: { id: courseId }, data: { title, summary, description, level, tradeId: parsed.tradeId } });
      await enqueueSearchUpdates(tx, [courseDocId(courseId)]);
    });
    return formOk(null);
  }

  async function setPublished(viewer: Viewer | null, courseId: string, published: boolean): Promise<FormResult<null>> {
    const course = await requireEditable(viewer, courseId);
    if (published) {
      const lessons = await prisma.lesson.count({ where: { courseId } });
      if (lessons === 0) return formFailed({}, "studio.publish.noLessons");
    }
    if ((course.status === "PUBLISHED") === published) return formOk(null);
    await prisma.$transaction(async (tx) => {
      await tx.course.update({
        where: { id: courseId },
        data: published ? { status: "PUBLISHED", publishedAt: clock.now() } : { status: "DRAFT" },
      });
      await enqueueSearchUpdates(tx, [courseDocId(courseId)]);
    });
    return formOk(null);
  }

  async function addChapter(viewer: Viewer | null, courseId: string, input: unknown): Promise<FormResult<{ id: string }>> {
    await requireEditable(viewer, courseId);
    const parsed = ZChapterInputSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const chapter = await prisma.$transaction(async (tx) => {
      const last = await tx.chapter.aggregate({ where: { courseId }, _max: { position: true } });
      const created = await tx.chapter.create({
        data: { courseId, title: parsed.data.title, position: (last._max.position ?? -1) + 1 },
        select: { id: true },
      });
      await syllabusChanged(tx, courseId);
      return created;
    });
    return formOk(chapter);
  }

  async function updateChapter(viewer: Viewer | null, chapterId: string, input: unknown): Promise<FormResult<null>> {
    const { course } = await requireEditableChapter(viewer, chapterId);
    const parsed = ZChapterInputSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    await prisma.$transaction(async (tx) => {
      await tx.chapter.update({ where: { id: chapterId }, data: { title: parsed.data.title } });
      await syllabusChanged(tx, course.id);
    });
    return formOk(null);
  }

  async function deleteChapter(viewer: Viewer | null, chapterId: string): Promise<void> {
    const { course } = await requireEditableChapter(viewer, chapterId);
    const videoIds = await prisma.$transaction(async (tx) => {
      const videos = await tx.lesson.findMany({ where: { chapterId, videoId: { not: null } }, select: { videoId: true } });
      await tx.chapter.delete({ where: { id: chapterId } });
      await syllabusChanged(tx, course.id);
      return videos.map((lesson) => lesson.videoId!);
    });
    await removeVideos(videoIds);
  }

  async function addLesson(viewer: Viewer | null, chapterId: string, input: unknown): Promise<FormResult<{ id: string }>> {
    const { course } = await requireEditableChapter(viewer, chapterId);
    const parsed = ZNewLessonSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const lesson = await prisma.$transaction(async (tx) => {
      const last = await tx.lesson.aggregate({ where: { chapterId }, _max: { position: true } });
      const created = await tx.lesson.create({
        data: { ...parsed.data, chapterId, courseId: course.id, position: (last._max.position ?? -1) + 1 },
        select: { id: true },
      });
      await syllabusChanged(tx, course.id);
      return created;
    });
    return formOk(lesson);
  }

  async function updateLesson(viewer: Viewer | null, lessonId: string, input: unknown): Promise<FormResult<null>> {
    const { course } = await requireEditableLesson(viewer, lessonId);
    const parsed = ZLessonUpdateSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    await prisma.$transaction(async (tx) => {
      await tx.lesson.update({ where: { id: lessonId }, data: parsed.data });
      await syllabusChanged(tx, course.id);
    });
    return formOk(null);
  }

  async function deleteLesson(viewer: Viewer | null, lessonId: string): Promise<void> {
    const { course, lesson } = await requireEditableLesson(viewer, lessonId);
    await prisma.$transaction(async (tx) => {
      await tx.lesson.delete({ where: { id: lessonId } });
      await syllabusChanged(tx, course.id);
    });
    await removeVideos(lesson.videoId ? [lesson.videoId] : []);
  }

  /** A deleted lesson's video goes too, after the delete has committed. */
  async function removeVideos(videoIds: string[]) {
    if (videoIds.length && deps.removeVideos) await deps.removeVideos(videoIds);
  }

  /** The current layout: chapters in order, each with its lesson ids in order. */
  async function layoutOf(tx: Tx, courseId: string) {
    return tx.chapter.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: { id: true, lessons: { orderBy: { position: "asc" }, select: { id: true } } },
    });
  }

  async function writeLayout(tx: Tx, courseId: string, layout: { id: string; lessonIds: string[] }[]) {
    for (const [position, chapter] of layout.entries()) {
      await tx.chapter.update({ where: { id: chapter.id }, data: { position } });
      for (const [lessonPosition, lessonId] of chapter.lessonIds.entries()) {
        await tx.lesson.update({ where: { id: lessonId }, data: { chapterId: chapter.id, position: lessonPosition } });
      }
    }
    await syllabusChanged(tx, courseId);
  }

  /**
   * Writes a new layout if the course is still at `version`. The version is checked and bumped
   * inside the transaction (a conditional update), so two editors cannot both win.
   */
  async function relayout(
    courseId: string,
    version: number,
    next: (current: { id: string; lessonIds: string[] }[]) => { id: string; lessonIds: string[] }[] | null,
  ): Promise<FormResult<null>> {
    const stale = formFailed({}, "studio.reorder.stale");
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.course.updateMany({ where: { id: courseId, syllabusVersion: version }, data: { syllabusVersion: version } });
      if (claimed.count === 0) return stale;
      const current = (await layoutOf(tx, courseId)).map((chapter) => ({ id: chapter.id, lessonIds: chapter.lessons.map((l) => l.id) }));
      const layout = next(current);
      if (!layout) return stale;
      await writeLayout(tx, courseId, layout);
      return formOk(null);
    });
  }

  async function move(viewer: Viewer | null, input: unknown): Promise<FormResult<null>> {
    requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const parsed = ZMoveSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const { target, id, direction, version } = parsed.data;
    const courseId =
      target === "chapter"
        ? (await requireEditableChapter(viewer, id)).course.id
        : (await requireEditableLesson(viewer, id)).course.id;
    const step = direction === "up" ? -1 : 1;
    return relayout(courseId, version, (layout) => (target === "chapter" ? moveChapter(layout, id, step) : moveLesson(layout, id, step)));
  }

  async function reorder(viewer: Viewer | null, courseId: string, input: unknown): Promise<FormResult<null>> {
    await requireEditable(viewer, courseId);
    const parsed = ZReorderSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed({}, "studio.reorder.stale");
    const wanted = parsed.data.chapters;
    return relayout(courseId, parsed.data.version, (current) => (sameMembers(current, wanted) ? wanted : null));
  }

  // ── for the video and upload layer ──────────────────────────────────────────────────────────

  async function authorizeLessonEdit(viewer: Viewer | null, lessonId: string) {
    const { lesson, course } = await requireEditableLesson(viewer, lessonId);
    return { courseId: course.id, lessonId: lesson.id, kind: lesson.kind };
  }

  async function authorizeCourseEdit(viewer: Viewer | null, courseId: string) {
    const course = await requireEditable(viewer, courseId);
    return { courseId: course.id };
  }

  async function setCover(viewer: Viewer | null, courseId: string, fileName: string) {
    await requireEditable(viewer, courseId);
    return prisma.$transaction(async (tx) => {
      const { coverImage } = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { coverImage: true } });
      await tx.course.update({ where: { id: courseId }, data: { coverImage: fileName } });
      return { previous: coverImage };
    });
  }

  async function attachVideo(viewer: Viewer | null, lessonId: string, videoId: string) {
    const { lesson, course } = await requireEditableLesson(viewer, lessonId);
    if (lesson.kind !== "VIDEO") throw forbidden();
    await prisma.$transaction(async (tx) => {
      // A new video replaces the old one; its duration arrives when it is ready.
      await tx.lesson.update({ where: { id: lessonId }, data: { videoId, durationSeconds: 0 } });
      await syllabusChanged(tx, course.id);
    });
    return { previousVideoId: lesson.videoId };
  }

  async function videoReady(videoId: string, durationSeconds: number): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const lesson = await tx.lesson.findUnique({ where: { videoId }, select: { id: true, courseId: true } });
      if (!lesson) return;
      await tx.lesson.update({ where: { id: lesson.id }, data: { durationSeconds: Math.round(durationSeconds) } });
      await syllabusChanged(tx, lesson.courseId);
    });
  }

  async function canWatchVideo(viewer: Viewer | null, videoId: string): Promise<boolean> {
    const lesson = await prisma.lesson.findUnique({
      where: { videoId },
      select: { isPreview: true, courseId: true, course: { select: { status: true, authorId: true } } },
    });
    if (!lesson) {
      // A video not (or no longer) in a lesson: only its owner and admins.
      if (!viewer) return false;
      if (viewer.role === "ADMIN") return true;
      const video = await prisma.video.findUnique({ where: { id: videoId }, select: { ownerId: true } });
      return video?.ownerId === viewer.id;
    }
    if (isEditor(viewer, lesson.course)) return true;
    if (lesson.course.status !== "PUBLISHED") return false;
    if (lesson.isPreview) return true;
    if (!viewer) return false;
    const enrollment = await prisma.enrollment.findUnique({
      where: { userId_courseId: { userId: viewer.id, courseId: lesson.courseId } },
      select: { userId: true },
    });
    return enrollment !== null;
  }

  return {
    catalog,
    detail,
    enroll,
    lesson,
    saveProgress,
    completeLesson,
    review,
    learning,
    certificate,
    studioList,
    studioCourse,
    createCourse,
    updateCourse,
    setPublished,
    addChapter,
    updateChapter,
    deleteChapter,
    addLesson,
    updateLesson,
    deleteLesson,
    move,
    reorder,
    authorizeLessonEdit,
    authorizeCourseEdit,
    setCover,
    attachVideo,
    videoReady,
    canWatchVideo,
  };
}

export type CourseService = ReturnType<typeof createCourseService>;

type Layout = { id: string; lessonIds: string[] }[];

function moveChapter(layout: Layout, chapterId: string, step: number): Layout | null {
  const index = layout.findIndex((chapter) => chapter.id === chapterId);
  const target = index + step;
  if (index < 0 || target < 0 || target >= layout.length) return layout;
  const next = [...layout];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Moves a lesson one place; past either end of its chapter it goes to the neighbouring chapter. */
function moveLesson(layout: Layout, lessonId: string, step: number): Layout | null {
  const next = layout.map((chapter) => ({ ...chapter, lessonIds: [...chapter.lessonIds] }));
  const chapterIndex = next.findIndex((chapter) => chapter.lessonIds.includes(lessonId));
  if (chapterIndex < 0) return null;
  const lessons = next[chapterIndex]!.lessonIds;
  const index = lessons.indexOf(lessonId);
  const target = index + step;
  if (target >= 0 && target < lessons.length) {
    [lessons[index], lessons[target]] = [lessons[target]!, lessons[index]!];
    return next;
  }
  const neighbour = next[chapterIndex + step];
  if (!neighbour) return layout;
  lessons.splice(index, 1);
  if (step < 0) neighbour.lessonIds.push(lessonId);
  else neighbour.lessonIds.unshift(lessonId);
  return next;
}

/** Whether a proposed layout names exactly the current chapters and lessons, each once. */
function sameMembers(current: Layout, proposed: Layout): boolean {
  const key = (layout: Layout) => ({
    chapters: layout.map((chapter) => chapter.id).sort().join(","),
    lessons: layout.flatMap((chapter) => chapter.lessonIds).sort().join(","),
  });
  const a = key(current);
  const b = key(proposed);
  const lessonCount = proposed.flatMap((chapter) => chapter.lessonIds).length;
  return a.chapters === b.chapters && a.lessons === b.lessons && new Set(proposed.flatMap((c) => c.lessonIds)).size === lessonCount;
}
