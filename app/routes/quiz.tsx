import { useEffect, useRef } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/quiz";
import type { EntryView, QuizOverview, TradeRef } from "../../server/quiz/types.ts";
import { loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { QuizDays } from "../components/quiz-days.tsx";
import { boardHref, certificateHref, formatAnswerTime, formatChinaDate, playHref, QUIZ_HREF } from "../components/quiz-labels.tsx";
import { unlessQuizRefused } from "../components/quiz-refusal.ts";
import { translateKey, useLocale, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// /quiz, the workers' quiz challenge: the current challenge (or ?challenge=<id>) with its dates and
// rules, the worker's trade (chosen once; changeable until their first scored attempt), their score,
// and the days unlocked so far with each level's state and a plain form to start or resume it.
// Visitors see the challenge and a way to sign in. Refusals (a locked level, too many starts) come
// back as the service's message on this page, never as an error page.
const CHALLENGE_ID = /^[a-z0-9]{10,40}$/;

export async function loader({ request, context }: Route.LoaderArgs) {
  const challengeId = new URL(request.url).searchParams.get("challenge");
  const { quiz } = context.services;
  const overview = challengeId && CHALLENGE_ID.test(challengeId) ? await quiz.overview(context.viewer, challengeId) : await quiz.current(context.viewer);
  return { overview, signedIn: context.viewer !== null };
}

type ActionResult =
  | { intent: "trade"; saved: true }
  | { intent: "trade"; error: string; fieldError?: string }
  | { intent: "start"; error: string; day: string; level: string };

export async function action({ request, context }: Route.ActionArgs) {
  const form = await formObject(request);
  const back = form.challengeId && CHALLENGE_ID.test(form.challengeId) ? `${QUIZ_HREF}?challenge=${form.challengeId}` : QUIZ_HREF;
  if (!context.viewer) throw redirect(loginHref(back), 303);
  const viewer = context.viewer;
  const { quiz } = context.services;
  if (form.intent === "trade") {
    const outcome = await unlessQuizRefused(() => quiz.chooseTrade(viewer, { challengeId: form.challengeId, trade: form.trade }));
    if (outcome.refused) return data<ActionResult>({ intent: "trade", error: outcome.refused }, { status: outcome.status });
    const result = outcome.value;
    if (!result.ok) {
      const fieldError = result.fieldErrors.trade;
      return data<ActionResult>({ intent: "trade", error: result.formError ?? fieldError ?? Object.values(result.fieldErrors)[0] ?? "form.invalid", fieldError }, { status: 400 });
    }
    return data<ActionResult>({ intent: "trade", saved: true });
  }
  if (form.intent === "start") {
    const outcome = await unlessQuizRefused(() => quiz.start(viewer, { challengeId: form.challengeId, day: form.day, level: form.level }));
    if (outcome.refused) {
      if (outcome.status === 401) throw redirect(loginHref(back), 303);
      return data<ActionResult>({ intent: "start", error: outcome.refused, day: form.day ?? "", level: form.level ?? "" }, { status: outcome.status });
    }
    return redirect(playHref(outcome.value.attemptId), 303);
  }
  return data<ActionResult>({ intent: "start", error: "form.invalid", day: "", level: "" }, { status: 400 });
}

export default function Quiz({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { overview, signedIn } = loaderData;
  const result = actionData as ActionResult | undefined;
  return (
    <div className="quiz-page">
      <DocumentTitle title={overview ? `${overview.challenge.name} · ${t("quizui.title")}` : t("quizui.title")} />
      <h1>{t("quizui.title")}</h1>
      {overview ? (
        <>
          <ChallengeHero overview={overview} />
          {result && "error" in result && result.intent === "start" ? (
            <div className="alert error" role="alert" data-testid="quiz-error">
              {translateKey(t, result.error)}
            </div>
          ) : null}
          {signedIn ? <WorkerPart overview={overview} result={result} /> : <VisitorPart challengeId={overview.challenge.id} />}
        </>
      ) : (
        <section className="empty-state" data-testid="quiz-none">
          <h2>{t("quizui.none.title")}</h2>
          <p>{t("quizui.none.body")}</p>
          <p className="actions">
            <Link className="button secondary" to="/courses">
              {t("quizui.none.courses")}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

function ChallengeHero({ overview }: { overview: QuizOverview }) {
  const t = useT();
  const locale = useLocale();
  const { challenge } = overview;
  const phase =
    challenge.phase === "upcoming"
      ? t("quizui.phase.upcoming", { date: formatChinaDate(locale, challenge.startDate) })
      : challenge.phase === "ended"
        ? t("quizui.phase.ended")
        : t("quizui.phase.running", { today: challenge.today, days: challenge.days });
  return (
    <section className="quiz-home-hero" aria-labelledby="quiz-challenge-name" data-testid="quiz-challenge">
      <h2 id="quiz-challenge-name">{challenge.name}</h2>
      <p className="quiz-home-phase" data-testid="quiz-phase" data-phase={challenge.phase} data-today={challenge.today}>
        {phase}
      </p>
      <dl className="quiz-home-facts">
        <dt>{t("quizui.facts.dates")}</dt>
        <dd>{t("quizui.facts.datesValue", { start: formatChinaDate(locale, challenge.startDate), end: formatChinaDate(locale, challenge.endDate), days: challenge.days })}</dd>
        <dt>{t("quizui.facts.rules")}</dt>
        <dd>
          {t("quizui.facts.rulesValue", {
            levels: challenge.levelsPerDay,
            questions: challenge.questionsPerLevel,
            seconds: challenge.secondsPerQuestion,
          })}
        </dd>
        <dt>{t("quizui.facts.pass")}</dt>
        <dd>{t("quizui.facts.passValue", { mark: challenge.passMark, questions: challenge.questionsPerLevel })}</dd>
        <dt>{t("quizui.facts.trades")}</dt>
        <dd>{t("quizui.facts.tradesValue", { count: challenge.tradeCount })}</dd>
      </dl>
      <p className="quiz-home-links">
        <Link to={boardHref({ challengeId: challenge.id })} data-testid="quiz-board-link">
          {t("quizui.boardLink")}
        </Link>
      </p>
    </section>
  );
}

function VisitorPart({ challengeId }: { challengeId: string }) {
  const t = useT();
  const here = `${QUIZ_HREF}?challenge=${challengeId}`;
  return (
    <section className="quiz-home-visitor" aria-labelledby="quiz-visitor-title">
      <h2 id="quiz-visitor-title">{t("quizui.visitor.title")}</h2>
      <p>{t("quizui.visitor.body")}</p>
      <p className="actions start">
        <Link className="button" to={loginHref(here)} data-testid="quiz-sign-in">
          {t("quizui.visitor.signIn")}
        </Link>
        <Link className="button secondary" to="/register">
          {t("quizui.visitor.register")}
        </Link>
      </p>
    </section>
  );
}

function WorkerPart({ overview, result }: { overview: QuizOverview; result: ActionResult | undefined }) {
  const t = useT();
  const { challenge, entry } = overview;
  const playable = challenge.phase !== "upcoming";
  const canPlay = entry !== null && playable;
  // On a phone the order matters: the trade (a line once chosen), today's levels, then the rest.
  return (
    <>
      <TradeSection overview={overview} result={result?.intent === "trade" ? result : undefined} />
      {overview.days.length > 0 ? (
        <QuizDays challengeId={challenge.id} days={overview.days} canPlay={canPlay} part="today" />
      ) : (
        <p className="muted" data-testid="quiz-no-days">
          {t("quizui.day.noneYet")}
        </p>
      )}
      {entry ? <EntrySummary challengeId={challenge.id} entry={entry} /> : null}
      <QuizDays challengeId={challenge.id} days={overview.days} canPlay={canPlay} part="others" />
    </>
  );
}

function TradeSection({ overview, result }: { overview: QuizOverview; result: Extract<ActionResult, { intent: "trade" }> | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { challenge, entry, trades } = overview;
  const error = result && "error" in result ? translateKey(t, result.error) : undefined;
  const saved = result && "saved" in result;
  const form = <TradeForm challengeId={challenge.id} entry={entry} trades={trades} error={error} />;
  // The form moves into "change trade" once a trade is chosen: the focus goes to the confirmation.
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [result, saved]);
  if (entry && !entry.canChangeTrade) {
    return (
      <section className="quiz-home-trade" aria-labelledby="quiz-trade-title">
        <h2 id="quiz-trade-title">{t("quizui.trade.title")}</h2>
        <p>
          <strong data-testid="quiz-trade">{tradeName(entry.trade, locale)}</strong>
        </p>
        <p className="hint">{t("quizui.trade.locked")}</p>
      </section>
    );
  }
  return (
    <section className="quiz-home-trade" aria-labelledby="quiz-trade-title">
      <h2 id="quiz-trade-title">{t("quizui.trade.title")}</h2>
      {entry ? (
        <p>
          {t("quizui.trade.current")} <strong data-testid="quiz-trade">{tradeName(entry.trade, locale)}</strong>
        </p>
      ) : (
        <p>{t("quizui.trade.choose")}</p>
      )}
      {saved ? (
        <div className="alert success" role="status" data-testid="quiz-trade-saved" tabIndex={-1} ref={savedRef}>
          {t("quizui.trade.saved")}
        </div>
      ) : null}
      <FormAlert message={error} />
      {entry ? (
        // Chosen already: changing it is one tap away, not a form in the way of today's levels.
        <details className="quiz-home-trade-change" open={error ? true : undefined}>
          <summary>{t("quizui.trade.change")}</summary>
          {form}
        </details>
      ) : (
        form
      )}
    </section>
  );
}

function TradeForm({ challengeId, entry, trades, error }: { challengeId: string; entry: EntryView | null; trades: TradeRef[]; error: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="post" className="quiz-home-trade-form" noValidate>
      <input type="hidden" name="intent" value="trade" />
      <input type="hidden" name="challengeId" value={challengeId} />
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor="quiz-trade-select">{t("quizui.trade.label")}</label>
        <p className="hint" id="quiz-trade-hint">
          {t("quizui.trade.hint")}
        </p>
        <select
          id="quiz-trade-select"
          name="trade"
          defaultValue={entry?.trade.code ?? ""}
          aria-describedby={error ? "quiz-trade-hint quiz-trade-error" : "quiz-trade-hint"}
          aria-invalid={error ? true : undefined}
          key={entry?.trade.code ?? ""}
        >
          <option value="">{t("quizui.trade.placeholder")}</option>
          {trades.map((trade) => (
            <option key={trade.code} value={trade.code}>
              {tradeName(trade, locale)}
            </option>
          ))}
        </select>
        {error ? (
          <p className="error" id="quiz-trade-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit">{entry ? t("quizui.trade.save") : t("quizui.trade.submit")}</button>
    </Form>
  );
}

function EntrySummary({ challengeId, entry }: { challengeId: string; entry: EntryView }) {
  const t = useT();
  return (
    <section className="quiz-home-entry" aria-labelledby="quiz-entry-title">
      <h2 id="quiz-entry-title">{t("quizui.entry.title")}</h2>
      <dl className="facts" data-testid="quiz-entry">
        <dt>{t("quizui.entry.score")}</dt>
        <dd data-testid="quiz-entry-score">{entry.score}</dd>
        <dt>{t("quizui.entry.time")}</dt>
        <dd>{formatAnswerTime(t, entry.timeMs)}</dd>
      </dl>
      {entry.completed && entry.certificateCode ? (
        <div className="quiz-badge-earned" data-testid="quiz-completed">
          <p>
            <span aria-hidden="true">🏅 </span>
            {t("quizui.entry.completed")}
          </p>
          <Link className="button" to={certificateHref(entry.certificateCode)}>
            {t("quizui.entry.certificate")}
          </Link>
        </div>
      ) : null}
      <p>
        <Link to={boardHref({ challengeId, trade: entry.trade.code })}>{t("quizui.entry.myTradeBoard")}</Link>
      </p>
    </section>
  );
}
