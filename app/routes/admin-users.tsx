import { useState } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/admin-users";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

const ROLES = ["WORKER", "CRAFTSMAN", "EMPLOYER", "ADMIN"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const [list, audit] = await Promise.all([
    context.services.accounts.listUsers(context.viewer, query),
    context.services.accounts.recentAuditLog(context.viewer),
  ]);
  return { list, audit };
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.accounts.changeRole(context.viewer, values);
  if (!result.ok) {
    // The row keeps what was chosen, so a plain form can ask for the organisation EMPLOYER needs.
    return data(
      { error: result.formError ?? Object.values(result.fieldErrors)[0], userId: values.userId, role: values.role, organization: values.organization },
      { status: 400 },
    );
  }
  return { changed: result.value };
}

export default function AdminUsers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { list, audit } = loaderData;
  const roleName = (role: string) => t(`role.${role}` as MessageKey);
  const names = new Map(list.users.map((user) => [user.id, user.displayName]));
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (list.q) params.set("q", list.q);
    if (list.role) params.set("role", list.role);
    params.set("page", String(page));
    return `?${params}`;
  };
  const date = (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value));
  return (
    <>
      <DocumentTitle title={t("admin.users.title")} />
      <h1>{t("admin.users.title")}</h1>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="user-q" className="visually-hidden">
          {t("admin.users.search")}
        </label>
        <input id="user-q" name="q" type="search" defaultValue={list.q} placeholder={t("admin.users.searchPlaceholder")} />
        <label htmlFor="user-role" className="visually-hidden">
          {t("admin.users.roleFilter")}
        </label>
        <select id="user-role" name="role" defaultValue={list.role ?? ""}>
          <option value="">{t("admin.users.allRoles")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
        <button type="submit">{t("admin.users.searchSubmit")}</button>
      </Form>

      {actionData && "changed" in actionData ? (
        <div className="alert success" role="status">
          {actionData.changed.organization
            ? t("admin.users.employerSet", { name: names.get(actionData.changed.userId) ?? "", organization: actionData.changed.organization })
            : t("admin.users.roleChanged", {
                name: names.get(actionData.changed.userId) ?? "",
                role: roleName(actionData.changed.role),
              })}
        </div>
      ) : null}
      <FormAlert message={actionData && "error" in actionData ? translateKey(t, actionData.error) : undefined} />

      <p className="muted">{t("admin.users.total", { count: list.total })}</p>
      {list.users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <ul className="user-list">
          {list.users.map((user) => (
            <li key={user.id} data-testid="user-row">
              <div>
                <strong>{user.displayName}</strong>
                <span className="muted"> {user.phone ?? user.email}</span>
                <span className="muted">
                  {" "}
                  · {user.city ?? "—"} · {date(user.createdAt)}
                </span>
                {user.organization ? (
                  <span className="muted" data-testid="user-organization">
                    {" "}
                    · {t("admin.users.organizationOf", { organization: user.organization.name })}
                  </span>
                ) : null}
              </div>
              <RoleForm
                key={`${user.role}|${user.organization?.name ?? ""}`}
                user={user}
                roleName={roleName}
                failed={actionData && "error" in actionData && actionData.userId === user.id ? actionData : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label={t("pagination.label")} className="pagination">
          {list.page > 1 ? <Link to={pageHref(list.page - 1)}>{t("pagination.previous")}</Link> : <span />}
          <span>{t("pagination.status", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link to={pageHref(list.page + 1)}>{t("pagination.next")}</Link> : <span />}
        </nav>
      ) : null}

      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{t("admin.audit.title")}</h2>
        {audit.length === 0 ? (
          <p>{t("admin.audit.none")}</p>
        ) : (
          <ul className="audit-list">
            {audit.map((entry) => {
              const change = (entry.data ?? {}) as { from?: string; to?: string; targetName?: string; organization?: string | null };
              const words = {
                actor: entry.actor?.displayName ?? "—",
                target: change.targetName ?? entry.targetId,
                from: roleName(change.from ?? ""),
                to: roleName(change.to ?? ""),
              };
              return (
                <li key={entry.id}>
                  <time dateTime={new Date(entry.createdAt).toISOString()}>{date(entry.createdAt)}</time>{" "}
                  {change.organization
                    ? t("admin.audit.roleChangeOrganization", { ...words, organization: change.organization })
                    : t("admin.audit.roleChange", words)}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

type UserRow = Route.ComponentProps["loaderData"]["list"]["users"][number];

/**
 * A user's role select. EMPLOYER needs the organisation's name: its field shows when EMPLOYER is
 * chosen (with JavaScript at once; without it, after the server asked for it), and for employers.
 */
function RoleForm({
  user,
  roleName,
  failed,
}: {
  user: UserRow;
  roleName: (role: string) => string;
  failed?: { role?: string; organization?: string; error?: string };
}) {
  const t = useT();
  const [role, setRole] = useState<string>(failed?.role ?? user.role);
  const asksOrganization = role === "EMPLOYER";
  const organizationError = failed?.error?.startsWith("account.error.organization") ? translateKey(t, failed.error) : undefined;
  return (
    <Form method="post" className="role-form">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={`role-${user.id}`} className="visually-hidden">
        {t("admin.users.changeRole", { name: user.displayName })}
      </label>
      <select id={`role-${user.id}`} name="role" value={role} onChange={(event) => setRole(event.target.value)}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {roleName(option)}
          </option>
        ))}
      </select>
      {asksOrganization ? (
        <>
          <label htmlFor={`organization-${user.id}`} className="visually-hidden">
            {t("admin.users.organizationFor", { name: user.displayName })}
          </label>
          <input
            id={`organization-${user.id}`}
            name="organization"
            defaultValue={failed?.organization ?? user.organization?.name ?? ""}
            placeholder={t("admin.users.organization")}
            maxLength={120}
            aria-invalid={organizationError ? true : undefined}
            aria-describedby={organizationError ? `organization-${user.id}-error` : undefined}
          />
        </>
      ) : null}
      {/* The accessible name starts with the visible word (WCAG 2.5.3), then says whose role. */}
      <button type="submit" className="small">
        {t("admin.users.save")}
        <span className="visually-hidden"> · {t("admin.users.changeRole", { name: user.displayName })}</span>
      </button>
      {organizationError ? (
        <p className="error" id={`organization-${user.id}-error`}>
          {organizationError}
        </p>
      ) : null}
    </Form>
  );
}
