import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-job";
import type { JobEdit } from "../../server/jobs/types.ts";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { adminJobHref, jobDate, jobHref, JobStatusTag } from "../components/job-card.tsx";
import { FeeWarningNotice, JobPostFields } from "../components/job-fields.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// One post for those who manage it: the form, and publish / close / reopen / delete as separate
// plain-form intents. Another organisation's post is a 404 (the service decides), so ids don't leak.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { jobs, trades } = context.services;
  const job = await jobs.forEdit(context.viewer, params.jobId);
  const [formContext, categories] = await Promise.all([jobs.formContext(context.viewer, job.values.city), trades.listByCategory()]);
  const saved = new URL(request.url).searchParams.get("saved");
  return { job, formContext, categories, saved: saved === "draft" || saved === "published" ? saved : null };
}

const DONE = {
  save: "jobs.form.saved",
  publish: "jobs.manage.published",
  close: "jobs.manage.closed",
  reopen: "jobs.manage.reopened",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  const { jobs } = context.services;
  switch (intent) {
    case "save": {
      const result = await jobs.update(context.viewer, params.jobId, values);
      if (!result.ok) {
        const districts = await jobs.districts(values.city);
        return data({ done: null, values, fieldErrors: result.fieldErrors as Record<string, string>, ...districts }, { status: 400 });
      }
      return { done: DONE.save, feePhrase: result.value.feeWarning };
    }
    case "publish":
    case "close":
    case "reopen": {
      const result = await jobs[intent](context.viewer, params.jobId);
      if (!result.ok) return data({ done: null, error: result.formError ?? "form.invalid" }, { status: 400 });
      return { done: DONE[intent] };
    }
    case "delete":
      // First step: the page asks again (a plain form, so no JavaScript confirm() is needed).
      return { done: null, confirmDelete: true as const };
    case "deleteConfirmed": {
      const result = await jobs.remove(context.viewer, params.jobId);
      if (!result.ok) return data({ done: null, error: result.formError ?? "form.invalid" }, { status: 400 });
      return redirect("/admin/jobs?deleted=1");
    }
    default:
      return data({ done: null, error: "jobs.error.intentInvalid" }, { status: 400 });
  }
}

type ActionData = Route.ComponentProps["actionData"];

export default function AdminJob({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { job, formContext, categories, saved } = loaderData;
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const error = actionData && "error" in actionData ? actionData.error : undefined;
  const context = failed ? { ...formContext, districts: failed.districts, districtsCity: failed.districtsCity } : formContext;
  const done = actionData ? actionData.done : (saved === "published" ? "jobs.manage.published" : saved === "draft" ? "jobs.form.saved" : null);
  // Right after a save, the wording that was just saved; otherwise the post's flag as it stands.
  const feePhrase = actionData && "feePhrase" in actionData ? (actionData.feePhrase ?? null) : job.feeWarning ? job.feePhrase : null;
  return (
    <div className="job-admin">
      <DocumentTitle title={`${t("jobs.form.editTitle")} · ${job.title}`} />
      <p className="studio-crumb">
        <Link to="/admin/jobs">{t("jobs.form.back")}</Link>
      </p>
      <div className="studio-head">
        <h1>{job.title}</h1>
      </div>
      <p className="course-card-tags">
        <JobStatusTag status={job.status} />
        {job.closeReason ? <span className="course-tag">{t(`jobs.closeReason.${job.closeReason}` as MessageKey)}</span> : null}
      </p>
      <p className="course-card-meta">
        <span>{job.organization.name}</span>
        <Link to={jobHref(job.id)}>{t("jobs.manage.view")}</Link>
        <Link to={`${adminJobHref(job.id)}/applicants`}>{t("jobs.admin.applicants", { count: job.applicationCount })}</Link>
      </p>

      {done ? (
        <p className="alert success" role="status" data-testid="job-admin-done">
          {t(done)}
        </p>
      ) : null}
      <FeeWarningNotice phrase={feePhrase} />
      <FormAlert message={error ? translateKey(t, error) : undefined} />

      <StatusBox job={job} />

      <section aria-labelledby="job-form-title" className="studio-section">
        <h2 id="job-form-title">{t("jobs.form.editTitle")}</h2>
        <FormAlert message={failed ? t("form.errorSummary") : undefined} />
        {/* `key`: after a save the fields take the stored values again. */}
        <Form method="post" noValidate className="stack" key={failed ? "failed" : JSON.stringify(job.values)}>
          <input type="hidden" name="intent" value="save" />
          <JobPostFields values={failed?.values ?? job.values} errors={failed?.fieldErrors ?? {}} categories={categories} context={context} />
          <button type="submit">{t("jobs.form.save")}</button>
        </Form>
      </section>

      <DeleteBox job={job} actionData={actionData} />
    </div>
  );
}

/** Publish (a draft), close (an open post) or reopen (a closed one), each its own small form. */
function StatusBox({ job }: { job: JobEdit }) {
  const t = useT();
  const locale = useLocale();
  const note = job.status === "DRAFT" ? "jobs.manage.draftNote" : job.status === "OPEN" ? "jobs.manage.openNote" : "jobs.manage.closedNote";
  const intent = job.status === "DRAFT" ? "publish" : job.status === "OPEN" ? "close" : "reopen";
  return (
    <section aria-labelledby="job-status-title" className="studio-section">
      <h2 id="job-status-title">{t("jobs.manage.title")}</h2>
      <p>{t(note)}</p>
      <p className="muted">
        {job.datePosted ? <>{t("jobs.manage.datePosted", { date: jobDate(locale, job.datePosted) })} · </> : null}
        {t("jobs.manage.validThrough", { date: jobDate(locale, job.validThrough) })}
      </p>
      <Form method="post" className="job-admin-actions">
        <input type="hidden" name="intent" value={intent} />
        <button type="submit" className={intent === "close" ? "secondary" : undefined}>
          {t(`jobs.manage.${intent}` as MessageKey)}
        </button>
      </Form>
    </section>
  );
}

function DeleteBox({ job, actionData }: { job: JobEdit; actionData: ActionData }) {
  const t = useT();
  const confirming = actionData !== undefined && "confirmDelete" in actionData;
  return (
    <section aria-labelledby="job-delete-title" className="studio-section book-danger">
      <h2 id="job-delete-title">{t("jobs.delete.title")}</h2>
      <p className="hint">{t("jobs.delete.note")}</p>
      {confirming ? (
        <div className="alert error" role="alert">
          <p>{t("jobs.delete.confirm", { title: job.title })}</p>
          <div className="actions start">
            <Form method="post">
              <input type="hidden" name="intent" value="deleteConfirmed" />
              <button type="submit" className="danger">
                {t("jobs.delete.confirmSubmit")}
              </button>
            </Form>
            <Link to={adminJobHref(job.id)} className="button secondary">
              {t("jobs.delete.cancel")}
            </Link>
          </div>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="danger-outline">
            {t("jobs.delete.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
