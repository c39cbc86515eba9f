import { Link, redirect } from "react-router";
import type { Route } from "./+types/me-applications";
import { ApplicationStatusTag } from "../components/application-status.tsx";
import { formatDate, loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// The worker's applications, newest first: each with its status (which employers move on), the post
// it went to, and whether that post still takes applications.
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/applications"));
  const page = new URL(request.url).searchParams.get("page");
  return { list: await context.services.jobApplications.myApplications(context.viewer, { page }) };
}

export default function MeApplications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list } = loaderData;
  return (
    <div className="learning-page my-applications-page">
      <DocumentTitle title={t("jobs.myApplications.title")} />
      <h1>{t("jobs.myApplications.title")}</h1>
      <p className="muted">{t("jobs.myApplications.intro")}</p>
      {list.total === 0 ? (
        <div className="no-results" data-testid="my-applications-empty">
          <p className="no-results-title">{t("jobs.myApplications.empty")}</p>
          <p>
            <Link to="/jobs" className="button">
              {t("jobs.myApplications.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">{t("jobs.myApplications.total", { count: list.total })}</p>
          <ul className="studio-course-list">
            {list.items.map((application) => (
              <li key={application.id} className="studio-course-row" data-testid="my-application-row" data-id={application.id}>
                <p className="course-card-tags">
                  <ApplicationStatusTag status={application.status} />
                  {!application.post.open ? <span className="course-tag">{t("jobs.myApplications.postClosed")}</span> : null}
                </p>
                <h2>
                  <Link to={`/jobs/${encodeURIComponent(application.post.id)}`}>{application.post.title}</Link>
                </h2>
                <p className="course-card-by">{application.post.organization}</p>
                <p className="studio-meta">
                  <span>{t("jobs.myApplications.appliedOn", { date: formatDate(locale, application.createdAt) })}</span>
                  {application.viewedAt ? <span>{t("jobs.myApplications.viewedOn", { date: formatDate(locale, application.viewedAt) })}</span> : null}
                  {application.status !== "NEW" && application.status !== "VIEWED" ? (
                    <span>{t("jobs.myApplications.statusChanged", { date: formatDate(locale, application.statusChangedAt) })}</span>
                  ) : null}
                  {application.resumeName ? <span>{t("jobs.myApplications.resume")}</span> : null}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => `/me/applications?page=${page}`} />
        </>
      )}
    </div>
  );
}
