import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-jobs-moderation";
import type { ModerationItem } from "../../server/jobs/types.ts";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { adminJobHref, jobDate, jobHref, JobStatusTag } from "../components/job-card.tsx";
import { Pagination } from "../components/pagination.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// The moderation queue (admins only; the service refuses employers with 403): reported posts and
// open posts whose wording asks for money. A moderator dismisses the reports or closes the post.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const queue = await context.services.jobs.moderationQueue(context.viewer, Object.fromEntries(url.searchParams));
  const done = url.searchParams.get("done");
  return { queue, done: done === "dismiss" || done === "close" ? done : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { jobId = "", intent } = await formObject(request);
  const result = await context.services.jobs.resolveReports(context.viewer, jobId, intent);
  if (!result.ok) return data({ error: result.formError ?? "form.invalid" }, { status: 400 });
  return redirect(`/admin/jobs/moderation?done=${intent === "close" ? "close" : "dismiss"}`);
}

export default function AdminJobsModeration({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { queue, done } = loaderData;
  return (
    <div className="job-admin">
      <DocumentTitle title={t("jobs.moderation.title")} />
      <p className="studio-crumb">
        <Link to="/admin/jobs">{t("jobs.form.back")}</Link>
      </p>
      <h1>{t("jobs.moderation.title")}</h1>
      <p className="muted">{t("jobs.moderation.intro")}</p>
      {done ? (
        <p className="alert success" role="status">
          {t(done === "close" ? "jobs.moderation.closedDone" : "jobs.moderation.dismissed")}
        </p>
      ) : null}
      <FormAlert message={actionData ? translateKey(t, actionData.error) : undefined} />
      {queue.items.length === 0 ? (
        <p data-testid="moderation-empty">{t("jobs.moderation.none")}</p>
      ) : (
        <ul className="book-admin-list">
          {queue.items.map((item) => (
            <ModerationRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={(page) => `/admin/jobs/moderation?page=${page}`} className="catalog-pagination" />
    </div>
  );
}

function ModerationRow({ item }: { item: ModerationItem }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li data-testid="moderation-row" data-id={item.id}>
      <p className="book-admin-row-title">
        <Link to={jobHref(item.id)}>{item.title}</Link>
      </p>
      <p className="course-card-tags">
        <JobStatusTag status={item.status} />
        {item.feeWarning ? <span className="course-tag fee-warning">{t("jobs.admin.feeWarning")}</span> : null}
        {item.openReportCount > 0 ? <span className="course-tag">{t("jobs.admin.reports", { count: item.openReportCount })}</span> : null}
      </p>
      <p className="course-card-meta">
        <span>{item.organization.name}</span>
        <Link to={adminJobHref(item.id)}>{t("jobs.moderation.edit")}</Link>
      </p>
      {item.reports.length > 0 ? (
        <ul className="job-report-list">
          {item.reports.map((report) => (
            <li key={report.id}>
              <strong>{t(`jobs.report.reason.${report.reason}` as MessageKey)}</strong>
              {report.details ? <> · {report.details}</> : null}
              <span className="muted"> · {t("jobs.moderation.reporter", { name: report.reporterName, date: jobDate(locale, report.createdAt) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t("jobs.moderation.noReports")}</p>
      )}
      <div className="job-admin-actions">
        <Form method="post">
          <input type="hidden" name="jobId" value={item.id} />
          <input type="hidden" name="intent" value="dismiss" />
          <button type="submit" className="secondary">
            {t("jobs.moderation.dismiss")}
            <span className="visually-hidden"> · {item.title}</span>
          </button>
        </Form>
        {item.status !== "CLOSED" || item.closeReason !== "MODERATION" ? (
          <Form method="post">
            <input type="hidden" name="jobId" value={item.id} />
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="danger">
              {t("jobs.moderation.close")}
              <span className="visually-hidden"> · {item.title}</span>
            </button>
          </Form>
        ) : null}
      </div>
    </li>
  );
}
