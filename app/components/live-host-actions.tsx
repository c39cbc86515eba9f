// The host page's controls that cannot be undone — end the broadcast, cancel the session, change the
// stream key — each a plain form asked twice: the first post answers "are you sure?", the second
// (confirmed=yes) acts. No JavaScript confirm() is needed. And the session's status history.
import { Form, Link } from "react-router";
import type { LiveTransitionView } from "../../server/live/types.ts";
import { useT, type MessageKey } from "../i18n/index.ts";
import { LiveTime, liveStatusLabel } from "./live-labels.tsx";
import type { StudioActionData } from "./studio-result.tsx";

export type HostIntent = "end" | "cancel" | "rotateKey";

const WORDS: Record<HostIntent, { submit: MessageKey; confirm: MessageKey; confirmSubmit: MessageKey; danger: boolean }> = {
  end: { submit: "live.host.end", confirm: "live.host.end.confirm", confirmSubmit: "live.host.end.confirmSubmit", danger: true },
  cancel: { submit: "live.host.cancel", confirm: "live.host.cancel.confirm", confirmSubmit: "live.host.cancel.confirmSubmit", danger: true },
  rotateKey: { submit: "live.host.rotate", confirm: "live.host.rotate.confirm", confirmSubmit: "live.host.rotate.confirmSubmit", danger: false },
};

/** One two-step action; `answer` is the action's answer when it was about this intent (its outcome is shown by the page). */
export function ConfirmAction({ intent, answer, backTo }: { intent: HostIntent; answer: StudioActionData | undefined; backTo: string }) {
  const t = useT();
  const words = WORDS[intent];
  if (answer?.confirm) {
    return (
      <div className="studio-confirm" role="alert" data-testid={`live-confirm-${intent}`}>
        <p>{t(words.confirm)}</p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit" className={words.danger ? "danger" : undefined}>
            {t(words.confirmSubmit)}
          </button>
        </Form>
        <Link to={backTo} className="button secondary" preventScrollReset>
          {t("live.host.keep")}
        </Link>
      </div>
    );
  }
  return (
    <div className="live-host-action">
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={intent} />
        <button type="submit" className={words.danger ? "danger-outline" : "secondary"}>
          {t(words.submit)}
        </button>
      </Form>
    </div>
  );
}

/** Every status change with its time (China time, to the second). */
export function LiveHistory({ transitions }: { transitions: LiveTransitionView[] }) {
  const t = useT();
  return (
    <ol className="live-history" data-testid="live-history">
      {transitions.map((transition, index) => (
        <li key={index} data-to={transition.to}>
          <LiveTime date={transition.at} seconds />{" "}
          <span>
            {transition.from ? liveStatusLabel(t, transition.from) : t("live.history.created")} → {liveStatusLabel(t, transition.to)}
          </span>
        </li>
      ))}
    </ol>
  );
}
