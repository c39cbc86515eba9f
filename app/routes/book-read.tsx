// The in-browser reader: /books/:bookId/read. A full-height page for phones; the book itself is
// rendered in the browser (foliate-js for EPUB, pdf.js for PDF) once JavaScript runs. Before that,
// or without JavaScript, the page says what is needed and offers the file and the way back.
import { useEffect, useState } from "react";
import { redirect } from "react-router";
import type { Route } from "./+types/book-read";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { ReaderLinks, ReaderTopBar } from "../components/reader-chrome.tsx";
import { EpubReader } from "../components/reader-epub.tsx";
import { PdfReader } from "../components/reader-pdf.tsx";
import { useT } from "../i18n/index.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Reading needs an account: back here after signing in.
  if (!context.viewer) {
    const url = new URL(request.url);
    throw redirect(loginHref(url.pathname + url.search));
  }
  return context.services.books.reader(context.viewer, params.bookId);
}

export default function BookRead({ loaderData: info }: Route.ComponentProps) {
  const t = useT();
  // The renderers need the DOM: they start after hydration (the server renders the frame only).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="reader-page">
      <DocumentTitle title={info.title} />
      {!hydrated ? (
        <div className="reader reader-theme-light" data-testid="reader" data-state="static">
          <ReaderTopBar bookId={info.id} title={info.title} />
          <div className="reader-body">
            <section className="reader-area" aria-label={t("reader.area")}>
              {/* Not <noscript>: it is also what readers see while the scripts load, so it says both. */}
              <div className="reader-status" data-testid="reader-static">
                <p>{t("reader.noScript")}</p>
                <ReaderLinks fileUrl={info.fileUrl} bookId={info.id} />
              </div>
            </section>
          </div>
        </div>
      ) : info.format === "PDF" ? (
        <PdfReader info={info} />
      ) : (
        <EpubReader info={info} />
      )}
    </div>
  );
}
