// Courses through the course service, as routes call it: authoring and its permissions, the catalog,
// enrolment, lesson access, progress, certificates, reviews, reordering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { CERTIFICATE_CODE } from "../../server/courses/schema.ts";
import { AppError } from "../../server/errors.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;
let craftsman: Viewer;
let otherCraftsman: Viewer;
let admin: Viewer;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock();
  services = createTestServices(db, { clock });
  craftsman = await viewer("CRAFTSMAN");
  otherCraftsman = await viewer("CRAFTSMAN");
  admin = await viewer("ADMIN");
});

afterAll(async () => {
  await db?.cleanup();
});

async function viewer(role: Viewer["role"] = "WORKER", displayName?: string): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions, { role, ...(displayName ? { displayName } : {}) })).viewer;
}

const rejection = (kind: AppError["kind"], messageKey?: string) =>
  expect.objectContaining({ name: "AppError", kind, ...(messageKey ? { messageKey } : {}) });

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

const courseInput = (overrides: Record<string, string> = {}) => ({
  title: "焊接入门：从引弧到平焊",
  summary: "手工电弧焊的安全、引弧和平焊操作。",
  description: "## 课程目标\n\n掌握**平焊**。",
  trade: "welder",
  level: "BEGINNER",
  ...overrides,
});

interface Built {
  id: string;
  slug: string;
  chapters: string[];
  video: string;
  text: string;
  text2: string;
  videoId: string;
}

/** A published course: chapter 1 holds a 100 s video lesson and a text lesson; chapter 2 a text lesson. */
async function publishedCourse(author = craftsman, overrides: Record<string, string> = {}): Promise<Built> {
  const { id } = ok(await services.courses.createCourse(author, courseInput(overrides)));
  const first = ok(await services.courses.addChapter(author, id, { title: "安全与准备" })).id;
  const second = ok(await services.courses.addChapter(author, id, { title: "平焊" })).id;
  const video = ok(await services.courses.addLesson(author, first, { title: "引弧示范", kind: "VIDEO" })).id;
  const text = ok(await services.courses.addLesson(author, first, { title: "安全要点", kind: "TEXT", body: "戴好**面罩**。" })).id;
  const text2 = ok(await services.courses.addLesson(author, second, { title: "平焊步骤", kind: "TEXT", body: "1. 清理坡口" })).id;
  const videoRow = await db.prisma.video.create({ data: { ownerId: author.id, provider: "local", status: "READY" } });
  await services.courses.attachVideo(author, video, videoRow.id);
  await services.courses.videoReady(videoRow.id, 100);
  ok(await services.courses.setPublished(author, id, true));
  const { slug } = await db.prisma.course.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  return { id, slug, chapters: [first, second], video, text, text2, videoId: videoRow.id };
}

describe("authoring", () => {
  it("lets craftsmen and admins create courses, not workers or strangers", async () => {
    const worker = await viewer();
    await expect(services.courses.createCourse(worker, courseInput())).rejects.toEqual(rejection("forbidden"));
    await expect(services.courses.createCourse(null, courseInput())).rejects.toEqual(rejection("unauthorized"));
    expect(ok(await services.courses.createCourse(craftsman, courseInput())).id).toBeTruthy();
    expect(ok(await services.courses.createCourse(admin, courseInput())).id).toBeTruthy();
  });

  it("reports each bad field by key and writes nothing", async () => {
    const before = await db.prisma.course.count();
    const result = await services.courses.createCourse(craftsman, { title: " ", summary: "x".repeat(301), trade: "welder", level: "EXPERT" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { title: "course.title.required", summary: "course.summary.tooLong", level: "course.level.invalid" },
    });
    expect(await services.courses.createCourse(craftsman, courseInput({ trade: "astronaut" }))).toEqual({
      ok: false,
      fieldErrors: { trade: "course.trade.invalid" },
    });
    expect(await services.courses.createCourse(craftsman, "not an object")).toMatchObject({ ok: false });
    expect(await db.prisma.course.count()).toBe(before);
  });

  it("refuses another craftsman's course (403) and lets an admin edit any", async () => {
    const { id } = ok(await services.courses.createCourse(craftsman, courseInput()));
    await expect(services.courses.updateCourse(otherCraftsman, id, courseInput({ title: "改名" }))).rejects.toEqual(rejection("forbidden"));
    await expect(services.courses.addChapter(otherCraftsman, id, { title: "章" })).rejects.toEqual(rejection("forbidden"));
    await expect(services.courses.studioCourse(otherCraftsman, id)).rejects.toEqual(rejection("forbidden"));
    ok(await services.courses.updateCourse(admin, id, courseInput({ title: "管理员改过的标题" })));
    expect((await services.courses.studioCourse(craftsman, id)).title).toBe("管理员改过的标题");
    await expect(services.courses.updateCourse(craftsman, "no-such-course", courseInput())).rejects.toEqual(rejection("notFound"));
  });

  it("lists a craftsman's own courses in the studio, and every course for admins", async () => {
    const mine = ok(await services.courses.createCourse(otherCraftsman, courseInput({ title: "只属于我的课" }))).id;
    const own = await services.courses.studioList(otherCraftsman);
    expect(own.every((row) => row.craftsman.id === otherCraftsman.id)).toBe(true);
    expect(own.map((row) => row.id)).toContain(mine);
    expect((await services.courses.studioList(admin)).map((row) => row.id)).toContain(mine);
    await expect(services.courses.studioList(await viewer())).rejects.toEqual(rejection("forbidden"));
  });

  it("refuses to publish a course without lessons, and publishes one with lessons, writing a search outbox row", async () => {
    const { id } = ok(await services.courses.createCourse(craftsman, courseInput()));
    expect(await services.courses.setPublished(craftsman, id, true)).toEqual({ ok: false, fieldErrors: {}, formError: "studio.publish.noLessons" });
    const chapter = ok(await services.courses.addChapter(craftsman, id, { title: "第一章" })).id;
    ok(await services.courses.addLesson(craftsman, chapter, { title: "第一课", kind: "TEXT", body: "正文" }));
    ok(await services.courses.setPublished(craftsman, id, true));
    const course = await db.prisma.course.findUniqueOrThrow({ where: { id } });
    expect(course).toMatchObject({ status: "PUBLISHED", lessonCount: 1, format: "TEXT" });
    expect(course.publishedAt).toEqual(clock.now());
    expect(await db.prisma.searchOutbox.count({ where: { docId: `course-${id}` } })).toBeGreaterThan(0);
  });

  it("keeps counters and format in step with the lessons", async () => {
    const built = await publishedCourse();
    const course = await db.prisma.course.findUniqueOrThrow({ where: { id: built.id } });
    expect(course).toMatchObject({ lessonCount: 3, durationSeconds: 100, format: "MIXED" });
    await services.courses.deleteLesson(craftsman, built.text);
    await services.courses.deleteChapter(craftsman, built.chapters[1]!);
    expect(await db.prisma.course.findUniqueOrThrow({ where: { id: built.id } })).toMatchObject({
      lessonCount: 1,
      durationSeconds: 100,
      format: "VIDEO",
    });
  });

  it("removes the video of a deleted lesson, and of every lesson in a deleted chapter", async () => {
    const built = await publishedCourse();
    await services.courses.deleteLesson(craftsman, built.video);
    expect(await db.prisma.video.findUnique({ where: { id: built.videoId } })).toBeNull();

    const other = await publishedCourse();
    await services.courses.deleteChapter(craftsman, other.chapters[0]!);
    expect(await db.prisma.video.findUnique({ where: { id: other.videoId } })).toBeNull();
    expect(await db.prisma.lesson.count({ where: { courseId: other.id } })).toBe(1);
  });

  it("validates lessons: a video lesson needs the VIDEO kind, bad kinds are refused", async () => {
    const { id } = ok(await services.courses.createCourse(craftsman, courseInput()));
    const chapter = ok(await services.courses.addChapter(craftsman, id, { title: "章" })).id;
    expect(await services.courses.addLesson(craftsman, chapter, { title: "课", kind: "AUDIO" })).toEqual({
      ok: false,
      fieldErrors: { kind: "lesson.kind.invalid" },
    });
    const text = ok(await services.courses.addLesson(craftsman, chapter, { title: "课", kind: "TEXT" })).id;
    const video = await db.prisma.video.create({ data: { ownerId: craftsman.id, provider: "local", status: "PROCESSING" } });
    await expect(services.courses.attachVideo(craftsman, text, video.id)).rejects.toEqual(rejection("forbidden"));
    expect(await services.courses.addChapter(craftsman, id, { title: "" })).toEqual({
      ok: false,
      fieldErrors: { title: "chapter.title.required" },
    });
  });
});

describe("reordering", () => {
  async function layout(courseId: string) {
    const chapters = await db.prisma.chapter.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      include: { lessons: { orderBy: { position: "asc" } } },
    });
    return chapters.map((chapter) => chapter.lessons.map((lesson) => lesson.title));
  }

  it("moves a lesson within its chapter and past its end into the next chapter", async () => {
    const built = await publishedCourse();
    let version = (await services.courses.studioCourse(craftsman, built.id)).syllabusVersion;
    ok(await services.courses.move(craftsman, { target: "lesson", id: built.video, direction: "down", version }));
    expect(await layout(built.id)).toEqual([["安全要点", "引弧示范"], ["平焊步骤"]]);
    version = (await services.courses.studioCourse(craftsman, built.id)).syllabusVersion;
    ok(await services.courses.move(craftsman, { target: "lesson", id: built.video, direction: "down", version }));
    expect(await layout(built.id)).toEqual([["安全要点"], ["引弧示范", "平焊步骤"]]);
    version = (await services.courses.studioCourse(craftsman, built.id)).syllabusVersion;
    ok(await services.courses.move(craftsman, { target: "chapter", id: built.chapters[1], direction: "up", version }));
    expect(await layout(built.id)).toEqual([["引弧示范", "平焊步骤"], ["安全要点"]]);
  });

  it("refuses a move made on a stale page and changes nothing", async () => {
    const built = await publishedCourse();
    const stale = (await services.courses.studioCourse(craftsman, built.id)).syllabusVersion;
    ok(await services.courses.addLesson(craftsman, built.chapters[1]!, { title: "新课", kind: "TEXT" }));
    const before = await layout(built.id);
    expect(await services.courses.move(craftsman, { target: "lesson", id: built.text, direction: "up", version: stale })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "studio.reorder.stale",
    });
    expect(await layout(built.id)).toEqual(before);
  });

  it("refuses a full reorder that leaves out a lesson, so no lesson is lost", async () => {
    const built = await publishedCourse();
    const { syllabusVersion: version } = await services.courses.studioCourse(craftsman, built.id);
    const missing = { version, chapters: [{ id: built.chapters[0], lessonIds: [built.video] }, { id: built.chapters[1], lessonIds: [built.text2] }] };
    expect(await services.courses.reorder(craftsman, built.id, missing)).toMatchObject({ ok: false, formError: "studio.reorder.stale" });
    const duplicated = { version, chapters: [{ id: built.chapters[0], lessonIds: [built.video, built.text, built.text] }, { id: built.chapters[1], lessonIds: [built.text2] }] };
    expect(await services.courses.reorder(craftsman, built.id, duplicated)).toMatchObject({ ok: false });
    expect(await db.prisma.lesson.count({ where: { courseId: built.id } })).toBe(3);
    const swapped = { version, chapters: [{ id: built.chapters[1], lessonIds: [built.text, built.text2] }, { id: built.chapters[0], lessonIds: [built.video] }] };
    ok(await services.courses.reorder(craftsman, built.id, swapped));
    expect(await layout(built.id)).toEqual([["安全要点", "平焊步骤"], ["引弧示范"]]);
  });

  it("lets only one of two concurrent moves from the same page win", async () => {
    const built = await publishedCourse();
    const { syllabusVersion: version } = await services.courses.studioCourse(craftsman, built.id);
    const results = await Promise.all([
      services.courses.move(craftsman, { target: "lesson", id: built.video, direction: "down", version }),
      services.courses.move(craftsman, { target: "lesson", id: built.text2, direction: "up", version }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await layout(built.id)).flat().sort()).toEqual(["安全要点", "平焊步骤", "引弧示范"].sort());
  });
});

describe("the catalog", () => {
  it("shows published courses only, filters by trade, level and format, and pages", async () => {
    const published = await publishedCourse(craftsman, { trade: "forklift-driver", level: "ADVANCED", title: "叉车高级驾驶" });
    const draft = ok(await services.courses.createCourse(craftsman, courseInput({ trade: "forklift-driver", title: "叉车草稿" }))).id;
    const page = await services.courses.catalog(null, { trade: "forklift-driver" });
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft);
    expect(page.items.every((item) => item.trade.code === "forklift-driver")).toBe(true);
    expect((await services.courses.catalog(null, { trade: "forklift-driver", level: "BEGINNER" })).items.map((i) => i.id)).not.toContain(published.id);
    expect((await services.courses.catalog(null, { trade: "forklift-driver", format: "MIXED" })).items.map((i) => i.id)).toContain(published.id);
    const card = page.items.find((item) => item.id === published.id)!;
    expect(card).toMatchObject({ lessonCount: 3, durationSeconds: 100, level: "ADVANCED", craftsman: { id: craftsman.id } });
  });

  it("ignores unknown filters with a notice instead of failing", async () => {
    const page = await services.courses.catalog(null, { trade: "astronaut", level: "EXPERT", sort: "random", page: "-4" });
    expect(page.notices).toEqual(["courses.notice.unknownTrade"]);
    expect(page.query).toMatchObject({ trade: null, level: null, sort: "newest" });
    expect(page.page).toBe(1);
  });

  it("sorts by most enrolled", async () => {
    const quiet = await publishedCourse(craftsman, { trade: "crane-signaler-rigger" });
    const popular = await publishedCourse(craftsman, { trade: "crane-signaler-rigger" });
    for (let i = 0; i < 2; i++) await services.courses.enroll(await viewer(), popular.slug);
    const ids = (await services.courses.catalog(null, { trade: "crane-signaler-rigger", sort: "popular" })).items.map((i) => i.id);
    expect(ids.indexOf(popular.id)).toBeLessThan(ids.indexOf(quiet.id));
  });

  it("hides a draft's page from workers but not from its author or an admin", async () => {
    const { id } = ok(await services.courses.createCourse(craftsman, courseInput()));
    const { slug } = await db.prisma.course.findUniqueOrThrow({ where: { id } });
    await expect(services.courses.detail(await viewer(), slug)).rejects.toEqual(rejection("notFound"));
    await expect(services.courses.detail(null, slug)).rejects.toEqual(rejection("notFound"));
    expect((await services.courses.detail(craftsman, slug)).viewer.canEdit).toBe(true);
    expect((await services.courses.detail(admin, slug)).status).toBe("DRAFT");
    await expect(services.courses.enroll(await viewer(), slug)).rejects.toEqual(rejection("notFound"));
  });
});

describe("learning", () => {
  it("renders Markdown without letting script or event handlers through", async () => {
    const built = await publishedCourse(craftsman, {
      description: '<script>alert(1)</script><img src=x onerror="alert(2)"> [link](javascript:alert(3)) **粗体**',
    });
    const { descriptionHtml } = await services.courses.detail(null, built.slug);
    expect(descriptionHtml).toContain("<strong>粗体</strong>");
    expect(descriptionHtml).not.toMatch(/<script|<img|href="javascript/i);
    expect(descriptionHtml).toContain("&lt;script&gt;");
  });

  it("enrols once however often the button is pressed", async () => {
    const built = await publishedCourse();
    const worker = await viewer();
    const results = await Promise.all([services.courses.enroll(worker, built.slug), services.courses.enroll(worker, built.slug)]);
    expect(results[0].firstLessonId).toBe(built.video);
    expect((await db.prisma.course.findUniqueOrThrow({ where: { id: built.id } })).enrollmentCount).toBe(1);
    await expect(services.courses.enroll(null, built.slug)).rejects.toEqual(rejection("unauthorized"));
  });

  it("sends a worker who is not enrolled to the course page, except for preview lessons", async () => {
    const built = await publishedCourse();
    const worker = await viewer();
    expect(await services.courses.lesson(worker, built.slug, built.text)).toEqual({ access: "enrollFirst", slug: built.slug });
    expect(await services.courses.lesson(null, built.slug, built.text)).toEqual({ access: "enrollFirst", slug: built.slug });
    ok(await services.courses.updateLesson(craftsman, built.text, { title: "安全要点", body: "试看", isPreview: "on" }));
    const preview = await services.courses.lesson(null, built.slug, built.text);
    expect(preview.access).toBe("granted");
    await expect(services.courses.lesson(worker, built.slug, "not-a-lesson")).rejects.toEqual(rejection("notFound"));
    // A lesson id of another course is not found through this course.
    const other = await publishedCourse();
    await expect(services.courses.lesson(worker, built.slug, other.text)).rejects.toEqual(rejection("notFound"));
  });

  it("remembers the video position, completes at 90 % and issues a certificate when every lesson is done", async () => {
    const built = await publishedCourse(craftsman, { title: "电工基础" });
    const worker = await viewer("WORKER", "王师傅");
    await services.courses.enroll(worker, built.slug);

    const first = await services.courses.lesson(worker, built.slug, built.video);
    if (first.access !== "granted") throw new Error("expected access");
    expect(first.page.lesson.video).toEqual({ status: "READY", playbackUrl: `/media/videos/${built.videoId}/index.m3u8` });
    expect(first.page.progress).toEqual({ positionSeconds: 0, completed: false });
    expect(first.page.next).toEqual({ id: built.text, title: "安全要点" });

    expect(await services.courses.saveProgress(worker, built.video, { positionSeconds: "42.5" })).toMatchObject({ completed: false, completedLessons: 0 });
    const resumed = await services.courses.lesson(worker, built.slug, built.video);
    expect(resumed.access === "granted" && resumed.page.progress).toEqual({ positionSeconds: 42.5, completed: false });

    // A position beyond the end is clamped to the real duration, not trusted.
    expect(await services.courses.saveProgress(worker, built.video, { positionSeconds: 5000 })).toMatchObject({ completed: true, completedLessons: 1 });
    expect(await db.prisma.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: worker.id, lessonId: built.video } } })).toMatchObject({ positionSeconds: 100 });

    await expect(services.courses.completeLesson(worker, built.video)).rejects.toEqual(rejection("forbidden"));
    expect(await services.courses.completeLesson(worker, built.text)).toMatchObject({ completedLessons: 2, certificateCode: null });
    const last = await services.courses.completeLesson(worker, built.text2);
    expect(last).toMatchObject({ completedLessons: 3, lessonCount: 3 });
    expect(last.certificateCode).toMatch(CERTIFICATE_CODE);
    // Completing again does not issue a second certificate.
    expect((await services.courses.completeLesson(worker, built.text2)).certificateCode).toBe(last.certificateCode);
    expect(await db.prisma.certificate.count({ where: { userId: worker.id } })).toBe(1);

    const certificate = await services.courses.certificate(null, last.certificateCode!.toLowerCase());
    expect(certificate).toMatchObject({ recipientName: "王师傅", courseTitle: "电工基础", courseSlug: built.slug, isOwner: false });
    expect((await services.courses.certificate(worker, last.certificateCode!)).isOwner).toBe(true);
    await expect(services.courses.certificate(null, "JX-AAAA-BBBB-CCCC")).rejects.toEqual(rejection("notFound"));
    await expect(services.courses.certificate(null, "x".repeat(500))).rejects.toEqual(rejection("notFound"));

    const detail = await services.courses.detail(worker, built.slug);
    expect(detail.viewer).toMatchObject({ enrolled: true, completedLessons: 3, certificateCode: last.certificateCode });
    expect(detail.chapters.flatMap((c) => c.lessons).every((lesson) => lesson.completed)).toBe(true);
  });

  it("refuses progress from workers who are not enrolled, and bad positions", async () => {
    const built = await publishedCourse();
    const worker = await viewer();
    await expect(services.courses.saveProgress(worker, built.video, { positionSeconds: 10 })).rejects.toEqual(rejection("forbidden"));
    await expect(services.courses.saveProgress(null, built.video, { positionSeconds: 10 })).rejects.toEqual(rejection("unauthorized"));
    await services.courses.enroll(worker, built.slug);
    for (const positionSeconds of ["abc", -1, "Infinity", 10 ** 9]) {
      await expect(services.courses.saveProgress(worker, built.video, { positionSeconds })).rejects.toEqual(rejection("invalid", "progress.invalid"));
    }
    await expect(services.courses.saveProgress(worker, "not-a-lesson", { positionSeconds: 1 })).rejects.toEqual(rejection("notFound"));
  });

  it("shows My learning with the lesson to continue, most recent first", async () => {
    const worker = await viewer();
    const older = await publishedCourse();
    const newer = await publishedCourse();
    await services.courses.enroll(worker, older.slug);
    clock.advance(60_000);
    await services.courses.enroll(worker, newer.slug);
    clock.advance(60_000);
    await services.courses.lesson(worker, newer.slug, newer.text);
    await services.courses.completeLesson(worker, newer.text);
    const items = await services.courses.learning(worker);
    expect(items.map((item) => item.course.id)).toEqual([newer.id, older.id]);
    expect(items[0]).toMatchObject({ continueLessonId: newer.text, completedLessons: 1, percent: 33 });
    expect(items[1]).toMatchObject({ continueLessonId: older.video, continueLessonTitle: "引弧示范", percent: 0 });
    await expect(services.courses.learning(null)).rejects.toEqual(rejection("unauthorized"));
  });
});

describe("reviews", () => {
  it("accepts one editable review per enrolled worker and keeps the average right", async () => {
    const built = await publishedCourse();
    const worker = await viewer();
    await expect(services.courses.review(worker, built.slug, { rating: "5" })).rejects.toEqual(rejection("forbidden"));
    await services.courses.enroll(worker, built.slug);
    expect(await services.courses.review(worker, built.slug, { rating: "6" })).toEqual({ ok: false, fieldErrors: { rating: "review.rating.required" } });
    expect(await services.courses.review(worker, built.slug, { rating: "4", body: "x".repeat(1001) })).toEqual({
      ok: false,
      fieldErrors: { body: "review.body.tooLong" },
    });
    ok(await services.courses.review(worker, built.slug, { rating: "4", body: "讲得清楚" }));
    ok(await services.courses.review(worker, built.slug, { rating: "2", body: "改主意了" }));
    const another = await viewer();
    await services.courses.enroll(another, built.slug);
    ok(await services.courses.review(another, built.slug, { rating: "5" }));
    const detail = await services.courses.detail(worker, built.slug);
    expect(detail).toMatchObject({ rating: 3.5, ratingCount: 2 });
    expect(detail.viewer.myReview).toEqual({ rating: 2, body: "改主意了" });
    expect(detail.reviews).toHaveLength(2);
  });
});

describe("who may watch a video", () => {
  it("lets editors, enrolled workers and preview viewers watch, and nobody else", async () => {
    const built = await publishedCourse();
    const worker = await viewer();
    expect(await services.courses.canWatchVideo(craftsman, built.videoId)).toBe(true);
    expect(await services.courses.canWatchVideo(admin, built.videoId)).toBe(true);
    expect(await services.courses.canWatchVideo(otherCraftsman, built.videoId)).toBe(false);
    expect(await services.courses.canWatchVideo(worker, built.videoId)).toBe(false);
    expect(await services.courses.canWatchVideo(null, built.videoId)).toBe(false);
    await services.courses.enroll(worker, built.slug);
    expect(await services.courses.canWatchVideo(worker, built.videoId)).toBe(true);
    ok(await services.courses.updateLesson(craftsman, built.video, { title: "引弧示范", isPreview: "on" }));
    expect(await services.courses.canWatchVideo(null, built.videoId)).toBe(true);
    ok(await services.courses.setPublished(craftsman, built.id, false));
    expect(await services.courses.canWatchVideo(null, built.videoId)).toBe(false);
    expect(await services.courses.canWatchVideo(worker, built.videoId)).toBe(false);
    expect(await services.courses.canWatchVideo(craftsman, built.videoId)).toBe(true);
    expect(await services.courses.canWatchVideo(worker, "no-such-video")).toBe(false);
  });
});
