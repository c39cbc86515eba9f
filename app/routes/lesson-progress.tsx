// Where a learner is in a video: the player posts `positionSeconds` here every few seconds, on
// pause and with a beacon when the page goes away. JSON in, JSON ProgressResult out; no page.
import type { Route } from "./+types/lesson-progress";
import { formObject, methodNotAllowed } from "../lib/forms.ts";

export function loader() {
  throw methodNotAllowed();
}

export async function action({ request, params, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  // Checked here too, so that a signed-out beacon gets a plain 401 before the body is read.
  if (!context.viewer) return Response.json({ messageKey: "error.unauthorized" }, { status: 401 });
  const values = await formObject(request);
  const result = await context.services.courses.saveProgress(context.viewer, params.lessonId, values);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
