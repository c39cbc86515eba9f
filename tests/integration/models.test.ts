// The schema as applied by the migrations (not by `prisma db push`): every model round-trips
// through the generated client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRADE_CATEGORIES, TRADES } from "../../prisma/seed/trades.ts";
import { syncTrades } from "../../prisma/seed.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.cleanup();
});

describe("a database migrated from empty supports every model", () => {
  it("holds the trade catalogue, and syncing it again adds nothing", async () => {
    expect(await db.prisma.tradeCategory.count()).toBe(TRADE_CATEGORIES.length);
    expect(await db.prisma.trade.count()).toBe(TRADES.length);
    const welder = await db.prisma.trade.findUnique({ where: { code: "welder" }, include: { category: true } });
    expect(welder).toMatchObject({ nameZh: "焊工", nameEn: "Welder", category: { code: "welding", nameZh: "焊接" } });

    expect(await syncTrades(db.prisma)).toBe(0);
    expect(await db.prisma.trade.count()).toBe(TRADES.length);
  });

  it("creates and reads back a trade category with its trades", async () => {
    await db.prisma.tradeCategory.create({
      data: {
        code: "test-category",
        nameZh: "测试大类",
        nameEn: "Test category",
        position: 99,
        trades: {
          create: [
            { code: "test-trade-b", nameZh: "乙工", nameEn: "Trade B", position: 2 },
            { code: "test-trade-a", nameZh: "甲工", nameEn: "Trade A", position: 1 },
          ],
        },
      },
    });

    const category = await db.prisma.tradeCategory.findUniqueOrThrow({
      where: { code: "test-category" },
      include: { trades: { orderBy: { position: "asc" } } },
    });
    expect(category).toMatchObject({ nameZh: "测试大类", nameEn: "Test category", position: 99 });
    expect(category.trades.map((trade) => trade.code)).toEqual(["test-trade-a", "test-trade-b"]);
    expect(category.trades[0]?.id).toEqual(expect.any(Number));
  });

  it("refuses a trade whose code is taken or whose category does not exist", async () => {
    await expect(
      db.prisma.trade.create({ data: { code: "welder", nameZh: "x", nameEn: "x", categoryCode: "welding", position: 0 } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      db.prisma.trade.create({ data: { code: "orphan", nameZh: "x", nameEn: "x", categoryCode: "no-such", position: 0 } }),
    ).rejects.toMatchObject({ code: "P2003" });
  });

  it("creates and reads back a user with a role, a trade, and defaults", async () => {
    const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
    const created = await db.prisma.user.create({
      data: {
        phone: "13900000001",
        displayName: "高师傅",
        passwordHash: "$argon2id$placeholder",
        role: "CRAFTSMAN",
        tradeId: welder.id,
        city: "北京",
        employer: "中国航天科技集团",
      },
    });
    const worker = await db.prisma.user.create({
      data: { email: "worker@example.com", displayName: "Worker", passwordHash: "x" },
    });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id }, include: { trade: true } });
    expect(user).toMatchObject({
      phone: "13900000001",
      email: null,
      displayName: "高师傅",
      role: "CRAFTSMAN",
      city: "北京",
      employer: "中国航天科技集团",
      trade: { code: "welder" },
    });
    expect(user.id).toMatch(/^c[a-z0-9]{20,}$/);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(user.updatedAt).toBeInstanceOf(Date);
    expect(worker.role).toBe("WORKER");

    expect(await db.prisma.user.count({ where: { role: "CRAFTSMAN" } })).toBe(1);
    await expect(
      db.prisma.user.create({ data: { phone: "13900000001", displayName: "dup", passwordHash: "x" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("updates updatedAt and keeps createdAt when a user changes", async () => {
    const before = await db.prisma.user.findUniqueOrThrow({ where: { phone: "13900000001" } });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const after = await db.prisma.user.update({ where: { id: before.id }, data: { role: "ADMIN" } });

    expect(after.role).toBe("ADMIN");
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("creates and reads back a session, and deletes it with its user", async () => {
    const user = await db.prisma.user.create({ data: { phone: "13900000002", displayName: "临时", passwordHash: "x" } });
    const expiresAt = new Date("2026-04-01T00:00:00.000Z");
    await db.prisma.session.create({
      data: { id: "a".repeat(64), userId: user.id, expiresAt, ip: "203.0.113.7", userAgent: "Mozilla/5.0" },
    });

    const session = await db.prisma.session.findUniqueOrThrow({ where: { id: "a".repeat(64) }, include: { user: true } });
    expect(session).toMatchObject({ expiresAt, ip: "203.0.113.7", userAgent: "Mozilla/5.0", user: { displayName: "临时" } });
    expect(session.createdAt).toBeInstanceOf(Date);
    expect(session.lastSeenAt).toBeInstanceOf(Date);

    await db.prisma.user.delete({ where: { id: user.id } });
    expect(await db.prisma.session.findUnique({ where: { id: "a".repeat(64) } })).toBeNull();
  });

  it("creates and reads back an audit log entry with JSON data, and filters on a JSON path", async () => {
    const actor = await db.prisma.user.create({ data: { phone: "13900000003", displayName: "管理员", passwordHash: "x", role: "ADMIN" } });
    const data = { from: "WORKER", to: "CRAFTSMAN", note: "技能认证 ✓", steps: [1, 2.5, null, true], nested: { ok: false } };
    const entry = await db.prisma.auditLog.create({
      data: { actorId: actor.id, action: "user.role.change", targetType: "User", targetId: "someone", data },
    });
    await db.prisma.auditLog.create({
      data: { actorId: actor.id, action: "user.role.change", targetType: "User", targetId: "other", data: { from: "CRAFTSMAN", to: "WORKER" } },
    });
    await db.prisma.auditLog.create({ data: { action: "system.note", targetType: "System", targetId: "-" } });

    const read = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id }, include: { actor: true } });
    expect(read.data).toEqual(data);
    expect(read.actor?.displayName).toBe("管理员");

    const promoted = await db.prisma.auditLog.findMany({ where: { data: { path: ["to"], equals: "CRAFTSMAN" } } });
    expect(promoted.map((row) => row.targetId)).toEqual(["someone"]);
    const withoutData = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "system.note" } });
    expect(withoutData.data).toBeNull();
    expect(withoutData.actorId).toBeNull();

    // The log outlives the admin who wrote it.
    await db.prisma.user.delete({ where: { id: actor.id } });
    const orphaned = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(orphaned.actorId).toBeNull();
    expect(orphaned.data).toEqual(data);
  });

  it("runs interactive transactions and rolls them back on error", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { phone: "13900000004", displayName: "回滚", passwordHash: "x" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.prisma.user.findUnique({ where: { phone: "13900000004" } })).toBeNull();
  });

  it("creates and reads back a search outbox row with its retry defaults", async () => {
    const row = await db.prisma.searchOutbox.create({ data: { docId: "trade-welder" } });
    expect(row).toMatchObject({ docId: "trade-welder", attempts: 0, lastError: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const failed = await db.prisma.searchOutbox.update({
      where: { id: row.id },
      data: { attempts: 2, lastError: "engine down", nextAttemptAt: new Date("2030-01-01T00:00:00Z") },
    });
    expect(failed).toMatchObject({ attempts: 2, lastError: "engine down" });
    expect(await db.prisma.searchOutbox.findMany({ where: { nextAttemptAt: { lte: new Date() } , id: row.id } })).toEqual([]);
  });
  it("creates a course with its syllabus, learners, certificate and review, and removes them all with the course", async () => {
    const welder = await db.prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
    const [author, learner] = await Promise.all(
      ["13900000011", "13900000012"].map((phone, i) =>
        db.prisma.user.create({ data: { phone, displayName: `模型${i}`, passwordHash: "x", bio: i ? null : "二十年焊龄" } }),
      ),
    );
    const video = await db.prisma.video.create({ data: { ownerId: author!.id, provider: "local", status: "PROCESSING" } });
    const course = await db.prisma.course.create({
      data: {
        slug: "model-course",
        title: "模型课程",
        summary: "摘要",
        tradeId: welder.id,
        level: "BEGINNER",
        authorId: author!.id,
        chapters: { create: [{ title: "第一章", position: 0 }] },
      },
      include: { chapters: true },
    });
    expect(course).toMatchObject({ status: "DRAFT", format: "TEXT", lessonCount: 0, syllabusVersion: 0, description: "", coverImage: null });
    const lesson = await db.prisma.lesson.create({
      data: { courseId: course.id, chapterId: course.chapters[0]!.id, title: "第一课", kind: "VIDEO", position: 0, videoId: video.id },
    });
    await db.prisma.enrollment.create({ data: { userId: learner!.id, courseId: course.id, lastLessonId: lesson.id } });
    await db.prisma.lessonProgress.create({ data: { userId: learner!.id, lessonId: lesson.id, courseId: course.id, positionSeconds: 12.5 } });
    await db.prisma.certificate.create({
      data: { code: "JX-TEST-MODE-L234", userId: learner!.id, courseId: course.id, recipientName: "模型1", courseTitle: "模型课程", craftsmanName: "模型0" },
    });
    await db.prisma.courseReview.create({ data: { userId: learner!.id, courseId: course.id, rating: 5 } });
    await expect(
      db.prisma.certificate.create({
        data: { code: "JX-TEST-MODE-L235", userId: learner!.id, courseId: course.id, recipientName: "", courseTitle: "", craftsmanName: "" },
      }),
    ).rejects.toThrow();

    await db.prisma.course.delete({ where: { id: course.id } });
    const left = await Promise.all([
      db.prisma.chapter.count({ where: { courseId: course.id } }),
      db.prisma.lesson.count({ where: { courseId: course.id } }),
      db.prisma.enrollment.count({ where: { courseId: course.id } }),
      db.prisma.lessonProgress.count({ where: { courseId: course.id } }),
      db.prisma.certificate.count({ where: { courseId: course.id } }),
      db.prisma.courseReview.count({ where: { courseId: course.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
    // The video outlives its lesson (its owner may attach it again or delete it).
    expect(await db.prisma.video.findUnique({ where: { id: video.id } })).toMatchObject({ status: "PROCESSING", progress: 0 });
  });

  it("records a webhook event id once, with its provider and arrival time", async () => {
    const event = await db.prisma.webhookEvent.create({ data: { id: "evt-model-test", provider: "mux" } });
    expect(event).toMatchObject({ id: "evt-model-test", provider: "mux", receivedAt: expect.any(Date) });
    await expect(db.prisma.webhookEvent.create({ data: { id: "evt-model-test", provider: "mux" } })).rejects.toMatchObject({ code: "P2002" });
  });
});
