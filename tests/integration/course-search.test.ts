// Courses in search: only published courses are in the index, they follow publishing,
// unpublishing and deletion through the outbox, and workers find them in their own words.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { DEMO_COURSE_SLUG } from "../../prisma/seed/courses.ts";
import type { Services } from "../../server/context.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let authorId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db);
  authorId = (await createUser(db.prisma, { role: "CRAFTSMAN", displayName: "赵德胜" })).id;
  await services.searchSync.rebuild();
  await services.searchSync.drain();
});

afterAll(async () => {
  await db?.cleanup();
});

let slugCounter = 0;

/** A course written straight to the database with its outbox row, as the course service does. */
async function createCourse(input: { title: string; trade: string; status: "DRAFT" | "PUBLISHED"; summary?: string; lessons?: string[] }) {
  const trade = await db.prisma.trade.findUniqueOrThrow({ where: { code: input.trade } });
  const lessons = input.lessons ?? ["安全须知", "实操步骤"];
  return db.prisma.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        slug: `search-test-${++slugCounter}`,
        title: input.title,
        summary: input.summary ?? "一门用来测试搜索的课程。",
        tradeId: trade.id,
        level: "BEGINNER",
        authorId,
        status: input.status,
        publishedAt: input.status === "PUBLISHED" ? new Date("2026-10-01T00:00:00.000Z") : null,
        lessonCount: lessons.length,
        chapters: { create: { title: "第一章 基础", position: 0 } },
      },
      include: { chapters: true },
    });
    await tx.lesson.createMany({
      data: lessons.map((title, position) => ({ courseId: course.id, chapterId: course.chapters[0]!.id, title, kind: "TEXT" as const, position })),
    });
    await enqueueSearchUpdates(tx, [`course-${course.id}`]);
    return course;
  });
}

async function courseHits(q: string) {
  const page = await services.search.search({ q, type: "course" });
  return page.result.hits.map((hit) => hit.doc);
}

describe("courses in search", () => {
  it("indexes a published course after a drain, linking to its page with its trade, level and lesson count", async () => {
    const course = await createCourse({ title: "手工电弧焊平焊技巧", trade: "welder", status: "PUBLISHED" });
    expect(await courseHits("平焊技巧")).toEqual([]);

    await services.searchSync.drain();
    const [hit] = await courseHits("平焊技巧");
    expect(hit).toMatchObject({
      id: `course-${course.id}`,
      type: "course",
      title: "手工电弧焊平焊技巧",
      url: `/courses/${course.slug}`,
      tradeCode: "welder",
      tradeName: { zh: "焊工", en: "Welder" },
      publishedAt: "2026-10-01T00:00:00.000Z",
      extra: { level: "BEGINNER", lessonCount: 2 },
    });
    expect(hit!.body).toContain("赵德胜");
  });

  it("finds a course by a lesson title and by a trade word the course never uses (synonyms)", async () => {
    const course = await createCourse({
      title: "电焊实操：角焊缝",
      trade: "electric-welder",
      status: "PUBLISHED",
      summary: "T 形接头的焊脚尺寸与常见缺陷。",
      lessons: ["焊脚尺寸的测量", "咬边的预防"],
    });
    const lathe = await createCourse({ title: "数控车床对刀", trade: "turner", status: "PUBLISHED", summary: "试切法对刀与刀补。" });
    await services.searchSync.drain();

    expect((await courseHits("咬边")).map((doc) => doc.id)).toContain(`course-${course.id}`);
    // Nothing in the course says 焊接; the trade vocabulary links it to 电焊.
    expect((await courseHits("焊接")).map((doc) => doc.id)).toContain(`course-${course.id}`);
    // A Latin query reaches a Chinese title: cnc → 数控.
    expect((await courseHits("cnc")).map((doc) => doc.id)).toContain(`course-${lathe.id}`);
  });

  it("never indexes a draft, on a drain or on a full rebuild", async () => {
    const draft = await createCourse({ title: "草稿：叉车倒车入库", trade: "forklift-driver", status: "DRAFT" });
    const published = await createCourse({ title: "叉车倒车入库技巧", trade: "forklift-driver", status: "PUBLISHED" });
    await services.searchSync.drain();
    const found = async () => (await courseHits("倒车入库")).map((doc) => doc.id);
    expect(await found()).toContain(`course-${published.id}`);
    expect(await found()).not.toContain(`course-${draft.id}`);

    await services.searchSync.rebuild();
    expect(await found()).toContain(`course-${published.id}`);
    expect(await found()).not.toContain(`course-${draft.id}`);
  });

  it("removes a course when it is unpublished, and brings it back when it is published again", async () => {
    const course = await createCourse({ title: "锅炉水位计冲洗", trade: "boiler-operator", status: "PUBLISHED" });
    await services.searchSync.drain();
    expect((await courseHits("水位计冲洗")).map((doc) => doc.id)).toContain(`course-${course.id}`);

    const setStatus = (status: "DRAFT" | "PUBLISHED") =>
      db.prisma.$transaction(async (tx) => {
        await tx.course.update({ where: { id: course.id }, data: { status } });
        await enqueueSearchUpdates(tx, [`course-${course.id}`]);
      });
    await setStatus("DRAFT");
    await services.searchSync.drain();
    expect((await courseHits("水位计冲洗")).map((doc) => doc.id)).not.toContain(`course-${course.id}`);

    await setStatus("PUBLISHED");
    await services.searchSync.drain();
    expect((await courseHits("水位计冲洗")).map((doc) => doc.id)).toContain(`course-${course.id}`);
  });

  it("removes a deleted course", async () => {
    const course = await createCourse({ title: "电梯门锁啮合检查", trade: "elevator-installer-repairer", status: "PUBLISHED" });
    await services.searchSync.drain();
    expect((await courseHits("门锁啮合")).map((doc) => doc.id)).toContain(`course-${course.id}`);

    await db.prisma.$transaction(async (tx) => {
      await tx.course.delete({ where: { id: course.id } });
      await enqueueSearchUpdates(tx, [`course-${course.id}`]);
    });
    await services.searchSync.drain();
    expect((await courseHits("门锁啮合")).map((doc) => doc.id)).not.toContain(`course-${course.id}`);
    expect(await db.prisma.searchOutbox.count()).toBe(0);
  });
});

describe("the seeded demo catalogue in search", () => {
  it("is searchable as soon as the seed's outbox rows are applied, with ratings on rated courses", async () => {
    const fresh = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-course-search-"));
    try {
      const freshServices = createTestServices(fresh);
      await seedDemoData(fresh.prisma, { dataDir, courses: { ffmpegPath: null, warn: () => {} } });
      await freshServices.searchSync.drain();
      const search = async (q: string) => (await freshServices.search.search({ q, type: "course" })).result;

      const published = await fresh.prisma.course.count({ where: { status: "PUBLISHED" } });
      expect(published).toBeGreaterThanOrEqual(30);
      expect((await search("")).total).toBe(published);

      expect((await search("焊接入门")).hits[0]?.doc.url).toBe(`/courses/${DEMO_COURSE_SLUG}`);
      const forklift = (await search("铲车")).hits.find((hit) => hit.doc.url === "/courses/forklift-safe-driving");
      expect(forklift?.doc.extra?.rating).toBeGreaterThanOrEqual(1);
    } finally {
      await fresh.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
