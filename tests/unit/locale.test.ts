// Which language a visitor sees: the language cookie, then Accept-Language, then Chinese.
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALE_COOKIE } from "../../app/i18n/index.ts";
import { fromAcceptLanguage, localeCookie, localeOf } from "../../app/i18n/locale.server.ts";

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/", { headers });

describe("the locale from Accept-Language", () => {
  it.each([
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["zh-CN,zh;q=0.9", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["EN-gb", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5", "en"],
    ["en;q=0.3,zh-HK;q=0.8", "zh-CN"],
    ["zh;q=0.2, en;q=0.7", "en"],
    ["en;q=0, zh;q=0.1", "zh-CN"],
    ["fr, de", "zh-CN"],
    ["*", "zh-CN"],
    ["en;q=abc, zh;q=0.5", "zh-CN"],
    [";;,,", "zh-CN"],
  ])("%j gives %s", (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });

  it("defaults to Chinese", () => {
    expect(DEFAULT_LOCALE).toBe("zh-CN");
  });
});

describe("the locale of a request", () => {
  it("follows the language cookie over the browser's preference", () => {
    expect(localeOf(request({ cookie: `a=1; ${LOCALE_COOKIE}=en`, "accept-language": "zh-CN" }))).toBe("en");
    expect(localeOf(request({ cookie: `${LOCALE_COOKIE}=zh-CN`, "accept-language": "en-US" }))).toBe("zh-CN");
  });

  it("ignores a cookie naming a language the site does not have", () => {
    expect(localeOf(request({ cookie: `${LOCALE_COOKIE}=fr`, "accept-language": "en" }))).toBe("en");
    expect(localeOf(request({ cookie: `${LOCALE_COOKIE}=fr` }))).toBe("zh-CN");
  });

  it("uses Accept-Language without a cookie, and Chinese without either", () => {
    expect(localeOf(request({ "accept-language": "en-US,en;q=0.9" }))).toBe("en");
    expect(localeOf(request({}))).toBe("zh-CN");
  });

  it("is remembered for a year by the cookie the switcher sets", () => {
    const cookie = localeCookie("en");
    expect(cookie).toContain(`${LOCALE_COOKIE}=en`);
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=31536000");
    expect(localeOf(request({ cookie: cookie.split(";")[0]! }))).toBe("en");
  });
});
