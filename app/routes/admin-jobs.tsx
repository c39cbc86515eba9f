import { Form, Link } from "react-router";
import type { Route } from "./+types/admin-jobs";
import { JOB_STATUSES } from "../../server/jobs/types.ts";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { adminJobHref, jobDate, jobStatusLabel, JobStatusTag } from "../components/job-card.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

// The posts an admin (all) or an employer (their organisation's) manages, newest first. The admin
// layout lets both roles in; the service decides what each sees.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const list = await context.services.jobs.manageList(context.viewer, Object.fromEntries(url.searchParams));
  return { list, deleted: url.searchParams.get("deleted") === "1" };
}

type List = Route.ComponentProps["loaderData"]["list"];

/** This page with the list's filters, on another page. */
function pageHref(list: List, page: number): string {
  const params = new URLSearchParams();
  if (list.query.q) params.set("q", list.query.q);
  if (list.query.status) params.set("status", list.query.status);
  params.set("page", String(page));
  return `/admin/jobs?${params}`;
}

export default function AdminJobs({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, deleted } = loaderData;
  return (
    <div className="job-admin">
      <DocumentTitle title={t("jobs.admin.title")} />
      <div className="catalog-head">
        <h1>{t("jobs.admin.title")}</h1>
        <p className="actions start">
          <Link to="/admin/jobs/new" className="button small">
            {t("jobs.admin.new")}
          </Link>
          <Link to="/admin/jobs/import" className="button secondary small">
            {t("jobs.admin.import")}
          </Link>
          {list.isAdmin ? (
            <Link to="/admin/jobs/moderation" className="button secondary small">
              {t("jobs.admin.moderation")}
            </Link>
          ) : null}
        </p>
      </div>
      {deleted ? (
        <p className="alert success" role="status">
          {t("jobs.delete.done")}
        </p>
      ) : null}

      <Form method="get" className="search-row" role="search" key={`${list.query.q}|${list.query.status}`}>
        <label htmlFor="job-admin-q" className="visually-hidden">
          {t("jobs.admin.search")}
        </label>
        <input id="job-admin-q" name="q" type="search" defaultValue={list.query.q} placeholder={t("jobs.admin.searchPlaceholder")} maxLength={100} />
        <label htmlFor="job-admin-status" className="visually-hidden">
          {t("jobs.admin.status")}
        </label>
        <select id="job-admin-status" name="status" defaultValue={list.query.status ?? ""}>
          <option value="">{t("jobs.admin.statusAll")}</option>
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {jobStatusLabel(t, status)}
            </option>
          ))}
        </select>
        <button type="submit">{t("jobs.admin.submit")}</button>
      </Form>

      <section aria-labelledby="job-admin-results">
        <div className="results-head">
          <h2 id="job-admin-results">{t("jobs.admin.results")}</h2>
          <p className="muted">{t("jobs.admin.total", { count: list.total })}</p>
        </div>
        {list.items.length === 0 ? (
          <p>{t("jobs.admin.none")}</p>
        ) : (
          <ul className="book-admin-list">
            {list.items.map((job) => (
              <li key={job.id} data-testid="job-admin-row" data-id={job.id}>
                <p className="book-admin-row-title">
                  <Link to={adminJobHref(job.id)}>{job.title}</Link>
                </p>
                <p className="course-card-tags">
                  <JobStatusTag status={job.status} />
                  {job.closeReason ? <span className="course-tag">{t(`jobs.closeReason.${job.closeReason}` as MessageKey)}</span> : null}
                  <span className="course-tag">{tradeName(job.trade, locale)}</span>
                  {job.feeWarning ? (
                    <span className="course-tag fee-warning" data-testid="job-admin-fee-warning">
                      {t("jobs.admin.feeWarning")}
                    </span>
                  ) : null}
                  {job.openReportCount > 0 ? <span className="course-tag">{t("jobs.admin.reports", { count: job.openReportCount })}</span> : null}
                </p>
                <p className="course-card-meta">
                  {list.isAdmin ? <span>{job.organization.name}</span> : null}
                  <span lang="zh-CN">{job.placeName}</span>
                  <span>{t("jobs.admin.validThrough", { date: jobDate(locale, job.validThrough) })}</span>
                </p>
                <p>
                  <Link to={`${adminJobHref(job.id)}/applicants`}>{t("jobs.admin.applicants", { count: job.applicationCount })}</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => pageHref(list, page)} className="catalog-pagination" />
      </section>
    </div>
  );
}
