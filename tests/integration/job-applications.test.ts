// Applications to job posts, through the services on a real database: applying once per post, closed
// and expired posts, field checks, résumés kept or not kept on disk, the worker's list, applicants
// per post for admins and the post's own employer only, statuses and their notifications, résumé
// access per role, and admins making a user an employer of an organisation.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role, Viewer } from "../../server/auth/permissions.ts";
import { createServices, type Services } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { APPLICANTS_PAGE_SIZE, RESUME_MAX_BYTES, RESUME_FILE_REGEX, sniffResume, type ResumeUpload } from "../../server/jobs/applications.ts";
import { jobapplyEn } from "../../app/i18n/messages/jobapply.en.ts";
import { jobapplyZhCN } from "../../app/i18n/messages/jobapply.zh-CN.ts";
import { coverPng, samplePdf } from "../support/books.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser, signedInUser } from "../support/fixtures.ts";
import { createJobPost, createOrganization } from "../support/jobs.ts";
import { jpegBytes } from "../support/media.ts";
import { TEST_AUTH_RATE_LIMIT, TEST_SESSION_TTL_MS, testClock } from "../support/services.ts";

const DAY = 86_400_000;

let db: TestDatabase;
let dataDir: string;
let services: Services;
const clock = testClock(new Date("2026-03-02T08:00:00.000Z"));
let admin: Viewer;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-applications-"));
  services = createServices({ db, clock, config: { dataDir, sessionTtlMs: TEST_SESSION_TTL_MS, authRateLimit: TEST_AUTH_RATE_LIMIT } });
  ({ viewer: admin } = await signedInUser(db.prisma, services.sessions, { role: "ADMIN", displayName: "平台管理员" }));
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What a call threw, or fails the test if it did not throw. */
async function thrown(call: () => Promise<unknown>): Promise<AppError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const user = async (role: Role = "WORKER", displayName?: string) => (await signedInUser(db.prisma, services.sessions, { role, ...(displayName ? { displayName } : {}) })).viewer;

/** An employer of `organizationId` (as an admin would make one). */
async function employerOf(organizationId: string): Promise<Viewer> {
  const viewer = await user("EMPLOYER");
  await db.prisma.user.update({ where: { id: viewer.id }, data: { organizationId } });
  return viewer;
}

const newPost = (data: Parameters<typeof createJobPost>[2] = {}) => createJobPost(db.prisma, clock.now(), data);
const form = (overrides: Record<string, string> = {}) => ({ message: "做过五年二保焊，有焊工证，下周可到岗。", phone: "13800138000", ...overrides });

const resumesDir = () => path.join(dataDir, "resumes");
const storedResumes = async () => (await readdir(resumesDir()).catch(() => [] as string[])).sort();

/** A file as the HTTP route hands it over: in tmp/, with its first bytes read. */
async function upload(bytes: Buffer, originalName: string): Promise<ResumeUpload> {
  const tempFile = await services.jobApplications.resumeTempFile();
  await writeFile(tempFile, bytes);
  return { tempFile, head: bytes.subarray(0, 16), size: bytes.length, originalName };
}

async function applied(worker: Viewer, jobId: string, input = form()) {
  const result = await services.jobApplications.apply(worker, jobId, input);
  if (!result.ok) throw new Error(`apply failed: ${JSON.stringify(result)}`);
  return result.value.application;
}

describe("applying", () => {
  it("stores a worker's application once and counts it on the post", async () => {
    const post = await newPost();
    const worker = await user("WORKER");

    const now = clock.now();

    const result = await services.jobApplications.apply(worker, post.id, form({ message: "  有焊工证。  ", phone: " 13800138000 " }));

    expect(result).toEqual({
      ok: true,
      value: {
        created: true,
        application: { id: expect.any(String), status: "NEW", message: "有焊工证。", phone: "13800138000", resumeName: null, createdAt: now, viewedAt: null },
      },
    });
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: post.id } })).applicationCount).toBe(1);
    expect(await services.jobApplications.mine(worker, post.id)).toEqual(result.ok ? result.value.application : null);
  });

  it("answers a second submit with the existing application, without a second row or count", async () => {
    const post = await newPost();
    const worker = await user("CRAFTSMAN");
    const first = await applied(worker, post.id);

    const again = await services.jobApplications.apply(worker, post.id, form({ message: "再投一次", phone: "13900139000" }));

    expect(again).toEqual({ ok: true, value: { created: false, application: first } });
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(1);
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: post.id } })).applicationCount).toBe(1);
  });

  it("refuses closed posts and posts whose validThrough has come, with a clear message", async () => {
    const closed = await newPost({ status: "CLOSED", closeReason: "MANUAL" });
    const expiresNow = await newPost({ validThrough: clock.now() });
    const worker = await user();

    for (const post of [closed, expiresNow]) {
      expect(await services.jobApplications.apply(worker, post.id, form())).toEqual({ ok: false, fieldErrors: {}, formError: "jobs.apply.error.closed" });
      expect(await services.jobApplications.prepareApply(worker, post.id)).toEqual({ kind: "closed" });
    }
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: { in: [closed.id, expiresNow.id] } } })).toBe(0);
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: closed.id } })).applicationCount).toBe(0);
  });

  it("still shows an application after its post closed", async () => {
    const post = await newPost({ validThrough: new Date(clock.now().getTime() + DAY) });
    const worker = await user();
    const application = await applied(worker, post.id);
    await db.prisma.jobPost.update({ where: { id: post.id }, data: { status: "CLOSED", closeReason: "EXPIRED" } });

    expect(await services.jobApplications.prepareApply(worker, post.id)).toEqual({ kind: "existing", application });
    expect(await services.jobApplications.apply(worker, post.id, form())).toEqual({ ok: true, value: { created: false, application } });
  });

  it("does not know drafts or unknown posts (404)", async () => {
    const draft = await newPost({ status: "DRAFT", datePosted: null });
    const worker = await user();
    expect(await thrown(() => services.jobApplications.apply(worker, draft.id, form()))).toMatchObject({ kind: "notFound" });
    expect(await thrown(() => services.jobApplications.apply(worker, "no-such-post", form()))).toMatchObject({ kind: "notFound" });
    expect(await thrown(() => services.jobApplications.apply(worker, "../etc/passwd", form()))).toMatchObject({ kind: "notFound" });
  });

  it("names each bad field and writes nothing", async () => {
    const post = await newPost();
    const worker = await user();

    expect(await services.jobApplications.apply(worker, post.id, form({ phone: "12345", message: "长".repeat(1001) }))).toEqual({
      ok: false,
      fieldErrors: { phone: "jobs.apply.error.phoneInvalid", message: "jobs.apply.error.messageTooLong" },
    });
    expect(await services.jobApplications.apply(worker, post.id, { message: "你好" })).toEqual({ ok: false, fieldErrors: { phone: "jobs.apply.error.phoneInvalid" } });
    expect(await services.jobApplications.apply(worker, post.id, form({ message: "长".repeat(1000) }))).toMatchObject({ ok: true });
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(1);
  });

  it("lets workers and craftsmen apply; employers and admins are refused, visitors asked to sign in", async () => {
    const employerPost = await newPost();
    const post = await newPost();
    const employer = await employerOf(employerPost.organizationId);

    for (const viewer of [employer, admin]) {
      expect(await thrown(() => services.jobApplications.apply(viewer, post.id, form()))).toMatchObject({ kind: "forbidden", messageKey: "jobs.apply.error.notApplicant" });
    }
    expect(await thrown(() => services.jobApplications.apply(null, post.id, form()))).toMatchObject({ kind: "unauthorized" });
    expect(await services.jobApplications.mine(null, post.id)).toBeNull();
    expect(await services.jobApplications.defaultPhone(null)).toBeNull();
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
  });

  it("prefills the phone from the account, when the account has one", async () => {
    const byPhone = await createUser(db.prisma, { phone: "13712345678" });
    const byEmail = await createUser(db.prisma, { email: `w${Date.now()}@example.com` });
    expect(await services.jobApplications.defaultPhone({ id: byPhone.id, displayName: byPhone.displayName, role: "WORKER" })).toBe("13712345678");
    expect(await services.jobApplications.defaultPhone({ id: byEmail.id, displayName: byEmail.displayName, role: "WORKER" })).toBeNull();
  });

  it("writes the application and the post's count in one transaction", async () => {
    const post = await newPost();
    const worker = await user();
    await db.raw.withConnection((sql) =>
      sql.exec(`
        CREATE FUNCTION jx_test_refuse_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."id" = '${post.id}' THEN RAISE EXCEPTION 'post unavailable'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER jx_test_refuse_count BEFORE UPDATE ON "JobPost"
          FOR EACH ROW EXECUTE FUNCTION jx_test_refuse_count();`),
    );
    const before = await storedResumes();
    try {
      const resume = await upload(await samplePdf(), "简历.pdf");
      await expect(services.jobApplications.apply(worker, post.id, form(), resume)).rejects.toThrow(/post unavailable/);
    } finally {
      await db.raw.withConnection((sql) => sql.exec(`DROP TRIGGER jx_test_refuse_count ON "JobPost"; DROP FUNCTION jx_test_refuse_count();`));
    }
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
    // The résumé had been moved into place; it is gone again with the row that would have named it.
    expect(await storedResumes()).toEqual(before);
  });
});

describe("résumés", () => {
  it("accepts a real PDF, PNG and JPEG by their bytes, under a generated name, keeping the sent name for display", async () => {
    const worker = await user();
    const cases = [
      { bytes: await samplePdf(), name: "张三 简历.PDF", type: "application/pdf", shown: "张三 简历.pdf" },
      { bytes: Buffer.from(coverPng([10, 20, 30], 40, 60)), name: "photo.png", type: "image/png", shown: "photo.png" },
      // The name lies (.txt); the bytes decide, and the shown name follows them.
      { bytes: jpegBytes(3000), name: "../../cv.txt", type: "image/jpeg", shown: "cv.jpg" },
    ];
    for (const { bytes, name, type, shown } of cases) {
      const post = await newPost();
      const resume = await upload(bytes, name);

      const result = await services.jobApplications.apply(worker, post.id, form(), resume);

      expect(result).toMatchObject({ ok: true, value: { created: true, application: { resumeName: shown } } });
      const row = await db.prisma.jobApplication.findFirstOrThrow({ where: { jobPostId: post.id } });
      expect(row).toMatchObject({ resumeType: type, resumeName: shown, resumeSize: bytes.length, resumeFile: expect.stringMatching(RESUME_FILE_REGEX) });
      expect(await storedResumes()).toContain(row.resumeFile);
      // Moved, not copied: nothing stays in tmp/.
      expect((await readdir(path.join(dataDir, "tmp"))).filter((file) => file === path.basename(resume.tempFile))).toEqual([]);
    }
  });

  it("refuses what is neither a PDF nor an image, and files over the limit, storing nothing", async () => {
    const post = await newPost();
    const worker = await user();
    const before = await storedResumes();

    const text = await upload(Buffer.from("这是一份文字简历，不是 PDF。\n".repeat(20)), "简历.pdf");
    expect(await services.jobApplications.apply(worker, post.id, form(), text)).toEqual({ ok: false, fieldErrors: { resume: "jobs.apply.error.resumeType" } });
    const large = { ...(await upload(await samplePdf(), "big.pdf")), size: RESUME_MAX_BYTES + 1 };
    expect(await services.jobApplications.apply(worker, post.id, form(), large)).toEqual({ ok: false, fieldErrors: { resume: "jobs.apply.error.resumeTooLarge" } });
    // A good file with a bad field: the file is not kept either.
    const good = await upload(await samplePdf(), "cv.pdf");
    expect(await services.jobApplications.apply(worker, post.id, form({ phone: "1" }), good)).toEqual({ ok: false, fieldErrors: { phone: "jobs.apply.error.phoneInvalid" } });

    expect(await storedResumes()).toEqual(before);
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
  });

  it("tells types apart by their first bytes", () => {
    expect(sniffResume(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))).toBe("pdf");
    expect(sniffResume(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe("png");
    expect(sniffResume(Buffer.from("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", "latin1"))).toBe("webp");
    expect(sniffResume(Buffer.from("PK\u0003\u0004 an epub or docx", "latin1"))).toBeNull();
    expect(sniffResume(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'>"))).toBeNull();
  });

  it("are downloadable by the applicant, admins and the post's employer only", async () => {
    const post = await newPost();
    const worker = await user();
    const result = await services.jobApplications.apply(worker, post.id, form(), await upload(await samplePdf(), "我的简历.pdf"));
    if (!result.ok) throw new Error("apply failed");
    const { id } = result.value.application;
    const ownEmployer = await employerOf(post.organizationId);
    const otherEmployer = await employerOf((await createOrganization(db.prisma)).id);
    const employerWithoutOrganization = await user("EMPLOYER");
    const otherWorker = await user();

    for (const viewer of [worker, admin, ownEmployer]) {
      const file = await services.jobApplications.resumeFor(viewer, id);
      expect(file).toEqual({ path: expect.stringContaining(resumesDir()), type: "application/pdf", name: "我的简历.pdf" });
    }
    for (const viewer of [otherWorker, otherEmployer, employerWithoutOrganization, await user("CRAFTSMAN")]) {
      expect(await thrown(() => services.jobApplications.resumeFor(viewer, id))).toMatchObject({ kind: "notFound" });
    }
    expect(await thrown(() => services.jobApplications.resumeFor(null, id))).toMatchObject({ kind: "unauthorized" });
    // An application without a résumé has nothing to download.
    const plain = await applied(otherWorker, post.id);
    expect(await thrown(() => services.jobApplications.resumeFor(otherWorker, plain.id))).toMatchObject({ kind: "notFound" });
  });

  it("states the size limit in both languages' messages", () => {
    const mb = `${RESUME_MAX_BYTES / (1024 * 1024)} MB`;
    for (const key of ["jobs.apply.resumeHint", "jobs.apply.error.resumeTooLarge"] as const) {
      expect(jobapplyZhCN[key]).toContain(mb);
      expect(jobapplyEn[key]).toContain(mb);
    }
  });
});

describe("the worker's applications", () => {
  it("lists the viewer's own applications, newest first, with their posts", async () => {
    const worker = await user();
    const other = await user();
    const organization = await createOrganization(db.prisma, `深圳精工钢构${Date.now()}`);
    const first = await newPost({ organizationId: organization.id, title: "电焊工（夜班）" });
    const second = await newPost({ validThrough: new Date(clock.now().getTime() + DAY) });
    await applied(worker, first.id);
    clock.advance(60_000);
    await applied(worker, second.id);
    await applied(other, first.id);
    clock.advance(2 * DAY);

    const list = await services.jobApplications.myApplications(worker);

    expect(list).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(list.items.map((item) => item.post.id)).toEqual([second.id, first.id]);
    expect(list.items[1]).toMatchObject({ status: "NEW", post: { title: "电焊工（夜班）", organization: organization.name, status: "OPEN", open: true } });
    // Past its validThrough: still listed, no longer open.
    expect(list.items[0]!.post).toMatchObject({ status: "OPEN", open: false });
    expect(await thrown(() => services.jobApplications.myApplications(null))).toMatchObject({ kind: "unauthorized" });
  });
});

describe("applicants of a post", () => {
  it("are listed for admins and the post's employer, filtered by status and date, sorted and paged", async () => {
    const post = await newPost();
    const employer = await employerOf(post.organizationId);
    const base = clock.now();
    const ids: string[] = [];
    for (let i = 0; i < APPLICANTS_PAGE_SIZE + 3; i++) {
      ids.push((await applied(await user("WORKER", `应聘者${i}`), post.id)).id);
      clock.advance(DAY);
    }
    await services.jobApplications.setStatus(employer, post.id, ids[0]!, { status: "SHORTLISTED" });
    await services.jobApplications.openApplication(employer, post.id, ids[1]!);

    const newest = await services.jobApplications.applicants(employer, post.id, {});
    expect(newest).toMatchObject({ total: APPLICANTS_PAGE_SIZE + 3, page: 1, pageCount: 2, post: { id: post.id, applicationCount: APPLICANTS_PAGE_SIZE + 3 } });
    expect(newest.items[0]!.id).toBe(ids.at(-1));
    expect(newest.counts).toEqual({ NEW: APPLICANTS_PAGE_SIZE + 1, VIEWED: 1, SHORTLISTED: 1 });

    const oldest = await services.jobApplications.applicants(admin, post.id, { sort: "oldest", page: "2" });
    expect(oldest.items.map((item) => item.id)).toEqual(ids.slice(APPLICANTS_PAGE_SIZE));

    const shortlisted = await services.jobApplications.applicants(admin, post.id, { status: "SHORTLISTED" });
    expect(shortlisted.items).toEqual([expect.objectContaining({ id: ids[0], applicantName: "应聘者0", status: "SHORTLISTED", phone: "13800138000", hasResume: false })]);

    // Applied on or after a day (China time): the one that applied on that day and the two after it.
    const third = new Date(base.getTime() + APPLICANTS_PAGE_SIZE * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    const recent = await services.jobApplications.applicants(admin, post.id, { from: third, sort: "oldest" });
    expect(recent.items.map((item) => item.id)).toEqual(ids.slice(APPLICANTS_PAGE_SIZE));
    expect(recent.query.from).toBe(third);

    // Nonsense in the URL is dropped, not an error.
    const lenient = await services.jobApplications.applicants(admin, post.id, { status: "WHATEVER", from: "2026-02-31", sort: "sideways", page: "-4" });
    expect(lenient).toMatchObject({ total: APPLICANTS_PAGE_SIZE + 3, page: 1, query: { status: null, from: null, sort: "newest" } });
  });

  it("are invisible to other organisations' employers, workers and visitors", async () => {
    const post = await newPost();
    const otherPost = await newPost();
    const application = await applied(await user(), post.id);
    const otherEmployer = await employerOf(otherPost.organizationId);
    const calls = (viewer: Viewer | null) => [
      () => services.jobApplications.applicants(viewer, post.id, {}),
      () => services.jobApplications.openApplication(viewer, post.id, application.id),
      () => services.jobApplications.setStatus(viewer, post.id, application.id, { status: "HIRED" }),
    ];

    for (const call of calls(otherEmployer)) expect(await thrown(call)).toMatchObject({ kind: "notFound" });
    // Its own post's id does not open another post's application either.
    expect(await thrown(() => services.jobApplications.openApplication(otherEmployer, otherPost.id, application.id))).toMatchObject({ kind: "notFound" });
    expect(await thrown(() => services.jobApplications.openApplication(admin, otherPost.id, application.id))).toMatchObject({ kind: "notFound" });
    for (const viewer of [await user("WORKER"), await user("CRAFTSMAN"), await user("EMPLOYER")]) {
      for (const call of calls(viewer)) expect(await thrown(call)).toMatchObject({ kind: "forbidden" });
    }
    for (const call of calls(null)) expect(await thrown(call)).toMatchObject({ kind: "unauthorized" });

    expect(await db.prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "NEW", viewedAt: null });
    expect(await db.prisma.notification.count({ where: { dedupeKey: { startsWith: `application:${application.id}:` } } })).toBe(0);
  });
});

describe("statuses", () => {
  it("marks an application viewed when it is first opened, and tells the applicant once", async () => {
    const post = await newPost({ title: "数控车工" });
    const employer = await employerOf(post.organizationId);
    const worker = await user();
    const application = await applied(worker, post.id);
    clock.advance(3_600_000);
    const openedAt = clock.now();

    const detail = await services.jobApplications.openApplication(employer, post.id, application.id);

    expect(detail).toMatchObject({ id: application.id, status: "VIEWED", viewedAt: openedAt, statusChangedAt: openedAt, resume: null, post: { id: post.id, title: "数控车工" } });
    clock.advance(3_600_000);
    expect(await services.jobApplications.openApplication(admin, post.id, application.id)).toMatchObject({ status: "VIEWED", viewedAt: openedAt });

    const notifications = await db.prisma.notification.findMany({ where: { userId: worker.id } });
    expect(notifications).toEqual([
      expect.objectContaining({
        kind: "application.status",
        data: { title: "数控车工", status: "VIEWED" },
        link: "/me/applications",
        dedupeKey: `application:${application.id}:VIEWED`,
        createdAt: openedAt,
      }),
    ]);
    // The applicant sees it on the post page and in the list.
    expect(await services.jobApplications.mine(worker, post.id)).toMatchObject({ status: "VIEWED", viewedAt: openedAt });
    expect((await services.jobApplications.myApplications(worker)).items[0]).toMatchObject({ status: "VIEWED", viewedAt: openedAt });
  });

  it("moves on to shortlisted, rejected or hired, notifying each change once", async () => {
    const post = await newPost({ title: "电工" });
    const worker = await user();
    const application = await applied(worker, post.id);

    for (const status of ["NEW", "VIEWED", "BOGUS", ""]) {
      expect(await services.jobApplications.setStatus(admin, post.id, application.id, { status })).toEqual({
        ok: false,
        fieldErrors: { status: "jobs.applicants.error.statusInvalid" },
      });
    }
    expect(await db.prisma.notification.count({ where: { userId: worker.id } })).toBe(0);

    // Deciding without opening first still counts as having looked.
    expect(await services.jobApplications.setStatus(admin, post.id, application.id, { status: "SHORTLISTED" })).toEqual({ ok: true, value: { status: "SHORTLISTED" } });
    expect(await services.jobApplications.setStatus(admin, post.id, application.id, { status: "SHORTLISTED" })).toEqual({ ok: true, value: { status: "SHORTLISTED" } });
    clock.advance(DAY);
    expect(await services.jobApplications.setStatus(admin, post.id, application.id, { status: "HIRED" })).toMatchObject({ ok: true });

    const row = await db.prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({ status: "HIRED", statusChangedAt: clock.now(), viewedAt: new Date(clock.now().getTime() - DAY) });
    const notifications = await db.prisma.notification.findMany({ where: { userId: worker.id }, orderBy: { createdAt: "asc" } });
    expect(notifications.map((n) => n.data)).toEqual([
      { title: "电工", status: "SHORTLISTED" },
      { title: "电工", status: "HIRED" },
    ]);
    // Opening it now changes nothing: it is long past NEW.
    expect(await services.jobApplications.openApplication(admin, post.id, application.id)).toMatchObject({ status: "HIRED" });
    expect(await db.prisma.notification.count({ where: { userId: worker.id } })).toBe(2);
  });

  it("changes nothing when the notification cannot be written (one transaction)", async () => {
    const post = await newPost();
    const worker = await user();
    const application = await applied(worker, post.id);
    await db.raw.withConnection((sql) =>
      sql.exec(`
        CREATE FUNCTION jx_test_refuse_notification() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."userId" = '${worker.id}' THEN RAISE EXCEPTION 'notifications unavailable'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER jx_test_refuse_notification BEFORE INSERT ON "Notification"
          FOR EACH ROW EXECUTE FUNCTION jx_test_refuse_notification();`),
    );
    try {
      await expect(services.jobApplications.openApplication(admin, post.id, application.id)).rejects.toThrow(/notifications unavailable/);
      await expect(services.jobApplications.setStatus(admin, post.id, application.id, { status: "REJECTED" })).rejects.toThrow(/notifications unavailable/);
      expect(await db.prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "NEW", viewedAt: null });
    } finally {
      await db.raw.withConnection((sql) =>
        sql.exec(`DROP TRIGGER jx_test_refuse_notification ON "Notification"; DROP FUNCTION jx_test_refuse_notification();`),
      );
    }
    expect(await services.jobApplications.setStatus(admin, post.id, application.id, { status: "REJECTED" })).toMatchObject({ ok: true });
    expect(await db.prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "REJECTED" });
  });
});

describe("an admin making a user an employer", () => {
  it("needs an organisation's name, finds or creates it, and logs the change", async () => {
    const target = await createUser(db.prisma, { displayName: "赵经理" });
    const existing = await createOrganization(db.prisma, `广州造船厂${Date.now()}`);

    expect(await services.accounts.changeRole(admin, { userId: target.id, role: "EMPLOYER" })).toEqual({
      ok: false,
      fieldErrors: { organization: "account.error.organizationRequired" },
    });
    expect(await services.accounts.changeRole(admin, { userId: target.id, role: "EMPLOYER", organization: "   " })).toMatchObject({
      fieldErrors: { organization: "account.error.organizationRequired" },
    });
    expect(await services.accounts.changeRole(admin, { userId: target.id, role: "EMPLOYER", organization: "厂".repeat(121) })).toMatchObject({
      fieldErrors: { organization: "account.error.organizationTooLong" },
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "WORKER", organizationId: null });

    const result = await services.accounts.changeRole(admin, { userId: target.id, role: "EMPLOYER", organization: `  ${existing.name} ` });
    expect(result).toEqual({ ok: true, value: { userId: target.id, role: "EMPLOYER", organization: existing.name } });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "EMPLOYER", organizationId: existing.id });

    const created = `新建单位${Date.now()}`;
    await services.accounts.changeRole(admin, { userId: target.id, role: "EMPLOYER", organization: created });
    const organization = await db.prisma.organization.findUniqueOrThrow({ where: { name: created } });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ organizationId: organization.id });

    const list = await services.accounts.listUsers(admin, { q: "赵经理" });
    expect(list.users).toEqual([expect.objectContaining({ id: target.id, role: "EMPLOYER", organization: { name: created } })]);

    const entries = await db.prisma.auditLog.findMany({ where: { targetId: target.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.data)).toEqual([
      { from: "WORKER", to: "EMPLOYER", targetName: "赵经理", fromOrganization: null, organization: existing.name },
      { from: "EMPLOYER", to: "EMPLOYER", targetName: "赵经理", fromOrganization: existing.name, organization: created },
    ]);
  });

  it("clears the organisation when the role changes away from EMPLOYER", async () => {
    const organization = await createOrganization(db.prisma);
    const employer = await employerOf(organization.id);

    expect(await services.accounts.changeRole(admin, { userId: employer.id, role: "WORKER", organization: organization.name })).toEqual({
      ok: true,
      value: { userId: employer.id, role: "WORKER" },
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: employer.id } })).toMatchObject({ role: "WORKER", organizationId: null });
    const [entry] = await db.prisma.auditLog.findMany({ where: { targetId: employer.id } });
    expect(entry?.data).toEqual({ from: "EMPLOYER", to: "WORKER", targetName: employer.displayName, fromOrganization: organization.name, organization: null });
    // The organisation and its posts stay; only the account left it.
    expect(await db.prisma.organization.findUnique({ where: { id: organization.id } })).not.toBeNull();
  });

  it("is for admins only", async () => {
    const target = await createUser(db.prisma);
    const organization = await createOrganization(db.prisma);
    const employer = await employerOf(organization.id);
    expect(await thrown(() => services.accounts.changeRole(employer, { userId: target.id, role: "EMPLOYER", organization: organization.name }))).toMatchObject({
      kind: "forbidden",
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "WORKER", organizationId: null });
  });
});
