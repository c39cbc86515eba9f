// The locale of a request: the language cookie, then Accept-Language, then zh-CN.
import { parse } from "cookie";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./index.ts";

export function localeOf(request: Request): Locale {
  return localeFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));
}

/** The same rule for code that has raw headers (Express middleware, socket handshakes). */
export function localeFromHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const chosen = parse(cookieHeader ?? "")[LOCALE_COOKIE];
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(acceptLanguage ?? null);
}

export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
