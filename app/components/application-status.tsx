// An application's status as a tag, the same on the post page, /me/applications and the
// applicants pages (the words are jobs.applicationStatus.*, which notifications use too).
import type { ApplicationStatus } from "../../server/jobs/types.ts";
import type { MessageKey, Translate } from "../i18n/index.ts";
import { useT } from "../i18n/index.ts";

export const applicationStatusLabel = (t: Translate, status: ApplicationStatus) => t(`jobs.applicationStatus.${status}` as MessageKey);

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <span className={`course-tag application-status status-${status.toLowerCase()}`} data-testid="application-status" data-status={status}>
      {applicationStatusLabel(t, status)}
    </span>
  );
}

/** The download link of a résumé: the route decides who may fetch it. */
export const resumeHref = (applicationId: string) => `/applications/${encodeURIComponent(applicationId)}/resume`;
