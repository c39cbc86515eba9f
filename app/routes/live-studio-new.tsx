import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/live-studio-new";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { liveHostHref } from "../components/live-labels.tsx";
import { LiveSessionFields } from "../components/live-fields.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject, methodNotAllowed } from "../lib/forms.ts";

// Scheduling a session. On success the host lands on the session's host page, where the ingest
// settings for OBS are.
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref(new URL(request.url).pathname));
  // Spares others a form they cannot send; schedule() checks the role again and decides.
  if (context.viewer.role !== "CRAFTSMAN" && context.viewer.role !== "ADMIN") throw data({ messageKey: "error.forbidden" }, { status: 403 });
  return { categories: await context.services.trades.listByCategory() };
}

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== "POST") throw methodNotAllowed();
  const values = await formObject(request);
  const result = await context.services.live.schedule(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, { status: 400 });
  return redirect(`${liveHostHref(result.value.id)}?created=1`);
}

export default function LiveStudioNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <section className="narrow">
      <DocumentTitle title={t("live.new.title")} />
      <p className="studio-crumb">
        <Link to="/live/studio">{t("live.host.back")}</Link>
      </p>
      <h1>{t("live.new.title")}</h1>
      <p className="muted">{t("live.new.intro")}</p>
      <FormAlert message={actionData ? (translateKey(t, actionData.formError) ?? t("form.errorSummary")) : undefined} />
      <Form method="post" noValidate className="stack">
        <LiveSessionFields values={actionData?.values ?? {}} errors={actionData?.fieldErrors ?? {}} categories={loaderData.categories} />
        <button type="submit">{t("live.new.submit")}</button>
      </Form>
    </section>
  );
}
