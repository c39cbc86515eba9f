// The sentence of one notification, from its kind and data, in the reader's language. Every place
// that shows a notification (the /me/notifications list, the header menu) renders it with this, so
// a new kind needs one message key (notifications.kind.<kind>) and one case here.
import { isMessageKey, useT, type Translate } from "../i18n/index.ts";

export interface NotificationContent {
  kind: string;
  data: Record<string, string | number>;
}

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

export function notificationText(t: Translate, notification: NotificationContent): string {
  const { data } = notification;
  switch (notification.kind) {
    case "job.alert":
      return t("notifications.kind.job.alert", { title: text(data.title), searchName: text(data.searchName) });
    case "live.started":
      return t("notifications.kind.live.started", { title: text(data.title), host: text(data.host) });
    case "application.status": {
      // The status words belong to the applications pages (jobs.applicationStatus.*).
      const status = text(data.status);
      const key = `jobs.applicationStatus.${status}`;
      return t("notifications.kind.application.status", { title: text(data.title), status: isMessageKey(key) ? t(key) : status });
    }
    default:
      return t("notifications.kind.unknown");
  }
}

/** The notification's sentence as text (for use inside links and list items). */
export function NotificationText({ notification }: { notification: NotificationContent }) {
  const t = useT();
  return <>{notificationText(t, notification)}</>;
}
