// The demo course catalogue a fresh Jiangxin starts with: enough published courses to browse,
// counters that agree with their rows, the fixed course the end-to-end tests open, real HLS clips
// on disk, and a seed that runs once.
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { DEMO_COURSE_SLUG, DEMO_COURSES, DEMO_CRAFTSMEN } from "../../prisma/seed/courses.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

const NOW = new Date("2026-11-20T08:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

let db: TestDatabase;
let dataDir: string;
const warnings: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-courses-"));
  await seedDemoData(db.prisma, { dataDir, courses: { now: NOW, warn: (message) => warnings.push(message) } });
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every row the course seed writes, counted, plus the files under videos/. */
async function snapshot() {
  const p = db.prisma;
  const [users, courses, chapters, lessons, videos, enrollments, progress, reviews, outbox] = await Promise.all([
    p.user.count(),
    p.course.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true, enrollmentCount: true, ratingSum: true } }),
    p.chapter.count(),
    p.lesson.count(),
    p.video.count(),
    p.enrollment.count(),
    p.lessonProgress.count(),
    p.courseReview.count(),
    p.searchOutbox.count(),
  ]);
  const videoDirs = (await readdir(path.join(dataDir, "videos")).catch(() => [])).sort();
  return { users, courses, chapters, lessons, videos, enrollments, progress, reviews, outbox, videoDirs };
}

describe("the demo course seed", () => {
  it("publishes at least 30 courses over at least 15 trades by five craftsmen", async () => {
    const courses = await db.prisma.course.findMany({
      include: { author: { select: { role: true, bio: true, phone: true } }, trade: { select: { code: true } } },
    });
    expect(courses.length).toBe(DEMO_COURSES.length);
    expect(courses.length).toBeGreaterThanOrEqual(30);
    expect(courses.every((course) => course.status === "PUBLISHED" && course.publishedAt !== null)).toBe(true);
    expect(new Set(courses.map((course) => course.trade.code)).size).toBeGreaterThanOrEqual(15);

    const authors = new Set(courses.map((course) => course.author.phone));
    expect([...authors].sort()).toEqual(Object.values(DEMO_CRAFTSMEN).map((craftsman) => craftsman.phone).sort());
    expect(courses.every((course) => course.author.role === "CRAFTSMAN" && (course.author.bio ?? "").length > 10)).toBe(true);

    expect(new Set(courses.map((course) => course.level))).toEqual(new Set(["BEGINNER", "INTERMEDIATE", "ADVANCED"]));
    expect(new Set(courses.map((course) => course.format))).toEqual(new Set(["VIDEO", "TEXT", "MIXED"]));
    expect(courses.filter((course) => course.ratingCount > 0).length).toBeGreaterThanOrEqual(10);

    // Spread over the last months, none in the future, readable slugs.
    const published = courses.map((course) => course.publishedAt!.getTime());
    expect(Math.max(...published)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.max(...published) - Math.min(...published)).toBeGreaterThan(90 * DAY_MS);
    expect(courses.every((course) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(course.slug))).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("keeps every course counter equal to the rows it counts", async () => {
    const courses = await db.prisma.course.findMany({
      include: {
        chapters: { orderBy: { position: "asc" }, include: { lessons: { orderBy: { position: "asc" } } } },
        lessons: true,
        enrollments: true,
        reviews: true,
      },
    });
    for (const course of courses) {
      const lessons = course.lessons;
      const videos = lessons.filter((lesson) => lesson.kind === "VIDEO").length;
      expect(course.lessonCount, course.slug).toBe(lessons.length);
      expect(course.durationSeconds, course.slug).toBe(lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0));
      expect(course.format, course.slug).toBe(videos === 0 ? "TEXT" : videos === lessons.length ? "VIDEO" : "MIXED");
      expect(course.enrollmentCount, course.slug).toBe(course.enrollments.length);
      expect(course.ratingCount, course.slug).toBe(course.reviews.length);
      expect(course.ratingSum, course.slug).toBe(course.reviews.reduce((sum, review) => sum + review.rating, 0));
      expect(course.reviews.every((review) => review.rating >= 1 && review.rating <= 5)).toBe(true);

      // Positions are 0…n-1, and every lesson has real text.
      expect(course.chapters.map((chapter) => chapter.position)).toEqual(course.chapters.map((_, index) => index));
      for (const chapter of course.chapters) {
        expect(chapter.lessons.map((lesson) => lesson.position)).toEqual(chapter.lessons.map((_, index) => index));
        expect(chapter.lessons.every((lesson) => lesson.body.length > 40 && lesson.courseId === course.id)).toBe(true);
      }
      if (course.slug !== DEMO_COURSE_SLUG) {
        expect(course.chapters.length, course.slug).toBeGreaterThanOrEqual(2);
        expect(course.chapters.length, course.slug).toBeLessThanOrEqual(4);
        expect(course.chapters.every((chapter) => chapter.lessons.length >= 2 && chapter.lessons.length <= 4), course.slug).toBe(true);
      }

      // Reviewers are enrolled; each enrolment's progress matches its completed lessons.
      const enrolled = new Set(course.enrollments.map((enrollment) => enrollment.userId));
      expect(course.reviews.every((review) => enrolled.has(review.userId))).toBe(true);
      for (const enrollment of course.enrollments) {
        const done = await db.prisma.lessonProgress.count({
          where: { userId: enrollment.userId, courseId: course.id, completedAt: { not: null } },
        });
        expect(enrollment.completedLessons).toBe(done);
        expect(done).toBeLessThan(course.lessonCount);
        expect(enrollment.createdAt.getTime()).toBeGreaterThanOrEqual(course.publishedAt!.getTime());
      }
    }
    expect(await db.prisma.certificate.count()).toBe(0);
  });

  it("has the fixed end-to-end course: one chapter, a 12 s video lesson then a text lesson, nobody enrolled", async () => {
    const course = await db.prisma.course.findUniqueOrThrow({
      where: { slug: DEMO_COURSE_SLUG },
      include: {
        author: { select: { phone: true } },
        trade: { select: { code: true } },
        chapters: { include: { lessons: { orderBy: { position: "asc" }, include: { video: true } } } },
      },
    });
    expect(course).toMatchObject({ status: "PUBLISHED", title: "焊接入门：从引弧到平焊", format: "MIXED", enrollmentCount: 0, ratingCount: 0 });
    expect(course.author.phone).toBe("13800000002");
    expect(course.trade.code).toBe("welder");
    expect(course.chapters).toHaveLength(1);
    const [video, text] = course.chapters[0]!.lessons;
    expect(course.chapters[0]!.lessons).toHaveLength(2);
    expect(video).toMatchObject({ kind: "VIDEO", position: 0 });
    expect(video!.video).toMatchObject({ status: "READY", provider: "local" });
    expect(video!.durationSeconds).toBeGreaterThanOrEqual(10);
    expect(video!.durationSeconds).toBeLessThanOrEqual(13);
    expect(text).toMatchObject({ kind: "TEXT", position: 1, videoId: null });
    expect(await db.prisma.enrollment.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("gives every video lesson a READY local video with an HLS playlist and its segments on disk", async () => {
    const lessons = await db.prisma.lesson.findMany({ where: { kind: "VIDEO" }, include: { video: true } });
    expect(lessons.length).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.video.count()).toBe(lessons.length);
    for (const lesson of lessons) {
      expect(lesson.video).toMatchObject({ status: "READY", provider: "local", progress: 100 });
      expect(lesson.durationSeconds).toBe(Math.round(lesson.video!.durationSeconds!));
      const hls = path.join(dataDir, "videos", lesson.video!.id, "hls");
      const playlist = await readFile(path.join(hls, "index.m3u8"), "utf8");
      expect(playlist).toContain("#EXT-X-ENDLIST");
      const segments = playlist.split("\n").filter((line) => line.endsWith(".ts"));
      expect(segments.length).toBeGreaterThanOrEqual(2);
      for (const segment of segments) expect((await stat(path.join(hls, segment))).size).toBeGreaterThan(0);
    }
    // Nothing left behind by the clip generation.
    expect(await readdir(path.join(dataDir, "tmp"))).toEqual([]);
  });

  it("queues every course for the search index", async () => {
    const courses = await db.prisma.course.findMany({ select: { id: true } });
    const queued = new Set((await db.prisma.searchOutbox.findMany({ select: { docId: true } })).map((row) => row.docId));
    expect(courses.every((course) => queued.has(`course-${course.id}`))).toBe(true);
  });

  it("changes nothing when it runs again", async () => {
    const before = await snapshot();
    expect(before.courses.length).toBeGreaterThanOrEqual(30);
    expect(await seedDemoData(db.prisma, { dataDir, courses: { now: NOW } })).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the demo course seed without ffmpeg", () => {
  it("seeds the video lessons as text lessons and says so", async () => {
    const bare = await createTestDatabase();
    const bareDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-noffmpeg-"));
    try {
      const said: string[] = [];
      await seedDemoData(bare.prisma, { dataDir: bareDir, courses: { now: NOW, ffmpegPath: null, warn: (message) => said.push(message) } });
      // The livestream seed follows the course seed's ffmpeg and warnings: it says so too.
      expect(said).toEqual([expect.stringContaining("video lessons are seeded as text"), expect.stringContaining("livestream replays are not seeded")]);
      expect(await bare.prisma.course.count()).toBe(DEMO_COURSES.length);
      expect(await bare.prisma.video.count()).toBe(0);
      expect(await bare.prisma.lesson.count({ where: { kind: "VIDEO" } })).toBe(0);
      const demo = await bare.prisma.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE_SLUG } });
      expect(demo).toMatchObject({ format: "TEXT", durationSeconds: 0, lessonCount: 2 });
      expect(await readdir(path.join(bareDir, "videos")).catch(() => [])).toEqual([]);
    } finally {
      await bare.cleanup();
      await rm(bareDir, { recursive: true, force: true });
    }
  });
});
