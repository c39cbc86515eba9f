// What every certificate page shares (courses' 结业证书 at /certificates/:code, the quiz's at
// /quiz/certificates/:code): the brand line, the "verified" seal, the print button and the page
// for a code that cannot be verified. The pages pass their own words.
import { useEffect, useState, type ReactNode } from "react";
import { isRouteErrorResponse, Link, useParams, useRouteError } from "react-router";
import { DocumentTitle } from "./form-field.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";

/** The certificate's frame: brand line, heading (id certificate-title), then the page's content. */
export function CertificateFrame({ title, className, testId, children }: { title: string; className?: string; testId?: string; children: ReactNode }) {
  const t = useT();
  return (
    <article className={className ? `certificate ${className}` : "certificate"} aria-labelledby="certificate-title" data-testid={testId}>
      <p className="certificate-brand">
        <span className="brand-mark" aria-hidden="true">
          匠
        </span>
        {t("app.name")}
      </p>
      <h1 id="certificate-title">{title}</h1>
      {children}
    </article>
  );
}

/** The seal that says Jiangxin issued the certificate. */
export function VerifiedSeal({ label }: { label: string }) {
  return (
    <p className="certificate-verified" data-testid="certificate-verified">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z M8 12l3 3 5-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      {label}
    </p>
  );
}

/** Printing needs JavaScript (window.print), so the button appears only once it has loaded. */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <p className="certificate-actions">
      <button type="button" onClick={() => window.print()}>
        {label}
      </button>
    </p>
  );
}

/**
 * A route's ErrorBoundary for an unknown code: say plainly that it could not be verified. Other
 * failures (rare on a public page) get the generic words; rethrowing to the root's boundary would
 * not work during SSR.
 */
export function CertificateError({ unknownTitle, unknownBody }: { unknownTitle: MessageKey; unknownBody: MessageKey }) {
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
      <DocumentTitle title={t(unknownTitle)} />
      <p className="error-code">404</p>
      <h1 id="certificate-unknown-title">{t(unknownTitle)}</h1>
      <p>{t(unknownBody, { code: code ?? "" })}</p>
      <p className="actions">
        <Link className="button secondary" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
