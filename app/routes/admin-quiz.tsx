import { Link } from "react-router";
import type { Route } from "./+types/admin-quiz";
import { DocumentTitle } from "../components/form-field.tsx";
import { Pagination } from "../components/pagination.tsx";
import { ChallengeDates, ChallengeTags } from "../components/quiz-challenge-form.tsx";
import { useT } from "../i18n/index.ts";

// The quiz challenges (admins; the service checks the role): each with its dates, phase, trades
// and participants, and links to edit it and to its report.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return { list: await context.services.quizAdmin.list(context.viewer, Object.fromEntries(url.searchParams)) };
}

export default function AdminQuiz({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { list } = loaderData;
  return (
    <div className="quiz-admin">
      <DocumentTitle title={t("quizadmin.list.title")} />
      <div className="catalog-head">
        <h1>{t("quizadmin.list.title")}</h1>
        <p className="actions start">
          <Link to="/admin/quiz/new" className="button small">
            {t("quizadmin.list.new")}
          </Link>
        </p>
      </div>
      <p className="muted">{t("quizadmin.list.intro")}</p>

      <section aria-labelledby="quiz-admin-results">
        <div className="results-head">
          <h2 id="quiz-admin-results">{t("quizadmin.list.results")}</h2>
          <p className="muted">{t("quizadmin.list.total", { count: list.total })}</p>
        </div>
        {list.items.length === 0 ? (
          <p>{t("quizadmin.list.none")}</p>
        ) : (
          <ul className="book-admin-list">
            {list.items.map((challenge) => (
              <li key={challenge.id} data-testid="quiz-challenge-row" data-id={challenge.id}>
                <p className="book-admin-row-title">
                  <Link to={`/admin/quiz/${challenge.id}`}>{challenge.name}</Link>
                </p>
                <ChallengeTags challenge={challenge} />
                <p className="course-card-meta">
                  <ChallengeDates challenge={challenge} />
                  <span>{t("quizadmin.list.trades", { count: challenge.tradeCount })}</span>
                  <span>{t("quizadmin.list.participants", { count: challenge.participants })}</span>
                </p>
                <p className="challenge-links">
                  <Link to={`/admin/quiz/${challenge.id}`} aria-label={`${t("quizadmin.list.edit")} · ${challenge.name}`}>
                    {t("quizadmin.list.edit")}
                  </Link>
                  <Link to={`/admin/quiz/${challenge.id}/report`} aria-label={`${t("quizadmin.list.report")} · ${challenge.name}`}>
                    {t("quizadmin.list.report")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => `/admin/quiz?page=${page}`} className="catalog-pagination" />
      </section>
    </div>
  );
}
