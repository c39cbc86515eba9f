import { Form, redirect } from "react-router";
import type { Route } from "./+types/logout";
import { DocumentTitle } from "../components/form-field.tsx";
import { useT } from "../i18n/index.ts";

export async function action({ context }: Route.ActionArgs) {
  await context.services.accounts.logout(context.sessionToken);
  return redirect("/", { headers: { "Set-Cookie": context.sessionCookie.clear() } });
}

// A GET never signs out (a link or an image could trigger it); it asks instead.
export default function Logout() {
  const t = useT();
  return (
    <section className="narrow">
      <DocumentTitle title={t("logout.title")} />
      <h1>{t("logout.title")}</h1>
      <p>{t("logout.confirm")}</p>
      <Form method="post">
        <button type="submit">{t("logout.submit")}</button>
      </Form>
    </section>
  );
}
