import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-quiz-question-new";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { QuestionFields } from "../components/quiz-question-fields.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// A new question for a trade's bank (in play at once). The service checks the role (admins only)
// and every field; `?trade=` (from the list's filter) preselects the trade.
export async function loader({ request, context }: Route.LoaderArgs) {
  const trade = new URL(request.url).searchParams.get("trade");
  const [values, categories] = await Promise.all([context.services.questionBank.blank(context.viewer, trade), context.services.trades.listByCategory()]);
  return { values, categories };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.questionBank.create(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, { status: 400 });
  return redirect(`/admin/quiz-questions/${result.value.id}?saved=created`);
}

export default function AdminQuizQuestionNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <section className="narrow">
      <DocumentTitle title={t("quizbank.form.newTitle")} />
      <p className="studio-crumb">
        <Link to="/admin/quiz-questions">{t("quizbank.form.back")}</Link>
      </p>
      <h1>{t("quizbank.form.newTitle")}</h1>
      <p className="muted">{t("quizbank.form.intro")}</p>
      <FormAlert message={actionData ? (translateKey(t, actionData.formError) ?? t("form.errorSummary")) : undefined} />
      <Form method="post" noValidate className="stack">
        <QuestionFields values={actionData?.values ?? loaderData.values} errors={actionData?.fieldErrors ?? {}} categories={loaderData.categories} />
        <div className="actions start">
          <button type="submit">{t("quizbank.form.create")}</button>
        </div>
      </Form>
    </section>
  );
}
