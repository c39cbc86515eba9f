import { Form, Link } from "react-router";
import type { Route } from "./+types/quiz-leaderboard";
import type { BoardQuery } from "../../server/quiz/schema.ts";
import type { LeaderboardView, QuizOverview } from "../../server/quiz/types.ts";
import { loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { QuizBoardTable } from "../components/quiz-board.tsx";
import { boardHref, QUIZ_HREF } from "../components/quiz-labels.tsx";
import { useLiveQuizBoard, type BoardConnection } from "../components/quiz-leaderboard-socket.ts";
import { useLocale, useT, type MessageKey, type Translate } from "../i18n/index.ts";

// /quiz/leaderboard?challenge=&trade=&day=: a challenge's leaderboards — every trade or one (the
// worker's own as a tab, any other through the select), the whole challenge or one day (today as a
// tab) — the top 50 with the viewer's own row pinned below when they are further down. While the
// page is open the table follows the board over the socket; without JavaScript the selects are a
// plain GET form and a reload shows the latest standings. Unknown values fall back to the defaults.
const CHALLENGE_ID = /^[a-z0-9]{10,40}$/;
const BOARD_LIMIT = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const search = new URL(request.url).searchParams;
  const { quiz } = context.services;
  const challengeId = search.get("challenge");
  const overview = challengeId && CHALLENGE_ID.test(challengeId) ? await quiz.overview(context.viewer, challengeId) : await quiz.current(context.viewer);
  if (!overview) return { overview: null, board: null, signedIn: context.viewer !== null };
  const { challenge, trades } = overview;
  const tradeParam = search.get("trade");
  const dayParam = Number(search.get("day"));
  const query: BoardQuery = {
    challengeId: challenge.id,
    trade: trades.some((trade) => trade.code === tradeParam) ? tradeParam : null,
    day: Number.isInteger(dayParam) && dayParam >= 1 && dayParam <= challenge.days ? dayParam : null,
  };
  const board = await quiz.leaderboard(context.viewer, query, BOARD_LIMIT);
  return { overview, board, signedIn: context.viewer !== null };
}

export default function QuizLeaderboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { overview, board, signedIn } = loaderData;
  if (!overview || !board) {
    return (
      <div className="quiz-lb-page">
        <DocumentTitle title={t("quizui.board.title")} />
        <h1>{t("quizui.board.title")}</h1>
        <p className="muted" data-testid="quiz-none">
          {t("quizui.none.body")}
        </p>
      </div>
    );
  }
  return <Leaderboard overview={overview} initial={board} signedIn={signedIn} />;
}

function Leaderboard({ overview, initial, signedIn }: { overview: QuizOverview; initial: LeaderboardView; signedIn: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { board, connection, announcement } = useLiveQuizBoard(initial);
  const { challenge, entry, trades } = overview;
  const trade = board.trade;
  const day = board.day;
  const scopeName = trade ? tradeName(trade, locale) : t("quizui.board.allTrades");
  const periodName = day ? t("quizui.day.number", { day }) : t("quizui.board.wholeChallenge");
  const title = t("quizui.board.boardTitle", { scope: scopeName, period: periodName });
  const today = challenge.phase === "running" ? challenge.today : null;
  const lastDay = Math.max(0, Math.min(challenge.today, challenge.days));
  const href = (change: { trade?: string | null; day?: number | null }) =>
    boardHref({ challengeId: challenge.id, trade: "trade" in change ? change.trade : (trade?.code ?? null), day: "day" in change ? change.day : day });
  return (
    <div className="quiz-lb-page">
      <DocumentTitle title={`${t("quizui.board.title")} · ${challenge.name}`} />
      <p className="studio-crumb">
        <Link to={`${QUIZ_HREF}?challenge=${challenge.id}`}>{t("quizui.board.back")}</Link>
      </p>
      <h1>{t("quizui.board.title")}</h1>
      <p className="muted">{challenge.name}</p>

      <nav className="quiz-lb-tabs" aria-label={t("quizui.board.scopeNav")}>
        <ul>
          <Tab to={href({ trade: null })} active={trade === null} testId="quiz-tab-all">
            {t("quizui.board.allTrades")}
          </Tab>
          {entry ? (
            <Tab to={href({ trade: entry.trade.code })} active={trade?.code === entry.trade.code} testId="quiz-tab-mine">
              {t("quizui.board.myTrade", { trade: tradeName(entry.trade, locale) })}
            </Tab>
          ) : null}
        </ul>
      </nav>
      <nav className="quiz-lb-tabs" aria-label={t("quizui.board.periodNav")}>
        <ul>
          <Tab to={href({ day: null })} active={day === null} testId="quiz-tab-total">
            {t("quizui.board.wholeChallenge")}
          </Tab>
          {today ? (
            <Tab to={href({ day: today })} active={day === today} testId="quiz-tab-today">
              {t("quizui.board.today", { day: today })}
            </Tab>
          ) : null}
        </ul>
      </nav>

      <Form method="get" className="quiz-lb-filters" data-testid="quiz-board-filters">
        <input type="hidden" name="challenge" value={challenge.id} />
        <div className="field">
          <label htmlFor="quiz-board-trade">{t("quizui.board.tradeSelect")}</label>
          <select id="quiz-board-trade" name="trade" defaultValue={trade?.code ?? ""} key={`trade-${trade?.code ?? ""}`}>
            <option value="">{t("quizui.board.allTrades")}</option>
            {trades.map((option) => (
              <option key={option.code} value={option.code}>
                {tradeName(option, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quiz-board-day">{t("quizui.board.daySelect")}</label>
          <select id="quiz-board-day" name="day" defaultValue={day ?? ""} key={`day-${day ?? ""}`}>
            <option value="">{t("quizui.board.wholeChallenge")}</option>
            {Array.from({ length: Math.max(lastDay, day ?? 0) }, (_, index) => index + 1).map((number) => (
              <option key={number} value={number}>
                {t("quizui.day.number", { day: number })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("quizui.board.show")}
        </button>
      </Form>

      <section className="quiz-lb-section" aria-labelledby="quiz-board-title">
        <div className="quiz-lb-head">
          <h2 id="quiz-board-title" data-testid="quiz-board-title">
            {title}
          </h2>
          <ConnectionState connection={connection} t={t} />
        </div>
        <p className="muted" data-testid="quiz-board-players" data-count={board.players}>
          {t("quizui.board.players", { count: board.players })}
        </p>
        <MyPlace board={board} signedIn={signedIn} challengeId={challenge.id} />
        <p className="visually-hidden" aria-live="polite" data-testid="quiz-board-announce">
          {announcement}
        </p>
        <QuizBoardTable board={board} caption={title} />
        <p className="hint">{t("quizui.board.ties")}</p>
      </section>
    </div>
  );
}

function Tab({ to, active, testId, children }: { to: string; active: boolean; testId: string; children: React.ReactNode }) {
  return (
    <li>
      <Link to={to} className={active ? "active" : undefined} aria-current={active ? "page" : undefined} data-testid={testId} preventScrollReset>
        {children}
      </Link>
    </li>
  );
}

function MyPlace({ board, signedIn, challengeId }: { board: LeaderboardView; signedIn: boolean; challengeId: string }) {
  const t = useT();
  if (!signedIn) {
    return (
      <p>
        <Link to={loginHref(boardHref({ challengeId }))}>{t("quizui.board.signIn")}</Link>
      </p>
    );
  }
  if (!board.me) {
    return (
      <p className="quiz-lb-place muted" data-testid="quiz-my-place">
        {t("quizui.board.notOnBoard")}
      </p>
    );
  }
  return (
    <p className="quiz-lb-place" data-testid="quiz-my-place" data-rank={board.me.rank}>
      {t("quizui.board.myRank", { rank: board.me.rank, count: board.players, score: board.me.score })}
    </p>
  );
}

const CONNECTION_WORDS: Record<BoardConnection, MessageKey | null> = {
  offline: null,
  connecting: "quizui.board.connecting",
  connected: "quizui.board.connected",
  reconnecting: "quizui.board.reconnecting",
};

function ConnectionState({ connection, t }: { connection: BoardConnection; t: Translate }) {
  const key = CONNECTION_WORDS[connection];
  return (
    <p className={`quiz-lb-live quiz-lb-live-${connection}`} role="status" data-testid="quiz-board-connection" data-state={connection}>
      {key ? t(key) : null}
    </p>
  );
}
