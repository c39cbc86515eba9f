import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { DocumentTitle, FormAlert, FormField } from "../components/form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject, safeRedirect } from "../lib/forms.ts";

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.viewer) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.accounts.login(values, {
    ...context.client,
    previousToken: context.sessionToken,
  });
  if (!result.ok) {
    return data(
      { values: { account: values.account ?? "" }, fieldErrors: result.fieldErrors, formError: result.formError },
      { status: result.formError === "auth.rateLimited" ? 429 : 400 },
    );
  }
  return redirect(safeRedirect(values.redirectTo), {
    headers: { "Set-Cookie": context.sessionCookie.set(result.value.token) },
  });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <DocumentTitle title={t("login.title")} />
      <h1>{t("login.title")}</h1>
      <FormAlert message={translateKey(t, actionData?.formError)} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <FormField
          name="account"
          label={t("field.account")}
          error={translateKey(t, errors.account)}
          defaultValue={actionData?.values.account}
          autoComplete="username"
          inputMode="email"
          maxLength={254}
          required
        />
        <FormField
          name="password"
          type="password"
          label={t("field.password")}
          error={translateKey(t, errors.password)}
          autoComplete="current-password"
          maxLength={128}
          required
        />
        <button type="submit">{t("login.submit")}</button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to="/register">{t("login.registerLink")}</Link>
      </p>
    </section>
  );
}
