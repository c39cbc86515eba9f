import { useEffect, useState } from "react";
import { data, isRouteErrorResponse, Link, useParams, useRouteError } from "react-router";
import type { Route } from "./+types/quiz-certificate";
import { formatDate, tradeName } from "../components/course-labels.tsx";
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
      <article className="certificate quiz-certificate" aria-labelledby="certificate-title" data-testid="quiz-certificate">
        <p className="certificate-brand">
          <span className="brand-mark" aria-hidden="true">
            匠
          </span>
          {t("app.name")}
        </p>
        <h1 id="certificate-title">{t("quizui.certificate.title")}</h1>
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
        <p className="certificate-verified" data-testid="certificate-verified">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z M8 12l3 3 5-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          {t("quizui.certificate.verified")}
        </p>
      </article>
      <PrintButton />
    </div>
  );
}

/** Printing needs JavaScript (window.print), so the button appears only once it has loaded. */
function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <p className="certificate-actions">
      <button type="button" onClick={() => window.print()}>
        {t("quizui.certificate.print")}
      </button>
    </p>
  );
}

/** An unknown code: say plainly that it could not be verified; other failures get the generic words. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const { code } = useParams();
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    return (
      <section className="error-page" aria-labelledby="certificate-error-title">
        <DocumentTitle title={t("error.generic.title")} />
        <p className="error-code">{status}</p>
        <h1 id="certificate-error-title">{t("error.generic.title")}</h1>
        <p>{t(status >= 500 ? "error.500.body" : "form.invalid")}</p>
      </section>
    );
  }
  return (
    <section className="error-page certificate-unknown" aria-labelledby="certificate-unknown-title">
      <DocumentTitle title={t("quizui.certificate.unknownTitle")} />
      <p className="error-code">404</p>
      <h1 id="certificate-unknown-title">{t("quizui.certificate.unknownTitle")}</h1>
      <p>{t("quizui.certificate.unknownBody", { code: code ?? "" })}</p>
      <p className="actions">
        <Link className="button secondary" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
