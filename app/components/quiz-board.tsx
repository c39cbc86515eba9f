// A leaderboard as a table: rank, name, trade, score and total answer time of the top rows, the
// viewer's own row marked, and pinned below the table when they are outside the top rows. On a
// phone the trade sits under the name (one column fewer); the table never widens the page.
import type { LeaderboardRow, LeaderboardView } from "../../server/quiz/types.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { tradeName } from "./course-labels.tsx";
import { formatAnswerTime } from "./quiz-labels.tsx";

export function QuizBoardTable({ board, caption }: { board: LeaderboardView; caption: string }) {
  const t = useT();
  const mine = board.me?.userId ?? null;
  const pinned = board.me && !board.rows.some((row) => row.userId === board.me!.userId) ? board.me : null;
  if (board.rows.length === 0) {
    return (
      <p className="muted" data-testid="quiz-board-empty">
        {t("quizui.board.empty")}
      </p>
    );
  }
  return (
    <div className="quiz-lb-scroll">
      <table className="quiz-lb-table" data-testid="quiz-board">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-rank">
              {t("quizui.board.rank")}
            </th>
            <th scope="col">{t("quizui.board.name")}</th>
            <th scope="col" className="col-trade">
              {t("quizui.board.trade")}
            </th>
            <th scope="col" className="col-num">
              {t("quizui.board.score")}
            </th>
            <th scope="col" className="col-num">
              {t("quizui.board.time")}
            </th>
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row) => (
            <BoardRow key={row.userId} row={row} mine={row.userId === mine} />
          ))}
        </tbody>
        {pinned ? (
          <tbody className="quiz-lb-me" data-testid="quiz-board-me">
            <tr className="quiz-lb-gap" aria-hidden="true">
              <td colSpan={5}>⋯</td>
            </tr>
            <BoardRow row={pinned} mine />
          </tbody>
        ) : null}
      </table>
    </div>
  );
}

function BoardRow({ row, mine }: { row: LeaderboardRow; mine: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trade = tradeName(row.trade, locale);
  return (
    <tr className={mine ? "mine" : undefined} aria-current={mine ? "true" : undefined} data-testid="quiz-board-row" data-user={row.userId} data-rank={row.rank}>
      <td className="col-rank">
        <span className={`quiz-lb-rank${row.rank <= 3 ? ` top-${row.rank}` : ""}`}>{row.rank}</span>
      </td>
      <th scope="row" className="quiz-lb-name">
        <span>{row.displayName}</span>
        {mine ? <span className="quiz-lb-you">{t("quizui.board.you")}</span> : null}
        <span className="quiz-lb-trade-inline muted">{trade}</span>
      </th>
      <td className="col-trade">{trade}</td>
      <td className="col-num" data-testid="quiz-board-score">
        {row.score}
      </td>
      <td className="col-num">{formatAnswerTime(t, row.timeMs)}</td>
    </tr>
  );
}
