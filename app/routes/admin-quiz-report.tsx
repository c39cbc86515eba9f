import { Form, Link } from "react-router";
import type { Route } from "./+types/admin-quiz-report";
import type { ChallengeReport, QuestionFlag, TradeParticipation } from "../../server/quiz/reports.ts";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { BarChart, type BarTone, type ChartRow } from "../components/quiz-chart.tsx";
import { challengeDate, ChallengeDates, ChallengeTags } from "../components/quiz-challenge-form.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { useLocale, useT, type Translate } from "../i18n/index.ts";

// One challenge's report (admins; the service checks the role): participants per trade and day,
// the completion funnel by day, and each question's share correct and median time, as inline SVG
// bar charts drawn on the server, each with its numbers in a table. `?trade=` narrows the
// questions (a plain GET form).
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { report: await context.services.quizReports.report(context.viewer, params.challengeId, Object.fromEntries(url.searchParams)) };
}

/** Trades shown in the trade × day table before the rest are folded away. */
const TOP_TRADES = 10;
/** Questions drawn in the chart (the table lists every listed one). */
const CHART_QUESTIONS = 20;

/** Days that have begun: later days have nothing to show yet. */
const daysSoFar = (challenge: ChallengeReport["challenge"]) => (challenge.phase === "upcoming" ? 0 : Math.min(challenge.today, challenge.days));

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const seconds = (ms: number | null) => (ms === null ? "–" : (ms / 1000).toFixed(1));

export default function AdminQuizReport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { report } = loaderData;
  const { challenge, totals } = report;
  return (
    <div className="quiz-admin quiz-report">
      <DocumentTitle title={`${t("quizadmin.report.title")} · ${challenge.name}`} />
      <p className="studio-crumb">
        <Link to="/admin/quiz">{t("quizadmin.report.back")}</Link>
      </p>
      <h1>
        {t("quizadmin.report.title")} · {challenge.name}
      </h1>
      <ChallengeTags challenge={challenge} />
      <p className="course-card-meta">
        <ChallengeDates challenge={challenge} />
        <Link to={`/admin/quiz/${challenge.id}`}>{t("quizadmin.report.edit")}</Link>
      </p>

      <section aria-labelledby="quiz-report-overview">
        <h2 id="quiz-report-overview" className="visually-hidden">
          {t("quizadmin.report.overview")}
        </h2>
        <dl className="stats">
          <div>
            <dt>{t("quizadmin.report.entries")}</dt>
            <dd data-testid="quiz-report-entries">{totals.entries}</dd>
          </div>
          <div>
            <dt>{t("quizadmin.report.players")}</dt>
            <dd data-testid="quiz-report-players">{totals.players}</dd>
          </div>
          <div>
            <dt>{t("quizadmin.report.completed")}</dt>
            <dd>{totals.completed}</dd>
          </div>
          <div>
            <dt>{t("quizadmin.report.answers")}</dt>
            <dd>{totals.answers}</dd>
          </div>
        </dl>
      </section>

      <Participants report={report} />
      <Funnel report={report} />
      <Questions report={report} />
    </div>
  );
}

function dayLabel(t: Translate, locale: ReturnType<typeof useLocale>, day: number, date: string) {
  return t("quizadmin.report.dayDate", { day, date: challengeDate(locale, date) });
}

function Participants({ report }: { report: ChallengeReport }) {
  const t = useT();
  const locale = useLocale();
  const { participants, challenge } = report;
  const days = Array.from({ length: daysSoFar(challenge) }, (_, index) => index + 1);
  const dates = report.funnel.map((day) => day.date);
  const top = participants.trades.slice(0, TOP_TRADES);
  const rest = participants.trades.slice(TOP_TRADES);
  const perDayRows: ChartRow[] = days.map((day) => ({
    label: dayLabel(t, locale, day, dates[day - 1]!),
    bars: [{ value: participants.perDay[day - 1]!, text: String(participants.perDay[day - 1]) }],
  }));
  const tradeTable = (rows: TradeParticipation[], caption: string) => (
    <table className="challenge-table challenge-trade-days">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("quizadmin.report.trade")}</th>
          {days.map((day) => (
            <th scope="col" key={day}>
              {t("quizadmin.report.dayShort", { day })}
            </th>
          ))}
          <th scope="col">{t("quizadmin.report.total")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.trade.code} data-trade={row.trade.code}>
            <th scope="row">{tradeName(row.trade, locale)}</th>
            {row.perDay.slice(0, days.length).map((count, index) => (
              <td key={index} className={count === 0 ? "zero" : undefined}>
                {count}
              </td>
            ))}
            <td>{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="quiz-report-participants" className="challenge-report-section">
      <h2 id="quiz-report-participants">{t("quizadmin.report.participants")}</h2>
      <p className="muted">{t("quizadmin.report.participantsIntro")}</p>
      {participants.trades.length === 0 ? (
        <p data-testid="quiz-report-no-players">{t("quizadmin.report.noPlayers")}</p>
      ) : (
        <div className="quiz-chart-grid">
          <BarChart
            testId="quiz-chart-days"
            title={t("quizadmin.report.perDayChart")}
            rows={perDayRows}
            table={
              <table className="challenge-table">
                <caption className="visually-hidden">{t("quizadmin.report.perDayChart")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("quizadmin.report.dayColumn")}</th>
                    <th scope="col">{t("quizadmin.report.players")}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((day) => (
                    <tr key={day}>
                      <th scope="row">{dayLabel(t, locale, day, dates[day - 1]!)}</th>
                      <td>{participants.perDay[day - 1]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <BarChart
            testId="quiz-chart-trades"
            title={t("quizadmin.report.topTradesChart")}
            rows={top.map((row) => ({ label: tradeName(row.trade, locale), bars: [{ value: row.total, text: String(row.total) }] }))}
          />
        </div>
      )}
      {participants.trades.length > 0 ? (
        <>
          <h3>{t("quizadmin.report.tradeTable")}</h3>
          <ScrollTable label={t("quizadmin.report.tradeTable")}>{tradeTable(top, t("quizadmin.report.tradeTable"))}</ScrollTable>
          {rest.length > 0 ? (
            <details className="challenge-more">
              <summary>{t("quizadmin.report.moreTrades", { count: rest.length })}</summary>
              <ScrollTable label={t("quizadmin.report.moreTrades", { count: rest.length })}>
                {tradeTable(rest, t("quizadmin.report.moreTrades", { count: rest.length }))}
              </ScrollTable>
            </details>
          ) : null}
        </>
      ) : null}
      {participants.quietTrades > 0 ? <p className="muted">{t("quizadmin.report.quietTrades", { count: participants.quietTrades })}</p> : null}
    </section>
  );
}

function Funnel({ report }: { report: ChallengeReport }) {
  const t = useT();
  const locale = useLocale();
  const levels = Array.from({ length: report.challenge.levelsPerDay }, (_, index) => index + 1);
  const funnel = report.funnel.slice(0, daysSoFar(report.challenge));
  const rows: ChartRow[] = funnel.map((day) => ({
    label: dayLabel(t, locale, day.day, day.date),
    bars: [
      { value: day.started, text: t("quizadmin.report.funnelStarted", { count: day.started }), tone: "secondary" },
      { value: day.completed, text: t("quizadmin.report.funnelBar", { count: day.completed, percent: percent(day.completed, day.started) }), tone: "primary" },
    ],
  }));
  return (
    <section aria-labelledby="quiz-report-funnel" className="challenge-report-section">
      <h2 id="quiz-report-funnel">{t("quizadmin.report.funnel")}</h2>
      <p className="muted">{t("quizadmin.report.funnelIntro")}</p>
      {funnel.length === 0 ? (
        <p>{t("quizadmin.report.noPlayers")}</p>
      ) : (
        <BarChart
          testId="quiz-chart-funnel"
          title={t("quizadmin.report.funnelChart")}
          rows={rows}
          legend={[
            { tone: "secondary", label: t("quizadmin.report.started") },
            { tone: "primary", label: t("quizadmin.report.completedDay") },
          ]}
          table={
            <table className="challenge-table">
              <caption className="visually-hidden">{t("quizadmin.report.funnel")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("quizadmin.report.dayColumn")}</th>
                  <th scope="col">{t("quizadmin.report.started")}</th>
                  {levels.map((level) => (
                    <th scope="col" key={level}>
                      {t("quizadmin.report.passedLevel", { level })}
                    </th>
                  ))}
                  <th scope="col">{t("quizadmin.report.completedDay")}</th>
                  <th scope="col">{t("quizadmin.report.completionRate")}</th>
                </tr>
              </thead>
              <tbody>
                {funnel.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{dayLabel(t, locale, day.day, day.date)}</th>
                    <td>{day.started}</td>
                    {day.passedByLevel.map((count, index) => (
                      <td key={index}>{count}</td>
                    ))}
                    <td>{day.completed}</td>
                    <td>{t("quizadmin.report.percent", { percent: percent(day.completed, day.started) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}

const FLAG_TONE: Record<QuestionFlag, BarTone> = { broken: "danger", easy: "warning" };

function flagLabel(t: Translate, flag: QuestionFlag | null) {
  return flag === "broken" ? t("quizadmin.report.broken") : flag === "easy" ? t("quizadmin.report.easy") : t("quizadmin.report.normal");
}

function Questions({ report }: { report: ChallengeReport }) {
  const t = useT();
  const locale = useLocale();
  const { questions, challenge } = report;
  const { thresholds } = questions;
  const easySeconds = (challenge.secondsPerQuestion * thresholds.easyTimeFraction).toLocaleString(locale);
  const rows: ChartRow[] = questions.rows.slice(0, CHART_QUESTIONS).map((row) => ({
    label: `#${row.id} ${tradeName(row.trade, locale)} · ${row.stem}`,
    bars: [
      {
        value: Math.round(row.correctShare * 100),
        text: t("quizadmin.report.questionBar", { percent: Math.round(row.correctShare * 100), seconds: seconds(row.medianMs) }),
        tone: row.flag ? FLAG_TONE[row.flag] : "primary",
      },
    ],
  }));
  return (
    <section aria-labelledby="quiz-report-questions" className="challenge-report-section">
      <h2 id="quiz-report-questions">{t("quizadmin.report.questions")}</h2>
      <p className="muted">{t("quizadmin.report.questionsIntro", { min: questions.minAnswers })}</p>
      <Form method="get" className="search-row challenge-filter" key={questions.trade?.code ?? ""}>
        <label htmlFor="quiz-report-trade">{t("quizadmin.report.filterTrade")}</label>
        <select id="quiz-report-trade" name="trade" defaultValue={questions.trade?.code ?? ""}>
          <option value="">{t("quizadmin.report.allTrades")}</option>
          {questions.tradeOptions.map((trade) => (
            <option key={trade.code} value={trade.code}>
              {tradeName(trade, locale)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("quizadmin.report.filterSubmit")}
        </button>
      </Form>
      <ul className="challenge-flag-notes">
        <li>
          <span className="challenge-flag flag-broken">{t("quizadmin.report.brokenCount", { count: questions.broken })}</span>{" "}
          <span className="muted">{t("quizadmin.report.brokenHint", { percent: Math.round(thresholds.brokenBelow * 100) })}</span>
        </li>
        <li>
          <span className="challenge-flag flag-easy">{t("quizadmin.report.easyCount", { count: questions.easy })}</span>{" "}
          <span className="muted">{t("quizadmin.report.easyHint", { percent: Math.round(thresholds.easyFrom * 100), seconds: easySeconds })}</span>
        </li>
        <li>
          <Link to={`/admin/quiz/${challenge.id}/fast-answers`}>{t("quizadmin.report.fastAnswersLink")}</Link>
        </li>
      </ul>
      {questions.rows.length === 0 ? (
        <p data-testid="quiz-report-no-questions">{t("quizadmin.report.questionsNone")}</p>
      ) : (
        <BarChart
          testId="quiz-chart-questions"
          title={t("quizadmin.report.questionsChart", { count: rows.length })}
          rows={rows}
          max={100}
          legend={[
            { tone: "danger", label: t("quizadmin.report.broken") },
            { tone: "warning", label: t("quizadmin.report.easy") },
            { tone: "primary", label: t("quizadmin.report.normal") },
          ]}
          table={
            <table className="challenge-table challenge-question-table">
              <caption>{t("quizadmin.report.questionsTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("quizadmin.report.question")}</th>
                  <th scope="col">{t("quizadmin.report.trade")}</th>
                  <th scope="col">{t("quizadmin.report.correctShare")}</th>
                  <th scope="col">{t("quizadmin.report.medianTime")}</th>
                  <th scope="col">{t("quizadmin.report.answersCount")}</th>
                  <th scope="col">{t("quizadmin.report.flagged")}</th>
                </tr>
              </thead>
              <tbody>
                {questions.rows.map((row) => (
                  <tr key={row.id} data-question={row.id} data-flag={row.flag ?? ""}>
                    <th scope="row">
                      <Link to={`/admin/quiz-questions/${row.id}`}>
                        #{row.id} {row.stem}
                      </Link>
                      {row.flag ? <span className={`challenge-flag flag-${row.flag}`}>{flagLabel(t, row.flag)}</span> : null}
                      {row.retired ? <span className="challenge-flag">{t("quizadmin.report.retired")}</span> : null}
                    </th>
                    <td>{tradeName(row.trade, locale)}</td>
                    <td>{t("quizadmin.report.percent", { percent: Math.round(row.correctShare * 100) })}</td>
                    <td>{t("quizadmin.report.seconds", { seconds: seconds(row.medianMs) })}</td>
                    <td>{row.answers}</td>
                    <td>{row.flagged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      {questions.rows.length > 0 ? <p className="muted">{t("quizadmin.report.questionsShown", { shown: questions.rows.length, listed: questions.listed })}</p> : null}
      {questions.hidden > 0 ? <p className="muted">{t("quizadmin.report.questionsHidden", { count: questions.hidden, min: questions.minAnswers })}</p> : null}
    </section>
  );
}
