import { Link } from "react-router";
import type { Route } from "./+types/job";
import type { JobDetail } from "../../server/jobs/types.ts";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { JobApplySection } from "../components/job-apply.tsx";
import { adminJobHref, employmentTypeLabel, jobDate, JobStatusTag, salaryText } from "../components/job-card.tsx";
import { JobReportForm } from "../components/job-report-form.tsx";
import { JsonLd } from "../components/json-ld.tsx";
import { useLocale, useT, type MessageKey, type Translate } from "../i18n/index.ts";

// One job post: every field, the fee warning, "apply" (its own component) and "report this post".
// Drafts are 404 except to those who manage them; closed posts stay readable and say so.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { jobs, jobApplications } = context.services;
  const job = await jobs.detail(context.viewer, params.jobId);
  const [application, defaultPhone] = await Promise.all([
    jobApplications.mine(context.viewer, params.jobId),
    jobApplications.defaultPhone(context.viewer),
  ]);
  return { job, application, defaultPhone, reported: new URL(request.url).searchParams.get("reported") === "1" };
}

export default function Job({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { job, application, defaultPhone, reported } = loaderData;
  return (
    <div className="job-page">
      <DocumentTitle title={`${job.title} · ${job.organization.name}`} />
      <JobPostingJsonLd job={job} />
      <p className="studio-crumb">
        <Link to="/jobs">{t("jobs.detail.back")}</Link>
      </p>
      {job.status === "DRAFT" ? (
        <p className="alert draft-banner" role="note">
          {t("jobs.detail.draft")}
        </p>
      ) : null}
      {job.status !== "DRAFT" && !job.isOpen ? (
        <p className="alert draft-banner" role="note" data-testid="job-closed">
          {t("jobs.detail.closed")} {t(`jobs.closeReason.${job.closeReason ?? "EXPIRED"}` as MessageKey)}
        </p>
      ) : null}

      <header className="job-hero">
        <p className="course-card-tags">
          <span className="course-tag">{tradeName(job.trade, locale)}</span>
          <span className="course-tag level">{employmentTypeLabel(t, job.employmentType)}</span>
          {job.status === "DRAFT" ? <JobStatusTag status="DRAFT" /> : !job.isOpen ? <JobStatusTag status="CLOSED" /> : null}
        </p>
        <h1>{job.title}</h1>
        <p className="course-card-by">{job.organization.name}</p>
        <p className="job-salary">{salaryText(t, locale, job)}</p>
        <p className="muted" lang="zh-CN">
          {job.placeName}
        </p>
      </header>

      {job.feeWarning ? (
        <section className="alert error" role="note" aria-labelledby="job-fee-title" data-testid="job-fee-warning">
          <h2 id="job-fee-title">{t("jobs.feeWarning.title")}</h2>
          <p>{t("jobs.feeWarning.body")}</p>
        </section>
      ) : null}

      {job.viewer.canManage ? (
        <p>
          <Link to={adminJobHref(job.id)}>{t("jobs.detail.edit")}</Link>
        </p>
      ) : null}

      <JobApplySection jobId={job.id} open={job.isOpen} signedIn={job.viewer.signedIn} application={application} defaultPhone={defaultPhone} />

      <section aria-labelledby="job-facts-title">
        <h2 id="job-facts-title">{t("jobs.detail.facts")}</h2>
        <JobFacts job={job} t={t} />
      </section>

      <section aria-labelledby="job-description-title">
        <h2 id="job-description-title">{t("jobs.detail.description")}</h2>
        <Paragraphs text={job.description} />
      </section>

      {reported && job.viewer.hasReported ? (
        <p className="alert success" role="status" data-testid="job-report-done">
          {t("jobs.report.done")}
        </p>
      ) : (
        <JobReportForm jobId={job.id} signedIn={job.viewer.signedIn} hasReported={job.viewer.hasReported} />
      )}
    </div>
  );
}

function JobFacts({ job, t }: { job: JobDetail; t: Translate }) {
  const locale = useLocale();
  return (
    <dl className="facts" data-testid="job-facts">
      <dt>{t("jobs.detail.organization")}</dt>
      <dd>{job.organization.name}</dd>
      <dt>{t("jobs.detail.trade")}</dt>
      <dd>
        <Link to={`/jobs?trade=${encodeURIComponent(job.trade.code)}`}>{tradeName(job.trade, locale)}</Link>
      </dd>
      <dt>{t("jobs.detail.type")}</dt>
      <dd>{employmentTypeLabel(t, job.employmentType)}</dd>
      <dt>{t("jobs.detail.salary")}</dt>
      <dd>{salaryText(t, locale, job)}</dd>
      <dt>{t("jobs.detail.place")}</dt>
      <dd lang="zh-CN">{job.placeName}</dd>
      {job.address ? (
        <>
          <dt>{t("jobs.detail.address")}</dt>
          <dd>{job.address}</dd>
        </>
      ) : null}
      <dt>{t("jobs.detail.openings")}</dt>
      <dd>{t("jobs.detail.openingsValue", { count: job.openings })}</dd>
      <dt>{t("jobs.detail.experience")}</dt>
      <dd>{job.experienceYears > 0 ? t("jobs.detail.experienceYears", { count: job.experienceYears }) : t("jobs.detail.experienceNone")}</dd>
      <dt>{t("jobs.detail.certificates")}</dt>
      <dd>{job.certificates.length > 0 ? job.certificates.join(locale === "en" ? ", " : "、") : t("jobs.detail.certificatesNone")}</dd>
      {job.benefits.length > 0 ? (
        <>
          <dt>{t("jobs.detail.benefits")}</dt>
          <dd>{job.benefits.join(locale === "en" ? ", " : "、")}</dd>
        </>
      ) : null}
      {job.datePosted ? (
        <>
          <dt>{t("jobs.detail.datePosted")}</dt>
          <dd>
            <time dateTime={new Date(job.datePosted).toISOString()}>{jobDate(locale, job.datePosted)}</time>
          </dd>
        </>
      ) : null}
      <dt>{t("jobs.detail.validThrough")}</dt>
      <dd>
        <time dateTime={new Date(job.validThrough).toISOString()}>{jobDate(locale, job.validThrough)}</time>
      </dd>
    </dl>
  );
}

/** Plain text (never HTML): blank lines separate paragraphs, single line breaks are kept. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="book-description job-list">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/** schema.org JobPosting for search engines, for open posts only (a closed post is no offer). */
function JobPostingJsonLd({ job }: { job: JobDetail }) {
  if (!job.isOpen) return null;
  const { province, locality, district } = job.placeNames;
  const json: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: job.description,
    employmentType: job.employmentType,
    hiringOrganization: { "@type": "Organization", name: job.organization.name },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressRegion: province,
        addressLocality: locality,
        streetAddress: [district, job.address].filter(Boolean).join(" ") || undefined,
        addressCountry: "CN",
      },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: job.currency,
      value: { "@type": "QuantitativeValue", minValue: job.salaryMin, maxValue: job.salaryMax, unitText: job.salaryUnit },
    },
    experienceRequirements: { "@type": "OccupationalExperienceRequirements", monthsOfExperience: job.experienceYears * 12 },
    occupationalCategory: job.trade.nameZh,
    totalJobOpenings: job.openings,
    validThrough: new Date(job.validThrough).toISOString(),
  };
  if (job.datePosted) json.datePosted = new Date(job.datePosted).toISOString();
  if (job.certificates.length > 0) json.qualifications = job.certificates.join("、");
  if (job.benefits.length > 0) json.jobBenefits = job.benefits.join("、");
  return <JsonLd data={json} />;
}
