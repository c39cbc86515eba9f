import { Link, redirect } from "react-router";
import type { Route } from "./+types/live-studio";
import { loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { liveHostHref, LiveStatusBadge, LiveTime } from "../components/live-labels.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// The host's sessions (admins see everyone's), newest start first, each linking to its host page.
// Workers and employers get the service's 403 page.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(loginHref(url.pathname));
  const sessions = await context.services.live.studio(context.viewer);
  return { sessions, isAdmin: context.viewer.role === "ADMIN" };
}

export default function LiveStudio({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { sessions, isAdmin } = loaderData;
  const title = t(isAdmin ? "live.studio.titleAdmin" : "live.studio.title");
  return (
    <>
      <DocumentTitle title={title} />
      <p className="studio-crumb">
        <Link to="/live">{t("live.studio.back")}</Link>
      </p>
      <div className="studio-head">
        <h1>{title}</h1>
        <Link to="/live/studio/new" className="button">
          {t("live.studio.new")}
        </Link>
      </div>
      <p className="muted">{t("live.studio.intro")}</p>
      {sessions.length === 0 ? (
        <p className="empty-state" data-testid="live-studio-empty">
          {t("live.studio.none")}
        </p>
      ) : (
        <ul className="studio-course-list">
          {sessions.map((session) => (
            <li key={session.id} className="studio-course-row" data-testid="live-studio-row" data-id={session.id}>
              <h2>
                <Link to={liveHostHref(session.id)}>{session.title}</Link>
              </h2>
              <p className="studio-meta">
                <LiveStatusBadge status={session.status} />
                <LiveTime date={session.scheduledStart} />
                <span>{tradeName(session.trade, locale)}</span>
                <span>{t("live.studio.reminders", { count: session.reminders })}</span>
                {isAdmin ? <span>{t("live.card.host", { name: session.host.displayName })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
