// A job post in a list (title, organisation, salary with its unit, place, trade, type, date), and
// the words shared by the job pages: salary text, employment types, statuses.
import { Link } from "react-router";
import type { EmploymentType, JobCard as JobCardData, JobStatus, SalaryUnit } from "../../server/jobs/types.ts";
import { useLocale, useT, type Locale, type MessageKey, type Translate } from "../i18n/index.ts";
import { tradeName } from "./course-labels.tsx";

export const jobHref = (id: string) => `/jobs/${encodeURIComponent(id)}`;
export const adminJobHref = (id: string) => `/admin/jobs/${encodeURIComponent(id)}`;

export const employmentTypeLabel = (t: Translate, type: EmploymentType) => t(`jobs.employmentType.${type}` as MessageKey);
export const salaryUnitLabel = (t: Translate, unit: SalaryUnit) => t(`jobs.salaryUnit.${unit}` as MessageKey);
export const jobStatusLabel = (t: Translate, status: JobStatus) => t(`jobs.status.${status}` as MessageKey);

/**
 * A post's date in China's time zone: dates mean days there (a post is valid through the end of
 * its last day in UTC+8), and the server's and the browser's renderings must agree.
 */
export const jobDate = (locale: Locale, date: Date | string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(new Date(date));

/** The currency as readers know it (元, 港元…); a code without a message is shown as it is. */
function currencyLabel(t: Translate, currency: string): string {
  return ["CNY", "HKD", "MOP", "USD"].includes(currency) ? t(`jobs.currency.${currency}` as MessageKey) : currency;
}

/** "6,000–9,000 元/月"; a range whose ends are equal is one amount. */
export function salaryText(
  t: Translate,
  locale: Locale,
  job: { salaryMin: number; salaryMax: number; salaryUnit: SalaryUnit; currency: string },
): string {
  const number = new Intl.NumberFormat(locale);
  const unit = salaryUnitLabel(t, job.salaryUnit);
  const currency = currencyLabel(t, job.currency);
  if (job.salaryMin === job.salaryMax) return t("jobs.salary.single", { amount: number.format(job.salaryMin), currency, unit });
  return t("jobs.salary.range", { min: number.format(job.salaryMin), max: number.format(job.salaryMax), currency, unit });
}

/** The post's status as a small tag; class names reuse the course status colours. */
export function JobStatusTag({ status }: { status: JobStatus }) {
  const t = useT();
  const tone = status === "OPEN" ? "status-published" : status === "DRAFT" ? "status-draft" : "status-closed";
  return (
    <span className={`status-badge ${tone}`} data-status={status}>
      {jobStatusLabel(t, status)}
    </span>
  );
}

export function JobCard({ job }: { job: JobCardData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="course-card job-card" data-testid="job-card" data-id={job.id}>
      <div className="course-card-body">
        <p className="course-card-tags">
          <span className="course-tag">{tradeName(job.trade, locale)}</span>
          <span className="course-tag level">{employmentTypeLabel(t, job.employmentType)}</span>
        </p>
        <h3 className="course-card-title">
          <Link to={jobHref(job.id)}>{job.title}</Link>
        </h3>
        <p className="course-card-by">{job.organization.name}</p>
        <p className="course-card-by job-card-salary">
          <strong>{salaryText(t, locale, job)}</strong>
        </p>
        <p className="course-card-meta">
          <span lang="zh-CN">{job.placeName}</span>
          <span>{t("jobs.card.openings", { count: job.openings })}</span>
          {job.datePosted ? <span>{t("jobs.card.posted", { date: jobDate(locale, job.datePosted) })}</span> : null}
        </p>
        {job.feeWarning ? (
          <p className="error" data-testid="job-card-fee-warning">
            {t("jobs.card.feeWarning")}
          </p>
        ) : null}
      </div>
    </article>
  );
}

/** The job pages' own styles, for each job route's `links` export. */
