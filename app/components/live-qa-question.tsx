// One question of the Q&A panel: who asked (or "anonymous"), when, how many want it answered, its
// status and the host's answer, and what this viewer may do with it — vote or take the vote back
// (a toggle button with aria-pressed), delete their own open question, and for the host and
// admins the moderation tools. Every action is a plain form posted to the session's page; with the
// socket connected the same submit is sent as a socket event instead (live-qa-forms.tsx).
import { useId } from "react";
import { Form } from "react-router";
import type { QaSort } from "../../server/live/qa/schema.ts";
import { useLocale, useT, type Locale } from "../i18n/index.ts";
import { QaActionError, QaFormFields, useLiveAction } from "./live-qa-forms.tsx";
import { LiveQaModeration } from "./live-qa-moderation.tsx";
import type { LiveQa } from "./live-qa-socket.ts";
import type { QaQuestion } from "./live-qa-store.ts";

/** "12月3日 19:30", in China time (sessions happen there; server and browser print the same). */
export function qaTime(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Shanghai" }).format(new Date(date));
}

export const questionAnchor = (id: number) => `qa-q-${id}`;

export interface QuestionPermissions {
  /** Signed in, the session open for questions, not muted. */
  canVote: boolean;
  canModerate: boolean;
  /** The session still takes questions (own open questions may be deleted). */
  open: boolean;
}

export function LiveQaQuestion({
  question,
  live,
  page,
  sort,
  may,
  flashError,
  onMuted,
  onRemoved,
}: {
  question: QaQuestion;
  live: LiveQa;
  page: string;
  sort: QaSort;
  may: QuestionPermissions;
  /** The message of a plain form about this question that was refused. */
  flashError?: string;
  onMuted: (userId: string) => void;
  /** Called after this viewer deleted it over the socket (the panel moves the focus). */
  onRemoved: (questionId: number) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const textId = useId();
  const action = useLiveAction();
  const q = question;
  const visible = q.approved && !q.hidden;
  const author = q.author ? (q.anonymous ? t("qa.anonymousRevealed", { name: q.author.displayName }) : q.author.displayName) : t("qa.anonymous");
  const error = action.error ?? flashError;
  const classes = ["qa-question", q.pinned ? "is-pinned" : "", q.hidden ? "is-hidden" : "", q.approved ? "" : "is-pending", q.status === "ANSWERED" ? "is-answered" : ""];

  return (
    <li
      id={questionAnchor(q.id)}
      className={classes.filter(Boolean).join(" ")}
      data-testid="qa-question"
      data-id={q.id}
      data-status={q.status}
      data-pinned={q.pinned}
      data-hidden={q.hidden}
      data-approved={q.approved}
      tabIndex={-1}
    >
      <p className="qa-meta">
        <span className="qa-author" data-testid="qa-author">
          {author}
        </span>
        <time dateTime={new Date(q.createdAt).toISOString()}>{qaTime(locale, q.createdAt)}</time>
      </p>
      <p className="qa-tags">
        {q.pinned ? <span className="qa-tag qa-tag-pinned">{t("qa.pinned")}</span> : null}
        <span className={`qa-tag qa-tag-${q.status.toLowerCase()}`} data-testid="qa-status">
          {t(`qa.status.${q.status}`)}
        </span>
        {q.mine ? <span className="qa-tag">{t("qa.mine")}</span> : null}
        {!q.approved ? <span className="qa-tag qa-tag-pending">{t("qa.pending")}</span> : null}
        {q.hidden ? <span className="qa-tag qa-tag-hidden">{t("qa.hidden")}</span> : null}
      </p>
      <p className="qa-text" id={textId} data-testid="qa-text">
        {q.text}
      </p>
      {q.status === "ANSWERED" && q.answer ? (
        <p className="qa-answer" data-testid="qa-answer">
          <strong>{t("qa.answer")}</strong> {q.answer}
        </p>
      ) : null}
      {!q.approved && q.mine && !may.canModerate ? <p className="qa-note">{t("qa.pendingNote")}</p> : null}
      {q.hidden ? <p className="qa-note">{t("qa.hiddenNote")}</p> : null}

      <div className="qa-actions">
        <span className="qa-votes" data-testid="qa-votes">
          {t("qa.votes", { count: q.voteCount })}
        </span>
        {may.canVote && visible ? (
          <Form method="post" action={page} className="qa-inline" onSubmit={action.submit(() => live.vote(q.id, !q.voted))}>
            <QaFormFields intent="vote" sort={sort} questionId={q.id} />
            <input type="hidden" name="on" value={q.voted ? "false" : "true"} />
            <button type="submit" className={`small qa-vote${q.voted ? "" : " secondary"}`} aria-pressed={q.voted} aria-describedby={textId} aria-disabled={action.busy || undefined}>
              {t("qa.vote")}
            </button>
          </Form>
        ) : null}
        {q.mine && q.status === "OPEN" && may.open ? (
          <Form
            method="post"
            action={page}
            className="qa-inline"
            onSubmit={action.submit(
              () => live.remove(q.id),
              (outcome) => outcome.ok && onRemoved(q.id),
            )}
          >
            <QaFormFields intent="delete" sort={sort} questionId={q.id} />
            <button type="submit" className="small danger-outline" aria-describedby={textId} aria-disabled={action.busy || undefined}>
              {t("qa.delete")}
            </button>
          </Form>
        ) : null}
      </div>

      {may.canModerate ? <LiveQaModeration question={q} live={live} page={page} sort={sort} textId={textId} onMuted={onMuted} /> : null}

      <QaActionError error={error} testId="qa-question-error" />
    </li>
  );
}
