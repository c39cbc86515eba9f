import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/me-notifications";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { NotificationText } from "../components/notification-text.tsx";
import { translateKey, useLocale, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// The viewer's notifications, newest first, 30 a page ("older" / "newer" links). Opening one goes
// through /notifications/:id, which marks it read and follows its link.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(loginHref(url.pathname + url.search));
  const page = Number(url.searchParams.get("page") ?? "1");
  const list = await context.services.notifications.list(context.viewer, { page: Number.isInteger(page) ? page : 1 });
  return { ...list, markedAll: url.searchParams.get("read") === "all" };
}

export async function action({ request, context }: Route.ActionArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/notifications"));
  const { intent } = await formObject(request);
  if (intent !== "markAllRead") return data({ error: "notifications.intent.invalid" }, { status: 400 });
  await context.services.notifications.markAllRead(context.viewer);
  return redirect("/me/notifications?read=all");
}

const pageHref = (page: number) => (page <= 1 ? "/me/notifications" : `/me/notifications?page=${page}`);

export default function MeNotifications({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { items, unread, page, hasMore, markedAll } = loaderData;
  // China's time, as the job pages use: the server's and the browser's renderings must agree.
  const time = (value: Date | string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(value));
  return (
    <div className="notifications-page">
      <DocumentTitle title={t("notifications.title")} />
      <h1>{t("notifications.title")}</h1>
      {markedAll && !actionData ? (
        <p className="alert success" role="status">
          {t("notifications.markedAllRead")}
        </p>
      ) : null}
      <FormAlert message={translateKey(t, actionData?.error)} />
      <div className="notification-tools">
        <p className="muted" data-testid="notifications-unread">
          {t("notifications.unreadCount", { count: unread })}
        </p>
        {unread > 0 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="markAllRead" />
            <button type="submit" className="secondary small">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>

      {items.length === 0 ? (
        <p className="no-results" data-testid="notifications-empty">
          {t("notifications.empty")}
        </p>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={`notification-item ${item.read ? "read" : "unread"}`} data-testid="notification" data-read={item.read}>
              <Link to={`/notifications/${encodeURIComponent(item.id)}`}>
                <NotificationText notification={item} />
              </Link>
              <p className="notification-meta">
                {item.read ? null : <span className="badge">{t("notifications.unread")}</span>}
                <time dateTime={new Date(item.createdAt).toISOString()}>{time(item.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {page > 1 || hasMore ? (
        <nav className="notification-pages" aria-label={t("pagination.label")}>
          {page > 1 ? (
            <Link to={pageHref(page - 1)} rel="prev">
              {t("notifications.newer")}
            </Link>
          ) : (
            <span />
          )}
          {hasMore ? (
            <Link to={pageHref(page + 1)} rel="next">
              {t("notifications.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <p>
        <Link to="/me/searches">{t("notifications.manageSearches")}</Link>
      </p>
    </div>
  );
}
