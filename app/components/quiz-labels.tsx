// Small shared pieces of the workers' quiz pages (/quiz, a level being played, the leaderboards, the
// certificate, the badges on /me): their addresses, and how dates, answer times, option letters and
// level states read in the reader's language.
import type { LevelState } from "../../server/quiz/types.ts";
import type { Locale, MessageKey, Translate } from "../i18n/index.ts";

export const QUIZ_HREF = "/quiz";
export const playHref = (attemptId: string) => `/quiz/play/${encodeURIComponent(attemptId)}`;
export const certificateHref = (code: string) => `/quiz/certificates/${encodeURIComponent(code)}`;

/** A leaderboard's address; a null or absent trade is every trade, a null or absent day the whole challenge. */
export function boardHref(query: { challengeId?: string | null; trade?: string | null; day?: number | null }): string {
  const search = new URLSearchParams();
  if (query.challengeId) search.set("challenge", query.challengeId);
  if (query.trade) search.set("trade", query.trade);
  if (query.day) search.set("day", String(query.day));
  const text = search.toString();
  return `/quiz/leaderboard${text ? `?${text}` : ""}`;
}

/** "A", "B", … for option indexes. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);
/** "AC": the options of an answer, as letters. */
export const optionLetters = (indexes: readonly number[]) => indexes.map(optionLetter).join("");

/** An answer time: "12.3 秒" / "12.3 s" (tenths), minutes once it is long ("2 分 05.0 秒"). */
export function formatAnswerTime(t: Translate, ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  if (minutes === 0) return t("quizui.time.seconds", { seconds: seconds.toFixed(1) });
  return t("quizui.time.minutes", { minutes, seconds: seconds.toFixed(1).padStart(4, "0") });
}

/** A challenge date ("YYYY-MM-DD", a day in China) as the reader writes dates; the same on the server and in the browser. */
export function formatChinaDate(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as a time of day in China ("14:03:25"), the challenge's clock. */
export function formatChinaTime(locale: Locale, instant: Date | string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "medium", hour12: false, timeZone: "Asia/Shanghai" }).format(new Date(instant));
}

export const levelStateLabel = (t: Translate, state: LevelState) => t(`quizui.levelState.${state}` as MessageKey);

/** The level's name: "第 2 天 · 第 1 关". */
export const levelName = (t: Translate, day: number, level: number) => t("quizui.levelName", { day, level });
