import { Link, useMatches } from "react-router";
import { DocumentTitle } from "../components/form-field.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";

// One honest placeholder for the sections whose issues have not landed yet (route ids in app/routes.ts).
export default function ComingSoon() {
  const t = useT();
  const id = useMatches().at(-1)?.id ?? "courses";
  const section = t(`nav.${id}` as MessageKey);
  const title = t("comingSoon.title", { section });
  return (
    <section className="empty-state">
      <DocumentTitle title={section} />
      <h1>{title}</h1>
      <p>{t("comingSoon.body")}</p>
      <p className="actions">
        <Link className="button" to="/trades">
          {t("comingSoon.browseTrades")}
        </Link>
        <Link className="button secondary" to="/">
          {t("comingSoon.backHome")}
        </Link>
      </p>
    </section>
  );
}
