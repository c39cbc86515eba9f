// Job posts: the public listing and page, their management by admins and employers (the post
// form, publishing, closing, reopening, deleting), the expiry task, and reports with the
// moderation queue.
//
// Every change to a post writes its search outbox row in the same transaction: only OPEN posts are
// in the index (server/search/sources.ts decides), so publishing, closing, expiring and deleting
// all reach search through the same row.
import { z } from "zod";
import { lenientEnum, pageNumber, queryText } from "../validation.ts";
import { requireRole, requireViewer, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type DB, type PrismaClient } from "../db/client.ts";
import { AppError, fieldErrorsOf, formFailed, formOk, notFound, type FieldErrors, type FormResult } from "../errors.ts";
import { citiesByProvince, districtsOf, isCity, localityName, placeName, regionName } from "../regions.ts";
import type { ScheduledTask } from "../scheduler.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import type { SearchEngine } from "../../search/index.ts";
import { canManage, managedPosts, requireJobManager, type JobManager } from "./access.ts";
import { postColumns, postFeeWording, ZJobListQuerySchema, ZJobPostFormSchema, ZReportFormSchema, type JobFilters, type JobPostForm } from "./schema.ts";
import {
  JOB_ADMIN_PAGE_SIZE,
  JOB_COUNT_CAP,
  JOB_PAGE_SIZE,
  JOB_STATUSES,
  type JobCard,
  type JobDetail,
  type JobEdit,
  type JobFormContext,
  type JobListPage,
  type JobSaved,
  type ManagedJobPage,
  type ManagedJobRow,
  type ModerationPage,
} from "./types.ts";

/** How many ranked ids a text query takes from the engine before the SQL filters apply. */
const SEARCH_CANDIDATES = 500;
/** Posts closed per transaction by the expiry task. */
const EXPIRY_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

type Tx = DB.Prisma.TransactionClient;

export interface JobServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  engine: SearchEngine;
  /** Called after a publish (or reopen) has committed: context.ts wires it to run the alert task soon. */
  afterPublish?: () => void;
}

export const jobDocId = (jobId: string) => `job-${jobId}`;


/** The post takes applications now: OPEN, and its last day has not passed (the expiry task may lag a minute). */
const isOpenAt = (post: { status: string; validThrough: Date }, now: Date) => post.status === "OPEN" && post.validThrough.getTime() > now.getTime();

/** "2026-12-31": the day a post is valid through, in China (the form's own reading, see schema.ts). */
export const chinaDate = (date: Date) => new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * The SQL filter of /jobs (and of what a saved search matches): OPEN posts still valid, in the
 * trade and city, paying at least `salary` a month at the top of their range, of the employment
 * type, posted within the last `within` days. `tradeId` is the filter's trade resolved (null: any).
 */
export function openPostsWhere(filters: Omit<JobFilters, "q" | "sort" | "trade">, tradeId: number | null, now: Date): DB.Prisma.JobPostWhereInput {
  return {
    status: "OPEN",
    validThrough: { gt: now },
    ...(tradeId !== null ? { tradeId } : {}),
    ...(filters.city ? { city: filters.city } : {}),
    ...(filters.salary !== null ? { monthlyMax: { gte: filters.salary } } : {}),
    ...(filters.type ? { employmentType: filters.type } : {}),
    ...(filters.within !== null ? { datePosted: { gte: new Date(now.getTime() - filters.within * DAY_MS) } } : {}),
  };
}

const cardSelect = {
  id: true,
  title: true,
  employmentType: true,
  province: true,
  city: true,
  district: true,
  salaryMin: true,
  salaryMax: true,
  salaryUnit: true,
  currency: true,
  monthlyMax: true,
  openings: true,
  status: true,
  datePosted: true,
  validThrough: true,
  feeWarning: true,
  organization: { select: { id: true, name: true } },
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const satisfies DB.Prisma.JobPostSelect;

type CardRow = DB.Prisma.JobPostGetPayload<{ select: typeof cardSelect }>;

function toCard({ monthlyMax: _monthlyMax, ...row }: CardRow): JobCard {
  return { ...row, placeName: placeName(row) };
}

const managedSelect = {
  id: true,
  title: true,
  status: true,
  closeReason: true,
  province: true,
  city: true,
  district: true,
  applicationCount: true,
  openReportCount: true,
  feeWarning: true,
  datePosted: true,
  validThrough: true,
  updatedAt: true,
  organization: { select: { id: true, name: true } },
  trade: { select: { code: true, nameZh: true, nameEn: true } },
} as const satisfies DB.Prisma.JobPostSelect;

type ManagedRow = DB.Prisma.JobPostGetPayload<{ select: typeof managedSelect }>;

function toManagedRow({ province, city, district, ...row }: ManagedRow): ManagedJobRow {
  return { ...row, placeName: placeName({ province, city, district }) };
}

/** /admin/jobs: a title search and a status; unknown values are dropped, as on /jobs. */
const ZManageQuerySchema = z.object({
  q: queryText,
  status: lenientEnum(JOB_STATUSES),
  page: pageNumber,
});

const ZModerationQuerySchema = z.object({ page: pageNumber });

const ZModerationActionSchema = z.enum(["dismiss", "close"]);
export type ModerationAction = z.infer<typeof ZModerationActionSchema>;

/** Page count and the requested page clamped to it (an empty list still has page 1). */
function paging(total: number, requested: number, size: number) {
  const pageCount = Math.ceil(total / size);
  return { pageCount, page: Math.min(requested, Math.max(pageCount, 1)) };
}

const fieldOf = (input: Record<string, unknown>, name: string) => (typeof input[name] === "string" ? (input[name] as string).trim() : "");

export function createJobService(deps: JobServiceDeps) {
  const { prisma, clock, engine } = deps;

  // ── shared steps ────────────────────────────────────────────────────────────────────────────

  /** The viewer as a manager of posts, or null (visitors, workers, employers without an organisation). */
  async function managerOrNull(viewer: Viewer | null): Promise<JobManager | null> {
    if (viewer?.role !== "ADMIN" && viewer?.role !== "EMPLOYER") return null;
    try {
      return await requireJobManager(prisma, viewer);
    } catch {
      return null;
    }
  }

  /**
   * A post the viewer manages. Another organisation's post is "not found", never "forbidden", so
   * that an employer cannot learn which ids exist.
   */
  async function managedPost(viewer: Viewer | null, jobId: string) {
    const manager = await requireJobManager(prisma, viewer);
    const post = await prisma.jobPost.findUnique({
      where: { id: jobId },
      select: { id: true, status: true, closeReason: true, organizationId: true, validThrough: true, datePosted: true },
    });
    if (!post || !canManage(manager, post)) throw notFound();
    return { manager, post };
  }

  async function tradeIdOf(code: string | null): Promise<number | null | "unknown"> {
    if (!code) return null;
    const trade = await prisma.trade.findUnique({ where: { code }, select: { id: true } });
    return trade ? trade.id : "unknown";
  }

  /**
   * The post form checked: the schema's per-field keys, then what needs the database or the clock
   * (an unknown trade, an expiry already past, an admin's missing organisation), all at once so
   * the form shows every message together. `keepPastDate`: a closed post whose (past) date is
   * unchanged may still be edited.
   */
  async function checkForm(
    manager: JobManager,
    input: unknown,
    keepPastDate: Date | null = null,
  ): Promise<{ ok: true; form: JobPostForm; tradeId: number } | { ok: false; fieldErrors: FieldErrors }> {
    const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
    const parsed = ZJobPostFormSchema.safeParse(raw);
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);

    let tradeId: number | null = null;
    if (!errors.trade) {
      const found = await tradeIdOf(fieldOf(raw, "trade"));
      if (typeof found === "number") tradeId = found;
      else errors.trade = "jobs.error.tradeUnknown";
    }
    if (manager.organizationId === null && !errors.organization && fieldOf(raw, "organization") === "") {
      errors.organization = "jobs.error.organizationRequired";
    }
    if (!errors.validThrough) {
      const validThrough = parsed.success ? parsed.data.validThrough : new Date(`${fieldOf(raw, "validThrough")}T23:59:59.999+08:00`);
      const unchanged = keepPastDate !== null && keepPastDate.getTime() === validThrough.getTime();
      if (validThrough.getTime() <= clock.now().getTime() && !unchanged) errors.validThrough = "jobs.error.validThroughPast";
    }
    if (!parsed.success || Object.keys(errors).length > 0 || tradeId === null) return { ok: false, fieldErrors: errors };
    return { ok: true, form: parsed.data, tradeId };
  }

  /** An admin names the organisation (found, or created); an employer's post is always their own's. */
  async function organizationIdFor(tx: Tx, manager: JobManager, form: JobPostForm): Promise<string> {
    if (manager.organizationId !== null) return manager.organizationId;
    const name = form.organization!;
    const organization = await tx.organization.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    return organization.id;
  }

  async function searchJobIds(q: string, tradeCode: string | undefined): Promise<string[]> {
    const ids: string[] = [];
    for (let pageNumber = 1; ids.length < SEARCH_CANDIDATES; pageNumber++) {
      const result = await engine.search({ q, types: ["job"], tradeCode, page: pageNumber, perPage: 100 });
      for (const hit of result.hits) ids.push(hit.doc.id.slice("job-".length));
      if (pageNumber >= result.pageCount) break;
    }
    return ids;
  }

  // ── the public side ─────────────────────────────────────────────────────────────────────────

  /** /jobs: OPEN posts with the filters, newest or best paid first; a text query goes through search. */
  async function list(_viewer: Viewer | null, params: unknown): Promise<JobListPage> {
    const { page: requested, ...query } = ZJobListQuerySchema.parse(params ?? {});
    const notices: string[] = [];
    const now = clock.now();
    const tradeId = await tradeIdOf(query.trade);
    if (tradeId === "unknown") {
      notices.push("jobs.notice.unknownTrade");
      query.trade = null;
    }
    const where = openPostsWhere(query, typeof tradeId === "number" ? tradeId : null, now);
    const bySalary = (a: CardRow, b: CardRow) =>
      b.monthlyMax - a.monthlyMax || (b.datePosted?.getTime() ?? 0) - (a.datePosted?.getTime() ?? 0) || a.id.localeCompare(b.id);

    if (query.q) {
      // The engine ranks; SQL keeps only what the filters allow (and only posts open right now).
      const ranked = await searchJobIds(query.q, query.trade ?? undefined);
      const rows = await prisma.jobPost.findMany({ where: { ...where, id: { in: ranked } }, select: cardSelect });
      const rank = new Map(ranked.map((id, index) => [id, index]));
      rows.sort(query.sort === "salary" ? bySalary : (a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const { page, pageCount } = paging(rows.length, requested, JOB_PAGE_SIZE);
      const items = rows.slice((page - 1) * JOB_PAGE_SIZE, page * JOB_PAGE_SIZE).map(toCard);
      return { items, total: rows.length, page, pageCount, query, notices };
    }

    const orderBy: DB.Prisma.JobPostOrderByWithRelationInput[] =
      query.sort === "salary" ? [{ monthlyMax: "desc" }, { datePosted: "desc" }, { id: "asc" }] : [{ datePosted: "desc" }, { id: "asc" }];
    const total = await prisma.jobPost.count({ where, take: JOB_COUNT_CAP + 1 });
    const { page, pageCount } = paging(total, requested, JOB_PAGE_SIZE);
    const rows = await prisma.jobPost.findMany({ where, orderBy, skip: (page - 1) * JOB_PAGE_SIZE, take: JOB_PAGE_SIZE, select: cardSelect });
    return { items: rows.map(toCard), total, page, pageCount, query, notices };
  }

  /**
   * Provinces with their cities, for the city selects of /jobs and the post form: every city in
   * China, also on /jobs, where a worker may want alerts for a city with no posts yet.
   */
  function cityGroups(): JobFormContext["cities"] {
    return citiesByProvince().map(({ code, name, cities }) => ({ code, name, cities: cities.map((city) => ({ code: city.code, name: city.name })) }));
  }

  /** After a publish or reopen has committed: alerts go out. */
  function published() {
    deps.afterPublish?.();
  }



  /** /jobs/:jobId: open and closed posts for everyone; drafts only for those who manage them. */
  async function detail(viewer: Viewer | null, jobId: string): Promise<JobDetail> {
    const post = await prisma.jobPost.findUnique({
      where: { id: jobId },
      select: {
        ...cardSelect,
        organizationId: true,
        description: true,
        address: true,
        experienceYears: true,
        certificates: true,
        benefits: true,
        closeReason: true,
      },
    });
    if (!post) throw notFound();
    const manager = await managerOrNull(viewer);
    const isManager = manager !== null && canManage(manager, post);
    if (post.status === "DRAFT" && !isManager) throw notFound();
    const reported = viewer
      ? await prisma.jobReport.findUnique({ where: { jobPostId_userId: { jobPostId: jobId, userId: viewer.id } }, select: { id: true } })
      : null;
    const { organizationId: _organizationId, description, address, experienceYears, certificates, benefits, closeReason, ...card } = post;
    return {
      ...toCard(card),
      placeNames: {
        province: regionName(post.province),
        locality: localityName(post),
        district: post.district ? regionName(post.district) : null,
      },
      description,
      address,
      experienceYears,
      certificates,
      benefits,
      closeReason,
      isOpen: isOpenAt(post, clock.now()),
      viewer: { signedIn: viewer !== null, canManage: isManager, hasReported: reported !== null },
    };
  }

  // ── managing posts ──────────────────────────────────────────────────────────────────────────

  /** /admin/jobs: the manager's posts (an employer's organisation, or all), newest first. */
  async function manageList(viewer: Viewer | null, params: unknown): Promise<ManagedJobPage> {
    const manager = await requireJobManager(prisma, viewer);
    const query = ZManageQuerySchema.parse(params ?? {});
    const where: DB.Prisma.JobPostWhereInput = {
      ...managedPosts(manager),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { title: { contains: query.q, mode: "insensitive" } } : {}),
    };
    const total = await prisma.jobPost.count({ where });
    const { page, pageCount } = paging(total, query.page, JOB_ADMIN_PAGE_SIZE);
    const rows = await prisma.jobPost.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * JOB_ADMIN_PAGE_SIZE,
      take: JOB_ADMIN_PAGE_SIZE,
      select: managedSelect,
    });
    return { items: rows.map(toManagedRow), total, page, pageCount, query, isAdmin: manager.organizationId === null };
  }

  /** What the post form needs: admins type an organisation, employers see their own. */
  async function formContext(viewer: Viewer | null, city: string | null = null): Promise<JobFormContext> {
    const manager = await requireJobManager(prisma, viewer);
    const organization =
      manager.organizationId === null ? null : await prisma.organization.findUnique({ where: { id: manager.organizationId }, select: { name: true } });
    return { isAdmin: manager.organizationId === null, organizationName: organization?.name ?? null, cities: cityGroups(), ...districts(city) };
  }

  /** A city's districts for the post form's district list (none for anything that is not a city). */
  function districts(city: unknown): Pick<JobFormContext, "districts" | "districtsCity"> {
    return typeof city === "string" && isCity(city) ? { districts: districtsOf(city), districtsCity: city } : { districts: [], districtsCity: null };
  }

  /** /admin/jobs/:jobId: the post's form values and state. */
  async function forEdit(viewer: Viewer | null, jobId: string): Promise<JobEdit> {
    await managedPost(viewer, jobId);
    const post = await prisma.jobPost.findUniqueOrThrow({
      where: { id: jobId },
      include: { organization: { select: { id: true, name: true } }, trade: { select: { code: true } } },
    });
    return {
      id: post.id,
      title: post.title,
      status: post.status,
      closeReason: post.closeReason,
      organization: post.organization,
      datePosted: post.datePosted,
      validThrough: post.validThrough,
      feeWarning: post.feeWarning,
      feePhrase: postFeeWording(post),
      applicationCount: post.applicationCount,
      openReportCount: post.openReportCount,
      values: {
        title: post.title,
        description: post.description,
        employmentType: post.employmentType,
        organization: post.organization.name,
        trade: post.trade.code,
        city: post.city,
        district: post.district ?? "",
        address: post.address ?? "",
        salaryMin: String(post.salaryMin),
        salaryMax: String(post.salaryMax),
        salaryUnit: post.salaryUnit,
        currency: post.currency,
        experienceYears: String(post.experienceYears),
        certificates: post.certificates.join("\n"),
        benefits: post.benefits.join("\n"),
        openings: String(post.openings),
        validThrough: chinaDate(post.validThrough),
      },
    };
  }

  /** A new post, a draft unless `publish` (then open at once, as a publish would). */
  async function create(viewer: Viewer | null, input: unknown, options: { publish?: boolean } = {}): Promise<FormResult<JobSaved>> {
    const manager = await requireJobManager(prisma, viewer);
    const checked = await checkForm(manager, input);
    if (!checked.ok) return formFailed(checked.fieldErrors);
    const { form, tradeId } = checked;
    const now = clock.now();
    const created = await prisma.$transaction(async (tx) => {
      const post = await tx.jobPost.create({
        data: {
          ...postColumns(form, tradeId),
          organizationId: await organizationIdFor(tx, manager, form),
          createdById: manager.viewer.id,
          ...(options.publish ? { status: "OPEN", datePosted: now } : {}),
        },
        select: { id: true },
      });
      await enqueueSearchUpdates(tx, [jobDocId(post.id)]);
      return post;
    });
    if (options.publish) published();
    return formOk({ id: created.id, feeWarning: postFeeWording(form) });
  }

  async function update(viewer: Viewer | null, jobId: string, input: unknown): Promise<FormResult<JobSaved>> {
    const { manager, post } = await managedPost(viewer, jobId);
    const checked = await checkForm(manager, input, post.status === "CLOSED" ? post.validThrough : null);
    if (!checked.ok) return formFailed(checked.fieldErrors);
    const { form, tradeId } = checked;
    await prisma.$transaction(async (tx) => {
      await tx.jobPost.update({
        where: { id: jobId },
        data: { ...postColumns(form, tradeId), organizationId: manager.organizationId === null ? await organizationIdFor(tx, manager, form) : post.organizationId },
      });
      await enqueueSearchUpdates(tx, [jobDocId(jobId)]);
    });
    return formOk({ id: jobId, feeWarning: postFeeWording(form) });
  }

  /**
   * DRAFT → OPEN (publish) or CLOSED → OPEN (reopen). The first publish sets datePosted; a reopen
   * keeps it. A post past its validThrough must get a new date first. A post closed by a moderator
   * can be reopened by admins only.
   */
  async function open(viewer: Viewer | null, jobId: string, from: "DRAFT" | "CLOSED"): Promise<FormResult<null>> {
    const { manager, post } = await managedPost(viewer, jobId);
    if (post.status === "OPEN") return formOk(null);
    if (post.status !== from) return formFailed({}, "jobs.error.statusChanged");
    if (post.closeReason === "MODERATION" && manager.organizationId !== null) return formFailed({}, "jobs.error.closedByModeration");
    const now = clock.now();
    if (post.validThrough.getTime() <= now.getTime()) return formFailed({}, "jobs.error.validThroughPast");
    const changed = await prisma.$transaction(async (tx) => {
      // Conditional on the status read above, so that two clicks (or tabs) change it once.
      const { count } = await tx.jobPost.updateMany({
        where: { id: jobId, status: from },
        data: { status: "OPEN", closeReason: null, datePosted: post.datePosted ?? now },
      });
      if (count > 0) await enqueueSearchUpdates(tx, [jobDocId(jobId)]);
      return count > 0;
    });
    if (changed) published();
    return formOk(null);
  }

  const publish = (viewer: Viewer | null, jobId: string) => open(viewer, jobId, "DRAFT");
  const reopen = (viewer: Viewer | null, jobId: string) => open(viewer, jobId, "CLOSED");

  /** OPEN → CLOSED (closeReason MANUAL); closing a closed post changes nothing. */
  async function close(viewer: Viewer | null, jobId: string): Promise<FormResult<null>> {
    const { post } = await managedPost(viewer, jobId);
    if (post.status === "CLOSED") return formOk(null);
    if (post.status !== "OPEN") return formFailed({}, "jobs.error.statusChanged");
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.jobPost.updateMany({ where: { id: jobId, status: "OPEN" }, data: { status: "CLOSED", closeReason: "MANUAL" } });
      if (count > 0) await enqueueSearchUpdates(tx, [jobDocId(jobId)]);
    });
    return formOk(null);
  }

  /**
   * Deletes a post that nobody applied to. Applications are people's records (and résumé files):
   * a post with applicants is closed instead.
   */
  async function remove(viewer: Viewer | null, jobId: string): Promise<FormResult<null>> {
    await managedPost(viewer, jobId);
    return prisma.$transaction(async (tx) => {
      if ((await tx.jobApplication.count({ where: { jobPostId: jobId } })) > 0) return formFailed({}, "jobs.error.hasApplications");
      await tx.jobPost.delete({ where: { id: jobId } });
      await enqueueSearchUpdates(tx, [jobDocId(jobId)]);
      return formOk(null);
    });
  }

  // ── expiry ──────────────────────────────────────────────────────────────────────────────────

  /** Closes OPEN posts whose validThrough has passed (closeReason EXPIRED), with search outbox rows. */
  async function expire(): Promise<number> {
    const now = clock.now();
    let total = 0;
    for (;;) {
      const { due, closed } = await prisma.$transaction(async (tx) => {
        const rows = await tx.jobPost.findMany({
          where: { status: "OPEN", validThrough: { lt: now } },
          orderBy: { validThrough: "asc" },
          take: EXPIRY_BATCH,
          select: { id: true },
        });
        if (rows.length === 0) return { due: 0, closed: 0 };
        const ids = rows.map((row) => row.id);
        // Conditional: a post closed or edited by hand meanwhile is left as it is.
        const { count } = await tx.jobPost.updateMany({
          where: { id: { in: ids }, status: "OPEN", validThrough: { lt: now } },
          data: { status: "CLOSED", closeReason: "EXPIRED" },
        });
        await enqueueSearchUpdates(tx, ids.map(jobDocId));
        return { due: rows.length, closed: count };
      });
      total += closed;
      if (due < EXPIRY_BATCH) return total;
    }
  }

  const expiryTask: ScheduledTask = { name: "jobs.expire", intervalMs: 60_000, run: expire };

  // ── reports and moderation ──────────────────────────────────────────────────────────────────

  /** A signed-in user reports a post they can see; once per post. */
  async function report(viewer: Viewer | null, jobId: string, input: unknown): Promise<FormResult<null>> {
    const reporter = requireViewer(viewer);
    const post = await prisma.jobPost.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!post || post.status === "DRAFT") throw notFound();
    const parsed = ZReportFormSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    try {
      return await prisma.$transaction(async (tx) => {
        const existing = await tx.jobReport.findUnique({ where: { jobPostId_userId: { jobPostId: jobId, userId: reporter.id } }, select: { id: true } });
        if (existing) return formFailed({}, "jobs.report.error.duplicate");
        await tx.jobReport.create({ data: { jobPostId: jobId, userId: reporter.id, reason: parsed.data.reason, details: parsed.data.details } });
        await tx.jobPost.update({ where: { id: jobId }, data: { openReportCount: { increment: 1 } } });
        return formOk(null);
      });
    } catch (error) {
      // Two submissions at once: the unique index keeps one; the other is the same as a repeat.
      if (isUniqueViolation(error)) return formFailed({}, "jobs.report.error.duplicate");
      throw error;
    }
  }

  /**
   * /admin/jobs/moderation (admins): posts with open reports, and open posts whose wording asks for
   * fees that no moderator has looked at yet; most reported first.
   */
  async function moderationQueue(viewer: Viewer | null, params: unknown): Promise<ModerationPage> {
    requireRole(viewer, "ADMIN");
    const query = ZModerationQuerySchema.parse(params ?? {});
    const where: DB.Prisma.JobPostWhereInput = { OR: [{ openReportCount: { gt: 0 } }, { feeWarning: true, status: "OPEN" }] };
    const total = await prisma.jobPost.count({ where });
    const { page, pageCount } = paging(total, query.page, JOB_ADMIN_PAGE_SIZE);
    const rows = await prisma.jobPost.findMany({
      where,
      orderBy: [{ openReportCount: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * JOB_ADMIN_PAGE_SIZE,
      take: JOB_ADMIN_PAGE_SIZE,
      select: {
        ...managedSelect,
        reports: {
          where: { status: "OPEN" },
          orderBy: { createdAt: "asc" },
          take: 50,
          select: { id: true, reason: true, details: true, createdAt: true, user: { select: { displayName: true } } },
        },
      },
    });
    const items = rows.map(({ reports, ...row }) => ({
      ...toManagedRow(row),
      reports: reports.map(({ user, ...report }) => ({ ...report, reporterName: user.displayName })),
    }));
    return { items, total, page, pageCount };
  }

  /**
   * A moderator's decision on a post's open reports: dismiss them (the post is fine; its fee flag
   * is cleared too), or close the post (closeReason MODERATION) and mark them actioned.
   */
  async function resolveReports(viewer: Viewer | null, jobId: string, action: unknown): Promise<FormResult<null>> {
    const moderator = requireRole(viewer, "ADMIN");
    const parsed = ZModerationActionSchema.safeParse(action);
    if (!parsed.success) throw new AppError("invalid", "jobs.moderation.error.actionInvalid");
    const post = await prisma.jobPost.findUnique({ where: { id: jobId }, select: { id: true } });
    if (!post) throw notFound();
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      const resolved = { resolvedAt: now, resolvedById: moderator.id };
      if (parsed.data === "dismiss") {
        await tx.jobReport.updateMany({ where: { jobPostId: jobId, status: "OPEN" }, data: { status: "DISMISSED", ...resolved } });
        await tx.jobPost.update({ where: { id: jobId }, data: { openReportCount: 0, feeWarning: false } });
      } else {
        await tx.jobReport.updateMany({ where: { jobPostId: jobId, status: "OPEN" }, data: { status: "ACTIONED", ...resolved } });
        await tx.jobPost.update({ where: { id: jobId }, data: { openReportCount: 0, status: "CLOSED", closeReason: "MODERATION" } });
      }
      await enqueueSearchUpdates(tx, [jobDocId(jobId)]);
    });
    return formOk(null);
  }

  return {
    list,
    cityGroups,
    detail,
    manageList,
    formContext,
    districts,
    forEdit,
    create,
    update,
    publish,
    reopen,
    close,
    remove,
    report,
    moderationQueue,
    resolveReports,
    expiryTask,
  };
}

export type JobService = ReturnType<typeof createJobService>;
