// "Remind me" / "cancel reminder" for a scheduled session: a plain form posted to the session's
// page (/live/:id), which redirects back to `returnTo` (the list or the page itself), so it works
// the same with and without JavaScript. Visitors get a login link that comes back here.
import { Form, Link } from "react-router";
import { useT } from "../i18n/index.ts";
import { loginHref } from "./course-labels.tsx";
import { liveHref } from "./live-labels.tsx";

export interface RemindState {
  signedIn: boolean;
  reminded: boolean;
  /** Signed in and the session has not started. */
  canRemind: boolean;
}

export function RemindForm({ sessionId, title, state, returnTo, compact = false }: { sessionId: string; title: string; state: RemindState; returnTo: string; compact?: boolean }) {
  const t = useT();
  if (!state.signedIn) {
    return (
      <p className="live-remind">
        <Link to={loginHref(returnTo)} className={`button secondary${compact ? " small" : ""}`}>
          {t("live.remind.login")}
          <span className="visually-hidden">{t("live.remind.about", { title })}</span>
        </Link>
      </p>
    );
  }
  if (!state.reminded && !state.canRemind) return null;
  return (
    <Form method="post" action={liveHref(sessionId)} preventScrollReset className="live-remind" data-testid="live-remind">
      <input type="hidden" name="intent" value="remind" />
      <input type="hidden" name="on" value={state.reminded ? "false" : "true"} />
      <input type="hidden" name="redirectTo" value={returnTo} />
      <button type="submit" className={`${state.reminded ? "secondary" : ""}${compact ? " small" : ""}`.trim() || undefined}>
        {t(state.reminded ? "live.remind.off" : "live.remind.on")}
        <span className="visually-hidden">{t("live.remind.about", { title })}</span>
      </button>
      {state.reminded ? (
        <span className="live-remind-note" role="status">
          {t("live.remind.set")}
        </span>
      ) : null}
    </Form>
  );
}
