import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-job-new";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { adminJobHref } from "../components/job-card.tsx";
import { JobPostFields } from "../components/job-fields.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// A new job post: saved as a draft, or saved and published at once (two submit buttons of one
// plain form). The service checks the role (admins and employers) and every field.
export async function loader({ context }: Route.LoaderArgs) {
  const [formContext, categories] = await Promise.all([context.services.jobs.formContext(context.viewer), context.services.trades.listByCategory()]);
  return { formContext, categories };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  const { jobs } = context.services;
  const result = await jobs.create(context.viewer, values, { publish: intent === "publish" });
  if (!result.ok) {
    // The district list follows the city that was sent, so that the form can offer its districts.
    const districts = await jobs.districts(values.city);
    return data({ values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError, ...districts }, { status: 400 });
  }
  return redirect(`${adminJobHref(result.value.id)}?saved=${intent === "publish" ? "published" : "draft"}`);
}

export default function AdminJobNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { formContext, categories } = loaderData;
  const context = actionData ? { ...formContext, districts: actionData.districts, districtsCity: actionData.districtsCity } : formContext;
  return (
    <section className="narrow">
      <DocumentTitle title={t("jobs.form.newTitle")} />
      <p className="studio-crumb">
        <Link to="/admin/jobs">{t("jobs.form.back")}</Link>
      </p>
      <h1>{t("jobs.form.newTitle")}</h1>
      <p className="muted">{t("jobs.form.intro")}</p>
      <FormAlert message={actionData ? (translateKey(t, actionData.formError) ?? t("form.errorSummary")) : undefined} />
      <Form method="post" noValidate className="stack">
        <JobPostFields values={actionData?.values ?? {}} errors={actionData?.fieldErrors ?? {}} categories={categories} context={context} />
        <div className="actions start">
          {/* The draft first: pressing Enter in a field submits with the first button, and should not publish. */}
          <button type="submit" name="intent" value="draft" className="secondary">
            {t("jobs.form.saveDraft")}
          </button>
          <button type="submit" name="intent" value="publish">
            {t("jobs.form.savePublish")}
          </button>
        </div>
      </Form>
    </section>
  );
}
