import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/studio-course-new";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { CourseFields } from "../components/studio-fields.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  // Spares workers a form they cannot submit; createCourse checks the role again and decides.
  if (context.viewer.role === "WORKER") throw data({ messageKey: "error.forbidden" }, { status: 403 });
  return { categories: await context.services.trades.listByCategory() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.courses.createCourse(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors, formError: result.formError }, { status: 400 });
  return redirect(`/studio/courses/${result.value.id}`);
}

export default function StudioCourseNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <section className="narrow">
      <DocumentTitle title={t("studio.new.title")} />
      <p className="studio-crumb">
        <Link to="/studio/courses">{t("studio.course.back")}</Link>
      </p>
      <h1>{t("studio.new.title")}</h1>
      <p className="muted">{t("studio.new.intro")}</p>
      <FormAlert message={actionData ? (translateKey(t, actionData.formError) ?? t("form.errorSummary")) : undefined} />
      <Form method="post" noValidate className="stack">
        <CourseFields values={actionData?.values ?? {}} errors={actionData?.fieldErrors ?? {}} categories={loaderData.categories} />
        <button type="submit">{t("studio.new.submit")}</button>
      </Form>
    </section>
  );
}
