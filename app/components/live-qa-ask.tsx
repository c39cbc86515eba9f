// Asking a question in the Q&A panel: a labelled textarea (1–300 characters, counted as the
// server counts them, with a running count once the page is hydrated), "ask anonymously", and the
// submit. Without JavaScript (or while the socket is down) it is a plain form post that comes back
// with the refusal and the typed text kept; with the socket it is sent as `qa:ask`, and the
// refusal is said under the textarea while the text and the focus stay where they are.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Form } from "react-router";
import type { QaSort } from "../../server/live/qa/schema.ts";
import { useT } from "../i18n/index.ts";
import { QaFormFields } from "./live-qa-forms.tsx";
import type { LiveQa } from "./live-qa-socket.ts";

/** server/live/qa/schema.ts's QUESTION_MAX (a value from server/ would bring zod into the page's bundle). */
const QUESTION_MAX = 300;

/** Characters as the server counts them (code points, after trimming the ends). */
const lengthOf = (text: string) => [...text.trim()].length;

export function LiveQaAskForm({
  live,
  page,
  sort,
  premoderated,
  flash,
}: {
  live: LiveQa;
  page: string;
  sort: QaSort;
  premoderated: boolean;
  /** What a refused plain post came back with, or the note of an accepted one. */
  flash: { error?: string; text?: string; anonymous?: boolean; done?: "asked" | "pending" };
}) {
  const t = useT();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(flash.text ?? "");
  const [anonymous, setAnonymous] = useState(flash.anonymous ?? false);
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(flash.error);
  const [done, setDone] = useState<"asked" | "pending" | undefined>(flash.done);
  useEffect(() => setHydrated(true), []);

  const length = lengthOf(text);
  const over = length - QUESTION_MAX;
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, hydrated ? countId : "", error ? errorId : ""].filter(Boolean).join(" ");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    // The same checks as the server, said at once (the server checks again either way).
    const local = length === 0 ? t("qa.error.textRequired") : over > 0 ? t("qa.error.textTooLong") : null;
    const pending = local ? null : live.ask(text, anonymous);
    if (!local && !pending) return; // Not connected: the form is posted.
    event.preventDefault();
    setDone(undefined);
    if (local) {
      setError(local);
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    void pending!.then((outcome) => {
      setBusy(false);
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      setError(undefined);
      setText("");
      setDone("question" in outcome && outcome.question && !outcome.question.approved ? "pending" : "asked");
    });
  };

  return (
    <Form method="post" action={page} id="qa-ask" className="qa-ask" data-testid="qa-ask" onSubmit={onSubmit}>
      <QaFormFields intent="ask" sort={sort} />
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor={id}>{t("qa.ask.label")}</label>
        <p className="hint" id={hintId}>
          {t("qa.ask.hint")}
          {premoderated ? ` ${t("qa.ask.premoderated")}` : ""}
        </p>
        <textarea
          ref={textRef}
          id={id}
          name="text"
          rows={3}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setDone(undefined);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {hydrated ? (
          <p className={`qa-chars${over > 0 ? " is-over" : ""}`} id={countId} data-testid="qa-chars">
            {over > 0 ? t("qa.ask.over", { count: over }) : t("qa.ask.count", { count: length, max: QUESTION_MAX })}
          </p>
        ) : null}
        {error ? (
          <p className="error" id={errorId} role="alert" data-testid="qa-ask-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="checkbox-field">
        <label>
          <input type="checkbox" name="anonymous" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          {t("qa.ask.anonymous")}
        </label>
      </div>
      <p className="qa-ask-submit">
        <button type="submit" aria-disabled={busy || undefined}>
          {t(busy ? "qa.ask.sending" : "qa.ask.submit")}
        </button>
        {/* Always there, so that the note is announced when it appears. */}
        <span className="qa-done" role="status" data-testid="qa-ask-done">
          {done ? t(done === "pending" ? "qa.done.pending" : "qa.done.asked") : null}
        </span>
      </p>
    </Form>
  );
}
