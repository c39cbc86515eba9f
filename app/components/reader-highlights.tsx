// Highlights in an EPUB: the bar offered for a text selection (with an optional note), the panel
// listing the reader's highlights, and the state both share. They talk to the book's highlights
// resource (/books/:id/highlights) with fetch; the renderer draws them (see reader-epub.tsx).
import { useCallback, useId, useState } from "react";
import type { HighlightView } from "../../server/books/types.ts";
import { useT, type MessageKey } from "../i18n/index.ts";

/** Text chosen in the book, not yet saved. */
export interface PendingSelection {
  cfi: string;
  text: string;
}

/** Highlights as the reader's client holds them (dates arrive as strings in JSON). */
export type ClientHighlight = Omit<HighlightView, "createdAt"> & { createdAt: string | Date };

export interface HighlightsState {
  items: ClientHighlight[];
  /** A short confirmation after adding or removing, for the live region. */
  notice: MessageKey | null;
  add(selection: PendingSelection, note: string): Promise<{ ok: true; highlight: ClientHighlight } | { ok: false; message: string }>;
  remove(highlight: ClientHighlight): Promise<boolean>;
}

const MAX_TEXT = 2000;

export function useHighlights(bookId: string, initial: ClientHighlight[]): HighlightsState {
  const t = useT();
  const [items, setItems] = useState(initial);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const url = `/books/${encodeURIComponent(bookId)}/highlights`;

  const add = useCallback<HighlightsState["add"]>(
    async (selection, note) => {
      const form = new FormData();
      form.set("intent", "add");
      form.set("cfi", selection.cfi);
      // A selection across pages can be long; the service takes up to MAX_TEXT characters.
      form.set("text", selection.text.slice(0, MAX_TEXT));
      if (note.trim()) form.set("note", note.trim());
      try {
        const response = await fetch(url, { method: "POST", body: form, headers: { Accept: "application/json" } });
        const body = (await response.json()) as { ok: boolean; highlight?: ClientHighlight; message?: string };
        if (response.ok && body.ok && body.highlight) {
          const saved = body.highlight;
          setItems((current) => [...current, saved]);
          setNotice("reader.highlight.saved");
          return { ok: true, highlight: saved };
        }
        return { ok: false, message: body.message ?? t("reader.highlight.failed") };
      } catch {
        return { ok: false, message: t("reader.highlight.failed") };
      }
    },
    [url, t],
  );

  const remove = useCallback<HighlightsState["remove"]>(
    async (highlight) => {
      const form = new FormData();
      form.set("intent", "remove");
      form.set("highlightId", highlight.id);
      try {
        const response = await fetch(url, { method: "POST", body: form, headers: { Accept: "application/json" } });
        if (!response.ok) return false;
        setItems((current) => current.filter((item) => item.id !== highlight.id));
        setNotice("reader.highlight.removed");
        return true;
      } catch {
        return false;
      }
    },
    [url],
  );

  return { items, notice, add, remove };
}

/** Offered while text is selected: save it as a highlight, with a note if the reader wants one. */
export function HighlightBar({
  selection,
  highlights,
  onSaved,
  onCancel,
}: {
  selection: PendingSelection;
  highlights: HighlightsState;
  onSaved: (cfi: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="reader-highlight-bar"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await highlights.add(selection, note);
        setBusy(false);
        if (result.ok) onSaved(result.highlight.cfi);
        else setError(result.message);
      }}
    >
      <p className="reader-highlight-quote">{selection.text}</p>
      <label htmlFor={noteId}>{t("reader.highlight.note")}</label>
      <input id={noteId} name="note" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="reader-highlight-actions">
        <button type="submit" disabled={busy}>
          {t("reader.highlight.add")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("reader.highlight.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The panel's list: each highlight with its note, a way to go to it and a way to remove it. */
export function HighlightList({
  highlights,
  onGoTo,
  onRemoved,
}: {
  highlights: HighlightsState;
  onGoTo: (cfi: string) => void;
  onRemoved: (cfi: string) => void;
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (highlights.items.length === 0) return <p className="muted">{t("reader.highlight.empty")}</p>;
  return (
    <>
      {failed ? (
        <p className="field-error" role="alert">
          {t("reader.highlight.failed")}
        </p>
      ) : null}
      <ul className="reader-highlight-list" data-testid="highlight-list">
        {highlights.items.map((item) => (
          <li key={item.id} className="reader-highlight-item">
            <blockquote>{item.text}</blockquote>
            {item.note ? <p className="reader-highlight-note">{item.note}</p> : null}
            <div className="reader-highlight-actions">
              <button type="button" className="secondary" onClick={() => onGoTo(item.cfi)}>
                {t("reader.highlight.goTo")}
              </button>
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  const removed = await highlights.remove(item);
                  setFailed(!removed);
                  if (removed) onRemoved(item.cfi);
                }}
              >
                {t("reader.highlight.remove")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
