// What every form of the Q&A panel shares: the hidden fields the session page's action reads, and
// the submit handler that sends the action over the socket when it is connected instead of
// posting the form (which stays the way without JavaScript, or while the socket is down).
import { useState, type FormEvent } from "react";
import type { QaSort } from "../../server/live/qa/schema.ts";
import type { QaOutcome } from "./live-qa-socket.ts";

/**
 * A submit handler that sends the action over the socket when it is connected (and keeps the form
 * from being posted), and the action's refusal as a message to show next to the form. Busy state
 * is not `disabled`: a disabled button would drop the keyboard focus.
 */
export function useLiveAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (run: () => Promise<QaOutcome> | null, after?: (outcome: QaOutcome) => void) => (event: FormEvent<HTMLFormElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    const pending = run();
    if (!pending) return; // Not connected: the browser (or React Router) posts the form.
    event.preventDefault();
    setBusy(true);
    void pending.then((outcome) => {
      setBusy(false);
      setError(outcome.ok ? null : outcome.message);
      after?.(outcome);
    });
  };
  return { busy, error, setError, submit };
}

/** The hidden fields every Q&A form carries: what to do, and the order to come back to. */
export function QaFormFields({ intent, sort, questionId }: { intent: string; sort: QaSort; questionId?: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sort" value={sort} />
      {questionId !== undefined ? <input type="hidden" name="questionId" value={questionId} /> : null}
    </>
  );
}

/** A refused action's message next to its form (an acknowledgement's localized text). */
export function QaActionError({ error, testId }: { error: string | null | undefined; testId?: string }) {
  return error ? (
    <p className="error" role="alert" data-testid={testId}>
      {error}
    </p>
  ) : null;
}
