// What the job services return to routes (plain data, dates as Date).
import type { DB } from "../db/client.ts";

export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "TEMPORARY", "INTERN", "CONTRACTOR"] as const;
export const SALARY_UNITS = ["MONTH", "DAY", "HOUR"] as const;
export const CURRENCIES = ["CNY", "HKD", "MOP", "USD"] as const;
export const JOB_SORTS = ["newest", "salary"] as const;
/** "Posted within N days" choices on /jobs. */
export const POSTED_WITHIN_DAYS = [1, 3, 7, 30] as const;
export const APPLICATION_STATUSES = ["NEW", "VIEWED", "SHORTLISTED", "REJECTED", "HIRED"] as const;
export const REPORT_REASONS = ["FEE", "FAKE", "DISCRIMINATION", "OTHER"] as const;
export const JOB_PAGE_SIZE = 20;
/**
 * The listing counts matches only this far (an exact count of 20,000 rows scans them all on every
 * page view); past it the page says "more than 1,000" and paging stops there: filters narrow it.
 */
export const JOB_COUNT_CAP = 1000;
/** The largest résumé accepted (a few scanned pages or a phone photo), checked by the apply form before sending and by the server. */
export const RESUME_MAX_BYTES = 5 * 1024 * 1024;

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type SalaryUnit = (typeof SALARY_UNITS)[number];
export type JobStatus = DB.JobStatus;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Working days and hours in a month (China's labour rules: 21.75 days, 174 hours). */
export const DAYS_PER_MONTH = 21.75;
export const HOURS_PER_MONTH = 174;

/** A salary amount converted to a month, for filters and the salary sort. */
export function monthlyAmount(amount: number, unit: SalaryUnit): number {
  if (unit === "DAY") return Math.round(amount * DAYS_PER_MONTH);
  if (unit === "HOUR") return Math.round(amount * HOURS_PER_MONTH);
  return amount;
}

export interface TradeRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A post as the listing shows it. */
export interface JobCard {
  id: string;
  title: string;
  organization: { id: string; name: string };
  trade: TradeRef;
  employmentType: EmploymentType;
  province: string;
  city: string;
  district: string | null;
  /** "广东省 深圳市 南山区". */
  placeName: string;
  salaryMin: number;
  salaryMax: number;
  salaryUnit: SalaryUnit;
  currency: string;
  openings: number;
  status: JobStatus;
  datePosted: Date | null;
  validThrough: Date;
  feeWarning: boolean;
}

/** The viewer's own application to one post, as the post page shows it. */
export interface MyApplicationSummary {
  id: string;
  status: ApplicationStatus;
  message: string;
  phone: string;
  resumeName: string | null;
  createdAt: Date;
  viewedAt: Date | null;
}

// ── the job service's pages (server/jobs/service.ts) ──────────────────────────────────────────

export type JobCloseReason = DB.JobCloseReason;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const JOB_STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const satisfies readonly JobStatus[];
/** Rows per page of the admin list and the moderation queue. */
export const JOB_ADMIN_PAGE_SIZE = 30;

/** The /jobs filters as the page echoes them (server/jobs/schema.ts ZJobListQuerySchema, normalized). */
export interface JobListFilters {
  q: string;
  trade: string | null;
  city: string | null;
  salary: number | null;
  type: EmploymentType | null;
  within: number | null;
  sort: (typeof JOB_SORTS)[number];
}

export interface JobListPage {
  items: JobCard[];
  /** Counted up to JOB_COUNT_CAP + 1: more than the cap shows as "1,000+". */
  total: number;
  page: number;
  pageCount: number;
  query: JobListFilters;
  /** Message keys: filters that were dropped (an unknown trade). */
  notices: string[];
}

/** One post's page: every JobPosting field, and what the viewer may do with it. */
export interface JobDetail extends JobCard {
  /** The names of the place's levels, for the JobPosting address. */
  /** For the JSON-LD address: the province, the locality (the city, or a municipality's district) and the district. */
  placeNames: { province: string; locality: string; district: string | null };
  description: string;
  address: string | null;
  experienceYears: number;
  certificates: string[];
  benefits: string[];
  closeReason: JobCloseReason | null;
  /** OPEN and validThrough still ahead: the post takes applications. */
  isOpen: boolean;
  viewer: {
    signedIn: boolean;
    /** An admin, or an employer of the post's organisation. */
    canManage: boolean;
    /** The viewer has reported this post already. */
    hasReported: boolean;
  };
}

/** A post in the admin list and the moderation queue. */
export interface ManagedJobRow {
  id: string;
  title: string;
  status: JobStatus;
  closeReason: JobCloseReason | null;
  organization: { id: string; name: string };
  trade: TradeRef;
  placeName: string;
  applicationCount: number;
  openReportCount: number;
  feeWarning: boolean;
  datePosted: Date | null;
  validThrough: Date;
  updatedAt: Date;
}

export interface ManagedJobPage {
  items: ManagedJobRow[];
  total: number;
  page: number;
  pageCount: number;
  query: { q: string; status: JobStatus | null };
  /** Admins see every organisation and the moderation queue. */
  isAdmin: boolean;
}

/** The post form's values (as the form sends them) and the post's state, for /admin/jobs/:jobId. */
export interface JobEdit {
  id: string;
  title: string;
  status: JobStatus;
  closeReason: JobCloseReason | null;
  organization: { id: string; name: string };
  datePosted: Date | null;
  validThrough: Date;
  /** The stored flag (a moderator who looked at the post clears it). */
  feeWarning: boolean;
  /** The fee or deposit wording in the post as it is now, or null. */
  feePhrase: string | null;
  applicationCount: number;
  openReportCount: number;
  values: Record<string, string>;
}

/** What the post form needs besides the trades: the viewer's kind and the places to choose from. */
export interface JobFormContext {
  isAdmin: boolean;
  /** The employer's own organisation (admins type one instead). */
  organizationName: string | null;
  cities: Array<{ code: string; name: string; cities: Array<{ code: string; name: string }> }>;
  /** Districts of `districtsCity` (the post's city, when it has one): the form offers them as a list. */
  districts: Array<{ code: string; name: string }>;
  districtsCity: string | null;
}

/** The result of saving the post form. */
export interface JobSaved {
  id: string;
  /** The fee or deposit wording found in the post, or null. */
  feeWarning: string | null;
}

export interface JobReportView {
  id: string;
  reason: ReportReason;
  details: string | null;
  reporterName: string;
  createdAt: Date;
}

export interface ModerationItem extends ManagedJobRow {
  reports: JobReportView[];
}

export interface ModerationPage {
  items: ModerationItem[];
  total: number;
  page: number;
  pageCount: number;
}
