import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/register";
import { DocumentTitle, FormAlert, FormField } from "../components/form-field.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject, safeRedirect } from "../lib/forms.ts";

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.viewer) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.accounts.register(values, context.client);
  if (!result.ok) {
    const { password: _password, ...kept } = values;
    return data({ values: kept, fieldErrors: result.fieldErrors, formError: result.formError }, { status: 400 });
  }
  return redirect(safeRedirect(values.redirectTo, "/me"), {
    headers: { "Set-Cookie": context.sessionCookie.set(result.value.token) },
  });
}

export default function Register({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const hasErrors = actionData !== undefined;
  return (
    <section className="narrow">
      <DocumentTitle title={t("register.title")} />
      <h1>{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      <FormAlert message={translateKey(t, actionData?.formError) ?? (hasErrors ? t("form.errorSummary") : undefined)} />
      <Form method="post" noValidate className="stack">
        <FormField
          name="account"
          label={t("field.account")}
          hint={t("field.account.hint")}
          error={translateKey(t, errors.account)}
          defaultValue={values.account}
          autoComplete="username"
          inputMode="email"
          maxLength={254}
          required
        />
        <FormField
          name="displayName"
          label={t("field.displayName")}
          hint={t("field.displayName.hint")}
          error={translateKey(t, errors.displayName)}
          defaultValue={values.displayName}
          autoComplete="nickname"
          maxLength={40}
          required
        />
        <FormField
          name="password"
          type="password"
          label={t("field.password")}
          hint={t("field.password.hint")}
          error={translateKey(t, errors.password)}
          autoComplete="new-password"
          minLength={8}
          maxLength={128}
          required
        />
        <button type="submit">{t("register.submit")}</button>
      </Form>
      <p>
        {t("register.haveAccount")} <Link to="/login">{t("register.loginLink")}</Link>
      </p>
    </section>
  );
}
