import { useEffect, useState } from "react";
import { isRouteErrorResponse, Link, useParams, useRouteError } from "react-router";
import type { Route } from "./+types/certificate";
import { courseHref, formatDate, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// A certificate's public page: anyone with the code can check that Jiangxin issued it.
export async function loader({ params, context }: Route.LoaderArgs) {
  return context.services.courses.certificate(context.viewer, params.code);
}

export default function Certificate({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const certificate = loaderData;
  const issuedAt = new Date(certificate.issuedAt);
  return (
    <div className="certificate-page">
      <DocumentTitle title={`${t("courses.certificate.title")} · ${certificate.recipientName}`} />
      <article className="certificate" aria-labelledby="certificate-title">
        <p className="certificate-brand">
          <span className="brand-mark" aria-hidden="true">
            匠
          </span>
          {t("app.name")}
        </p>
        <h1 id="certificate-title">{t("courses.certificate.title")}</h1>
        <p className="certificate-recipient">{certificate.recipientName}</p>
        <p className="certificate-statement">
          {t("courses.certificate.statement", { name: certificate.recipientName, course: certificate.courseTitle })}
        </p>
        <dl className="facts certificate-facts">
          <dt>{t("courses.certificate.course")}</dt>
          <dd>
            <Link to={courseHref(certificate.courseSlug)}>{certificate.courseTitle}</Link>
          </dd>
          <dt>{t("courses.certificate.craftsman")}</dt>
          <dd>{certificate.craftsmanName}</dd>
          <dt>{t("courses.certificate.trade")}</dt>
          <dd>{tradeName(certificate.tradeName, locale)}</dd>
          <dt>{t("courses.certificate.issuedAt")}</dt>
          <dd>
            <time dateTime={issuedAt.toISOString()}>{formatDate(locale, issuedAt)}</time>
          </dd>
          <dt>{t("courses.certificate.code")}</dt>
          <dd className="certificate-code">{certificate.code}</dd>
        </dl>
        <p className="certificate-verified" data-testid="certificate-verified">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z M8 12l3 3 5-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          {t("courses.certificate.verified")}
        </p>
      </article>
      {certificate.isOwner ? <PrintButton /> : null}
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
        {t("courses.certificate.print")}
      </button>
    </p>
  );
}

/**
 * An unknown code: say plainly that it could not be verified. Other failures (rare on a public
 * page) get the generic words; rethrowing to the root's boundary would not work during SSR.
 */
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
      <DocumentTitle title={t("courses.certificate.unknownTitle")} />
      <p className="error-code">404</p>
      <h1 id="certificate-unknown-title">{t("courses.certificate.unknownTitle")}</h1>
      <p>{t("courses.certificate.unknownBody", { code: code ?? "" })}</p>
      <p className="actions">
        <Link className="button secondary" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
