// The notifications menu in the header: a bell linking to /me/notifications with the unread count,
// which screen readers hear as the link's name ("通知（3 条未读）"). The count comes from the root
// loader, so it follows every navigation and form post (root.tsx's shouldRevalidate).
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";

/** Beyond this the badge says "99+" (the service stops counting at 100). */
const SHOWN_MAX = 99;

export function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  const many = unread > SHOWN_MAX;
  const label = unread === 0 ? t("notifications.menu") : many ? t("notifications.menu.many") : t("notifications.menu.unread", { count: unread });
  return (
    <Link to="/me/notifications" className="icon-link notification-bell" title={label} data-testid="notification-bell">
      {/* The name is this hidden text, not aria-label: the badge's digits alone would be a visible
          label that the name does not start with (axe: label-content-name-mismatch). */}
      <span className="visually-hidden">{label}</span>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {many ? `${SHOWN_MAX}+` : unread}
        </span>
      ) : null}
    </Link>
  );
}
