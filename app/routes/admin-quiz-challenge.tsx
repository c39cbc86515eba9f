import { data, Form, Link } from "react-router";
import type { Route } from "./+types/admin-quiz-challenge";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { challengeDate, ChallengeFields, ChallengePhaseTag, readChallengeForm, ShortBanksNotice } from "../components/quiz-challenge-form.tsx";
import { translateKey, useLocale, useT } from "../i18n/index.ts";

// One quiz challenge's form (admins; the service checks the role). Once it has started, the
// schedule fields are read-only and the service refuses changes to them; trades can be added, and
// a trade somebody plays in cannot be removed. Covered trades with too few questions are listed.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const edit = await context.services.quizAdmin.forEdit(context.viewer, params.challengeId);
  const saved = new URL(request.url).searchParams.get("saved");
  return { ...edit, created: saved === "created" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const values = await readChallengeForm(request);
  const result = await context.services.quizAdmin.update(context.viewer, params.challengeId, values);
  if (!result.ok) return data({ saved: false as const, values, fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, { status: 400 });
  return { saved: true as const };
}

export default function AdminQuizChallenge({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { challenge, categories, created } = loaderData;
  const failed = actionData && !actionData.saved ? actionData : undefined;
  const done = actionData?.saved ? "quizadmin.form.saved" : created ? "quizadmin.form.created" : null;
  return (
    <section className="quiz-admin quiz-challenge-form">
      <DocumentTitle title={`${t("quizadmin.form.editTitle")} · ${challenge.name}`} />
      <p className="studio-crumb">
        <Link to="/admin/quiz">{t("quizadmin.form.back")}</Link>
      </p>
      <h1>{challenge.name}</h1>
      <p className="course-card-tags">
        <ChallengePhaseTag phase={challenge.phase} />
      </p>
      <p className="course-card-meta">
        <span>
          {t("quizadmin.list.dates", {
            start: challengeDate(locale, challenge.startDate),
            end: challengeDate(locale, challenge.endDate),
            days: challenge.values.days,
          })}
        </span>
        <span>{t("quizadmin.list.participants", { count: challenge.participants })}</span>
        <Link to={`/admin/quiz/${challenge.id}/report`}>{t("quizadmin.form.report")}</Link>
      </p>

      {done ? (
        <p className="alert success" role="status" data-testid="quiz-admin-done">
          {t(done)}
        </p>
      ) : null}
      <ShortBanksNotice banks={challenge.shortBanks} questionsPerLevel={challenge.questionsPerLevel} />

      <section aria-labelledby="quiz-form-title" className="studio-section">
        <h2 id="quiz-form-title">{t("quizadmin.form.editTitle")}</h2>
        {challenge.started ? <p className="alert book-notice">{t("quizadmin.form.startedNote")}</p> : null}
        <FormAlert message={failed ? (translateKey(t, failed.formError) ?? t("form.errorSummary")) : undefined} />
        {/* `key`: after a save the fields take the stored values again. */}
        <Form method="post" noValidate className="stack" key={failed ? "failed" : JSON.stringify(challenge.values)}>
          <ChallengeFields values={failed?.values ?? challenge.values} errors={failed?.fieldErrors ?? {}} categories={categories} locked={challenge.started} />
          <div className="actions start">
            <button type="submit">{t("quizadmin.form.save")}</button>
          </div>
        </Form>
      </section>
    </section>
  );
}
