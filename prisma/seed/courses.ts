// Demo courses (prisma/seed/course-catalog.ts) written in one transaction: craftsmen, courses,
// chapters, lessons, demo video clips, a few enrolments, progress and reviews by the demo members,
// and a search outbox row per course. Runs once: a database that has any course is left alone.
//
// Rows are built in memory and written with createMany (a handful of statements instead of
// hundreds), so seeding a fresh data directory stays within a few seconds.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, rm } from "node:fs/promises";
import { promisify } from "node:util";
import { hashPassword } from "../../server/auth/password.ts";
import type { DB, PrismaClient } from "../../server/db/client.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { createMediaStorage } from "../../server/video/storage.ts";
import { findFfmpeg, transcodeToHls } from "../../server/video/transcode.ts";
import { COURSES, CRAFTSMEN, DEMO_CRAFTSMAN_PHONE, REVIEW_RATINGS, REVIEW_TEXTS, type CourseSeed, type CraftsmanKey } from "./course-catalog.ts";
import { DEMO_MEMBERS } from "./demo-users.ts";

export { COURSES as DEMO_COURSES, CRAFTSMEN as DEMO_CRAFTSMEN, DEMO_COURSE_SLUG } from "./course-catalog.ts";

export interface SeedCoursesOptions {
  /** The app's data directory: clips go to <dataDir>/videos/<videoId>/hls/, as the transcoder writes them. */
  dataDir: string;
  /** Publication dates are spread over the months before this. */
  now?: Date;
  /** The ffmpeg to use; null seeds the video lessons as text. Default: found on PATH (FFMPEG_PATH). */
  ffmpegPath?: string | null;
  warn?: (message: string) => void;
}

/** Length of the generated demo clips, in seconds. */
export const DEMO_CLIP_SECONDS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A cuid-shaped id ([a-z0-9], 25 characters): what Prisma would generate, known before the insert. */
function newId(): string {
  return `c${[...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("")}`;
}

/** Phones of the seeded demo members, as seedDemoData numbers them. */
const memberPhones = DEMO_MEMBERS.map((_, index) => `1390000${String(index + 1).padStart(4, "0")}`);

/**
 * Seeds the demo courses into a database without courses. Returns how many it created: 0 when
 * courses exist already or the demo craftsman is missing (demo accounts were not seeded).
 */
export async function seedDemoCourses(prisma: PrismaClient, options: SeedCoursesOptions): Promise<number> {
  if ((await prisma.course.count()) > 0) return 0;
  const demoCraftsman = await prisma.user.findUnique({ where: { phone: DEMO_CRAFTSMAN_PHONE }, select: { id: true } });
  if (!demoCraftsman) return 0;

  const warn = options.warn ?? ((message: string) => console.warn(message));
  const now = options.now ?? new Date();
  const tradeIds = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const members = await prisma.user.findMany({ where: { phone: { in: memberPhones } }, orderBy: { phone: "asc" }, select: { id: true } });

  const plan = planCourses(COURSES, tradeIds, now);
  // ffmpeg and the password hash each keep a core busy: run them side by side.
  const [durations, newCraftsmen] = await Promise.all([
    renderDemoClips(plan.videoLessons.flatMap((lesson) => lesson.videoId ?? []), options, warn),
    craftsmanAccounts(tradeIds),
  ]);
  const clips = applyClips(plan, durations);
  const learning = planLearning(plan, members.map((member) => member.id), now);

  return prisma.$transaction(async (tx) => {
    // Checked again inside the transaction: two processes seeding one database create one catalogue.
    if ((await tx.course.count()) > 0) return 0;
    await tx.user.update({ where: { id: demoCraftsman.id }, data: { bio: CRAFTSMEN.gao.bio } });
    await tx.user.createMany({ data: newCraftsmen, skipDuplicates: true });
    const authorId = await authorIdsByKey(tx);

    await tx.course.createMany({ data: plan.courses.map(({ author, ...course }) => ({ ...course, authorId: authorId(author) })) });
    await tx.chapter.createMany({ data: plan.chapters });
    await tx.video.createMany({
      data: clips.map(({ id, author, durationSeconds }) => ({
        id,
        ownerId: authorId(author),
        provider: "local",
        status: "READY" as const,
        progress: 100,
        durationSeconds,
      })),
    });
    await tx.lesson.createMany({ data: plan.lessons });
    await tx.enrollment.createMany({ data: learning.enrollments });
    await tx.lessonProgress.createMany({ data: learning.progress });
    await tx.courseReview.createMany({ data: learning.reviews });
    await enqueueSearchUpdates(tx, plan.courses.map((course) => `course-${course.id}`));
    return plan.courses.length;
  });
}

/** The craftsmen other than the demo one; they share one random password: authors, not accounts to sign in with. */
async function craftsmanAccounts(tradeIds: Map<string, number>) {
  const passwordHash = await hashPassword(`demo-craftsman-${randomBytes(16).toString("hex")}`);
  return Object.values(CRAFTSMEN)
    .filter((craftsman) => craftsman.phone !== DEMO_CRAFTSMAN_PHONE)
    .map(({ tradeCode, ...craftsman }) => ({ ...craftsman, role: "CRAFTSMAN" as const, passwordHash, tradeId: tradeIds.get(tradeCode) ?? null }));
}

/** The user id of each craftsman key. */
async function authorIdsByKey(tx: DB.Prisma.TransactionClient): Promise<(key: CraftsmanKey) => string> {
  const phones = Object.values(CRAFTSMEN).map((craftsman) => craftsman.phone);
  const users = await tx.user.findMany({ where: { phone: { in: phones } }, select: { id: true, phone: true } });
  const idByPhone = new Map(users.map((user) => [user.phone, user.id]));
  return (key) => {
    const id = idByPhone.get(CRAFTSMEN[key].phone);
    if (!id) throw new Error(`demo craftsman ${CRAFTSMEN[key].phone} is missing`);
    return id;
  };
}

interface PlannedLesson {
  id: string;
  courseId: string;
  chapterId: string;
  title: string;
  kind: "VIDEO" | "TEXT";
  position: number;
  body: string;
  isPreview: boolean;
  durationSeconds: number;
  /** Set for the lessons that want a clip; cleared when no clip could be made. */
  videoId: string | null;
  createdAt: Date;
}

interface PlannedCourse {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  tradeId: number;
  level: CourseSeed["level"];
  format: "VIDEO" | "TEXT" | "MIXED";
  author: CraftsmanKey;
  status: "PUBLISHED";
  publishedAt: Date;
  lessonCount: number;
  durationSeconds: number;
  enrollmentCount: number;
  ratingCount: number;
  ratingSum: number;
  createdAt: Date;
}

interface CoursePlan {
  courses: PlannedCourse[];
  chapters: Array<{ id: string; courseId: string; title: string; position: number }>;
  lessons: PlannedLesson[];
  /** The lessons of `lessons` that asked for a clip. */
  videoLessons: PlannedLesson[];
  /** Each course's seed and its lessons in syllabus order, for enrolments. */
  syllabi: Array<{ seed: CourseSeed; course: PlannedCourse; lessons: PlannedLesson[] }>;
}

function courseDescription(seed: CourseSeed): string {
  const outline = seed.chapters.map((chapter, index) => `${index + 1}. ${chapter.title}`);
  return ["## 适合谁", "", seed.audience, "", "## 课程安排", "", ...outline].join("\n");
}

function planCourses(seeds: readonly CourseSeed[], tradeIds: Map<string, number>, now: Date): CoursePlan {
  const plan: CoursePlan = { courses: [], chapters: [], lessons: [], videoLessons: [], syllabi: [] };
  seeds.forEach((seed, index) => {
    const tradeId = tradeIds.get(seed.trade);
    if (tradeId === undefined) throw new Error(`demo course ${seed.slug}: unknown trade ${seed.trade}`);
    // Spread over the day too, so that "newest" has no ties.
    const publishedAt = new Date(now.getTime() - seed.daysAgo * DAY_MS - (index % 9) * HOUR_MS);
    const course: PlannedCourse = {
      id: newId(),
      slug: seed.slug,
      title: seed.title,
      summary: seed.summary,
      description: courseDescription(seed),
      tradeId,
      level: seed.level,
      format: "TEXT",
      author: seed.author,
      status: "PUBLISHED",
      publishedAt,
      lessonCount: 0,
      durationSeconds: 0,
      enrollmentCount: 0,
      ratingCount: 0,
      ratingSum: 0,
      createdAt: new Date(publishedAt.getTime() - 3 * DAY_MS),
    };
    const courseLessons: PlannedLesson[] = [];
    seed.chapters.forEach((chapterSeed, chapterPosition) => {
      const chapter = { id: newId(), courseId: course.id, title: chapterSeed.title, position: chapterPosition };
      plan.chapters.push(chapter);
      chapterSeed.lessons.forEach((lessonSeed, position) => {
        const lesson: PlannedLesson = {
          id: newId(),
          courseId: course.id,
          chapterId: chapter.id,
          title: lessonSeed.title,
          kind: lessonSeed.video ? "VIDEO" : "TEXT",
          position,
          body: lessonSeed.body,
          isPreview: lessonSeed.preview ?? false,
          durationSeconds: 0,
          videoId: lessonSeed.video ? newId() : null,
          createdAt: course.createdAt,
        };
        courseLessons.push(lesson);
        if (lesson.videoId) plan.videoLessons.push(lesson);
      });
    });
    course.lessonCount = courseLessons.length;
    plan.courses.push(course);
    plan.lessons.push(...courseLessons);
    plan.syllabi.push({ seed, course, lessons: courseLessons });
  });
  return plan;
}

/**
 * Video lessons without a clip become text lessons; then each course's duration and format follow
 * its lessons, as the course service derives them. Returns the Video rows to write.
 */
function applyClips(plan: CoursePlan, durations: Map<string, number>) {
  const clips: Array<{ id: string; author: CraftsmanKey; durationSeconds: number }> = [];
  for (const { course, lessons } of plan.syllabi) {
    for (const lesson of lessons) {
      const seconds = lesson.videoId === null ? undefined : durations.get(lesson.videoId);
      if (lesson.videoId !== null && seconds !== undefined) {
        lesson.durationSeconds = Math.round(seconds);
        clips.push({ id: lesson.videoId, author: course.author, durationSeconds: seconds });
      } else {
        lesson.kind = "TEXT";
        lesson.videoId = null;
      }
    }
    const videos = lessons.filter((lesson) => lesson.kind === "VIDEO").length;
    course.format = videos === 0 ? "TEXT" : videos === lessons.length ? "VIDEO" : "MIXED";
    course.durationSeconds = lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
  }
  return clips;
}

/**
 * Enrolments, progress and reviews by the demo members, chosen by rotation so that every run
 * gives the same picture. Nobody completes a whole course (that would need a certificate), and
 * the course counters are set from exactly these rows.
 */
function planLearning(plan: CoursePlan, memberIds: string[], now: Date) {
  const enrollments: Array<{ userId: string; courseId: string; createdAt: Date; lastLessonId: string | null; lastActivityAt: Date; completedLessons: number }> = [];
  const progress: Array<{ userId: string; lessonId: string; courseId: string; positionSeconds: number; completedAt: Date }> = [];
  const reviews: Array<{ userId: string; courseId: string; rating: number; body: string; createdAt: Date }> = [];
  if (memberIds.length === 0) return { enrollments, progress, reviews };

  plan.syllabi.forEach(({ seed, course, lessons }, courseIndex) => {
    const learners = Math.min(seed.learners, memberIds.length);
    const span = now.getTime() - course.publishedAt.getTime();
    for (let j = 0; j < learners; j++) {
      const userId = memberIds[(courseIndex * 5 + j) % memberIds.length]!;
      const enrolledAt = new Date(course.publishedAt.getTime() + (span * (j + 1)) / (learners + 2));
      const activityAt = new Date(enrolledAt.getTime() + (span / (learners + 2)) * 0.5);
      const done = (courseIndex + j) % lessons.length; // always fewer than all lessons
      for (const lesson of lessons.slice(0, done)) {
        progress.push({ userId, lessonId: lesson.id, courseId: course.id, positionSeconds: lesson.durationSeconds, completedAt: activityAt });
      }
      enrollments.push({
        userId,
        courseId: course.id,
        createdAt: enrolledAt,
        lastLessonId: done > 0 ? lessons[done]!.id : null,
        lastActivityAt: activityAt,
        completedLessons: done,
      });
      if (j < seed.reviews) {
        const rating = REVIEW_RATINGS[(courseIndex + j) % REVIEW_RATINGS.length]!;
        reviews.push({ userId, courseId: course.id, rating, body: REVIEW_TEXTS[(courseIndex * 2 + j) % REVIEW_TEXTS.length]!, createdAt: activityAt });
        course.ratingCount += 1;
        course.ratingSum += rating;
      }
    }
    course.enrollmentCount = learners;
  });
  return { enrollments, progress, reviews };
}

const execFileAsync = promisify(execFile);

/**
 * Makes the demo clips: one test pattern with a tone, encoded once and transcoded to HLS by the
 * video layer's own transcoder (the layout uploads get), then copied to every other video id —
 * copying is far cheaper than encoding the same picture again. Returns each made clip's duration;
 * without ffmpeg, or when it fails, it warns and returns none (those lessons become text).
 */
async function renderDemoClips(videoIds: string[], options: SeedCoursesOptions, warn: (message: string) => void): Promise<Map<string, number>> {
  const durations = new Map<string, number>();
  const [first, ...rest] = videoIds;
  if (!first) return durations;
  const ffmpegPath = options.ffmpegPath === undefined ? await findFfmpeg() : options.ffmpegPath;
  if (!ffmpegPath) {
    warn("ffmpeg not found: the demo video lessons are seeded as text lessons.");
    return durations;
  }
  const storage = createMediaStorage(options.dataDir);
  const source = `${await storage.tempFile()}.mp4`;
  try {
    await execFileAsync(
      ffmpegPath,
      [
        "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", `testsrc2=size=640x360:rate=25:duration=${DEMO_CLIP_SECONDS}`,
        "-f", "lavfi", "-i", `sine=frequency=440:duration=${DEMO_CLIP_SECONDS}`,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
        "-c:a", "aac", "-shortest", source,
      ],
      { timeout: 60_000 },
    );
    const { durationSeconds } = await transcodeToHls({ ffmpegPath, source, outDir: storage.hlsDir(first) });
    durations.set(first, durationSeconds);
    await Promise.all(
      rest.map(async (videoId) => {
        await cp(storage.hlsDir(first), storage.hlsDir(videoId), { recursive: true });
        durations.set(videoId, durationSeconds);
      }),
    );
  } catch (error) {
    warn(`Demo video clips could not be made (${(error as Error).message}); those lessons are seeded as text.`);
    await Promise.all(videoIds.map((videoId) => storage.removeVideoFiles(videoId)));
    durations.clear();
  } finally {
    await rm(source, { force: true });
  }
  return durations;
}
