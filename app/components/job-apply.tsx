// The Apply section of /jobs/:jobId. The post page renders it with what its loader got from
// services.jobApplications.mine / defaultPhone.
//
// Without JavaScript the form is a plain multipart POST to /jobs/:jobId/apply (server/http/
// job-applications.ts), which redirects back here (#apply): with the application, or with
// ?applyError=<key>&message=…&phone=… so the form shows the error and keeps the text. With
// JavaScript the same form goes by XMLHttpRequest (a progress bar for the résumé), errors show
// inline without losing what was typed, and the page data is reloaded on success.
import { useState } from "react";
import { Link, useRevalidator, useSearchParams } from "react-router";
import { RESUME_MAX_BYTES, type MyApplicationSummary } from "../../server/jobs/types.ts";
import { ApplicationStatusTag, resumeHref } from "./application-status.tsx";
import { formatDate, loginHref } from "./course-labels.tsx";
import { FormAlert, FormField } from "./form-field.tsx";
import { TextAreaField } from "./studio-fields.tsx";
import { sendWithProgress, UploadProgress } from "./upload-progress.tsx";
import { translateKey, useLocale, useT } from "../i18n/index.ts";

const RESUME_ACCEPT = ".pdf,image/*";
const MESSAGE_MAX = 1000;

export const applyUrl = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}/apply`;

export interface JobApplySectionProps {
  jobId: string;
  /** The post takes applications (OPEN and not past validThrough). */
  open: boolean;
  signedIn: boolean;
  application: MyApplicationSummary | null;
  defaultPhone: string | null;
}

export function JobApplySection({ jobId, open, signedIn, application, defaultPhone }: JobApplySectionProps) {
  const t = useT();
  const jobPath = `/jobs/${encodeURIComponent(jobId)}`;
  let body: React.ReactNode;
  if (application) {
    body = <MyApplication application={application} />;
  } else if (!open) {
    body = (
      <p className="enroll-note" role="note" data-testid="apply-closed">
        {t("jobs.apply.closed")}
      </p>
    );
  } else if (!signedIn) {
    body = (
      <>
        <p className="enroll-note">{t("jobs.apply.signIn")}</p>
        <p className="actions start">
          <Link to={loginHref(jobPath)} className="button">
            {t("jobs.apply.signInLink")}
          </Link>
          <Link to={`/register?redirectTo=${encodeURIComponent(jobPath)}`}>{t("jobs.apply.register")}</Link>
        </p>
      </>
    );
  } else {
    body = <ApplyForm jobId={jobId} defaultPhone={defaultPhone} />;
  }
  return (
    <section id="apply" aria-labelledby="apply-title" className="enroll-box job-apply" data-testid="job-apply">
      <h2 id="apply-title">{application ? t("jobs.apply.yours") : t("jobs.apply.title")}</h2>
      {body}
    </section>
  );
}

/** The viewer's application: its status, when it was sent and seen, and what it said. */
function MyApplication({ application }: { application: MyApplicationSummary }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div data-testid="my-application">
      <p className="course-card-tags">
        <span className="visually-hidden">{t("jobs.apply.status")}: </span>
        <ApplicationStatusTag status={application.status} />
      </p>
      <p className="enroll-note">{t("jobs.apply.appliedOn", { date: formatDate(locale, application.createdAt) })}</p>
      <p className="enroll-note" data-testid="application-viewed">
        {application.viewedAt ? t("jobs.apply.viewed", { date: formatDate(locale, application.viewedAt) }) : t("jobs.apply.notViewed")}
      </p>
      <dl className="facts book-facts">
        <dt>{t("jobs.apply.yourPhone")}</dt>
        <dd>{application.phone}</dd>
        {application.message ? (
          <>
            <dt>{t("jobs.apply.yourMessage")}</dt>
            <dd className="prose book-description">
              <p>{application.message}</p>
            </dd>
          </>
        ) : null}
        {application.resumeName ? (
          <>
            <dt>{t("jobs.apply.yourResume")}</dt>
            <dd>
              <a href={resumeHref(application.id)} download>
                {application.resumeName}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to="/me/applications">{t("jobs.apply.myApplications")}</Link>
      </p>
    </div>
  );
}

type State = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "done" } | { kind: "failed"; fieldErrors: Record<string, string>; formError?: string };

/** Which field a message key from the server belongs to (a plain form's redirect carries one key). */
function fieldOf(key: string): "message" | "phone" | "resume" | "form" {
  if (key === "jobs.apply.error.messageTooLong") return "message";
  if (key === "jobs.apply.error.phoneInvalid") return "phone";
  if (key.startsWith("jobs.apply.error.resume")) return "resume";
  return "form";
}

/** The endpoint's JSON answer: { ok: true, application } or { ok: false, fieldErrors, formError? }. */
function readAnswer(json: unknown): { ok: boolean; fieldErrors: Record<string, string>; formError?: string } | null {
  if (typeof json !== "object" || json === null || typeof (json as { ok?: unknown }).ok !== "boolean") return null;
  const answer = json as { ok: boolean; fieldErrors?: unknown; formError?: unknown };
  const fieldErrors: Record<string, string> = {};
  if (typeof answer.fieldErrors === "object" && answer.fieldErrors !== null) {
    for (const [field, key] of Object.entries(answer.fieldErrors)) if (typeof key === "string") fieldErrors[field] = key;
  }
  return { ok: answer.ok, fieldErrors, ...(typeof answer.formError === "string" ? { formError: answer.formError } : {}) };
}

function ApplyForm({ jobId, defaultPhone }: { jobId: string; defaultPhone: string | null }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const [state, setState] = useState<State>({ kind: "idle" });

  // What the plain form's redirect said, until the script-driven form says something itself.
  const redirectError = searchParams.get("applyError");
  const shown: State =
    state.kind === "idle" && redirectError
      ? fieldOf(redirectError) === "form"
        ? { kind: "failed", fieldErrors: {}, formError: redirectError }
        : { kind: "failed", fieldErrors: { [fieldOf(redirectError)]: redirectError } }
      : state;
  const errors = shown.kind === "failed" ? shown.fieldErrors : {};
  const formError = shown.kind === "failed" ? shown.formError : undefined;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("resume") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > RESUME_MAX_BYTES) {
      setState({ kind: "failed", fieldErrors: { resume: "jobs.apply.error.resumeTooLarge" } });
      return;
    }
    setState({ kind: "sending", percent: 0 });
    try {
      const response = await sendWithProgress({
        method: "POST",
        url: applyUrl(jobId),
        body: new FormData(form),
        expectJson: true,
        onProgress: (percent) => setState({ kind: "sending", percent }),
      });
      const answer = readAnswer(response.json);
      if (answer?.ok) {
        setState({ kind: "done" });
        // The page's loader now finds the application, and this form gives way to it.
        await revalidator.revalidate();
      } else {
        setState({ kind: "failed", fieldErrors: answer?.fieldErrors ?? {}, formError: answer?.formError ?? (answer ? undefined : "jobs.apply.error.failed") });
      }
    } catch {
      setState({ kind: "failed", fieldErrors: {}, formError: "jobs.apply.error.failed" });
    }
  }

  const busy = shown.kind === "sending" || shown.kind === "done";
  return (
    <form method="post" action={applyUrl(jobId)} encType="multipart/form-data" className="stack" onSubmit={submit} noValidate data-testid="apply-form">
      <FormAlert message={translateKey(t, formError)} />
      <TextAreaField
        name="message"
        label={t("jobs.apply.message")}
        hint={t("jobs.apply.messageHint")}
        error={translateKey(t, errors.message)}
        defaultValue={searchParams.get("message") ?? ""}
        rows={5}
        maxLength={MESSAGE_MAX}
      />
      <FormField
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t("jobs.apply.phone")}
        hint={t("jobs.apply.phoneHint")}
        error={translateKey(t, errors.phone)}
        defaultValue={searchParams.get("phone") ?? defaultPhone ?? ""}
        maxLength={20}
        required
      />
      {/* Last in the form: a plain form's fields arrive before the file, so a refused file keeps them. */}
      <FormField
        name="resume"
        type="file"
        accept={RESUME_ACCEPT}
        label={t("jobs.apply.resume")}
        hint={t("jobs.apply.resumeHint")}
        error={translateKey(t, errors.resume)}
      />
      <button type="submit" disabled={busy}>
        {t("jobs.apply.submit")}
      </button>
      {shown.kind === "sending" ? <UploadProgress percent={shown.percent} label={t("jobs.apply.progress")} /> : null}
      {shown.kind === "done" ? (
        <p className="alert success" role="status">
          {t("jobs.apply.done")}
        </p>
      ) : null}
    </form>
  );
}
