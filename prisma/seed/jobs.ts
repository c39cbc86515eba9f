// The demo job board (prisma/seed/job-catalog.ts): organisations, about 200 open posts over many
// trades, cities, pay units and employment types, posted over the last 30 days, a few closed and
// draft ones, the fixed post the end-to-end tests open, and a few applications by the demo worker
// and members. Runs once: a database that has any job post is left alone.
//
// Everything is planned in memory and written with a handful of createMany statements in one
// transaction, so the jobs part of a fresh `npm start` stays well under a second.
import { hashPassword } from "../../server/auth/password.ts";
import type { DB, PrismaClient } from "../../server/db/client.ts";
import { feeWording } from "../../server/jobs/fee-warning.ts";
import { monthlyAmount, type SalaryUnit } from "../../server/jobs/types.ts";
import { isDistrict, provinceOfCity } from "../../server/regions.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { DEMO_ACCOUNTS, DEMO_MEMBERS } from "./demo-users.ts";
import {
  APPLICATION_MESSAGES,
  BENEFITS,
  CITY_PAY,
  DEMO_EMPLOYER_ORGANIZATION,
  DEMO_JOB_ID,
  FEE_SENTENCE,
  JOB_TEMPLATES,
  ORGANIZATIONS,
  SHIFTS,
  type JobTemplate,
} from "./job-catalog.ts";

export { DEMO_EMPLOYER_ORGANIZATION, DEMO_JOB_ID } from "./job-catalog.ts";

export interface SeedJobsOptions {
  /** Posting dates are spread over the 30 days before this; closing dates lie weeks after it. */
  now?: Date;
}

/** Open posts besides the fixed one. */
export const DEMO_OPEN_POSTS = 200;
/** Closed posts (expired or closed by hand), so that the employer's list is not all open. */
export const DEMO_CLOSED_POSTS = 8;
/** Drafts of the demo employer. */
export const DEMO_DRAFT_POSTS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const demoAccount = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!;
/** Phones of the seeded demo members, as seedDemoData numbers them. */
const memberPhones = DEMO_MEMBERS.map((_, index) => `1390000${String(index + 1).padStart(4, "0")}`);

/**
 * Seeds the demo job board into a database without job posts. Returns how many posts it created:
 * 0 when posts exist already or the demo worker is missing (the demo accounts were not seeded, so
 * this is not a demo database).
 */
export async function seedDemoJobs(prisma: PrismaClient, options: SeedJobsOptions = {}): Promise<number> {
  if ((await prisma.jobPost.count()) > 0) return 0;
  const worker = await prisma.user.findUnique({ where: { phone: demoAccount("WORKER").phone }, select: { id: true, phone: true } });
  if (!worker) return 0;
  const now = options.now ?? new Date();
  const employerAccount = demoAccount("EMPLOYER");
  // A demo database from before the job board has no demo employer yet: it gets one now.
  const newEmployer = (await prisma.user.findUnique({ where: { phone: employerAccount.phone }, select: { id: true } }))
    ? null
    : { ...withoutSeedFields(employerAccount), role: "EMPLOYER" as const, passwordHash: await hashPassword(employerAccount.password) };

  const tradeIds = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((trade) => [trade.code, trade.id]));
  const members = await prisma.user.findMany({ where: { phone: { in: memberPhones }, role: "WORKER" }, orderBy: { phone: "asc" }, select: { id: true, phone: true } });
  const plan = planPosts(tradeIds, now);

  return prisma.$transaction(async (tx) => {
    // Checked again inside the transaction: two processes seeding one database create one board.
    if ((await tx.jobPost.count()) > 0) return 0;
    await tx.organization.createMany({ data: ORGANIZATIONS.map(({ name }) => ({ name, createdAt: now, updatedAt: now })), skipDuplicates: true });
    const organizations = await tx.organization.findMany({ where: { name: { in: ORGANIZATIONS.map(({ name }) => name) } }, select: { id: true, name: true } });
    const organizationId = new Map(organizations.map(({ id, name }) => [name, id]));
    if (newEmployer) await tx.user.create({ data: newEmployer });
    const employer = await tx.user.update({
      where: { phone: employerAccount.phone },
      data: { organizationId: organizationId.get(DEMO_EMPLOYER_ORGANIZATION)! },
      select: { id: true },
    });

    const posts = plan.map(({ organization, ...post }) => ({
      ...post,
      organizationId: organizationId.get(organization)!,
      createdById: organization === DEMO_EMPLOYER_ORGANIZATION ? employer.id : null,
    }));
    const applications = planApplications(posts, worker, members, now);
    for (const application of applications) {
      const post = posts.find((candidate) => candidate.id === application.jobPostId)!;
      post.applicationCount = (post.applicationCount ?? 0) + 1;
    }
    await tx.jobPost.createMany({ data: posts });
    await tx.jobApplication.createMany({ data: applications });
    await enqueueSearchUpdates(tx, posts.filter((post) => post.status === "OPEN").map((post) => `job-${post.id}`));
    return posts.length;
  });
}

/** A demo account as a User row (the seed's own fields dropped). */
function withoutSeedFields({ password: _password, tradeCode: _tradeCode, role: _role, ...account }: (typeof DEMO_ACCOUNTS)[number]) {
  return account;
}

/** Applicants apply with their account's phone. */
type Applicant = { id: string; phone: string | null };

type PlannedPost = Omit<DB.Prisma.JobPostCreateManyInput, "organizationId"> & { id: string; organization: string; status: DB.JobStatus };

/** The posts, deterministic for a given `now` (the same trade, city and pay each time). */
function planPosts(tradeIds: Map<string, number>, now: Date): PlannedPost[] {
  const posts: PlannedPost[] = [];
  const usable = JOB_TEMPLATES.filter((template) => tradeIds.has(template.trade));
  const build = (index: number, template: JobTemplate, organization: (typeof ORGANIZATIONS)[number], when: { posted: Date; validThrough: Date }) => {
    const pay = CITY_PAY[organization.city] ?? 1;
    const step = template.unit === "MONTH" ? 100 : template.unit === "DAY" ? 10 : 1;
    const salaryMin = roundTo(template.min * pay, step);
    const salaryMax = Math.max(salaryMin, roundTo(template.max * pay, step));
    const districts = districtsOfCity(organization.city);
    const benefits = [0, 1, 2].map((k) => BENEFITS[(index * 3 + k * 4) % BENEFITS.length]!);
    const description = `${template.description}\n\n${SHIFTS[index % SHIFTS.length]}${index === 17 ? FEE_SENTENCE : ""}`;
    return {
      title: template.title,
      description,
      employmentType: template.types[index % template.types.length]!,
      organization: organization.name,
      tradeId: tradeIds.get(template.trade)!,
      province: provinceOfCity(organization.city)!,
      city: organization.city,
      district: districts.length > 0 ? districts[(index * 5) % districts.length]! : null,
      address: null,
      salaryMin,
      salaryMax,
      salaryUnit: template.unit,
      currency: "CNY",
      monthlyMin: monthlyAmount(salaryMin, template.unit as SalaryUnit),
      monthlyMax: monthlyAmount(salaryMax, template.unit as SalaryUnit),
      experienceYears: template.experienceYears,
      certificates: [...template.certificates],
      benefits: [...new Set(benefits)],
      openings: 1 + ((index * 7) % 12),
      datePosted: when.posted,
      validThrough: when.validThrough,
      // The demo data is no news: the alert task must not notify anyone about it.
      alertsSentAt: now,
      feeWarning: feeWording(`${template.title}\n${description}`) !== null,
      createdAt: new Date(when.posted.getTime() - HOUR_MS),
      updatedAt: when.posted,
    };
  };

  // The fixed post: a welder in Shenzhen (Bao'an), posted yesterday, open for six more weeks.
  const welder = usable.find((template) => template.trade === "welder")!;
  const shenzhen = ORGANIZATIONS.find((organization) => organization.name === DEMO_EMPLOYER_ORGANIZATION)!;
  posts.push({
    ...build(0, welder, shenzhen, { posted: new Date(now.getTime() - DAY_MS), validThrough: endOfChinaDay(now, 45) }),
    id: DEMO_JOB_ID,
    district: "440306",
    address: "宝安区福永街道凤凰第四工业区 A 栋",
    openings: 5,
    status: "OPEN",
  });

  // Open posts: every template in turn, each with an organisation stepping by 7, so that no
  // (title, organisation) pair repeats within 200 posts; posted over the last 30 days.
  for (let i = 0; i < DEMO_OPEN_POSTS; i++) {
    const template = usable[i % usable.length]!;
    const organization = ORGANIZATIONS[(i * 7 + 1) % ORGANIZATIONS.length]!;
    if (template === welder && organization === shenzhen) continue;
    // A prime step over the minutes of 30 days: distinct, well spread times.
    const posted = new Date(now.getTime() - ((i * 7919) % (30 * 24 * 60)) * 60_000 - 60_000);
    posts.push({ ...build(i + 1, template, organization, { posted, validThrough: endOfChinaDay(now, 14 + ((i * 11) % 50)) }), id: demoId(i + 1), status: "OPEN" });
  }

  // Closed posts: expired ones (their closing date passed) and a few closed by hand once filled.
  for (let i = 0; i < DEMO_CLOSED_POSTS; i++) {
    const template = usable[(i * 5 + 3) % usable.length]!;
    const organization = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
    const posted = new Date(now.getTime() - (40 + i * 3) * DAY_MS);
    const expired = i % 3 !== 0;
    posts.push({
      ...build(DEMO_OPEN_POSTS + i + 1, template, organization, { posted, validThrough: expired ? endOfChinaDay(now, -(2 + i)) : endOfChinaDay(now, 20) }),
      id: `demo-job-closed-${i + 1}`,
      status: "CLOSED",
      closeReason: expired ? "EXPIRED" : "MANUAL",
    });
  }

  // Drafts of the demo employer: not published, not searchable.
  for (let i = 0; i < DEMO_DRAFT_POSTS; i++) {
    const template = usable[(i * 11 + 6) % usable.length]!;
    posts.push({
      ...build(DEMO_OPEN_POSTS + DEMO_CLOSED_POSTS + i + 1, template, shenzhen, { posted: now, validThrough: endOfChinaDay(now, 60) }),
      id: `demo-job-draft-${i + 1}`,
      status: "DRAFT",
      datePosted: null,
      alertsSentAt: null,
    });
  }
  return posts;
}

/**
 * A few applications: the demo worker's two (his "my applications" page has something to show)
 * and members' to the demo employer's open posts (the applicants page too). None to the fixed
 * post: the end-to-end tests apply to it as the demo worker.
 */
function planApplications(
  posts: (Omit<PlannedPost, "organization"> & { organizationId: string; createdById: string | null })[],
  worker: Applicant,
  members: Applicant[],
  now: Date,
): DB.Prisma.JobApplicationCreateManyInput[] {
  const open = posts.filter((post) => post.status === "OPEN" && post.id !== DEMO_JOB_ID);
  const employerPosts = open.filter((post) => post.createdById !== null);
  const elsewhere = open.filter((post) => post.createdById === null);
  const applications: DB.Prisma.JobApplicationCreateManyInput[] = [];
  const apply = (post: (typeof posts)[number], applicant: Applicant, daysAgo: number, status: DB.ApplicationStatus, message: string) => {
    const createdAt = new Date(Math.max(now.getTime() - daysAgo * DAY_MS, (post.datePosted as Date).getTime() + HOUR_MS));
    applications.push({
      id: `demo-application-${applications.length + 1}`,
      jobPostId: post.id,
      userId: applicant.id,
      message,
      phone: applicant.phone!,
      status,
      viewedAt: status === "NEW" ? null : new Date(createdAt.getTime() + 2 * HOUR_MS),
      statusChangedAt: status === "NEW" ? createdAt : new Date(createdAt.getTime() + 2 * HOUR_MS),
      createdAt,
      updatedAt: createdAt,
    });
  };
  if (employerPosts[0]) apply(employerPosts[0], worker, 3, "VIEWED", APPLICATION_MESSAGES[0]!);
  if (elsewhere[0]) apply(elsewhere[0], worker, 1, "NEW", APPLICATION_MESSAGES[5]!);
  members.slice(0, 4).forEach((member, index) => {
    const post = employerPosts[index % Math.max(1, employerPosts.length)];
    if (post) apply(post, member, index + 1, index === 0 ? "SHORTLISTED" : "NEW", APPLICATION_MESSAGES[(index + 1) % APPLICATION_MESSAGES.length]!);
  });
  return applications;
}

/**
 * The district codes of a city: its code's first four digits and 01–99. (regions.districtsOf scans
 * every county of China on each call, which is too slow for 200 posts.)
 */
const districtCache = new Map<string, string[]>();
function districtsOfCity(city: string): string[] {
  let codes = districtCache.get(city);
  if (!codes) {
    codes = Array.from({ length: 99 }, (_, n) => `${city.slice(0, 4)}${String(n + 1).padStart(2, "0")}`).filter(isDistrict);
    districtCache.set(city, codes);
  }
  return codes;
}

const demoId = (n: number) => `demo-job-${String(n).padStart(3, "0")}`;
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** The end of the day `days` after `now`, in China (UTC+8), as posts' closing dates are stored. */
function endOfChinaDay(now: Date, days: number): Date {
  const chinaDate = new Date(now.getTime() + 8 * HOUR_MS + days * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${chinaDate}T23:59:59.999+08:00`);
}
