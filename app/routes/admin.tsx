import { NavLink, Outlet } from "react-router";
import type { Route } from "./+types/admin";
import { useT } from "../i18n/index.ts";

// Only admins get past this loader (the service decides: 401 for visitors, 403 for other roles).
export async function loader({ context }: Route.LoaderArgs) {
  await context.services.accounts.requireAdmin(context.viewer);
  return null;
}

export default function Admin() {
  const t = useT();
  return (
    <div className="admin">
      <nav aria-label={t("admin.title")} className="sub-nav">
        <NavLink to="/admin/users">{t("admin.users.title")}</NavLink>
        <NavLink to="/admin/books">{t("bookadmin.nav")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
