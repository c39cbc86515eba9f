// Previous / "page n of m" / next, as plain links (they work without JavaScript and keep the
// other query parameters, which `hrefFor` builds).
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";

export function Pagination({ page, pageCount, hrefFor, className }: { page: number; pageCount: number; hrefFor: (page: number) => string; className?: string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className={className ? `pagination ${className}` : "pagination"}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("pagination.status", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
