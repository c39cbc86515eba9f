// The frame around a book, shared by the EPUB and PDF readers: a top bar (back, title, tools), a
// bottom bar (previous / next, position) and side panels (contents, settings, highlights).
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";

export function ReaderTopBar({ bookId, title, children }: { bookId: string; title: string; children?: ReactNode }) {
  const t = useT();
  return (
    <header className="reader-topbar">
      <Link to={`/books/${encodeURIComponent(bookId)}`} className="reader-icon-button" aria-label={t("reader.back")}>
        <span aria-hidden="true">‹</span>
      </Link>
      <h1 className="reader-title">{title}</h1>
      {children ? (
        <div className="reader-tools" role="toolbar" aria-label={t("reader.toolbar")}>
          {children}
        </div>
      ) : null}
    </header>
  );
}

/** A tool in the top bar that opens one of the panels. */
export function PanelButton({
  label,
  symbol,
  open,
  controls,
  onToggle,
}: {
  label: string;
  symbol: string;
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="reader-tool"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onClick={onToggle}
    >
      <span aria-hidden="true">{symbol}</span>
      <span className="reader-tool-label">{label}</span>
    </button>
  );
}

/**
 * A panel over the reading area. It takes the focus when it opens (so keyboard and screen reader
 * users land in it), closes with Escape, and gives the focus back to the page when it closes.
 */
export function ReaderPanel({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const t = useT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section
      id={id}
      className="reader-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <div className="reader-panel-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="reader-icon-button" onClick={onClose} aria-label={t("reader.close")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="reader-panel-body">{children}</div>
    </section>
  );
}

export function ReaderBottomBar({
  percent,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  children,
}: {
  percent: number | null;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <nav className="reader-bottombar" aria-label={t("reader.pager")}>
      <button type="button" className="reader-page-button" onClick={onPrevious} disabled={!canPrevious}>
        <span aria-hidden="true">‹ </span>
        {t("reader.previous")}
      </button>
      <div className="reader-position">
        {children}
        {percent === null ? null : (
          <span data-testid="reader-percent" aria-live="polite">
            {t("reader.position", { percent })}
          </span>
        )}
      </div>
      <button type="button" className="reader-page-button" onClick={onNext} disabled={!canNext}>
        {t("reader.next")}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}

/** A short word in the reading area while it opens, or why it could not. */
export function ReaderStatus({ state, fileUrl, bookId }: { state: "loading" | "failed"; fileUrl: string; bookId: string }) {
  const t = useT();
  if (state === "loading") {
    return (
      <p className="reader-status" role="status">
        {t("reader.loading")}
      </p>
    );
  }
  return (
    <div className="reader-status" role="alert">
      <p>{t("reader.failed")}</p>
      <ReaderLinks fileUrl={fileUrl} bookId={bookId} />
    </div>
  );
}

/** Download the file, or go back to the book: what is left when the reader cannot run. */
export function ReaderLinks({ fileUrl, bookId }: { fileUrl: string; bookId: string }) {
  const t = useT();
  return (
    <p className="actions">
      <a className="button" href={fileUrl} download>
        {t("reader.download")}
      </a>
      <Link className="button secondary" to={`/books/${encodeURIComponent(bookId)}`}>
        {t("reader.backToBook")}
      </Link>
    </p>
  );
}

/** Rounds a 0–1 fraction to the whole percent shown to readers. */
export const percentOf = (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 100);
