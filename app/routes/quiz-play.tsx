import { useEffect, useRef } from "react";
import { data, Form, Link, redirect, useNavigation, useRevalidator, type ShouldRevalidateFunction } from "react-router";
import type { Route } from "./+types/quiz-play";
import { ABANDONED_AFTER_MS } from "../../server/quiz/scoring.ts";
import type { AttemptSummary, PlayState } from "../../server/quiz/types.ts";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { QuizCountdown } from "../components/quiz-countdown.tsx";
import { boardHref, certificateHref, formatAnswerTime, levelName, playHref, QUIZ_HREF } from "../components/quiz-labels.tsx";
import { QuizQuestionForm } from "../components/quiz-question.tsx";
import { unlessQuizRefused } from "../components/quiz-refusal.ts";
import { QuizAnswerReview } from "../components/quiz-result.tsx";
import { translateKey, useT } from "../i18n/index.ts";

// /quiz/play/:attemptId, one level being played: the question being served (with the countdown of
// its server-side deadline), the result of the last answer with its explanation and a way on, or
// the finished attempt with every question's result. The page's data is the service's PlayState
// and nothing else, so an unanswered question's answer and explanation are never on the page.
// Answers and "next" are plain form posts that come back here (303), with or without JavaScript;
// a refused post (answered twice, too late, another question by now) shows the service's message.
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref(playHref(params.attemptId)));
  const { quiz } = context.services;
  const state = await quiz.play(context.viewer, params.attemptId);
  // The certificate of a badge earned by this attempt (the finished page links to it).
  let certificateCode: string | null = null;
  if (state.kind === "finished" && state.badgeEarned) {
    const badges = await quiz.badges(context.viewer.id);
    certificateCode = badges.find((badge) => badge.challengeId === state.attempt.challengeId)?.certificateCode ?? null;
  }
  return { state, certificateCode };
}

type ActionResult = { error: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const here = playHref(params.attemptId);
  if (!context.viewer) throw redirect(loginHref(here), 303);
  const viewer = context.viewer;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionResult>({ error: "form.invalid" }, { status: 400 });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const { quiz } = context.services;
  const intent = text("intent");
  const outcome =
    intent === "answer"
      ? await unlessQuizRefused(() =>
          quiz.answer(viewer, {
            attemptId: text("attemptId") ?? params.attemptId,
            position: text("position"),
            // Checkboxes repeat "choice"; the service checks each value.
            choice: form.getAll("choice").filter((value): value is string => typeof value === "string"),
          }),
        )
      : intent === "next"
        ? await unlessQuizRefused(() => quiz.next(viewer, text("attemptId") ?? params.attemptId))
        : ({ refused: "form.invalid", status: 400 } as const);
  if (outcome.refused) {
    if (outcome.status === 401) throw redirect(loginHref(here), 303);
    return data<ActionResult>({ error: outcome.refused }, { status: outcome.status });
  }
  return redirect(here, 303);
}

// A refused post changes nothing, but the question may have moved on meanwhile (expired, answered
// in another tab): the page's data is read again after every post, also after a 4xx.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod.toUpperCase() === "POST" ? true : defaultShouldRevalidate;

export default function QuizPlay({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { state, certificateCode } = loaderData;
  const { attempt } = state;
  const error = actionData && "error" in actionData ? translateKey(t, actionData.error) : undefined;
  const focusTarget = useFocusOnChange(stepKey(state));
  return (
    <div className="quiz-play-page">
      <DocumentTitle title={`${levelName(t, attempt.day, attempt.level)} · ${t("quizui.title")}`} />
      <p className="studio-crumb">
        <Link to={`${QUIZ_HREF}?challenge=${attempt.challengeId}`}>{t("quizui.play.back")}</Link>
      </p>
      <header className="quiz-play-head">
        <h1>{levelName(t, attempt.day, attempt.level)}</h1>
        <span className={`quiz-play-mode ${attempt.scored ? "scored" : "practice"}`} data-testid="quiz-mode">
          {attempt.scored ? t("quizui.mode.scored") : t("quizui.mode.practice")}
        </span>
      </header>
      <AttemptStatus attempt={attempt} state={state} />
      {error ? (
        <div className="alert error" role="alert" data-testid="quiz-error">
          {error}
        </div>
      ) : null}
      {state.kind === "question" ? (
        <QuestionStep state={state} headingRef={focusTarget} />
      ) : state.kind === "result" ? (
        <ResultStep state={state} headingRef={focusTarget} />
      ) : (
        <FinishedStep state={state} certificateCode={certificateCode} headingRef={focusTarget} />
      )}
      {state.kind !== "finished" ? (
        // The server finishes a level left idle this long (server/quiz/service.ts, "quiz.abandoned").
        <p className="hint" data-testid="quiz-abandon-rule">
          {t("quizui.play.abandonRule", { minutes: ABANDONED_AFTER_MS / 60_000 })}
        </p>
      ) : null}
    </div>
  );
}

const stepKey = (state: PlayState) =>
  state.kind === "question" ? `q${state.question.position}` : state.kind === "result" ? `r${state.result.position}` : "finished";

/**
 * Moves the focus to the step's heading when the page moves on (the next question, an answer's
 * result, the summary), so that keyboard and screen reader users start there; and on arrival when
 * nothing else has the focus (after a page change the focused button is gone).
 */
function useFocusOnChange(key: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const first = previous.current === null;
    if (previous.current === key) return;
    previous.current = key;
    if (first && document.activeElement && document.activeElement !== document.body) return;
    heading.current?.focus();
  }, [key]);
  return heading;
}

/** "Question 2 of 5 · score 240 · streak 2": where the worker is, updated after each step. */
function AttemptStatus({ attempt, state }: { attempt: AttemptSummary; state: PlayState }) {
  const t = useT();
  const number = state.kind === "question" ? state.question.position + 1 : state.kind === "result" ? state.result.position + 1 : attempt.questionCount;
  return (
    <dl className="quiz-play-status" data-testid="quiz-status">
      <div>
        <dt>{t("quizui.status.question")}</dt>
        <dd data-testid="quiz-progress" data-number={number} data-count={attempt.questionCount}>
          {t("quizui.status.questionValue", { number, count: attempt.questionCount })}
        </dd>
      </div>
      <div>
        <dt>{t("quizui.status.score")}</dt>
        <dd data-testid="quiz-score">{attempt.score}</dd>
      </div>
      <div>
        <dt>{t("quizui.status.correct")}</dt>
        <dd>{t("quizui.status.correctValue", { correct: attempt.correctCount, done: attempt.done })}</dd>
      </div>
      <div>
        <dt>{t("quizui.status.streak")}</dt>
        <dd data-testid="quiz-streak">{attempt.streak}</dd>
      </div>
    </dl>
  );
}

type Step<K extends PlayState["kind"]> = { state: Extract<PlayState, { kind: K }>; headingRef: React.Ref<HTMLHeadingElement> };

function QuestionStep({ state, headingRef }: Step<"question">) {
  const t = useT();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const { attempt, question } = state;
  // Time is up: reading the state again makes the server record the expiry and show the result.
  const onExpire = () => {
    if (revalidator.state === "idle" && navigation.state === "idle") void revalidator.revalidate();
  };
  return (
    <section className="quiz-play-step" aria-labelledby="quiz-question-title">
      <h2 id="quiz-question-title" tabIndex={-1} ref={headingRef} data-testid="quiz-question-title">
        {t("quizui.play.questionTitle", { number: question.position + 1, count: attempt.questionCount })}
      </h2>
      <QuizCountdown remainingMs={question.remainingMs} windowSeconds={state.secondsPerQuestion} deadlineAt={question.deadlineAt} onExpire={onExpire} />
      <QuizQuestionForm attemptId={attempt.id} question={question} />
      <noscript>
        <p className="hint">{t("quizui.play.noScript")}</p>
      </noscript>
    </section>
  );
}

function ResultStep({ state, headingRef }: Step<"result">) {
  const t = useT();
  const navigation = useNavigation();
  const { attempt, result } = state;
  const last = attempt.done >= attempt.questionCount;
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "next";
  return (
    <div className="quiz-play-step">
      <QuizAnswerReview result={result} level={2} headingRef={headingRef} />
      <Form method="post" className="quiz-play-next">
        <input type="hidden" name="intent" value="next" />
        <input type="hidden" name="attemptId" value={attempt.id} />
        <button type="submit" disabled={busy} data-testid="quiz-next">
          {last ? t("quizui.play.finish") : t("quizui.play.next")}
        </button>
      </Form>
    </div>
  );
}

function FinishedStep({ state, certificateCode, headingRef }: Step<"finished"> & { certificateCode: string | null }) {
  const t = useT();
  const { attempt, results, badgeEarned } = state;
  return (
    <>
      <section className={`quiz-play-summary ${attempt.passed ? "passed" : "failed"}`} aria-labelledby="quiz-summary-title" data-testid="quiz-summary" data-passed={attempt.passed ? "true" : "false"}>
        <h2 id="quiz-summary-title" tabIndex={-1} ref={headingRef}>
          {attempt.passed ? t("quizui.summary.passed") : t("quizui.summary.failed")}
        </h2>
        <p>{attempt.scored ? t("quizui.summary.scored") : t("quizui.summary.practice")}</p>
        {!attempt.passed ? <p className="hint">{t("quizui.summary.failedHint", { mark: attempt.passMark, count: attempt.questionCount })}</p> : null}
        <dl className="facts">
          <dt>{t("quizui.summary.score")}</dt>
          <dd data-testid="quiz-summary-score">{attempt.score}</dd>
          <dt>{t("quizui.summary.correct")}</dt>
          <dd data-testid="quiz-summary-correct">{t("quizui.summary.correctValue", { correct: attempt.correctCount, count: attempt.questionCount, mark: attempt.passMark })}</dd>
          <dt>{t("quizui.summary.time")}</dt>
          <dd>{formatAnswerTime(t, attempt.timeMs)}</dd>
        </dl>
        {badgeEarned ? (
          <div className="quiz-badge-earned" role="status" data-testid="quiz-badge-earned">
            <p>
              <span aria-hidden="true">🏅 </span>
              {t("quizui.summary.badge")}
            </p>
            {certificateCode ? (
              <Link className="button" to={certificateHref(certificateCode)}>
                {t("quizui.entry.certificate")}
              </Link>
            ) : null}
          </div>
        ) : null}
        <p className="actions start">
          <Link className="button" to={`${QUIZ_HREF}?challenge=${attempt.challengeId}`} data-testid="quiz-back">
            {t("quizui.summary.back")}
          </Link>
          <Link className="button secondary" to={boardHref({ challengeId: attempt.challengeId })} data-testid="quiz-summary-board">
            {t("quizui.boardLink")}
          </Link>
        </p>
      </section>
      <section className="quiz-play-reviews" aria-labelledby="quiz-reviews-title">
        <h2 id="quiz-reviews-title">{t("quizui.summary.reviews")}</h2>
        <ol className="quiz-play-review-list">
          {results.map((result) => (
            <li key={result.position}>
              <QuizAnswerReview result={result} level={3} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
