import { data, Form, Link } from "react-router";
import type { Route } from "./+types/admin-quiz-question";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { QuestionFields, QuestionTags } from "../components/quiz-question-fields.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// One question of a bank: the form (save), and retire / restore as separate plain-form intents.
// Editing an answered question is allowed: recorded answers keep the result they were given (the
// page says so). No such question, or not an admin: the service answers 404 / 403.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const [question, categories] = await Promise.all([
    context.services.questionBank.forEdit(context.viewer, params.questionId),
    context.services.trades.listByCategory(),
  ]);
  const saved = new URL(request.url).searchParams.get("saved");
  return { question, categories, created: saved === "created" };
}

const DONE = {
  save: "quizbank.form.saved",
  retire: "quizbank.state.retiredDone",
  restore: "quizbank.state.restoredDone",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  const { questionBank } = context.services;
  switch (intent) {
    case "save": {
      const result = await questionBank.update(context.viewer, params.questionId, values);
      if (!result.ok) return data({ done: null, values, fieldErrors: result.fieldErrors as Record<string, string> }, { status: 400 });
      return { done: DONE.save };
    }
    case "retire":
    case "restore":
      await questionBank[intent](context.viewer, params.questionId);
      return { done: DONE[intent] };
    default:
      return data({ done: null, error: "quizbank.error.intentInvalid" }, { status: 400 });
  }
}

export default function AdminQuizQuestion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { question, categories, created } = loaderData;
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const error = actionData && "error" in actionData ? actionData.error : undefined;
  const done = actionData ? actionData.done : created ? "quizbank.form.created" : null;
  const date = (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(value));
  const retired = question.retiredAt !== null;
  return (
    <div className="quiz-bank">
      <DocumentTitle title={`${t("quizbank.form.editTitle")} · ${question.stem}`} />
      <p className="studio-crumb">
        <Link to={`/admin/quiz-questions?trade=${encodeURIComponent(question.trade.code)}`}>{t("quizbank.form.backTo", { trade: tradeName(question.trade, locale) })}</Link>
      </p>
      <h1 className="quiz-question-stem">{question.stem}</h1>
      <p className="course-card-tags">
        <span className="course-tag">{tradeName(question.trade, locale)}</span>
        <QuestionTags kind={question.kind} difficulty={question.difficulty} retired={retired} />
      </p>

      {done ? (
        <p className="alert success" role="status" data-testid="quiz-question-done">
          {t(done)}
        </p>
      ) : null}
      <FormAlert message={error ? translateKey(t, error) : undefined} />

      <section aria-labelledby="quiz-question-state" className="studio-section">
        <h2 id="quiz-question-state">{t("quizbank.state.title")}</h2>
        <p>{retired ? t("quizbank.state.retiredNote", { date: date(question.retiredAt!) }) : t("quizbank.state.activeNote")}</p>
        <p className="muted" data-testid="quiz-question-answers">
          {question.answerCount > 0 ? t("quizbank.state.answered", { count: question.answerCount }) : t("quizbank.state.neverAnswered")}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value={retired ? "restore" : "retire"} />
          <button type="submit" className={retired ? undefined : "danger-outline"}>
            {retired ? t("quizbank.state.restore") : t("quizbank.state.retire")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="quiz-question-form" className="studio-section">
        <h2 id="quiz-question-form">{t("quizbank.form.editTitle")}</h2>
        {question.answerCount > 0 ? <p className="hint">{t("quizbank.form.editAnsweredNote")}</p> : null}
        <FormAlert message={failed ? t("form.errorSummary") : undefined} />
        {/* `key`: after a save the fields take the stored values again. */}
        <Form method="post" noValidate className="stack" key={failed ? "failed" : JSON.stringify(question.values)}>
          <input type="hidden" name="intent" value="save" />
          <QuestionFields values={failed?.values ?? question.values} errors={failed?.fieldErrors ?? {}} categories={categories} />
          <div className="actions start">
            <button type="submit">{t("quizbank.form.save")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
