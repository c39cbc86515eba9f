import { redirect } from "react-router";
import type { Route } from "./+types/notification-open";
import { loginHref } from "../components/course-labels.tsx";
import { safeRedirect } from "../lib/forms.ts";

// Opening a notification: marks it read and follows its link. POST from forms, GET from plain
// links (the list on /me/notifications); marking one's own notification read is harmless enough
// for a GET. Only paths of this site are followed; anything else lands on the list.
async function open({ params, context }: Route.LoaderArgs | Route.ActionArgs) {
  const here = `/notifications/${encodeURIComponent(params.notificationId)}`;
  if (!context.viewer) throw redirect(loginHref(here));
  // Someone else's notification, or none, is a 404 from the service.
  const { link } = await context.services.notifications.open(context.viewer, params.notificationId);
  return redirect(safeRedirect(link, "/me/notifications"));
}

export const loader = (args: Route.LoaderArgs) => open(args);
export const action = (args: Route.ActionArgs) => open(args);

// Never rendered (both handlers redirect); a component keeps this a page route, so that client-side
// links to it navigate like any other page.
export default function NotificationOpen() {
  return null;
}
