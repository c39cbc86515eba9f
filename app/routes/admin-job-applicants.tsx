import { Form, Link } from "react-router";
import type { Route } from "./+types/admin-job-applicants";
import { APPLICATION_STATUSES } from "../../server/jobs/types.ts";
import { ApplicationStatusTag, applicationStatusLabel } from "../components/application-status.tsx";
import { formatDate } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// The applicants of one post, for admins and the post's employer (the service answers 404 for
// another organisation's post). Filters and sorting live in the URL, so the list can be shared
// and paged as plain links.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return { list: await context.services.jobApplications.applicants(context.viewer, params.jobId, query) };
}

type List = Route.ComponentProps["loaderData"]["list"];

const listHref = (jobId: string) => `/admin/jobs/${encodeURIComponent(jobId)}/applicants`;

/** This page with the list's filters, on another page. */
function pageHref(list: List, page: number): string {
  const params = new URLSearchParams();
  if (list.query.status) params.set("status", list.query.status);
  if (list.query.from) params.set("from", list.query.from);
  if (list.query.sort !== "newest") params.set("sort", list.query.sort);
  params.set("page", String(page));
  return `${listHref(list.post.id)}?${params}`;
}

/** The message's first line or so, for the list (the whole text is on the application's page). */
const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

export default function AdminJobApplicants({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list } = loaderData;
  const { post } = list;
  const allCount = Object.values(list.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return (
    <div className="job-applicants">
      <DocumentTitle title={t("jobs.applicants.heading", { title: post.title })} />
      <p className="lesson-breadcrumb">
        <Link to={`/admin/jobs/${encodeURIComponent(post.id)}`}>← {t("jobs.applicants.back")}</Link>
      </p>
      <h1>{t("jobs.applicants.heading", { title: post.title })}</h1>
      <p className="course-card-by">{post.organization}</p>

      <Form method="get" className="catalog-filters" aria-label={t("jobs.applicants.filters")} key={`${list.query.status}|${list.query.from}|${list.query.sort}`}>
        <div className="field">
          <label htmlFor="applicants-status">{t("jobs.applicants.status")}</label>
          <select id="applicants-status" name="status" defaultValue={list.query.status ?? ""}>
            <option value="">
              {t("jobs.applicants.statusCount", { status: t("jobs.applicants.statusAll"), count: allCount })}
            </option>
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t("jobs.applicants.statusCount", { status: applicationStatusLabel(t, status), count: list.counts[status] ?? 0 })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="applicants-from">{t("jobs.applicants.from")}</label>
          <input id="applicants-from" name="from" type="date" defaultValue={list.query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="applicants-sort">{t("jobs.applicants.sort")}</label>
          <select id="applicants-sort" name="sort" defaultValue={list.query.sort}>
            <option value="newest">{t("jobs.applicants.sort.newest")}</option>
            <option value="oldest">{t("jobs.applicants.sort.oldest")}</option>
          </select>
        </div>
        <div className="field catalog-submit">
          <button type="submit">{t("jobs.applicants.submit")}</button>
        </div>
      </Form>

      <section aria-labelledby="applicants-results">
        <div className="results-head">
          <h2 id="applicants-results">{t("jobs.applicants.title")}</h2>
          <p className="muted">{t("jobs.applicants.total", { count: list.total })}</p>
        </div>
        {list.items.length === 0 ? (
          <p data-testid="applicants-none">{t("jobs.applicants.none")}</p>
        ) : (
          <ul className="studio-course-list">
            {list.items.map((applicant) => (
              <li key={applicant.id} className="studio-course-row" data-testid="applicant-row" data-id={applicant.id}>
                <p className="course-card-tags">
                  <ApplicationStatusTag status={applicant.status} />
                  {applicant.hasResume ? <span className="course-tag format">{t("jobs.applicants.hasResume")}</span> : null}
                </p>
                <h2>
                  <Link to={`${listHref(post.id)}/${encodeURIComponent(applicant.id)}`}>
                    {applicant.applicantName}
                    <span className="visually-hidden"> · {t("jobs.applicants.open")}</span>
                  </Link>
                </h2>
                <p className="studio-meta">
                  <a href={`tel:${applicant.phone}`}>{applicant.phone}</a>
                  <span>{t("jobs.applicants.appliedOn", { date: formatDate(locale, applicant.createdAt) })}</span>
                </p>
                {applicant.message ? <p className="prose">{excerpt(applicant.message)}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => pageHref(list, page)} className="catalog-pagination" />
      </section>
    </div>
  );
}
