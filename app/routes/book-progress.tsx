// Where a reader is in a book: the reader posts {location, fraction} here (debounced while paging,
// and with a beacon when the page goes away). Form data in, JSON out; no page.
import { z } from "zod";
import type { Route } from "./+types/book-progress";
import { translateKey, translator } from "../i18n/index.ts";
import { localeOf } from "../i18n/locale.server.ts";
import { formObject, methodNotAllowed } from "../lib/forms.ts";

/**
 * The form's shape, checked here so that the strings of a form become the numbers the service
 * expects; the service checks the same rules again (it is the one that knows about books).
 */
const ZProgressFormSchema = z.object({
  // An EPUB CFI or a PDF page, as the readers send them.
  location: z
    .string()
    .trim()
    .max(500)
    .regex(/^(epubcfi\(.+\)|page:[1-9]\d{0,5})$/),
  // Empty is missing, not 0 (z.coerce alone would read "" as 0).
  fraction: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().finite().min(0).max(1)),
});

export function loader() {
  throw methodNotAllowed();
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  const t = translator(localeOf(request));
  // Checked before the body is read, so that a signed-out beacon gets a plain 401.
  if (!context.viewer) {
    return Response.json({ messageKey: "error.unauthorized", message: t("error.unauthorized") }, { status: 401 });
  }
  const parsed = ZProgressFormSchema.safeParse(await formObject(request));
  if (!parsed.success) {
    return Response.json({ messageKey: "reader.progress.invalid", message: t("reader.progress.invalid") }, { status: 400 });
  }
  try {
    const result = await context.services.books.saveProgress(context.viewer, params.bookId, parsed.data);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The service's 400 carries a message key; the reader (and tests) get the sentence too.
    if (error instanceof Response && error.status === 400) {
      const { messageKey } = (await error.json()) as { messageKey?: string };
      return Response.json({ messageKey, message: translateKey(t, messageKey) }, { status: 400 });
    }
    throw error;
  }
}
