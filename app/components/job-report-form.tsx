// "Report this post": a reason and optional details, posted to /jobs/:jobId/report (a plain form;
// the route redirects back to the post). Shown on the post page and on the report page itself.
import { Form, Link } from "react-router";
import { REPORT_REASONS } from "../../server/jobs/types.ts";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { loginHref } from "./course-labels.tsx";
import { FormAlert } from "./form-field.tsx";
import { TextAreaField } from "./studio-fields.tsx";

export const jobReportHref = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}/report`;

interface JobReportFormProps {
  jobId: string;
  signedIn: boolean;
  hasReported: boolean;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string | undefined>;
  formError?: string;
  /** Open the <details> (after a failed attempt, or on the report page). */
  expanded?: boolean;
}

export function JobReportForm({ jobId, signedIn, hasReported, values = {}, errors = {}, formError, expanded = false }: JobReportFormProps) {
  const t = useT();
  if (hasReported) {
    return (
      <p className="muted" data-testid="job-reported">
        {t("jobs.report.already")}
      </p>
    );
  }
  if (!signedIn) {
    return (
      <p>
        <Link to={loginHref(jobReportHref(jobId))}>{t("jobs.report.signIn")}</Link>
      </p>
    );
  }
  const failed = formError !== undefined || Object.keys(errors).length > 0;
  const reasonError = translateKey(t, errors.reason);
  return (
    <details className="book-admin-box job-report" open={expanded || failed}>
      <summary>
        <h2 className="book-admin-summary">{t("jobs.report.title")}</h2>
      </summary>
      <p className="hint">{t("jobs.report.intro")}</p>
      <FormAlert message={failed ? translateKey(t, formError ?? "form.errorSummary") : undefined} />
      <Form method="post" action={jobReportHref(jobId)} noValidate className="stack">
        <fieldset className={reasonError ? "job-fieldset has-error" : "job-fieldset"} aria-describedby={reasonError ? "job-report-reason-error" : undefined}>
          <legend>
            {t("jobs.report.reason")} <span className="required">({t("field.required")})</span>
          </legend>
          {REPORT_REASONS.map((reason) => (
            <label key={reason} className="choice">
              <input type="radio" name="reason" value={reason} defaultChecked={values.reason === reason} required /> {t(`jobs.report.reason.${reason}` as MessageKey)}
            </label>
          ))}
          {reasonError ? (
            <p className="error" id="job-report-reason-error">
              {reasonError}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField name="details" label={t("jobs.report.details")} defaultValue={values.details ?? ""} error={translateKey(t, errors.details)} rows={3} maxLength={500} />
        <button type="submit" className="secondary">
          {t("jobs.report.submit")}
        </button>
      </Form>
    </details>
  );
}
