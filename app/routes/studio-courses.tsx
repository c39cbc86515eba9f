import { Link, redirect } from "react-router";
import type { Route } from "./+types/studio-courses";
import { DocumentTitle } from "../components/form-field.tsx";
import { useLocale, useT, type MessageKey } from "../i18n/index.ts";

// The author's list of courses (admins see everyone's). Workers get the service's 403 page.
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  const courses = await context.services.courses.studioList(context.viewer);
  return { courses, isAdmin: context.viewer.role === "ADMIN" };
}

export default function StudioCourses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { courses, isAdmin } = loaderData;
  const date = (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value));
  const title = t(isAdmin ? "studio.courses.titleAdmin" : "studio.courses.title");
  return (
    <>
      <DocumentTitle title={title} />
      <p className="studio-crumb">{t("studio.breadcrumb")}</p>
      <div className="studio-head">
        <h1>{title}</h1>
        <Link to="/studio/courses/new" className="button">
          {t("studio.courses.new")}
        </Link>
      </div>
      <p className="muted">{t("studio.courses.intro")}</p>
      {courses.length === 0 ? (
        <p className="empty-state">{t("studio.courses.none")}</p>
      ) : (
        <ul className="studio-course-list">
          {courses.map((course) => (
            <li key={course.id} className="studio-course-row" data-testid="studio-course-row">
              <h2>
                <Link to={`/studio/courses/${course.id}`}>{course.title}</Link>
              </h2>
              <p className="studio-meta">
                <span className={`status-badge status-${course.status.toLowerCase()}`}>
                  {t(`studio.status.${course.status}` as MessageKey)}
                </span>
                <span>{locale === "en" ? course.trade.nameEn : course.trade.nameZh}</span>
                <span>{t("studio.courses.lessons", { count: course.lessonCount })}</span>
                <span>{t("studio.courses.enrollments", { count: course.enrollmentCount })}</span>
                <span>{t("studio.courses.updated", { date: date(course.updatedAt) })}</span>
                {isAdmin ? <span>{t("studio.courses.by", { name: course.craftsman.displayName })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
