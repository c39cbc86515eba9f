// A reader's highlights in one book, for the reader's panel: GET lists them as JSON; POST adds
// one (intent=add: cfi, text, note?) or removes one (intent=remove: highlightId). No page.
import { z } from "zod";
import type { Route } from "./+types/book-highlights";
import { translateKey, translator } from "../i18n/index.ts";
import { localeOf } from "../i18n/locale.server.ts";
import { formObject } from "../lib/forms.ts";

const ZHighlightActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), cfi: z.string(), text: z.string(), note: z.string().optional() }),
  z.object({ intent: z.literal("remove"), highlightId: z.string().trim().min(1).max(100) }),
]);

const unauthorized = (request: Request) =>
  Response.json(
    { messageKey: "error.unauthorized", message: translator(localeOf(request))("error.unauthorized") },
    { status: 401 },
  );

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!context.viewer) return unauthorized(request);
  const highlights = await context.services.books.highlights(context.viewer, params.bookId);
  return Response.json({ highlights }, { headers: NO_STORE });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (!context.viewer) return unauthorized(request);
  const t = translator(localeOf(request));
  const parsed = ZHighlightActionSchema.safeParse(await formObject(request));
  if (!parsed.success) {
    return Response.json(
      { ok: false, messageKey: "reader.highlight.invalid", message: t("reader.highlight.invalid") },
      { status: 400 },
    );
  }
  const input = parsed.data;
  if (input.intent === "remove") {
    await context.services.books.removeHighlight(context.viewer, input.highlightId);
    return Response.json({ ok: true }, { headers: NO_STORE });
  }
  // An empty note is no note.
  const note = input.note?.trim() ? input.note : undefined;
  const result = await context.services.books.addHighlight(context.viewer, params.bookId, {
    cfi: input.cfi,
    text: input.text,
    note,
  });
  if (!result.ok) {
    const messageKey = result.formError ?? Object.values(result.fieldErrors)[0];
    return Response.json(
      { ok: false, fieldErrors: result.fieldErrors, messageKey, message: translateKey(t, messageKey) ?? t("reader.highlight.invalid") },
      { status: 400 },
    );
  }
  return Response.json({ ok: true, highlight: result.value }, { headers: NO_STORE });
}
