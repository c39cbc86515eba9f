// The EPUB reader: foliate-js (the engine of the Foliate app) renders the book, paginated, in
// iframes of its own; this component loads the file, restores the saved place, reports every
// relocation, applies the reader's font size and theme, and draws the reader's highlights.
// foliate-js is imported only in the browser (it defines a custom element and needs the DOM).
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReaderInfo } from "../../server/books/types.ts";
import { useT } from "../i18n/index.ts";
import { PanelButton, percentOf, ReaderBottomBar, ReaderPanel, ReaderStatus, ReaderTopBar } from "./reader-chrome.tsx";
import { HighlightBar, HighlightList, useHighlights, type PendingSelection } from "./reader-highlights.tsx";
import { useProgressSaver } from "./reader-progress.tsx";
import { bookStyles, SettingsForm, useReaderSettings } from "./reader-settings.tsx";

/** The parts of foliate-js's <foliate-view> this reader uses (the package ships no types). */
interface FoliateTocItem {
  label?: string;
  href?: string;
  subitems?: FoliateTocItem[] | null;
}
interface FoliateView extends HTMLElement {
  book: { toc?: FoliateTocItem[] };
  renderer: HTMLElement & { setStyles(css: string): void };
  open(file: File): Promise<void>;
  init(options: { lastLocation?: string | null; showTextStart?: boolean }): Promise<void>;
  goTo(target: string): Promise<unknown>;
  prev(): Promise<void>;
  next(): Promise<void>;
  goLeft(): Promise<void>;
  goRight(): Promise<void>;
  getCFI(index: number, range: Range): string;
  addAnnotation(annotation: { value: string }): Promise<unknown>;
  deleteAnnotation(annotation: { value: string }): Promise<unknown>;
  close(): void;
}
interface RelocateDetail {
  cfi: string;
  fraction: number;
}
interface DrawDetail {
  draw: (painter: unknown, options: { color: string }) => void;
}
type Overlayer = { highlight: unknown };

/**
 * Whether this document was loaded for the reader itself. The reader page's Content-Security-
 * Policy is looser than the rest of the site's (foliate needs blob: frames and inline styles), and
 * a document keeps the policy it was loaded with: arriving by a client-side navigation, the
 * reader would run under the strict one.
 */
function loadedAsReaderDocument(): boolean {
  const [entry] = performance.getEntriesByType("navigation");
  return !entry || new URL(entry.name).pathname === window.location.pathname;
}

const HIGHLIGHT_COLOR = "rgba(255, 212, 0, 0.45)";
type Panel = "toc" | "settings" | "highlights" | null;

export function EpubReader({ info }: { info: ReaderInfo }) {
  const t = useT();
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<FoliateView | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [position, setPosition] = useState<RelocateDetail | null>(null);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const [toc, setToc] = useState<FoliateTocItem[]>([]);
  const [panel, setPanel] = useState<Panel>(null);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [settings, updateSettings] = useReaderSettings();
  const report = useProgressSaver(`/books/${encodeURIComponent(info.id)}/progress`);
  const highlights = useHighlights(info.id, info.highlights);

  // Long-lived listeners read the latest values through refs.
  const latest = useRef({ report, highlights: highlights.items });
  useEffect(() => {
    latest.current = { report, highlights: highlights.items };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    if (!loadedAsReaderDocument()) {
      window.location.reload();
      return;
    }
    let cancelled = false;
    let view: FoliateView | null = null;
    (async () => {
      const [, { Overlayer }] = await Promise.all([
        // @ts-expect-error foliate-js ships no type declarations (see FoliateView above)
        import("foliate-js/view.js"),
        // @ts-expect-error foliate-js ships no type declarations
        import("foliate-js/overlayer.js") as Promise<{ Overlayer: Overlayer }>,
      ]);
      const response = await fetch(info.fileUrl);
      if (!response.ok) throw new Error(`book file: ${response.status}`);
      const file = new File([await response.blob()], "book.epub", { type: "application/epub+zip" });
      if (cancelled) return;
      view = document.createElement("foliate-view") as FoliateView;
      view.className = "reader-epub-view";
      host.append(view);
      wireEvents(view, Overlayer as Overlayer);
      await view.open(file);
      view.renderer.setAttribute("flow", "paginated");
      view.renderer.setAttribute("max-column-count", "2");
      view.renderer.setAttribute("gap", "6%");
      viewRef.current = view;
      setToc(view.book.toc ?? []);
      const saved = info.progress?.location.startsWith("epubcfi(") ? info.progress : null;
      await view.init({ lastLocation: saved?.location ?? null });
      if (cancelled) return;
      setState("ready");
      if (saved) setResumedAt(percentOf(saved.fraction));
      // From here on a relocation is the reader's doing: the opening itself saves nothing.
      view.addEventListener("relocate", (event) => {
        const detail = (event as CustomEvent<RelocateDetail>).detail;
        latest.current.report({ location: detail.cfi, fraction: detail.fraction });
      });
    })().catch(() => {
      if (!cancelled) setState("failed");
    });

    /** Position display, highlights drawn, selections offered, keys for paging. */
    function wireEvents(target: FoliateView, overlayer: Overlayer) {
      target.addEventListener("relocate", (event) => {
        const detail = (event as CustomEvent<RelocateDetail>).detail;
        setPosition({ cfi: detail.cfi, fraction: detail.fraction });
      });
      target.addEventListener("draw-annotation", (event) => {
        (event as CustomEvent<DrawDetail>).detail.draw(overlayer.highlight, { color: HIGHLIGHT_COLOR });
      });
      // A chapter's overlay exists only once the chapter is shown: draw its highlights then.
      target.addEventListener("create-overlay", () => {
        for (const item of latest.current.highlights) void target.addAnnotation({ value: item.cfi });
      });
      target.addEventListener("load", (event) => {
        const { doc, index } = (event as CustomEvent<{ doc: Document; index: number }>).detail;
        doc.addEventListener("keydown", onKey);
        doc.addEventListener("selectionchange", () => {
          const chosen = doc.getSelection();
          if (!chosen || chosen.isCollapsed || chosen.rangeCount === 0) return setSelection(null);
          const range = chosen.getRangeAt(0);
          const text = range.toString().trim();
          if (text) setSelection({ cfi: target.getCFI(index, range), text });
        });
      });
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "ArrowLeft") void viewRef.current?.goLeft();
      if (event.key === "ArrowRight") void viewRef.current?.goRight();
    }
    document.addEventListener("keydown", onKey);
    return () => {
      cancelled = true;
      document.removeEventListener("keydown", onKey);
      view?.close();
      view?.remove();
      viewRef.current = null;
    };
  }, [info.fileUrl, info.progress]);

  // Font size and theme go into every chapter's document through foliate's style hook.
  useEffect(() => {
    if (state === "ready") viewRef.current?.renderer.setStyles(bookStyles(settings));
  }, [state, settings]);

  const toggle = (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which));
  const goTo = useCallback((target: string) => {
    setPanel(null);
    void viewRef.current?.goTo(target);
  }, []);
  const turn = (direction: "prev" | "next") => {
    setResumedAt(null);
    void (direction === "prev" ? viewRef.current?.prev() : viewRef.current?.next());
  };

  return (
    <div className={`reader reader-theme-${settings.theme}`} data-testid="reader" data-format="EPUB" data-state={state} data-location={position?.cfi ?? ""}>
      <ReaderTopBar bookId={info.id} title={info.title}>
        <PanelButton label={t("reader.toc")} symbol="☰" open={panel === "toc"} controls="reader-toc" onToggle={() => toggle("toc")} />
        <PanelButton label={t("reader.highlights")} symbol="✎" open={panel === "highlights"} controls="reader-highlights" onToggle={() => toggle("highlights")} />
        <PanelButton label={t("reader.settings")} symbol="Aa" open={panel === "settings"} controls="reader-settings" onToggle={() => toggle("settings")} />
      </ReaderTopBar>

      <div className="reader-body">
        <section className="reader-area" aria-label={t("reader.area")} aria-busy={state === "loading"}>
          {state === "ready" ? null : <ReaderStatus state={state} fileUrl={info.fileUrl} bookId={info.id} />}
          <div ref={hostRef} className="reader-epub-host" />
        </section>

        {panel === "toc" ? (
          <ReaderPanel id="reader-toc" title={t("reader.toc")} onClose={() => setPanel(null)}>
            {toc.length > 0 ? <TocList items={toc} onChoose={goTo} /> : <p className="muted">{t("reader.tocEmpty")}</p>}
          </ReaderPanel>
        ) : null}
        {panel === "settings" ? (
          <ReaderPanel id="reader-settings" title={t("reader.settings")} onClose={() => setPanel(null)}>
            <SettingsForm settings={settings} onChange={updateSettings} />
          </ReaderPanel>
        ) : null}
        {panel === "highlights" ? (
          <ReaderPanel id="reader-highlights" title={t("reader.highlights")} onClose={() => setPanel(null)}>
            <HighlightList
              highlights={highlights}
              onGoTo={goTo}
              onRemoved={(cfi) => void viewRef.current?.deleteAnnotation({ value: cfi })}
            />
          </ReaderPanel>
        ) : null}
      </div>

      {selection ? (
        <HighlightBar
          selection={selection}
          highlights={highlights}
          onSaved={(cfi) => {
            setSelection(null);
            void viewRef.current?.addAnnotation({ value: cfi });
          }}
          onCancel={() => setSelection(null)}
        />
      ) : null}

      <div role="status" className="reader-notice">
        {resumedAt !== null ? <p data-testid="reader-resumed">{t("reader.continueFrom", { percent: resumedAt })}</p> : null}
        {highlights.notice ? <p>{t(highlights.notice)}</p> : null}
      </div>

      <ReaderBottomBar
        percent={position ? percentOf(position.fraction) : null}
        canPrevious={state === "ready"}
        canNext={state === "ready"}
        onPrevious={() => turn("prev")}
        onNext={() => turn("next")}
      />
    </div>
  );
}

/** The book's table of contents: nested lists of buttons (keyboard reachable, one tab stop each). */
function TocList({ items, onChoose }: { items: FoliateTocItem[]; onChoose: (href: string) => void }) {
  return (
    <ol className="reader-toc-list">
      {items.map((item, index) => (
        <li key={`${item.href ?? ""}-${index}`}>
          {item.href ? (
            <button type="button" className="reader-toc-item" onClick={() => onChoose(item.href as string)}>
              {item.label?.trim() || item.href}
            </button>
          ) : (
            <span className="reader-toc-item">{item.label}</span>
          )}
          {item.subitems?.length ? <TocList items={item.subitems} onChoose={onChoose} /> : null}
        </li>
      ))}
    </ol>
  );
}
