import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-quiz-new";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { ChallengeFields, readChallengeForm } from "../components/quiz-challenge-form.tsx";
import { translateKey, useT } from "../i18n/index.ts";

// A new quiz challenge (admins; the service checks the role and every field). Saved, it opens on
// its edit page, which lists the covered trades whose question banks are too small.
export async function loader({ context }: Route.LoaderArgs) {
  return context.services.quizAdmin.newForm(context.viewer);
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await readChallengeForm(request);
  const result = await context.services.quizAdmin.create(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, { status: 400 });
  return redirect(`/admin/quiz/${result.value.id}?saved=created`);
}

export default function AdminQuizNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <section className="quiz-admin quiz-challenge-form">
      <DocumentTitle title={t("quizadmin.form.newTitle")} />
      <p className="studio-crumb">
        <Link to="/admin/quiz">{t("quizadmin.form.back")}</Link>
      </p>
      <h1>{t("quizadmin.form.newTitle")}</h1>
      <p className="muted">{t("quizadmin.form.intro")}</p>
      <FormAlert message={actionData ? (translateKey(t, actionData.formError) ?? t("form.errorSummary")) : undefined} />
      <Form method="post" noValidate className="stack">
        <ChallengeFields values={actionData?.values ?? loaderData.values} errors={actionData?.fieldErrors ?? {}} categories={loaderData.categories} />
        <div className="actions start">
          <button type="submit">{t("quizadmin.form.create")}</button>
        </div>
      </Form>
    </section>
  );
}
