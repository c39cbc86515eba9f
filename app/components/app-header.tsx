import { Form, Link, NavLink, useLocation } from "react-router";
import { useT, type Locale } from "../i18n/index.ts";
import { LocaleSwitcher } from "./locale-switcher.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { SearchBox } from "./search-box.tsx";
import { SECTIONS } from "./sections.ts";

interface HeaderProps {
  locale: Locale;
  viewer: { displayName: string; role: string } | null;
  /** The viewer's unread notifications (the bell's badge). */
  unread?: number;
}

export function AppHeader({ locale, viewer, unread = 0 }: HeaderProps) {
  const t = useT();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <div className="bar">
        {/* The name comes from the content (not aria-label) so that it starts with the visible text (WCAG 2.5.3). */}
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            匠
          </span>
          <span className="brand-name">{t("app.name")}</span>
          <span className="visually-hidden"> · {t("nav.home")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="top-nav">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{t(section.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          {viewer ? (
            <>
              {viewer.role === "ADMIN" || viewer.role === "EMPLOYER" ? (
                <Link to="/admin/users" className="header-link">
                  {t("nav.admin")}
                </Link>
              ) : null}
              <NotificationBell unread={unread} />
              <Link to="/me" className="header-link" data-testid="viewer-name">
                {viewer.displayName}
              </Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="header-link">
                {t("nav.login")}
              </Link>
              <Link to="/register" className="header-link emphasis">
                {t("nav.register")}
              </Link>
            </>
          )}
        </div>
        {/* After the tools in the DOM (and on screen): on phones it is a full-width row under the bar.
            /search has its own, larger form. */}
        {location.pathname === "/search" ? null : <SearchBox className="header-search" />}
      </div>
      <LocaleSwitcher locale={locale} redirectTo={here} />
    </header>
  );
}
