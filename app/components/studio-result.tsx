// What the studio's actions answer, and how a form shows the answer meant for it. One action per
// page serves many small forms; each answer names its intent and target so that only the form that
// was submitted shows it.
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";

export interface StudioActionData {
  intent: string;
  /** The chapter or lesson the form was about, when there are many such forms on the page. */
  target?: string;
  ok: boolean;
  /** Success message key. */
  message?: MessageKey;
  fieldErrors?: Record<string, string>;
  formError?: string;
  /** The submitted text, kept so that a refused form keeps what was typed. */
  values?: Record<string, string>;
  /** A delete asked for confirmation first (works without JavaScript: a second submit). */
  confirm?: boolean;
}

/** The answer if it belongs to the form of `intent` (and `target`), else undefined. */
export function answerFor(answer: StudioActionData | undefined, intent: string, target?: string) {
  if (!answer || answer.intent !== intent) return undefined;
  if (target !== undefined && answer.target !== target) return undefined;
  return answer;
}

/** The success or failure line shown next to a form. Field errors are shown by the fields themselves. */
export function FormOutcome({ answer, showFieldErrors = false }: { answer?: StudioActionData; showFieldErrors?: boolean }) {
  const t = useT();
  if (!answer || answer.confirm) return null;
  if (answer.ok) {
    return answer.message ? (
      <p className="alert success" role="status">
        {t(answer.message)}
      </p>
    ) : null;
  }
  const fieldMessages = showFieldErrors ? Object.values(answer.fieldErrors ?? {}) : [];
  const message = answer.formError ?? fieldMessages[0];
  if (!message) return null;
  return (
    <p className="alert error" role="alert">
      {translateKey(t, message)}
    </p>
  );
}
