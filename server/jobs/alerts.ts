// Saved job searches and their alerts: a worker saves the /jobs filters; a background task matches
// newly published posts against saved searches and notifies each search's owner in the app.
//
// Delivery is idempotent per post and search: every notification carries the dedupe key
// `job-alert:<savedSearchId>:<postId>` (unique per user), and a post is marked `alertsSentAt` only
// after its notifications were written. Two processes running the task at once, or a crash between
// the two steps, at worst match a post twice; the second notify writes nothing.
//
// Matching, per batch of posts: SQL narrows the saved searches to those that could match any post
// of the batch by their two selective filters (trade and city, each equal or unset) and by age
// (saved no later than the newest post of the batch was published); the remaining rules (salary,
// employment type, text, age per post, not the post's own creator) are checked in memory, pair by
// pair. So the database never ships every saved search for every post, and the rules are written
// once, in plain code, instead of as JSON expressions in SQL.
//
// The text filter of an alert is simpler than /jobs' search engine: it matches when every word
// (split at whitespace, case-insensitive) occurs as a substring of the title, the description, the
// organisation's name or the trade's name. No segmentation or synonyms, so an alert never matches a
// post for words it does not contain; a search engine hit it misses is still on /jobs.
//
// A search is told only about posts published after it was saved (SavedSearch.createdAt <=
// JobPost.datePosted), so saving one does not bring a flood of old posts; posts that waited with
// `alertsSentAt` unset (e.g. published while no process ran the task) are matched once, oldest first.
import { requireViewer, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { DB, type PrismaClient } from "../db/client.ts";
import { fieldErrorsOf, formFailed, formOk, notFound, type FormResult } from "../errors.ts";
import type { NewNotification, NotificationService } from "../notifications/service.ts";
import { regionName } from "../regions.ts";
import type { ScheduledTask } from "../scheduler.ts";
import { ZJobFiltersSchema, ZSavedSearchFormSchema } from "./schema.ts";
import type { EmploymentType, TradeRef } from "./types.ts";

/** How many searches one user may save: enough for a few trades in a few cities. */
export const MAX_SAVED_SEARCHES = 20;
/** Posts matched per round of the task. */
const POST_BATCH = 200;
/** Notifications written per insert. */
const NOTIFY_CHUNK = 1000;

export interface JobAlertDeps {
  prisma: PrismaClient;
  clock: Clock;
  notifications: NotificationService;
}

/**
 * What a saved search keeps of the /jobs filters. "Posted within" and the sort order mean nothing
 * for posts that are new by definition, so they are dropped.
 */
export interface AlertFilters {
  q: string;
  trade: string | null;
  city: string | null;
  /** Minimum monthly salary: matches posts whose monthly maximum reaches it. */
  salary: number | null;
  type: EmploymentType | null;
}

export interface SavedSearchView {
  id: string;
  name: string;
  filters: AlertFilters;
  /** The trade's names, for the summary (null when the search has no trade). */
  trade: TradeRef | null;
  /** The city's name (Chinese, as the place is written). */
  cityName: string | null;
  /** /jobs with these filters. */
  href: string;
  createdAt: Date;
}

/** The filters as /jobs reads them, with unknown or out-of-range values dropped. */
export function alertFiltersOf(input: unknown): AlertFilters {
  // The schema reads URL parameters (strings); stored filters hold the salary as a number.
  const params = Object.fromEntries(
    Object.entries(input && typeof input === "object" ? input : {}).map(([key, value]) => [key, typeof value === "number" ? String(value) : value]),
  );
  const parsed = ZJobFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : ZJobFiltersSchema.parse({});
  // A fixed key order, so that two saves of the same filters store the same JSON.
  return { q: filters.q, trade: filters.trade, city: filters.city, salary: filters.salary, type: filters.type };
}

const hasAnyFilter = (filters: AlertFilters) =>
  filters.q !== "" || filters.trade !== null || filters.city !== null || filters.salary !== null || filters.type !== null;

/** /jobs?… showing what the saved search is about. */
export function jobsHrefOf(filters: AlertFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.trade) params.set("trade", filters.trade);
  if (filters.city) params.set("city", filters.city);
  if (filters.salary !== null) params.set("salary", String(filters.salary));
  if (filters.type) params.set("type", filters.type);
  const query = params.toString();
  return query ? `/jobs?${query}` : "/jobs";
}

/** The words of a text filter: every one must occur in the post (case-insensitive substrings). */
const termsOf = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

interface CandidateSearch {
  id: string;
  userId: string;
  name: string;
  filters: AlertFilters;
  terms: string[];
  createdAt: Date;
}

type PostForAlerts = Awaited<ReturnType<typeof loadBatch>>[number];

function loadBatch(prisma: PrismaClient) {
  return prisma.jobPost.findMany({
    where: { status: "OPEN", alertsSentAt: null },
    // Oldest first: a backlog (posts published before any run) drains in publishing order.
    orderBy: [{ datePosted: "asc" }, { id: "asc" }],
    take: POST_BATCH,
    select: {
      id: true,
      title: true,
      description: true,
      city: true,
      employmentType: true,
      monthlyMax: true,
      datePosted: true,
      createdById: true,
      trade: { select: { code: true, nameZh: true, nameEn: true } },
      organization: { select: { name: true } },
    },
  });
}

/** True when the post satisfies the search (except its trade, by which the caller looked it up). */
function matches(search: CandidateSearch, post: PostForAlerts, haystack: () => string): boolean {
  if (!post.datePosted || search.createdAt > post.datePosted) return false;
  if (search.userId === post.createdById) return false;
  if (search.filters.city !== null && search.filters.city !== post.city) return false;
  if (search.filters.salary !== null && post.monthlyMax < search.filters.salary) return false;
  if (search.filters.type !== null && search.filters.type !== post.employmentType) return false;
  if (search.terms.length > 0) {
    const text = haystack();
    if (!search.terms.every((term) => text.includes(term))) return false;
  }
  return true;
}

export function createJobAlerts(deps: JobAlertDeps) {
  const { prisma, clock, notifications } = deps;

  // ── saved searches ──────────────────────────────────────────────────────────────────────────

  /** Saves `filters` (the /jobs query) under the name in `form`; at most MAX_SAVED_SEARCHES per user. */
  async function saveSearch(viewer: Viewer | null, filtersInput: unknown, form: unknown): Promise<FormResult<{ id: string }>> {
    const signedIn = requireViewer(viewer);
    const parsed = ZSavedSearchFormSchema.safeParse(form && typeof form === "object" ? form : {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const filters = alertFiltersOf(filtersInput);
    if (filters.trade !== null) {
      // A well-formed but unknown trade code is dropped like any other stale filter.
      const trade = await prisma.trade.findUnique({ where: { code: filters.trade }, select: { id: true } });
      if (!trade) filters.trade = null;
    }
    // A search without filters would announce every post in the country.
    if (!hasAnyFilter(filters)) return formFailed({}, "jobs.alerts.error.noFilters");
    const stored = JSON.stringify(filters);

    return prisma.$transaction(async (tx) => {
      // Saves of one user take turns, so that the limit holds even for two saves at once.
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${signedIn.id} FOR UPDATE`;
      const existing = await tx.savedSearch.findMany({ where: { userId: signedIn.id }, select: { filters: true } });
      if (existing.some((search) => JSON.stringify(alertFiltersOf(search.filters)) === stored)) {
        return formFailed({}, "jobs.alerts.error.duplicate");
      }
      if (existing.length >= MAX_SAVED_SEARCHES) return formFailed({}, "jobs.alerts.error.tooMany");
      const created = await tx.savedSearch.create({
        data: { userId: signedIn.id, name: parsed.data.name, filters: { ...filters }, createdAt: clock.now() },
        select: { id: true },
      });
      return formOk(created);
    });
  }

  /** The viewer's saved searches, newest first. */
  async function listSearches(viewer: Viewer | null): Promise<SavedSearchView[]> {
    const signedIn = requireViewer(viewer);
    const rows = await prisma.savedSearch.findMany({
      where: { userId: signedIn.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_SAVED_SEARCHES * 2,
    });
    const searches = rows.map((row) => ({ ...row, filters: alertFiltersOf(row.filters) }));
    const codes = [...new Set(searches.map((search) => search.filters.trade).filter((code): code is string => code !== null))];
    const trades = codes.length ? await prisma.trade.findMany({ where: { code: { in: codes } }, select: { code: true, nameZh: true, nameEn: true } }) : [];
    const tradeByCode = new Map(trades.map((trade) => [trade.code, trade]));
    return searches.map((search) => ({
      id: search.id,
      name: search.name,
      filters: search.filters,
      trade: search.filters.trade ? (tradeByCode.get(search.filters.trade) ?? null) : null,
      cityName: search.filters.city ? regionName(search.filters.city) : null,
      href: jobsHrefOf(search.filters),
      createdAt: search.createdAt,
    }));
  }

  /** Deletes one of the viewer's saved searches; anyone else's (or none) is a 404. */
  async function deleteSearch(viewer: Viewer | null, searchId: unknown): Promise<void> {
    const signedIn = requireViewer(viewer);
    if (typeof searchId !== "string" || searchId.length === 0 || searchId.length > 40) throw notFound();
    const { count } = await prisma.savedSearch.deleteMany({ where: { id: searchId, userId: signedIn.id } });
    if (count === 0) throw notFound();
  }

  // ── the alert task ──────────────────────────────────────────────────────────────────────────

  /** Saved searches that could match some post of the batch (see the file's comment). */
  async function candidatesFor(posts: PostForAlerts[]): Promise<CandidateSearch[]> {
    const posted = posts.map((post) => post.datePosted?.getTime()).filter((time): time is number => time !== undefined);
    if (posted.length === 0) return [];
    const newest = new Date(Math.max(...posted));
    const trades = [...new Set(posts.map((post) => post.trade.code))];
    const cities = [...new Set(posts.map((post) => post.city))];
    const { sql, join } = DB.Prisma;
    // Times cross the boundary as ISO text and epoch milliseconds: the columns are timestamps
    // without time zone holding UTC, whatever the session's time zone is.
    const rows = await prisma.$queryRaw<{ id: string; userId: string; name: string; filters: unknown; createdAtMs: number }[]>(sql`
      SELECT "id", "userId", "name", "filters", ROUND(EXTRACT(EPOCH FROM "createdAt") * 1000)::float8 AS "createdAtMs"
      FROM "SavedSearch"
      WHERE "createdAt" <= (${newest.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND ("filters"->>'trade' IS NULL OR "filters"->>'trade' IN (${join(trades)}))
        AND ("filters"->>'city' IS NULL OR "filters"->>'city' IN (${join(cities)}))
      ORDER BY "createdAt", "id"`);
    return rows.map((row) => {
      const filters = alertFiltersOf(typeof row.filters === "string" ? JSON.parse(row.filters) : row.filters);
      return { id: row.id, userId: row.userId, name: row.name, filters, terms: termsOf(filters.q), createdAt: new Date(Number(row.createdAtMs)) };
    });
  }

  /** The notifications for one batch: per post, one for each user with a matching search (their oldest). */
  async function alertsFor(posts: PostForAlerts[]): Promise<NewNotification[]> {
    const candidates = await candidatesFor(posts);
    if (candidates.length === 0) return [];
    const byTrade = new Map<string | null, CandidateSearch[]>();
    for (const search of candidates) {
      const list = byTrade.get(search.filters.trade) ?? [];
      list.push(search);
      byTrade.set(search.filters.trade, list);
    }
    const alerts: NewNotification[] = [];
    for (const post of posts) {
      let text: string | undefined;
      const haystack = () => (text ??= [post.title, post.description, post.organization.name, post.trade.nameZh, post.trade.nameEn].join("\n").toLowerCase());
      const notified = new Set<string>();
      // Candidates are in saving order: a user with two overlapping searches hears once, from the older.
      const matching = [...(byTrade.get(post.trade.code) ?? []), ...(byTrade.get(null) ?? [])].sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
      );
      for (const search of matching) {
        if (notified.has(search.userId) || !matches(search, post, haystack)) continue;
        notified.add(search.userId);
        alerts.push({
          userId: search.userId,
          kind: "job.alert",
          data: { title: post.title, searchName: search.name, organization: post.organization.name },
          link: `/jobs/${encodeURIComponent(post.id)}`,
          dedupeKey: `job-alert:${search.id}:${post.id}`,
        });
      }
    }
    return alerts;
  }

  /** Matches every OPEN post not yet matched; returns how many notifications were new. */
  async function deliver(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const posts = await loadBatch(prisma);
      if (posts.length === 0) return delivered;
      const alerts = await alertsFor(posts);
      for (let start = 0; start < alerts.length; start += NOTIFY_CHUNK) {
        delivered += await notifications.notify(alerts.slice(start, start + NOTIFY_CHUNK));
      }
      // Only after the notifications are written: a crash before this line re-runs the batch,
      // and the dedupe keys make that harmless.
      await prisma.jobPost.updateMany({
        where: { id: { in: posts.map((post) => post.id) }, alertsSentAt: null },
        data: { alertsSentAt: clock.now() },
      });
      if (posts.length < POST_BATCH) return delivered;
    }
  }

  const task: ScheduledTask = { name: "jobs.alerts", intervalMs: 15_000, run: deliver };

  return {
    saveSearch,
    listSearches,
    deleteSearch,
    /** The filters a save would keep, for showing a failed save again. */
    filtersOf: (input: unknown): AlertFilters => alertFiltersOf(input),
    task,
  };
}

export type JobAlerts = ReturnType<typeof createJobAlerts>;
