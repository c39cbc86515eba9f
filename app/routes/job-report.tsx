import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/job-report";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { jobHref } from "../components/job-card.tsx";
import { JobReportForm, jobReportHref } from "../components/job-report-form.tsx";
import { useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// "Report this post": the post page's form posts here; a visitor signs in and comes back to this
// page, which shows the same form on its own. A report sends the reporter back to the post.
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref(jobReportHref(params.jobId)));
  const job = await context.services.jobs.detail(context.viewer, params.jobId);
  return { job: { id: job.id, title: job.title, hasReported: job.viewer.hasReported } };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const values = await formObject(request);
  // A session that ran out between page and click: sign in, then come back to the form.
  if (!context.viewer) throw redirect(loginHref(jobReportHref(params.jobId)));
  const result = await context.services.jobs.report(context.viewer, params.jobId, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, { status: 400 });
  return redirect(`${jobHref(params.jobId)}?reported=1`);
}

export default function JobReport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { job } = loaderData;
  return (
    <section className="narrow">
      <DocumentTitle title={`${t("jobs.report.title")} · ${job.title}`} />
      <p className="studio-crumb">
        <Link to={jobHref(job.id)}>{t("jobs.report.back", { title: job.title })}</Link>
      </p>
      <h1>{t("jobs.report.pageTitle", { title: job.title })}</h1>
      <JobReportForm
        jobId={job.id}
        signedIn
        hasReported={job.hasReported}
        values={actionData?.values}
        errors={actionData?.fieldErrors}
        formError={actionData?.formError}
        expanded
      />
    </section>
  );
}
