// "My badges" on /me: one badge per quiz challenge the worker finished (every level of every day),
// each with its certificate; a pointer to /quiz while there is none.
import { Link } from "react-router";
import type { QuizBadge } from "../../server/quiz/types.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { formatDate, tradeName } from "./course-labels.tsx";
import { certificateHref, QUIZ_HREF } from "./quiz-labels.tsx";

export function QuizBadges({ badges }: { badges: QuizBadge[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="quiz-badges-title" className="narrow quiz-me-badges" data-testid="quiz-badges">
      <h2 id="quiz-badges-title">{t("quizui.badges.title")}</h2>
      {badges.length === 0 ? (
        <p className="muted">
          {t("quizui.badges.none")} <Link to={QUIZ_HREF}>{t("quizui.badges.go")}</Link>
        </p>
      ) : (
        <ul className="quiz-me-badge-list">
          {badges.map((badge) => (
            <li key={badge.certificateCode} data-testid="quiz-badge">
              <span className="quiz-me-medal" aria-hidden="true">
                🏅
              </span>
              <div>
                <strong>{badge.challengeName}</strong>
                <p className="muted">
                  {t("quizui.badges.detail", { trade: tradeName(badge.trade, locale), date: formatDate(locale, badge.completedAt), score: badge.score })}
                </p>
                <Link to={certificateHref(badge.certificateCode)}>{t("quizui.badges.certificate")}</Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
