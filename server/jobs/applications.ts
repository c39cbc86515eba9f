// Applications to job posts: the apply form (with an optional résumé file), the worker's own list,
// and the applicants of a post for admins and the post's employer.
//
// Workers and craftsmen apply, once per post. Managers (server/jobs/access.ts) see the applicants of
// the posts they manage; everything else is a 404, so that nobody learns which ids exist. Status
// changes notify the applicant in the same transaction, with a dedupe key per status, so a repeated
// request never notifies twice.
//
// Résumés live under <dataDir>/resumes/<32 hex>.<pdf|png|jpg|webp>. The HTTP route streams the
// upload to <dataDir>/tmp and hands the temp file here; its type is decided by its bytes, and the
// name the browser sent is kept for display only.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { requireViewer, type Viewer } from "../auth/permissions.ts";
import { sniffBookFile } from "../books/files.ts";
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type DB, type PrismaClient } from "../db/client.ts";
import { AppError, fieldErrorsOf, formFailed, formOk, notFound, type FormResult } from "../errors.ts";
import type { NotificationService } from "../notifications/service.ts";
import { sniffImage } from "../video/sniff.ts";
import { canManage, requireJobManager, type JobManager } from "./access.ts";
import { ZApplicantsQuerySchema, ZApplicationFormSchema, ZApplicationStatusSchema } from "./schema.ts";
import { RESUME_MAX_BYTES, type ApplicationStatus, type JobStatus, type MyApplicationSummary } from "./types.ts";

export { RESUME_MAX_BYTES };
export const APPLICANTS_PAGE_SIZE = 20;
export const MY_APPLICATIONS_PAGE_SIZE = 20;

export type ResumeType = "pdf" | "png" | "jpg" | "webp";
export const RESUME_CONTENT_TYPES: Record<ResumeType, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
};
/** Résumé files as we name them; names read back from the database are checked before use. */
export const RESUME_FILE_REGEX = /^[a-f0-9]{32}\.(?:pdf|png|jpg|webp)$/;
/** Application and post ids: cuids, or the seed's readable fixed ids. Never dots or slashes. */
const ID_REGEX = /^[A-Za-z0-9_-]{1,64}$/;

/** A PDF or an image, by the file's first bytes (receiveFile's head). */
export function sniffResume(head: Buffer): ResumeType | null {
  return sniffBookFile(head) === "PDF" ? "pdf" : sniffImage(head);
}

/** A file the route has received and checked, waiting in tmp/. */
export interface ResumeUpload {
  tempFile: string;
  /** The first bytes, as receiveFile read them. */
  head: Buffer;
  size: number;
  /** As the browser sent it; shown to managers and used for the download's name, nothing else. */
  originalName: string;
}

/** One applicant in a manager's list. */
export interface ApplicantRow {
  id: string;
  applicantName: string;
  phone: string;
  message: string;
  status: ApplicationStatus;
  hasResume: boolean;
  createdAt: Date;
  viewedAt: Date | null;
}

export interface ApplicationPost {
  id: string;
  title: string;
  organization: string;
  status: JobStatus;
  applicationCount: number;
}

/** One application as its manager opens it. */
export interface ApplicationDetail extends ApplicantRow {
  statusChangedAt: Date;
  resume: { name: string; type: string; size: number } | null;
  post: ApplicationPost;
}

/** One of the worker's applications, with the post it went to. */
export interface MyApplicationRow extends MyApplicationSummary {
  statusChangedAt: Date;
  post: { id: string; title: string; organization: string; status: JobStatus; open: boolean };
}

export interface ApplicationServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  dataDir: string;
  notifications: NotificationService;
}

type Tx = DB.Prisma.TransactionClient;

const summarySelect = {
  id: true,
  status: true,
  message: true,
  phone: true,
  resumeName: true,
  createdAt: true,
  viewedAt: true,
} as const satisfies DB.Prisma.JobApplicationSelect;

const postSelect = {
  id: true,
  title: true,
  status: true,
  applicationCount: true,
  organizationId: true,
  organization: { select: { name: true } },
} as const satisfies DB.Prisma.JobPostSelect;

type PostRow = DB.Prisma.JobPostGetPayload<{ select: typeof postSelect }>;

const applicantSelect = {
  ...summarySelect,
  resumeFile: true,
  resumeType: true,
  resumeSize: true,
  statusChangedAt: true,
  user: { select: { displayName: true } },
} as const satisfies DB.Prisma.JobApplicationSelect;

type ApplicantDbRow = DB.Prisma.JobApplicationGetPayload<{ select: typeof applicantSelect }>;


function toApplicant(row: ApplicantDbRow): ApplicantRow {
  return {
    id: row.id,
    applicantName: row.user.displayName,
    phone: row.phone,
    message: row.message,
    status: row.status,
    hasResume: row.resumeFile !== null,
    createdAt: row.createdAt,
    viewedAt: row.viewedAt,
  };
}

const toPost = (row: PostRow): ApplicationPost => ({
  id: row.id,
  title: row.title,
  organization: row.organization.name,
  status: row.status,
  applicationCount: row.applicationCount,
});

/**
 * The name a résumé is shown and downloaded under: no folders, no control characters, at most 100
 * characters, with the extension of what the file really is (a PDF sent as "cv.txt" is "cv.pdf").
 */
export function resumeDisplayName(originalName: string, type: ResumeType): string {
  const base = (originalName.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${base || "resume"}.${type}`;
}

/** "YYYY-MM-DD" as the start of that day in China (UTC+8); null for an impossible date. */
function startOfChinaDay(day: string): Date | null {
  const date = new Date(`${day}T00:00:00.000+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // 2026-02-31 parses as a valid instant in some engines: it must read back as the same day.
  const china = new Date(date.getTime() + 8 * 3_600_000);
  return china.toISOString().slice(0, 10) === day ? date : null;
}

export function createApplicationService(deps: ApplicationServiceDeps) {
  const { prisma, clock, notifications } = deps;
  const root = path.resolve(deps.dataDir);
  const resumesDir = path.join(root, "resumes");
  const tmpDir = path.join(root, "tmp");

  const isOpen = (post: { status: JobStatus; validThrough: Date }) => post.status === "OPEN" && post.validThrough.getTime() > clock.now().getTime();

  /** Only workers and craftsmen apply: employers and admins are on the other side of the table. */
  function requireApplicant(viewer: Viewer | null): Viewer {
    const signedIn = requireViewer(viewer);
    if (signedIn.role !== "WORKER" && signedIn.role !== "CRAFTSMAN") throw new AppError("forbidden", "jobs.apply.error.notApplicant");
    return signedIn;
  }

  /** The post as applicants may see it: published at some point (OPEN or CLOSED), never a draft. */
  async function visiblePost(jobId: string) {
    if (typeof jobId !== "string" || !ID_REGEX.test(jobId)) throw notFound();
    const post = await prisma.jobPost.findUnique({ where: { id: jobId }, select: { id: true, status: true, validThrough: true } });
    if (!post || post.status === "DRAFT") throw notFound();
    return post;
  }

  async function findMine(userId: string, jobId: string): Promise<MyApplicationSummary | null> {
    return prisma.jobApplication.findUnique({ where: { jobPostId_userId: { jobPostId: jobId, userId } }, select: summarySelect });
  }

  /** The viewer's application to the post, or null (also for visitors). */
  async function mine(viewer: Viewer | null, jobId: string): Promise<MyApplicationSummary | null> {
    if (!viewer || typeof jobId !== "string" || !ID_REGEX.test(jobId)) return null;
    return findMine(viewer.id, jobId);
  }

  /** The phone to prefill the apply form with: the viewer's account phone, if any. */
  async function defaultPhone(viewer: Viewer | null): Promise<string | null> {
    if (!viewer) return null;
    const user = await prisma.user.findUnique({ where: { id: viewer.id }, select: { phone: true } });
    return user?.phone ?? null;
  }

  /**
   * What the apply route asks before it reads a body: whether this viewer may apply to this post,
   * and whether they already did (then the existing application is the answer, with no upload).
   */
  async function prepareApply(
    viewer: Viewer | null,
    jobId: string,
  ): Promise<{ kind: "ready" } | { kind: "existing"; application: MyApplicationSummary } | { kind: "closed" }> {
    const applicant = requireApplicant(viewer);
    const post = await visiblePost(jobId);
    const existing = await findMine(applicant.id, post.id);
    if (existing) return { kind: "existing", application: existing };
    return isOpen(post) ? { kind: "ready" } : { kind: "closed" };
  }

  /** A fresh path under tmp/ for a résumé in flight (same file system as resumes/, so rename works). */
  async function resumeTempFile(): Promise<string> {
    await mkdir(tmpDir, { recursive: true });
    return path.join(tmpDir, `resume-${randomBytes(12).toString("hex")}`);
  }

  /** Moves a checked upload into resumes/ under a new name. The caller removes the temp file in any case. */
  async function adoptResume(upload: ResumeUpload, type: ResumeType): Promise<string> {
    await mkdir(resumesDir, { recursive: true });
    const name = `${randomBytes(16).toString("hex")}.${type}`;
    await rename(upload.tempFile, path.join(resumesDir, name));
    return name;
  }

  const removeResume = async (name: string | null) => {
    if (name && RESUME_FILE_REGEX.test(name)) await rm(path.join(resumesDir, name), { force: true });
  };

  /**
   * Applies to an open post. A second application to the same post returns the first one
   * (`created: false`) and stores nothing. The résumé, when given, is moved into place only once
   * everything else has been checked, and removed again if the row cannot be written.
   */
  async function apply(
    viewer: Viewer | null,
    jobId: string,
    input: unknown,
    resume: ResumeUpload | null = null,
  ): Promise<FormResult<{ application: MyApplicationSummary; created: boolean }>> {
    const prepared = await prepareApply(viewer, jobId);
    const applicant = requireApplicant(viewer);
    if (prepared.kind === "existing") return formOk({ application: prepared.application, created: false });
    if (prepared.kind === "closed") return formFailed({}, "jobs.apply.error.closed");

    const parsed = ZApplicationFormSchema.safeParse(input ?? {});
    const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    const type = resume ? sniffResume(resume.head) : null;
    if (resume && !type) fieldErrors.resume = "jobs.apply.error.resumeType";
    else if (resume && resume.size > RESUME_MAX_BYTES) fieldErrors.resume = "jobs.apply.error.resumeTooLarge";
    if (!parsed.success || Object.keys(fieldErrors).length > 0) return formFailed(fieldErrors);

    const resumeFile = resume && type ? await adoptResume(resume, type) : null;
    try {
      const application = await prisma.$transaction(async (tx) => {
        const row = await tx.jobApplication.create({
          data: {
            jobPostId: jobId,
            userId: applicant.id,
            message: parsed.data.message,
            phone: parsed.data.phone,
            resumeFile,
            resumeType: type ? RESUME_CONTENT_TYPES[type] : null,
            resumeName: resume && type ? resumeDisplayName(resume.originalName, type) : null,
            resumeSize: resume ? resume.size : null,
            status: "NEW",
            statusChangedAt: clock.now(),
            createdAt: clock.now(),
          },
          select: summarySelect,
        });
        await tx.jobPost.update({ where: { id: jobId }, data: { applicationCount: { increment: 1 } } });
        return row;
      });
      return formOk({ application, created: true });
    } catch (error) {
      await removeResume(resumeFile);
      // Two submits at once: the other one won; its application is the answer.
      if (isUniqueViolation(error)) {
        const existing = await findMine(applicant.id, jobId);
        if (existing) return formOk({ application: existing, created: false });
      }
      throw error;
    }
  }

  /** The viewer's applications, newest first, with their posts. */
  async function myApplications(viewer: Viewer | null, params: { page?: unknown } = {}) {
    const signedIn = requireViewer(viewer);
    const where = { userId: signedIn.id };
    const total = await prisma.jobApplication.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / MY_APPLICATIONS_PAGE_SIZE));
    const requested = Number(params.page);
    const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
    const rows = await prisma.jobApplication.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MY_APPLICATIONS_PAGE_SIZE,
      take: MY_APPLICATIONS_PAGE_SIZE,
      select: {
        ...summarySelect,
        statusChangedAt: true,
        jobPost: { select: { id: true, title: true, status: true, validThrough: true, organization: { select: { name: true } } } },
      },
    });
    const items: MyApplicationRow[] = rows.map(({ jobPost, ...row }) => ({
      ...row,
      post: { id: jobPost.id, title: jobPost.title, organization: jobPost.organization.name, status: jobPost.status, open: isOpen(jobPost) },
    }));
    return { items, total, page, pageCount };
  }

  // ── managers ─────────────────────────────────────────────────────────────────────────────────

  /** The post, if this manager manages it; another organisation's post is a 404, like a missing one. */
  async function managedPost(manager: JobManager, jobId: string): Promise<PostRow> {
    if (typeof jobId !== "string" || !ID_REGEX.test(jobId)) throw notFound();
    const post = await prisma.jobPost.findUnique({ where: { id: jobId }, select: postSelect });
    if (!post || !canManage(manager, post)) throw notFound();
    return post;
  }

  async function applicants(viewer: Viewer | null, jobId: string, params: unknown) {
    const manager = await requireJobManager(prisma, viewer);
    const post = await managedPost(manager, jobId);
    const query = ZApplicantsQuerySchema.parse(params ?? {});
    const from = query.from ? startOfChinaDay(query.from) : null;
    const where: DB.Prisma.JobApplicationWhereInput = {
      jobPostId: post.id,
      ...(query.status ? { status: query.status } : {}),
      ...(from ? { createdAt: { gte: from } } : {}),
    };
    const [total, byStatus] = await Promise.all([
      prisma.jobApplication.count({ where }),
      prisma.jobApplication.groupBy({ by: ["status"], where: { jobPostId: post.id }, _count: { _all: true } }),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / APPLICANTS_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const direction = query.sort === "oldest" ? "asc" : "desc";
    const rows = await prisma.jobApplication.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      skip: (page - 1) * APPLICANTS_PAGE_SIZE,
      take: APPLICANTS_PAGE_SIZE,
      select: applicantSelect,
    });
    const counts = Object.fromEntries(byStatus.map((group) => [group.status, group._count._all])) as Partial<Record<ApplicationStatus, number>>;
    return { post: toPost(post), items: rows.map(toApplicant), counts, total, page, pageCount, query: { ...query, from: from ? query.from : null } };
  }

  async function managedApplication(manager: JobManager, jobId: string, applicationId: string) {
    const post = await managedPost(manager, jobId);
    if (typeof applicationId !== "string" || !ID_REGEX.test(applicationId)) throw notFound();
    const row = await prisma.jobApplication.findFirst({ where: { id: applicationId, jobPostId: post.id }, select: applicantSelect });
    if (!row) throw notFound();
    return { post, row };
  }

  /** Writes a status and notifies the applicant, in one transaction. */
  async function changeStatus(tx: Tx, application: { id: string; postTitle: string }, status: ApplicationStatus, changes: DB.Prisma.JobApplicationUpdateManyMutationInput, from: ApplicationStatus[]) {
    // Guarded by the status it had: of two managers at once, only one changes it and notifies.
    const updated = await tx.jobApplication.updateMany({ where: { id: application.id, status: { in: from } }, data: { status, statusChangedAt: clock.now(), ...changes } });
    if (updated.count === 0) return false;
    const row = await tx.jobApplication.findUniqueOrThrow({ where: { id: application.id }, select: { userId: true } });
    await notifications.notify(
      [
        {
          userId: row.userId,
          kind: "application.status",
          data: { title: application.postTitle, status },
          link: "/me/applications",
          dedupeKey: `application:${application.id}:${status}`,
        },
      ],
      tx,
    );
    return true;
  }

  /** One application for its manager. Opening a NEW one marks it VIEWED (and tells the applicant). */
  async function openApplication(viewer: Viewer | null, jobId: string, applicationId: string): Promise<ApplicationDetail> {
    const manager = await requireJobManager(prisma, viewer);
    const found = await managedApplication(manager, jobId, applicationId);
    let { row } = found;
    if (row.status === "NEW") {
      row = await prisma.$transaction(async (tx) => {
        await changeStatus(tx, { id: row.id, postTitle: found.post.title }, "VIEWED", { viewedAt: clock.now() }, ["NEW"]);
        return tx.jobApplication.findUniqueOrThrow({ where: { id: row.id }, select: applicantSelect });
      });
    }
    return {
      ...toApplicant(row),
      statusChangedAt: row.statusChangedAt,
      resume: row.resumeFile && row.resumeName && row.resumeType ? { name: row.resumeName, type: row.resumeType, size: row.resumeSize ?? 0 } : null,
      post: toPost(found.post),
    };
  }

  /** SHORTLISTED, REJECTED or HIRED (ZApplicationStatusSchema); VIEWED comes from opening. */
  async function setStatus(viewer: Viewer | null, jobId: string, applicationId: string, input: unknown): Promise<FormResult<{ status: ApplicationStatus }>> {
    const manager = await requireJobManager(prisma, viewer);
    const { post, row } = await managedApplication(manager, jobId, applicationId);
    const parsed = ZApplicationStatusSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const { status } = parsed.data;
    if (row.status === status) return formOk({ status });
    await prisma.$transaction((tx) =>
      changeStatus(tx, { id: row.id, postTitle: post.title }, status, row.viewedAt ? {} : { viewedAt: clock.now() }, [row.status]),
    );
    return formOk({ status });
  }

  /**
   * The résumé file for the download route: to the applicant, admins and the post's employer.
   * Everyone else gets a 404, as for an application that does not exist.
   */
  async function resumeFor(viewer: Viewer | null, applicationId: string): Promise<{ path: string; type: string; name: string }> {
    const signedIn = requireViewer(viewer);
    if (typeof applicationId !== "string" || !ID_REGEX.test(applicationId)) throw notFound();
    const row = await prisma.jobApplication.findUnique({
      where: { id: applicationId },
      select: { userId: true, resumeFile: true, resumeType: true, resumeName: true, jobPost: { select: { organizationId: true } } },
    });
    if (!row || !row.resumeFile || !RESUME_FILE_REGEX.test(row.resumeFile)) throw notFound();
    let allowed = row.userId === signedIn.id || signedIn.role === "ADMIN";
    if (!allowed && signedIn.role === "EMPLOYER") {
      const user = await prisma.user.findUnique({ where: { id: signedIn.id }, select: { organizationId: true } });
      allowed = user?.organizationId != null && user.organizationId === row.jobPost.organizationId;
    }
    if (!allowed) throw notFound();
    const type = row.resumeFile.slice(row.resumeFile.lastIndexOf(".") + 1) as ResumeType;
    return { path: path.join(resumesDir, row.resumeFile), type: RESUME_CONTENT_TYPES[type], name: row.resumeName ?? `resume.${type}` };
  }

  return {
    mine,
    defaultPhone,
    prepareApply,
    resumeTempFile,
    apply,
    myApplications,
    applicants,
    openApplication,
    setStatus,
    resumeFor,
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
