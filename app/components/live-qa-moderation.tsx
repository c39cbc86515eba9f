// The host's and admins' tools in the Q&A panel: per question — mark answered (with an optional
// short written answer), pin or unpin, hide or restore, approve one waiting in a pre-moderated
// session, mute its asker — and for the session the pre-moderation switch and the "muted" notice
// with its undo. Plain forms to the session's page, sent over the socket when it is connected.
import { useId, useState } from "react";
import { Form, useRevalidator } from "react-router";
import type { QaSort } from "../../server/live/qa/schema.ts";
import { useT } from "../i18n/index.ts";
import { QaActionError, QaFormFields, useLiveAction } from "./live-qa-forms.tsx";
import type { LiveQa } from "./live-qa-socket.ts";
import type { QaQuestion } from "./live-qa-store.ts";

export function LiveQaModeration({
  question: q,
  live,
  page,
  sort,
  textId,
  onMuted,
}: {
  question: QaQuestion;
  live: LiveQa;
  page: string;
  sort: QaSort;
  /** The question's text element: the tools are described by it. */
  textId: string;
  onMuted: (userId: string) => void;
}) {
  const t = useT();
  const answerId = useId();
  const action = useLiveAction();
  const [answer, setAnswer] = useState("");
  const visible = q.approved && !q.hidden;
  const busy = action.busy || undefined;
  const tool = (intent: string) => ({ method: "post" as const, action: page, className: "qa-inline", "data-intent": intent });

  return (
    <div className="qa-mod" role="group" aria-label={t("qa.mod.tools")} data-testid="qa-moderation">
      {q.status === "OPEN" ? (
        <Form
          {...tool("answer")}
          className="qa-answer-form"
          onSubmit={action.submit(
            () => live.answer(q.id, answer),
            (outcome) => outcome.ok && setAnswer(""),
          )}
        >
          <QaFormFields intent="answer" sort={sort} questionId={q.id} />
          <label htmlFor={answerId}>{t("qa.mod.answerText")}</label>
          <div className="qa-answer-row">
            <input id={answerId} name="answer" value={answer} onChange={(event) => setAnswer(event.target.value)} aria-describedby={textId} autoComplete="off" />
            <button type="submit" className="small" aria-disabled={busy}>
              {t("qa.mod.answer")}
            </button>
          </div>
        </Form>
      ) : null}
      <div className="qa-mod-row">
        {!q.approved ? (
          <Form {...tool("approve")} onSubmit={action.submit(() => live.approve(q.id))}>
            <QaFormFields intent="approve" sort={sort} questionId={q.id} />
            <button type="submit" className="small" aria-describedby={textId} aria-disabled={busy}>
              {t("qa.mod.approve")}
            </button>
          </Form>
        ) : null}
        {visible ? (
          <Form {...tool("pin")} onSubmit={action.submit(() => live.pin(q.pinned ? null : q.id))}>
            <QaFormFields intent="pin" sort={sort} questionId={q.id} />
            <input type="hidden" name="on" value={q.pinned ? "false" : "true"} />
            <button type="submit" className="small secondary" aria-describedby={textId} aria-disabled={busy}>
              {t(q.pinned ? "qa.mod.unpin" : "qa.mod.pin")}
            </button>
          </Form>
        ) : null}
        <Form {...tool(q.hidden ? "restore" : "hide")} onSubmit={action.submit(() => (q.hidden ? live.restore(q.id) : live.hide(q.id)))}>
          <QaFormFields intent={q.hidden ? "restore" : "hide"} sort={sort} questionId={q.id} />
          <button type="submit" className="small secondary" aria-describedby={textId} aria-disabled={busy}>
            {t(q.hidden ? "qa.mod.restore" : "qa.mod.hide")}
          </button>
        </Form>
        {q.author && !q.mine ? (
          <Form
            {...tool("mute")}
            onSubmit={action.submit(
              () => live.mute(q.author!.id, true),
              (outcome) => outcome.ok && onMuted(q.author!.id),
            )}
          >
            <QaFormFields intent="mute" sort={sort} questionId={q.id} />
            <input type="hidden" name="userId" value={q.author.id} />
            <input type="hidden" name="on" value="true" />
            <button type="submit" className="small danger-outline" aria-describedby={textId} aria-disabled={busy}>
              {t("qa.mod.mute")}
            </button>
          </Form>
        ) : null}
      </div>
      <QaActionError error={action.error} />
    </div>
  );
}

/** The session's pre-moderation switch: what it is now, and the button that turns it the other way. */
export function QaPremoderationSwitch({ live, page, sort }: { live: LiveQa; page: string; sort: QaSort }) {
  const t = useT();
  const action = useLiveAction();
  const on = live.premoderated;
  return (
    <Form method="post" action={page} className="qa-premod" data-testid="qa-premoderation" onSubmit={action.submit(() => live.premoderate(!on))}>
      <QaFormFields intent="premoderate" sort={sort} />
      <input type="hidden" name="on" value={on ? "false" : "true"} />
      <p className="qa-premod-state">
        <strong>{t("qa.mod.premoderation")}</strong> <span data-testid="qa-premoderation-state">{t(on ? "qa.mod.premoderation.on" : "qa.mod.premoderation.off")}</span>
      </p>
      <button type="submit" className="small secondary" aria-disabled={action.busy || undefined}>
        {t(on ? "qa.mod.premoderate.off" : "qa.mod.premoderate.on")}
      </button>
      <QaActionError error={action.error} />
    </Form>
  );
}

/** After a mute: says so, with the undo (a form, like everything else). */
export function QaMutedNotice({ userId, live, page, sort, onUndone }: { userId: string; live: LiveQa; page: string; sort: QaSort; onUndone: () => void }) {
  const t = useT();
  const action = useLiveAction();
  return (
    <Form
      method="post"
      action={page}
      className="qa-notice"
      data-testid="qa-muted"
      onSubmit={action.submit(
        () => live.mute(userId, false),
        (outcome) => outcome.ok && onUndone(),
      )}
    >
      <QaFormFields intent="mute" sort={sort} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="on" value="false" />
      <p role="status">{t("qa.done.muted")}</p>
      <button type="submit" className="small secondary" aria-disabled={action.busy || undefined}>
        {t("qa.mod.unmute")}
      </button>
      <QaActionError error={action.error} />
    </Form>
  );
}

/**
 * Everyone muted in this session, each with an unmute form: a host can take a mute back at any
 * time, not only right after it. The list comes from the page data, so a socket unmute reloads it.
 */
export function QaMutedList({ users, live, page, sort }: { users: { userId: string; displayName: string }[]; live: LiveQa; page: string; sort: QaSort }) {
  const t = useT();
  const titleId = useId();
  if (users.length === 0) return null;
  return (
    <section className="qa-muted-list" aria-labelledby={titleId} data-testid="qa-muted-list">
      <h4 id={titleId}>{t("qa.mod.mutedList")}</h4>
      <ul>
        {users.map((user) => (
          <li key={user.userId}>
            <QaUnmuteForm user={user} live={live} page={page} sort={sort} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QaUnmuteForm({ user, live, page, sort }: { user: { userId: string; displayName: string }; live: LiveQa; page: string; sort: QaSort }) {
  const t = useT();
  const action = useLiveAction();
  const revalidator = useRevalidator();
  return (
    <Form method="post" action={page} className="qa-unmute" onSubmit={action.submit(() => live.mute(user.userId, false), (outcome) => outcome.ok && void revalidator.revalidate())}>
      <QaFormFields intent="mute" sort={sort} />
      <input type="hidden" name="userId" value={user.userId} />
      <input type="hidden" name="on" value="false" />
      <span>{user.displayName}</span>{" "}
      <button type="submit" className="small secondary" aria-disabled={action.busy || undefined} aria-label={t("qa.mod.unmuteUser", { name: user.displayName })}>
        {t("qa.mod.unmute")}
      </button>
      <QaActionError error={action.error} />
    </Form>
  );
}
