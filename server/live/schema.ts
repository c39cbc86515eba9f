// What the session form and the /live filters may contain. Messages are keys of the message files
// (app/i18n/messages/live.*.ts). Checks that need the database or the clock (an unknown trade, a
// start in the past) are made by the service, with keys from the same files.
import { z } from "zod";
import { lenientEnum, optionalText, requiredText, tradeCodeParam, wholeNumber } from "../validation.ts";

export const LIVE_TITLE_MAX = 80;
export const LIVE_DESCRIPTION_MAX = 2000;
/** The longest class one session may be scheduled for (minutes). */
export const LIVE_DURATION_MAX = 8 * 60;

/**
 * "2026-12-03T19:30" from a datetime-local field, read in China time (UTC+8, no daylight saving):
 * the audience and the hosts are there, whatever the server's time zone.
 */
export const chinaDateTime = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : ""),
  z
    .string()
    .min(1, "live.error.startRequired")
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "live.error.startInvalid")
    .transform((value, ctx) => {
      const date = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
      const [ymd, hm] = value.split("T") as [string, string];
      const [year, month, day] = ymd.split("-").map(Number) as [number, number, number];
      const [hour, minute] = hm.split(":").map(Number) as [number, number];
      const china = new Date(date.getTime() + 8 * 60 * 60 * 1000);
      const same =
        !Number.isNaN(date.getTime()) &&
        china.getUTCFullYear() === year &&
        china.getUTCMonth() === month - 1 &&
        china.getUTCDate() === day &&
        china.getUTCHours() === hour &&
        china.getUTCMinutes() === minute;
      if (!same) {
        ctx.addIssue({ code: "custom", message: "live.error.startInvalid" });
        return z.NEVER;
      }
      return date;
    }),
);

/** The value a datetime-local field shows for `date`, in China time. */
export function toChinaDateTimeInput(date: Date): string {
  return new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 16);
}

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** Scheduling or editing a session. The cover is uploaded separately (like a course's). */
export const ZLiveSessionFormSchema = z.object({
  title: requiredText("live.error.titleRequired", LIVE_TITLE_MAX, "live.error.titleTooLong"),
  description: optionalText(LIVE_DESCRIPTION_MAX, "live.error.descriptionTooLong").transform((value) => value ?? ""),
  trade: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, "live.error.tradeRequired").max(40, "live.error.tradeUnknown")),
  startsAt: chinaDateTime,
  durationMinutes: wholeNumber("live.error.durationInvalid", 5, LIVE_DURATION_MAX),
  membersOnly: checkbox,
});
export type LiveSessionForm = z.infer<typeof ZLiveSessionFormSchema>;

export const LIVE_LIST_TABS = ["all", "live", "upcoming", "replays"] as const;

/** /live?trade=welder&show=upcoming: stale or bad values are dropped, never errors. */
export const ZLiveListQuerySchema = z.object({
  trade: tradeCodeParam,
  show: lenientEnum(LIVE_LIST_TABS),
});
export type LiveListQuery = z.infer<typeof ZLiveListQuerySchema>;

/** A session id from a URL or form (cuid). */
export const ZLiveSessionId = z.string().regex(/^[a-z0-9]{20,32}$/);
