// Translation: zh-CN first, English complete. Components call useT(); loaders use translator().
import { useRouteLoaderData } from "react-router";
import { en } from "./messages/en.ts";
import { zhCN, type MessageKey } from "./messages/zh-CN.ts";

export type { MessageKey } from "./messages/zh-CN.ts";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "jx_locale";

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const isMessageKey = (value: unknown): value is MessageKey => typeof value === "string" && value in zhCN;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, params) => {
    const message = messages[key] ?? zhCN[key] ?? key;
    return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : message;
  };
}

/** A service's message key (a string from the server) translated, or the generic form error. */
export function translateKey(t: Translate, key: string | undefined, params?: Params): string | undefined {
  if (key === undefined) return undefined;
  return t(isMessageKey(key) ? key : "form.invalid", params);
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}
