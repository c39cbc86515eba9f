import { Link, redirect } from "react-router";
import type { Route } from "./+types/me-learning";
import { CourseCover } from "../components/course-card.tsx";
import { courseHref, formatDate, lessonHref, loginHref, tradeName } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { useLocale, useT } from "../i18n/index.ts";

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/learning"));
  const items = await context.services.courses.learning(context.viewer);
  // Most recent first, whatever order the service keeps.
  return { items: [...items].sort((a, b) => new Date(b.lastActivityAt).getTime() - new Date(a.lastActivityAt).getTime()) };
}

export default function MeLearning({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { items } = loaderData;
  const resume = items.find((item) => item.percent < 100 && item.continueLessonId);
  const certificates = items.filter((item) => item.certificateCode);
  return (
    <div className="learning-page">
      <DocumentTitle title={t("courses.learning.title")} />
      <h1>{t("courses.learning.title")}</h1>

      {items.length === 0 ? (
        <div className="no-results" data-testid="learning-empty">
          <p className="no-results-title">{t("courses.learning.empty")}</p>
          <p>
            <Link to="/courses" className="button">
              {t("courses.learning.browse")}
            </Link>
          </p>
        </div>
      ) : null}

      {resume && resume.continueLessonId ? (
        <section aria-labelledby="learning-resume-title" className="resume-box">
          <h2 id="learning-resume-title">{t("courses.learning.resume")}</h2>
          <p className="resume-course">{resume.course.title}</p>
          {resume.continueLessonTitle ? (
            <p className="muted">{t("courses.learning.nextLesson", { title: resume.continueLessonTitle })}</p>
          ) : null}
          <Link to={lessonHref(resume.course.slug, resume.continueLessonId)} className="button">
            {t("courses.detail.continue")}
          </Link>
        </section>
      ) : null}

      {items.length > 0 ? (
        <section aria-labelledby="learning-courses-title">
          <h2 id="learning-courses-title">{t("courses.learning.courses")}</h2>
          <ul className="learning-list">
            {items.map((item) => {
              const progressId = `learning-progress-${item.course.id}`;
              return (
                <li key={item.course.id} className="learning-item" data-testid="learning-item" data-slug={item.course.slug}>
                  <CourseCover coverUrl={item.course.coverUrl} trade={item.course.trade} />
                  <div className="learning-item-body">
                    <h3 className="course-card-title">
                      <Link to={courseHref(item.course.slug)}>{item.course.title}</Link>
                    </h3>
                    <p className="course-card-meta">
                      <span>{tradeName(item.course.trade, locale)}</span>
                      <span>{t("courses.learning.lastActivity", { date: formatDate(locale, item.lastActivityAt) })}</span>
                    </p>
                    <label htmlFor={progressId} className="progress-label">
                      {t("courses.learning.progress", {
                        percent: item.percent,
                        done: item.completedLessons,
                        total: item.course.lessonCount,
                      })}
                    </label>
                    <progress id={progressId} max={100} value={item.percent} />
                    <p className="actions start">
                      {item.continueLessonId && item.percent < 100 ? (
                        <Link to={lessonHref(item.course.slug, item.continueLessonId)}>
                          {t("courses.detail.continue")}
                          <span className="visually-hidden"> · {item.course.title}</span>
                        </Link>
                      ) : null}
                      {item.certificateCode ? (
                        <Link to={`/certificates/${encodeURIComponent(item.certificateCode)}`}>
                          {t("courses.detail.certificate")}
                          <span className="visually-hidden"> · {item.course.title}</span>
                        </Link>
                      ) : null}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="learning-certificates-title">
        <h2 id="learning-certificates-title">{t("courses.learning.certificates")}</h2>
        {certificates.length === 0 ? (
          <p className="muted">{t("courses.learning.noCertificates")}</p>
        ) : (
          <ul className="certificate-list">
            {certificates.map((item) => (
              <li key={item.certificateCode}>
                <Link to={`/certificates/${encodeURIComponent(item.certificateCode!)}`}>{item.course.title}</Link>
                <span className="muted"> · {item.certificateCode}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
