import { Link } from "react-router";
import type { Route } from "./+types/admin-quiz-fast-answers";
import type { FastAnswersPage } from "../../server/quiz/reports.ts";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { chinaTime } from "../components/live-labels.tsx";
import { Pagination } from "../components/pagination.tsx";
import { ChallengeTags } from "../components/quiz-challenge-form.tsx";
import { ScrollTable } from "../components/scroll-table.tsx";
import { useLocale, useT } from "../i18n/index.ts";

// Who answers a challenge too fast (admins; the service checks the role): the players with answers
// flagged as sooner than a person can read, most flagged first, 50 a page; `?user=` adds that
// player's flagged answers above the list. Paging and opening a player are plain links.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { fast: await context.services.quizReports.fastAnswers(context.viewer, params.challengeId, Object.fromEntries(url.searchParams)) };
}

/** This page, on `page` and showing `user`'s answers (null: nobody's). */
function pageHref(challengeId: string, page: number, user: string | null): string {
  const params = new URLSearchParams();
  if (page > 1) params.set("page", String(page));
  if (user) params.set("user", user);
  const search = params.toString();
  const path = `/admin/quiz/${encodeURIComponent(challengeId)}/fast-answers`;
  return search ? `${path}?${search}` : path;
}

const percent = (share: number) => Math.round(share * 100);

function ChinaTime({ date }: { date: Date | string }) {
  const locale = useLocale();
  return <time dateTime={new Date(date).toISOString()}>{chinaTime(locale, date, { seconds: true })}</time>;
}

export default function AdminQuizFastAnswers({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { fast } = loaderData;
  const { challenge } = fast;
  return (
    <div className="quiz-admin quiz-report">
      <DocumentTitle title={`${t("quizadmin.fast.title")} · ${challenge.name}`} />
      <p className="studio-crumb">
        <Link to={`/admin/quiz/${challenge.id}/report`}>{t("quizadmin.fast.back")}</Link>
      </p>
      <h1>
        {t("quizadmin.fast.title")} · {challenge.name}
      </h1>
      <ChallengeTags challenge={challenge} />
      <p className="muted">{t("quizadmin.fast.intro", { ms: fast.minimumMs })}</p>

      {fast.player ? <PlayerAnswers fast={fast} player={fast.player} /> : null}

      <section aria-labelledby="quiz-fast-players" className="challenge-report-section">
        <h2 id="quiz-fast-players">{t("quizadmin.fast.table")}</h2>
        {fast.rows.length === 0 ? (
          <p data-testid="quiz-fast-none">{t("quizadmin.fast.none")}</p>
        ) : (
          <>
            <p data-testid="quiz-fast-summary">{t("quizadmin.fast.summary", { players: fast.total, answers: fast.flaggedAnswers })}</p>
            <Players fast={fast} />
            <p className="muted">{t("quizadmin.fast.answeredHint")}</p>
          </>
        )}
        <Pagination page={fast.page} pageCount={fast.pageCount} hrefFor={(page) => pageHref(challenge.id, page, fast.player?.userId ?? null)} className="catalog-pagination" />
      </section>
    </div>
  );
}

function Players({ fast }: { fast: FastAnswersPage }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ScrollTable label={t("quizadmin.fast.table")}>
      <table className="challenge-table challenge-question-table" data-testid="quiz-fast-table">
        <caption className="visually-hidden">{t("quizadmin.fast.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quizadmin.fast.player")}</th>
            <th scope="col">{t("quizadmin.report.trade")}</th>
            <th scope="col">{t("quizadmin.fast.flagged")}</th>
            <th scope="col">{t("quizadmin.fast.answered")}</th>
            <th scope="col">{t("quizadmin.fast.share")}</th>
            <th scope="col">{t("quizadmin.fast.fastest")}</th>
            <th scope="col">{t("quizadmin.fast.lastFlagged")}</th>
          </tr>
        </thead>
        <tbody>
          {fast.rows.map((row) => (
            <tr key={row.userId} data-testid="quiz-fast-row" data-user={row.userId} aria-current={row.userId === fast.player?.userId ? "true" : undefined}>
              <th scope="row">
                <Link
                  to={`${pageHref(fast.challenge.id, fast.page, row.userId)}#quiz-fast-player`}
                  aria-label={t("quizadmin.fast.showAnswers", { name: row.displayName })}
                >
                  {row.displayName}
                </Link>
              </th>
              <td>{tradeName(row.trade, locale)}</td>
              <td>{row.flagged}</td>
              <td>{row.answered}</td>
              <td>{t("quizadmin.report.percent", { percent: percent(row.flaggedShare) })}</td>
              <td>{t("quizadmin.fast.ms", { ms: row.fastestMs })}</td>
              <td>
                <ChinaTime date={row.lastFlaggedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function PlayerAnswers({ fast, player }: { fast: FastAnswersPage; player: NonNullable<FastAnswersPage["player"]> }) {
  const t = useT();
  const locale = useLocale();
  const title = t("quizadmin.fast.playerTitle", { name: player.displayName });
  return (
    <section aria-labelledby="quiz-fast-player" className="challenge-report-section" data-testid="quiz-fast-player">
      <h2 id="quiz-fast-player">{title}</h2>
      <p className="muted">
        {t("quizadmin.fast.playerIntro", { trade: tradeName(player.trade, locale) })}{" "}
        <Link to={pageHref(fast.challenge.id, fast.page, null)}>{t("quizadmin.fast.closePlayer")}</Link>
      </p>
      {player.answers.length === 0 ? (
        <p>{t("quizadmin.fast.playerNone")}</p>
      ) : (
        <ScrollTable label={title}>
          <table className="challenge-table challenge-question-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("quizadmin.fast.question")}</th>
                <th scope="col">{t("quizadmin.fast.level")}</th>
                <th scope="col">{t("quizadmin.fast.time")}</th>
                <th scope="col">{t("quizadmin.fast.result")}</th>
                <th scope="col">{t("quizadmin.fast.answeredAt")}</th>
              </tr>
            </thead>
            <tbody>
              {player.answers.map((answer, index) => (
                <tr key={index}>
                  <th scope="row">
                    <Link to={`/admin/quiz-questions/${answer.questionId}`}>
                      #{answer.questionId} {answer.stem}
                    </Link>
                  </th>
                  <td>
                    {t("quizadmin.fast.levelName", { day: answer.day, level: answer.level })}
                    {answer.scored ? null : <span className="challenge-flag">{t("quizadmin.fast.practice")}</span>}
                  </td>
                  <td>{t("quizadmin.fast.ms", { ms: answer.timeMs })}</td>
                  <td>{answer.correct ? t("quizadmin.fast.correct") : t("quizadmin.fast.wrong")}</td>
                  <td>
                    <ChinaTime date={answer.answeredAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {player.total > player.answers.length ? <p className="muted">{t("quizadmin.fast.playerShown", { shown: player.answers.length, total: player.total })}</p> : null}
    </section>
  );
}
