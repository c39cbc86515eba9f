// Words and numbers shared by the course pages: durations, levels, formats, trade names.
import type { CourseFormat, CourseLevel, LessonKind, TradeRef } from "../../server/courses/types.ts";
import type { Locale, MessageKey, Translate } from "../i18n/index.ts";

/** "2小时15分" / "2 h 15 min"; short lessons in minutes or seconds. */
export function formatDuration(t: Translate, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return minutes > 0 ? t("courses.duration.hm", { h: hours, m: minutes }) : t("courses.duration.h", { h: hours });
  if (minutes > 0) return t("courses.duration.m", { m: minutes });
  return t("courses.duration.s", { s: seconds });
}

/** ISO 8601 duration for schema.org ("PT2H15M"). */
export function isoDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${rest || seconds === 0 ? `${rest}S` : ""}`;
}

export const levelLabel = (t: Translate, level: CourseLevel) => t(`courses.level.${level}` as MessageKey);
export const formatLabel = (t: Translate, format: CourseFormat) => t(`courses.format.${format}` as MessageKey);
export const kindLabel = (t: Translate, kind: LessonKind) => t(`courses.kind.${kind}` as MessageKey);

export const tradeName = (trade: Pick<TradeRef, "nameZh" | "nameEn">, locale: Locale) =>
  locale === "en" ? trade.nameEn : trade.nameZh;

export const formatDate = (locale: Locale, date: Date | string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(date));

export const courseHref = (slug: string) => `/courses/${encodeURIComponent(slug)}`;
export const lessonHref = (slug: string, lessonId: string) =>
  `/courses/${encodeURIComponent(slug)}/lessons/${encodeURIComponent(lessonId)}`;

/** The login page, coming back to `path` afterwards. */
export const loginHref = (path: string) => `/login?redirectTo=${encodeURIComponent(path)}`;
