// The apply route and the résumé download over real HTTP (the Express app of server/http/app.ts on
// a loopback port, a real database): JSON for the page's script and redirects for the plain form,
// files checked by their bytes and size, nothing left on disk after a failure, the same-origin rule,
// and who may download a résumé.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { createServices, type Services } from "../../server/context.ts";
import { RESUME_MAX_BYTES } from "../../server/jobs/applications.ts";
import { coverPng, samplePdf, startBookApp } from "../support/books.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createJobPost, createOrganization } from "../support/jobs.ts";
import { TEST_AUTH_RATE_LIMIT, TEST_SESSION_TTL_MS } from "../support/services.ts";

let db: TestDatabase;
let dataDir: string;
let services: Services;
let app: Awaited<ReturnType<typeof startBookApp>>;
let pdf: Buffer;
type Account = { token: string; viewer: Viewer };
let admin: Account;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-apply-http-"));
  services = createServices({ db, config: { dataDir, sessionTtlMs: TEST_SESSION_TTL_MS, authRateLimit: TEST_AUTH_RATE_LIMIT } });
  app = await startBookApp(services, 1024 * 1024);
  pdf = await samplePdf();
  admin = await signedInUser(db.prisma, services.sessions, { role: "ADMIN" });
});

afterAll(async () => {
  await app?.close();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const account = (role: Viewer["role"] = "WORKER") => signedInUser(db.prisma, services.sessions, { role });
const newPost = (data: Parameters<typeof createJobPost>[2] = {}) => createJobPost(db.prisma, new Date(), data);

async function employerOf(organizationId: string): Promise<Account> {
  const employer = await account("EMPLOYER");
  await db.prisma.user.update({ where: { id: employer.viewer.id }, data: { organizationId } });
  return employer;
}

function applyForm(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  // As a browser sends a form whose file input was left empty: a part with no name and no bytes.
  const bytes = file?.bytes ?? Buffer.alloc(0);
  body.set("resume", new Blob([new Uint8Array(bytes)], { type: file?.type ?? "application/octet-stream" }), file?.name ?? "");
  return body;
}

const good = { message: "做过五年二保焊，有焊工证。", phone: "13800138000" };

async function apply(jobId: string, options: { token?: string; body?: FormData | URLSearchParams; json?: boolean; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.cookie = `jx_session=${options.token}`;
  if (options.json !== false) headers.accept = "application/json";
  return fetch(`${app.url}/jobs/${encodeURIComponent(jobId)}/apply`, { method: "POST", headers, body: options.body ?? applyForm(good), redirect: "manual" });
}

async function download(applicationId: string, options: { token?: string; accept?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.cookie = `jx_session=${options.token}`;
  if (options.accept) headers.accept = options.accept;
  return fetch(`${app.url}/applications/${encodeURIComponent(applicationId)}/resume`, { headers, redirect: "manual" });
}

const files = async (dir: string) => (await readdir(path.join(dataDir, dir)).catch(() => [] as string[])).sort();

/** resumes/ holds exactly the files rows name, and tmp/ nothing of ours. */
async function expectNothingLeftBehind() {
  const rows = await db.prisma.jobApplication.findMany({ where: { resumeFile: { not: null } }, select: { resumeFile: true } });
  expect(await files("resumes")).toEqual(rows.map((row) => row.resumeFile).sort());
  expect((await files("tmp")).filter((name) => name.startsWith("resume-"))).toEqual([]);
}

describe("POST /jobs/:jobId/apply", () => {
  it("takes a message, a phone and a PDF résumé (JSON for scripts), and serves the file back to the applicant", async () => {
    const post = await newPost();
    const worker = await account();

    const response = await apply(post.id, { token: worker.token, body: applyForm(good, { bytes: pdf, name: "王师傅的简历.pdf", type: "application/pdf" }) });

    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: boolean; created: boolean; application: { id: string; resumeName: string } };
    expect(body).toMatchObject({ ok: true, created: true, application: { status: "NEW", message: good.message, phone: good.phone, resumeName: "王师傅的简历.pdf" } });
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: post.id } })).applicationCount).toBe(1);
    await expectNothingLeftBehind();

    const file = await download(body.application.id, { token: worker.token });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent("王师傅的简历.pdf")}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("takes a PNG photo whatever its name says, and no résumé at all", async () => {
    const worker = await account();
    const photo = Buffer.from(coverPng([120, 80, 40], 60, 80));
    const withPhoto = await apply((await newPost()).id, { token: worker.token, body: applyForm(good, { bytes: photo, name: "scan", type: "application/octet-stream" }) });
    expect(withPhoto.status).toBe(201);
    expect(await withPhoto.json()).toMatchObject({ application: { resumeName: "scan.png" } });

    const without = await apply((await newPost()).id, { token: worker.token, body: applyForm(good) });
    expect(without.status).toBe(201);
    expect(await without.json()).toMatchObject({ application: { resumeName: null } });

    // A form sent without multipart (no file input at all) works the same.
    const urlEncoded = await apply((await newPost()).id, { token: worker.token, body: new URLSearchParams(good) });
    expect(urlEncoded.status).toBe(201);
    await expectNothingLeftBehind();
  });

  it("refuses a text file named .pdf by its bytes: 415 on the résumé field, nothing stored", async () => {
    const post = await newPost();
    const worker = await account();

    const response = await apply(post.id, {
      token: worker.token,
      body: applyForm(good, { bytes: Buffer.from("我的简历：焊工，五年经验。\n".repeat(50)), name: "简历.pdf", type: "application/pdf" }),
      headers: { "accept-language": "en" },
    });

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      ok: false,
      fieldErrors: { resume: "jobs.apply.error.resumeType" },
      message: "The résumé must be a PDF or an image (JPG, PNG, WebP).",
    });
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
    await expectNothingLeftBehind();
  });

  it("refuses a file over the limit: 413 with a localized message, nothing stored", async () => {
    const post = await newPost();
    const worker = await account();
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(RESUME_MAX_BYTES, 0x20)]);

    const response = await apply(post.id, { token: worker.token, body: applyForm(good, { bytes: big, name: "big.pdf", type: "application/pdf" }) });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      fieldErrors: { resume: "jobs.apply.error.resumeTooLarge" },
      message: "简历文件太大，不能超过 5 MB。",
    });
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
    expect((await db.prisma.jobPost.findUniqueOrThrow({ where: { id: post.id } })).applicationCount).toBe(0);
    await expectNothingLeftBehind();
  });

  it("answers field errors as JSON, keeping nothing", async () => {
    const post = await newPost();
    const worker = await account();

    const response = await apply(post.id, { token: worker.token, body: applyForm({ message: "长".repeat(1001), phone: "12345" }, { bytes: pdf, name: "cv.pdf" }) });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      fieldErrors: { message: "jobs.apply.error.messageTooLong", phone: "jobs.apply.error.phoneInvalid" },
    });
    await expectNothingLeftBehind();
  });

  it("answers a second submit with the existing application, without reading the new file", async () => {
    const post = await newPost();
    const worker = await account();
    const first = (await (await apply(post.id, { token: worker.token })).json()) as { application: { id: string } };

    const again = await apply(post.id, { token: worker.token, body: applyForm({ message: "第二次", phone: "13900139000" }, { bytes: pdf, name: "cv.pdf" }) });

    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, created: false, application: { id: first.application.id, message: good.message } });
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(1);
    await expectNothingLeftBehind();
  });

  it("redirects a plain form back to the post (#apply): the application, or the error with the typed text", async () => {
    const post = await newPost();
    const worker = await account();
    const jobPage = `/jobs/${post.id}`;

    const bad = await apply(post.id, { token: worker.token, json: false, body: applyForm({ message: "有焊工证 & 电工证", phone: "12" }) });
    expect(bad.status).toBe(303);
    const badLocation = new URL(bad.headers.get("location")!, app.url);
    expect(badLocation.pathname + badLocation.hash).toBe(`${jobPage}#apply`);
    expect(Object.fromEntries(badLocation.searchParams)).toEqual({ applyError: "jobs.apply.error.phoneInvalid", message: "有焊工证 & 电工证", phone: "12" });

    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(RESUME_MAX_BYTES + 10, 0x20)]);
    const tooLarge = await apply(post.id, { token: worker.token, json: false, body: applyForm(good, { bytes: big, name: "big.pdf" }) });
    expect(tooLarge.status).toBe(303);
    const location = new URL(tooLarge.headers.get("location")!, app.url);
    expect(Object.fromEntries(location.searchParams)).toEqual({ applyError: "jobs.apply.error.resumeTooLarge", ...good });
    expect(location.hash).toBe("#apply");

    const ok = await apply(post.id, { token: worker.token, json: false });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${jobPage}#apply`);
    const again = await apply(post.id, { token: worker.token, json: false });
    expect(again.headers.get("location")).toBe(`${jobPage}#apply`);
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(1);
    await expectNothingLeftBehind();
  });

  it("refuses closed posts, visitors, employers and admins, and unknown posts", async () => {
    const closed = await newPost({ status: "CLOSED", closeReason: "MANUAL" });
    const post = await newPost();
    const worker = await account();
    const employer = await employerOf(post.organizationId);

    const closedJson = await apply(closed.id, { token: worker.token });
    expect(closedJson.status).toBe(409);
    expect(await closedJson.json()).toMatchObject({ ok: false, fieldErrors: {}, formError: "jobs.apply.error.closed", message: "该职位已停止招聘，不能再申请。" });
    const closedForm = await apply(closed.id, { token: worker.token, json: false });
    expect(closedForm.headers.get("location")).toBe(`/jobs/${closed.id}?applyError=jobs.apply.error.closed#apply`);

    const visitor = await apply(post.id);
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toMatchObject({ ok: false, formError: "error.unauthorized" });
    const visitorForm = await apply(post.id, { json: false });
    expect(visitorForm.status).toBe(303);
    expect(visitorForm.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/jobs/${post.id}`)}`);

    for (const staff of [employer, admin]) {
      const response = await apply(post.id, { token: staff.token });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, formError: "jobs.apply.error.notApplicant" });
    }
    expect((await apply("no-such-post", { token: worker.token })).status).toBe(404);
    expect((await apply("no-such-post", { token: worker.token, json: false })).status).toBe(404);

    expect(await db.prisma.jobApplication.count({ where: { jobPostId: { in: [closed.id, post.id] } } })).toBe(0);
    await expectNothingLeftBehind();
  });

  it("refuses a post from another site (same-origin rule)", async () => {
    const post = await newPost();
    const worker = await account();

    const response = await apply(post.id, { token: worker.token, headers: { origin: "https://evil.example" } });

    expect(response.status).toBe(403);
    expect(await db.prisma.jobApplication.count({ where: { jobPostId: post.id } })).toBe(0);
  });
});

describe("GET /applications/:applicationId/resume", () => {
  it("serves the applicant, admins and the post's employer; 404 for others, 401 or sign-in for visitors", async () => {
    const post = await newPost();
    const worker = await account();
    const png = Buffer.from(coverPng([1, 2, 3], 20, 20));
    const created = await apply(post.id, { token: worker.token, body: applyForm(good, { bytes: png, name: "照片 (1).png" }) });
    const { application } = (await created.json()) as { application: { id: string } };
    const ownEmployer = await employerOf(post.organizationId);
    const otherEmployer = await employerOf((await createOrganization(db.prisma)).id);
    const otherWorker = await account();

    for (const allowed of [worker, admin, ownEmployer]) {
      const response = await download(application.id, { token: allowed.token });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="__ (1).png"; filename*=UTF-8''%E7%85%A7%E7%89%87%20%281%29.png`);
      expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    }
    for (const refused of [otherWorker, otherEmployer]) {
      const response = await download(application.id, { token: refused.token });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
    }
    expect((await download(application.id)).status).toBe(401);
    const browser = await download(application.id, { accept: "text/html,application/xhtml+xml" });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/applications/${application.id}/resume`)}`);
    expect((await download("no-such-application", { token: admin.token })).status).toBe(404);
    expect((await download("..%2F..%2Fetc", { token: admin.token })).status).toBe(404);
  });
});
