import { Link } from "react-router";
import type { Route } from "./+types/certificate";
import { courseHref, formatDate, tradeName } from "../components/course-labels.tsx";
import { CertificateError, CertificateFrame, PrintButton, VerifiedSeal } from "../components/certificate-parts.tsx";
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
      <CertificateFrame title={t("courses.certificate.title")}>
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
        <VerifiedSeal label={t("courses.certificate.verified")} />
      </CertificateFrame>
      {certificate.isOwner ? <PrintButton label={t("courses.certificate.print")} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <CertificateError unknownTitle="courses.certificate.unknownTitle" unknownBody="courses.certificate.unknownBody" />;
}
