import { Form, Link } from "react-router";
import type { Route } from "./+types/admin-quiz-questions";
import { tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QuestionTags } from "../components/quiz-question-fields.tsx";
import { TradeOptions } from "../components/trade-options.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

// The quiz question banks for admins: every trade's counts, and one page of questions filtered by
// trade, a text in the stem and the state (in play, retired, all). The admin layout lets employers
// in too; the service refuses everyone but admins (403).
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const [list, categories] = await Promise.all([
    context.services.questionBank.list(context.viewer, Object.fromEntries(url.searchParams)),
    context.services.trades.listByCategory(),
  ]);
  return { list, categories };
}

type List = Route.ComponentProps["loaderData"]["list"];

const STATES = ["all", "active", "retired"] as const;

/** This page with the list's filters (and `changes`), e.g. on another page or another trade. */
function listHref(query: List["query"], changes: Partial<List["query"]> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.trade) params.set("trade", next.trade);
  if (next.q) params.set("q", next.q);
  if (next.state !== "all") params.set("state", next.state);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/quiz-questions?${search}` : "/admin/quiz-questions";
}

export default function AdminQuizQuestions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, categories } = loaderData;
  const { query } = list;
  const totalActive = list.counts.reduce((sum, count) => sum + count.active, 0);
  const totalRetired = list.counts.reduce((sum, count) => sum + count.retired, 0);
  return (
    <div className="quiz-bank">
      <DocumentTitle title={t("quizbank.list.title")} />
      <div className="catalog-head">
        <h1>{t("quizbank.list.title")}</h1>
        <p className="actions start">
          <Link to={query.trade ? `/admin/quiz-questions/new?trade=${encodeURIComponent(query.trade)}` : "/admin/quiz-questions/new"} className="button small">
            {t("quizbank.list.new")}
          </Link>
          <Link to="/admin/quiz-import" className="button secondary small">
            {t("quizbank.list.import")}
          </Link>
        </p>
      </div>
      <p className="muted">{t("quizbank.list.intro")}</p>

      {/* Folded by default: with a hundred trades the table would push the questions far down a phone's screen. */}
      <details className="quiz-bank-counts-box">
        <summary>
          <h2 id="quiz-bank-counts">{t("quizbank.counts.title")}</h2>
          <span className="muted">{t("quizbank.counts.summary", { trades: list.counts.length, active: totalActive, retired: totalRetired })}</span>
        </summary>
        {list.counts.length === 0 ? (
          <p>{t("quizbank.counts.none")}</p>
        ) : (
          <div className="book-import-scroll">
            <table className="book-import-errors quiz-bank-counts" aria-labelledby="quiz-bank-counts">
              <thead>
                <tr>
                  <th scope="col">{t("quizbank.counts.trade")}</th>
                  <th scope="col">{t("quizbank.counts.active")}</th>
                  <th scope="col">{t("quizbank.counts.retired")}</th>
                </tr>
              </thead>
              <tbody>
                {list.counts.map((count) => (
                  <tr key={count.trade.code} data-testid="quiz-bank-count" data-trade={count.trade.code}>
                    <th scope="row">
                      <Link to={listHref(query, { trade: count.trade.code, page: 1 })} aria-current={count.trade.code === query.trade ? "true" : undefined}>
                        {tradeName(count.trade, locale)}
                      </Link>
                    </th>
                    <td>{count.active}</td>
                    <td>{count.retired}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>

      <Form method="get" className="search-row" role="search" key={`${query.trade}|${query.q}|${query.state}`}>
        <label htmlFor="quiz-bank-trade" className="visually-hidden">
          {t("quizbank.filter.trade")}
        </label>
        <select id="quiz-bank-trade" name="trade" defaultValue={query.trade ?? ""}>
          <option value="">{t("quizbank.filter.tradeAll")}</option>
          <TradeOptions categories={categories} />
        </select>
        <label htmlFor="quiz-bank-q" className="visually-hidden">
          {t("quizbank.filter.q")}
        </label>
        <input id="quiz-bank-q" name="q" type="search" defaultValue={query.q} placeholder={t("quizbank.filter.qPlaceholder")} maxLength={100} />
        <label htmlFor="quiz-bank-state" className="visually-hidden">
          {t("quizbank.filter.state")}
        </label>
        <select id="quiz-bank-state" name="state" defaultValue={query.state}>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {t(`quizbank.filter.state.${state}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit">{t("quizbank.filter.submit")}</button>
      </Form>

      <section aria-labelledby="quiz-bank-results">
        <div className="results-head">
          <h2 id="quiz-bank-results">{list.trade ? t("quizbank.list.resultsOf", { trade: tradeName(list.trade, locale) }) : t("quizbank.list.results")}</h2>
          <p className="muted" data-testid="quiz-bank-total">
            {t("quizbank.list.total", { count: list.total })}
          </p>
        </div>
        {list.items.length === 0 ? (
          <p>{t("quizbank.list.none")}</p>
        ) : (
          <ul className="book-admin-list">
            {list.items.map((question) => (
              <li key={question.id} data-testid="quiz-question-row" data-id={question.id} className={question.retiredAt ? "quiz-question-retired" : undefined}>
                <p className="book-admin-row-title">
                  <Link to={`/admin/quiz-questions/${question.id}`}>{question.stem}</Link>
                </p>
                <p className="course-card-tags">
                  <QuestionTags kind={question.kind} difficulty={question.difficulty} retired={question.retiredAt !== null} />
                  {list.trade ? null : <span className="course-tag">{tradeName(question.trade, locale)}</span>}
                </p>
                <p className="course-card-meta">
                  <span>{t("quizbank.list.answer", { answer: question.answerText })}</span>
                  {question.kind === "TRUE_FALSE" ? null : <span>{t("quizbank.list.optionCount", { count: question.options.length })}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => listHref(query, { page })} className="catalog-pagination" />
      </section>
    </div>
  );
}
