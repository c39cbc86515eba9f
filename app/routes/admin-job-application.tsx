import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/admin-job-application";
import type { ApplicationStatus } from "../../server/jobs/types.ts";
import { ApplicationStatusTag, applicationStatusLabel, resumeHref } from "../components/application-status.tsx";
import { formatDate } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

/** What a manager may set here; VIEWED comes from opening the page. */
const DECISIONS = ["SHORTLISTED", "REJECTED", "HIRED"] as const satisfies readonly ApplicationStatus[];

// One application, for admins and the post's employer. Opening it marks a new application viewed
// (the applicant sees that); the buttons move it on, and the applicant is notified of each change.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const application = await context.services.jobApplications.openApplication(context.viewer, params.jobId, params.applicationId);
  return { application, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.jobApplications.setStatus(context.viewer, params.jobId, params.applicationId, values);
  if (!result.ok) return data({ error: result.formError ?? Object.values(result.fieldErrors)[0] ?? "form.invalid" }, { status: 400 });
  return redirect(`/admin/jobs/${encodeURIComponent(params.jobId)}/applicants/${encodeURIComponent(params.applicationId)}?saved=1`);
}

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export default function AdminJobApplication({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { application, saved } = loaderData;
  const { post } = application;
  const listHref = `/admin/jobs/${encodeURIComponent(post.id)}/applicants`;
  return (
    <div className="job-application">
      <DocumentTitle title={t("jobs.applicants.detailTitle", { name: application.applicantName })} />
      <p className="lesson-breadcrumb">
        <Link to={listHref}>← {t("jobs.applicants.backToList")}</Link>
      </p>
      <h1>{t("jobs.applicants.detailTitle", { name: application.applicantName })}</h1>
      {saved && !actionData ? (
        <p className="alert success" role="status">
          {t("jobs.applicants.statusSaved", { status: applicationStatusLabel(t, application.status) })}
        </p>
      ) : null}
      <FormAlert message={actionData ? translateKey(t, actionData.error) : undefined} />

      <dl className="facts book-facts">
        <dt>{t("jobs.applicants.post")}</dt>
        <dd>
          <Link to={`/jobs/${encodeURIComponent(post.id)}`}>{post.title}</Link> · {post.organization}
        </dd>
        <dt>{t("jobs.apply.status")}</dt>
        <dd>
          <ApplicationStatusTag status={application.status} />
        </dd>
        <dt>{t("jobs.applicants.phone")}</dt>
        <dd>
          <a href={`tel:${application.phone}`}>{application.phone}</a>
        </dd>
        <dt>{t("jobs.applicants.appliedAt")}</dt>
        <dd>{formatDate(locale, application.createdAt)}</dd>
        {application.viewedAt ? (
          <>
            <dt>{t("jobs.applicants.viewedAt")}</dt>
            <dd>{formatDate(locale, application.viewedAt)}</dd>
          </>
        ) : null}
        <dt>{t("jobs.applicants.statusChangedAt")}</dt>
        <dd>{formatDate(locale, application.statusChangedAt)}</dd>
        <dt>{t("jobs.applicants.resume")}</dt>
        <dd>
          {application.resume ? (
            <>
              <a href={resumeHref(application.id)} download data-testid="resume-download">
                {t("jobs.applicants.download")}
              </a>{" "}
              <span className="muted">
                {application.resume.name} · {t("jobs.applicants.resumeSize", { size: kilobytes(application.resume.size) })}
              </span>
            </>
          ) : (
            <span className="muted">{t("jobs.applicants.noResume")}</span>
          )}
        </dd>
      </dl>

      <section aria-labelledby="application-message-title">
        <h2 id="application-message-title">{t("jobs.applicants.message")}</h2>
        <div className="prose book-description">
          <p>{application.message || t("jobs.applicants.noMessage")}</p>
        </div>
      </section>

      <section aria-labelledby="application-status-title" className="studio-section">
        <h2 id="application-status-title">{t("jobs.applicants.setStatus")}</h2>
        <p className="hint">{t("jobs.applicants.setStatusHint")}</p>
        <Form method="post" className="actions start">
          {DECISIONS.map((status) => (
            <button
              key={status}
              type="submit"
              name="status"
              value={status}
              className={status === "REJECTED" ? "secondary" : undefined}
              disabled={application.status === status || navigation.state === "submitting"}
              aria-pressed={application.status === status}
            >
              {t(`jobs.applicants.action.${status}` as MessageKey)}
            </button>
          ))}
        </Form>
      </section>
    </div>
  );
}
