// The PDF reader: pdf.js renders one page at a time onto a canvas at the device's pixel ratio
// (sharp on phones), with previous / next, a page number field and zoom (fit width by default).
// pdf.js and its worker are loaded only in the browser; the worker file is emitted by Vite and
// served from this origin, which the CSP allows (worker-src falls back to script-src 'self').
import { useEffect, useId, useRef, useState } from "react";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import type { ReaderInfo } from "../../server/books/types.ts";
import { useT } from "../i18n/index.ts";
import { percentOf, ReaderBottomBar, ReaderStatus, ReaderTopBar } from "./reader-chrome.tsx";
import { useProgressSaver } from "./reader-progress.tsx";

const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.5;
const MAX_SCALE = 4;
/** Room left beside the page in fit-width mode, in CSS pixels. */
const FIT_MARGIN = 16;

/** "page:<n>" → n, when it is a page of this document. */
function savedPage(location: string | undefined, pages: number): number | null {
  const match = /^page:(\d+)$/.exec(location ?? "");
  const page = match ? Number(match[1]) : NaN;
  return Number.isInteger(page) && page >= 1 && page <= pages ? page : null;
}

type Zoom = { mode: "fit" } | { mode: "scale"; scale: number };

export function PdfReader({ info }: { info: ReaderInfo }) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>({ mode: "fit" });
  const [scale, setScale] = useState(1);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const report = useProgressSaver(`/books/${encodeURIComponent(info.id)}/progress`);
  // Whether the page shown is the reader's doing (the opening page is not saved).
  const turned = useRef(false);

  // Open the document once.
  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      // No eval: the CSP forbids it, and pdf.js has an interpreter for what it would compile.
      opened = await pdfjs.getDocument({ url: info.fileUrl, isEvalSupported: false }).promise;
      if (cancelled) return void opened.destroy();
      const resume = savedPage(info.progress?.location, opened.numPages);
      if (resume) {
        setPage(resume);
        setResumedAt(percentOf(resume / opened.numPages));
      }
      setDoc(opened);
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [info.fileUrl, info.progress]);

  // Draw the current page whenever the page, the zoom or the document changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    const area = areaRef.current;
    if (!doc || !canvas || !area) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    (async () => {
      const pdfPage = await doc.getPage(page);
      if (cancelled) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const nextScale =
        zoom.mode === "fit" ? Math.max(MIN_SCALE, (area.clientWidth - FIT_MARGIN) / natural.width) : zoom.scale;
      setScale(nextScale);
      const viewport = pdfPage.getViewport({ scale: nextScale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      // Set through the CSSOM (allowed by the CSP; style attributes are not).
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      task = pdfPage.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      await task.promise;
    })().catch((error: unknown) => {
      // A newer page replaced this one mid-render: not a failure.
      if ((error as { name?: string })?.name !== "RenderingCancelledException" && !cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  // Fit width follows the screen (rotation, resizing).
  useEffect(() => {
    if (zoom.mode !== "fit") return;
    const onResize = () => setZoom({ mode: "fit" });
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [zoom.mode]);

  const pages = doc?.numPages ?? 0;
  const goToPage = (target: number) => {
    if (!pages) return;
    const next = Math.min(pages, Math.max(1, Math.round(target)));
    if (next === page) return;
    turned.current = true;
    setResumedAt(null);
    setPage(next);
  };

  // Save the page the reader turned to.
  useEffect(() => {
    if (turned.current && pages) report({ location: `page:${page}`, fraction: page / pages });
  }, [page, pages, report]);

  // Arrow keys turn pages (not while typing a page number).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement) return;
      if (event.key === "ArrowLeft") goToPage(page - 1);
      if (event.key === "ArrowRight") goToPage(page + 1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  const zoomBy = (factor: number) =>
    setZoom({ mode: "scale", scale: Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor)) });

  return (
    <div className="reader reader-theme-light" data-testid="reader" data-format="PDF" data-state={failed ? "failed" : doc ? "ready" : "loading"} data-location={doc ? `page:${page}` : ""}>
      <ReaderTopBar bookId={info.id} title={info.title}>
        <button type="button" className="reader-tool" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={!doc || scale <= MIN_SCALE}>
          <span aria-hidden="true">−</span>
          <span className="reader-tool-label">{t("reader.pdf.zoomOut")}</span>
        </button>
        <button type="button" className="reader-tool" onClick={() => setZoom({ mode: "fit" })} disabled={!doc} aria-pressed={zoom.mode === "fit"}>
          <span aria-hidden="true">↔</span>
          <span className="reader-tool-label">{t("reader.pdf.fitWidth")}</span>
        </button>
        <button type="button" className="reader-tool" onClick={() => zoomBy(ZOOM_STEP)} disabled={!doc || scale >= MAX_SCALE}>
          <span aria-hidden="true">+</span>
          <span className="reader-tool-label">{t("reader.pdf.zoomIn")}</span>
        </button>
      </ReaderTopBar>

      <div className="reader-body">
        <section className="reader-area" aria-label={t("reader.area")} aria-busy={!doc && !failed}>
          {failed || !doc ? <ReaderStatus state={failed ? "failed" : "loading"} fileUrl={info.fileUrl} bookId={info.id} /> : null}
          <div ref={areaRef} className="reader-pdf-area">
            <canvas
              ref={canvasRef}
              className="reader-pdf-canvas"
              role="img"
              aria-label={pages ? t("reader.pdf.canvas", { page, pages }) : t("reader.loading")}
              data-testid="pdf-canvas"
              data-page={doc ? page : undefined}
            />
          </div>
        </section>
      </div>

      <div role="status" className="reader-notice">
        {resumedAt !== null ? <p data-testid="reader-resumed">{t("reader.continueFrom", { percent: resumedAt })}</p> : null}
      </div>

      <ReaderBottomBar
        percent={pages ? percentOf(page / pages) : null}
        canPrevious={page > 1}
        canNext={page < pages}
        onPrevious={() => goToPage(page - 1)}
        onNext={() => goToPage(page + 1)}
      >
        {pages ? <PageField page={page} pages={pages} onGo={goToPage} /> : null}
      </ReaderBottomBar>
    </div>
  );
}

/** "Page [n] of N [Go]": typing a number and pressing Enter (or Go) jumps there. */
function PageField({ page, pages, onGo }: { page: number; pages: number; onGo: (page: number) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(String(page));
  useEffect(() => setValue(String(page)), [page]);
  return (
    <form
      className="reader-page-form"
      onSubmit={(event) => {
        event.preventDefault();
        const target = Number(value);
        if (!Number.isFinite(target)) return setValue(String(page));
        onGo(target);
        // Out of range: the field shows the page actually opened.
        setValue(String(Math.min(pages, Math.max(1, Math.round(target)))));
      }}
    >
      <label htmlFor={id}>{t("reader.pdf.page")}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={pages}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <span className="muted">{t("reader.pdf.pageOf", { pages })}</span>
      <button type="submit" className="secondary">
        {t("reader.pdf.go")}
      </button>
    </form>
  );
}
