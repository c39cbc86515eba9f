// The Q&A panel beside (on phones: below) the session's player. Server-rendered from the loader's
// state, so that without JavaScript it shows every question and every action is a plain form;
// after hydration it follows the room over the socket (live-qa-socket.ts): new questions, votes,
// answers and pins appear without a reload, new questions are counted politely for screen readers
// (not every vote), and a small line says whether the live updates are connected. Visitors see the
// questions and a way to sign in; muted viewers are told why they cannot ask; after the session
// the Q&A can only be read.
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { QaSort } from "../../server/live/qa/schema.ts";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { loginHref } from "./course-labels.tsx";
import { LiveQaAskForm } from "./live-qa-ask.tsx";
import { QaMutedList, QaMutedNotice, QaPremoderationSwitch } from "./live-qa-moderation.tsx";
import { LiveQaQuestion, type QuestionPermissions } from "./live-qa-question.tsx";
import { useLiveQa, type LiveQa, type QaSnapshot } from "./live-qa-socket.ts";

/** What a plain form post came back with (the session page's action redirects with it in the URL). */
export interface QaFlash {
  error?: MessageKey;
  /** Where the error is said: under the ask form, at a question, or at the top of the panel. */
  scope?: "ask" | "panel" | number;
  /** The question as typed, kept after a refusal. */
  text?: string;
  anonymous?: boolean;
  done?: "asked" | "pending" | "muted" | "unmuted";
  /** The user just muted (for the undo). */
  userId?: string;
}

export const QA_PANEL_ID = "qa";

export function LiveQaPanel({ qa, locked, sort, page, flash }: { qa: QaSnapshot | null; locked: boolean; sort: QaSort; page: string; flash: QaFlash }) {
  const t = useT();
  if (locked) {
    return (
      <section id={QA_PANEL_ID} className="qa-panel" aria-labelledby="qa-title" data-testid="qa-panel">
        <h2 id="qa-title">{t("qa.title")}</h2>
        <p className="qa-note">{t("qa.ask.locked")}</p>
        <p>
          <Link className="button secondary small" to={loginHref(`${page}#${QA_PANEL_ID}`)}>
            {t("qa.ask.login")}
          </Link>
        </p>
      </section>
    );
  }
  // A cancelled session has no Q&A.
  if (!qa) return null;
  return <LiveQaBoard qa={qa} sort={sort} page={page} flash={flash} />;
}

function LiveQaBoard({ qa, sort, page, flash }: { qa: QaSnapshot; sort: QaSort; page: string; flash: QaFlash }) {
  const t = useT();
  const live = useLiveQa(qa, sort, true);
  const may: QuestionPermissions = { canVote: qa.viewer.signedIn && qa.open && !qa.viewer.muted, canModerate: qa.viewer.canModerate, open: qa.open };
  const [muted, setMuted] = useState<{ userId: string } | null>(flash.done === "muted" && flash.userId ? { userId: flash.userId } : null);
  const [unmuted, setUnmuted] = useState(flash.done === "unmuted");
  const flashError = translateKey(t, flash.error);

  // Keeps the keyboard focus where it was when the list is re-ordered under it (a moved element
  // loses the focus): the last focused control of the panel gets it back if it is still there —
  // unless the viewer has since gone elsewhere (tabbed out, or pressed outside the panel).
  const panelRef = useRef<HTMLElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const forget = (event: PointerEvent) => {
      if (!panelRef.current?.contains(event.target as Node)) lastFocused.current = null;
    };
    document.addEventListener("pointerdown", forget);
    return () => document.removeEventListener("pointerdown", forget);
  }, []);
  useEffect(() => {
    const element = lastFocused.current;
    if (element && element.isConnected && (document.activeElement === document.body || document.activeElement === null)) element.focus({ preventScroll: true });
  }, [live.questions]);

  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const onRemoved = () => {
    lastFocused.current = null;
    listTitleRef.current?.focus();
  };

  return (
    <section
      id={QA_PANEL_ID}
      className="qa-panel"
      aria-labelledby="qa-title"
      data-testid="qa-panel"
      ref={panelRef}
      onFocus={(event) => {
        lastFocused.current = event.target as HTMLElement;
      }}
      onBlur={(event) => {
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) lastFocused.current = null;
      }}
    >
      <div className="qa-head">
        <h2 id="qa-title">{t("qa.title")}</h2>
        <QaLiveStatus live={live} />
      </div>
      <noscript>
        <p className="qa-note">{t("qa.live.noScript")}</p>
      </noscript>
      {/* New questions from others, counted and announced together. */}
      <p className="visually-hidden" aria-live="polite" data-testid="qa-announce">
        {live.announcement}
      </p>

      {flashError && flash.scope === "panel" ? (
        <div className="alert error" role="alert" data-testid="qa-error">
          {flashError}
        </div>
      ) : null}

      {may.canModerate ? (
        <div className="qa-moderator">
          <QaPremoderationSwitch live={live} page={page} sort={sort} />
          {muted ? <QaMutedNotice key={muted.userId} userId={muted.userId} live={live} page={page} sort={sort} onUndone={() => (setMuted(null), setUnmuted(true))} /> : null}
          {unmuted && !muted ? (
            <p className="qa-notice" role="status">
              {t("qa.done.unmuted")}
            </p>
          ) : null}
          <QaMutedList users={qa.mutedUsers.filter((user) => user.userId !== muted?.userId)} live={live} page={page} sort={sort} />
        </div>
      ) : null}

      <QaAskArea qa={qa} live={live} page={page} sort={sort} flash={flash} flashError={flash.scope === "ask" ? flashError : undefined} />

      <div className="qa-list-head">
        <h3 id="qa-list-title" ref={listTitleRef} tabIndex={-1} data-testid="qa-count">
          {t("qa.count", { count: live.questions.length })}
        </h3>
        <nav aria-label={t("qa.sort.label")} className="qa-sort" data-testid="qa-sort">
          <ul>
            {(["votes", "newest"] as const).map((option) => (
              <li key={option}>
                <Link
                  to={`${page}${option === "newest" ? "?qa=newest" : ""}#${QA_PANEL_ID}`}
                  aria-current={option === sort ? "true" : undefined}
                  className={option === sort ? "active" : undefined}
                  preventScrollReset
                >
                  {t(`qa.sort.${option}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {live.questions.length === 0 ? (
        <p className="qa-empty muted" data-testid="qa-empty">
          {t(may.canVote ? "qa.emptyOpen" : "qa.empty")}
        </p>
      ) : (
        <ol className="qa-list" aria-labelledby="qa-list-title" data-testid="qa-list">
          {live.questions.map((question) => (
            <LiveQaQuestion
              key={question.id}
              question={question}
              live={live}
              page={page}
              sort={sort}
              may={may}
              flashError={flash.scope === question.id ? flashError : undefined}
              onMuted={(userId) => (setMuted({ userId }), setUnmuted(false))}
              onRemoved={onRemoved}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** "Live updates on" / "reconnecting…" (announced politely), and the people in the room (not announced). */
function QaLiveStatus({ live }: { live: LiveQa }) {
  const t = useT();
  const words = { offline: null, connecting: "qa.live.connecting", connected: "qa.live.connected", reconnecting: "qa.live.reconnecting" } as const;
  const key = words[live.connection];
  return (
    <div className="qa-live">
      <p className={`qa-live-state qa-live-${live.connection}`} role="status" data-testid="qa-connection" data-state={live.connection}>
        {key ? t(key) : null}
      </p>
      {live.viewers !== null ? (
        <p className="qa-live-viewers" data-testid="qa-viewers">
          {t("qa.live.viewers", { count: live.viewers })}
        </p>
      ) : null}
    </div>
  );
}

/** The ask form, or why there is none: a visitor (sign in), a muted viewer, a finished session. */
function QaAskArea({ qa, live, page, sort, flash, flashError }: { qa: QaSnapshot; live: LiveQa; page: string; sort: QaSort; flash: QaFlash; flashError?: string }) {
  const t = useT();
  if (!qa.open) {
    return (
      <p className="qa-note" data-testid="qa-closed">
        {t("qa.ask.closed")}
      </p>
    );
  }
  if (!qa.viewer.signedIn) {
    return (
      <p className="qa-note" data-testid="qa-login">
        {t("qa.ask.loginHint")}{" "}
        <Link className="button secondary small" to={loginHref(`${page}#${QA_PANEL_ID}`)}>
          {t("qa.ask.login")}
        </Link>
      </p>
    );
  }
  if (qa.viewer.muted) {
    return (
      <p className="qa-note qa-note-muted" data-testid="qa-muted-note">
        {t("qa.error.muted")}
      </p>
    );
  }
  return (
    <LiveQaAskForm
      // A new refusal (or a new note) of a plain post starts the form again with what came back.
      key={`${flash.error ?? ""}|${flash.text ?? ""}|${flash.done ?? ""}`}
      live={live}
      page={page}
      sort={sort}
      premoderated={live.premoderated}
      flash={{ error: flashError, text: flash.text, anonymous: flash.anonymous, done: flash.done === "asked" || flash.done === "pending" ? flash.done : undefined }}
    />
  );
}

