import { data, Link } from "react-router";
import type { Route } from "./+types/quiz-certificate";
import { formatDate, tradeName } from "../components/course-labels.tsx";
import { CertificateError, CertificateFrame, PrintButton, VerifiedSeal } from "../components/certificate-parts.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { boardHref } from "../components/quiz-labels.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// A quiz challenge certificate's public page (/quiz/certificates/:code): anyone with the code can
// check that Jiangxin issued it to this worker for finishing every level of every day. It prints
// alone (the certificate styles of app.css hide the rest of the page).
export async function loader({ params, context }: Route.LoaderArgs) {
  const certificate = await context.services.quiz.certificate(params.code);
  if (!certificate) throw data({ messageKey: "error.notFound" }, { status: 404 });
  return certificate;
}

export default function QuizCertificate({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const certificate = loaderData;
  const completedAt = new Date(certificate.completedAt);
  return (
    <div className="certificate-page">
      <DocumentTitle title={`${t("quizui.certificate.title")} · ${certificate.holderName}`} />
      <CertificateFrame title={t("quizui.certificate.title")} className="quiz-certificate" testId="quiz-certificate">
        <p className="quiz-certificate-medal" aria-hidden="true">
          🏅
        </p>
        <p className="certificate-recipient">{certificate.holderName}</p>
        <p className="certificate-statement">
          {t("quizui.certificate.statement", { name: certificate.holderName, challenge: certificate.challengeName, days: certificate.days })}
        </p>
        <dl className="facts certificate-facts">
          <dt>{t("quizui.certificate.challenge")}</dt>
          <dd>
            <Link to={boardHref({ challengeId: certificate.challengeId })}>{certificate.challengeName}</Link>
          </dd>
          <dt>{t("quizui.certificate.trade")}</dt>
          <dd>{tradeName(certificate.trade, locale)}</dd>
          <dt>{t("quizui.certificate.score")}</dt>
          <dd>{certificate.score}</dd>
          <dt>{t("quizui.certificate.completedAt")}</dt>
          <dd>
            <time dateTime={completedAt.toISOString()}>{formatDate(locale, completedAt)}</time>
          </dd>
          <dt>{t("quizui.certificate.code")}</dt>
          <dd className="certificate-code">{certificate.certificateCode}</dd>
        </dl>
        <VerifiedSeal label={t("quizui.certificate.verified")} />
      </CertificateFrame>
      <PrintButton label={t("quizui.certificate.print")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <CertificateError unknownTitle="quizui.certificate.unknownTitle" unknownBody="quizui.certificate.unknownBody" />;
}
