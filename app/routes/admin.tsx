import { NavLink, Outlet } from "react-router";
import type { Route } from "./+types/admin";
import { useT } from "../i18n/index.ts";

// Admins and employers get past this loader (401 for visitors, 403 for other roles); employers see
// only the job pages, and every child route's service checks the role again.
export async function loader({ context }: Route.LoaderArgs) {
  await context.services.accounts.requireStaff(context.viewer);
  return { isAdmin: context.viewer?.role === "ADMIN" };
}

export default function Admin({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="admin">
      <nav aria-label={t("admin.title")} className="sub-nav">
        {loaderData.isAdmin ? <NavLink to="/admin/users">{t("admin.users.title")}</NavLink> : null}
        {loaderData.isAdmin ? <NavLink to="/admin/books">{t("bookadmin.nav")}</NavLink> : null}
        <NavLink to="/admin/jobs">{t("jobs.admin.nav")}</NavLink>
        {loaderData.isAdmin ? <NavLink to="/admin/quiz">{t("quizadmin.nav.challenges")}</NavLink> : null}
        {loaderData.isAdmin ? <NavLink to="/admin/quiz-questions">{t("quizadmin.nav.questions")}</NavLink> : null}
      </nav>
      <Outlet />
    </div>
  );
}
