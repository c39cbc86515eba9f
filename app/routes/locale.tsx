import { redirect } from "react-router";
import type { Route } from "./+types/locale";
import { isLocale } from "../i18n/index.ts";
import { localeCookie } from "../i18n/locale.server.ts";
import { formObject, safeRedirect } from "../lib/forms.ts";

export async function action({ request }: Route.ActionArgs) {
  const { locale, redirectTo } = await formObject(request);
  const target = safeRedirect(redirectTo);
  if (!isLocale(locale)) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": localeCookie(locale) } });
}

export function loader() {
  return redirect("/");
}
