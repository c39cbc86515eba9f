// The challenge's calendar. Days are days in China (UTC+8, no daylight saving), wherever the server
// runs: day 1 is the start date, and day n begins at midnight Asia/Shanghai n − 1 days later.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant "YYYY-MM-DD" begins in China; null for an impossible date. */
export function startOfChinaDate(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const start = new Date(`${date}T00:00:00+08:00`);
  return Number.isNaN(start.getTime()) || chinaDateOf(start) !== date ? null : start;
}

/** "YYYY-MM-DD": the date in China at `instant`. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date in China `days` days after `date`. */
export function addChinaDays(date: string, days: number): string {
  return chinaDateOf(new Date(startOfChinaDate(date)!.getTime() + days * DAY_MS));
}

/**
 * The challenge day at `now`: 1 on the start date, `days` on the last; 0 before the start and
 * days + 1 after the end (both outside the challenge).
 */
export function challengeDayAt(challenge: { startDate: string; days: number }, now: Date): number {
  const start = startOfChinaDate(challenge.startDate);
  if (!start) return 0;
  const day = Math.floor((now.getTime() - start.getTime()) / DAY_MS) + 1;
  return Math.max(0, Math.min(challenge.days + 1, day));
}

/** When challenge day `day` begins. */
export function dayStartsAt(challenge: { startDate: string }, day: number): Date {
  return new Date(startOfChinaDate(challenge.startDate)!.getTime() + (day - 1) * DAY_MS);
}

export type ChallengePhase = "upcoming" | "running" | "ended";

export function phaseAt(challenge: { startDate: string; days: number }, now: Date): ChallengePhase {
  const day = challengeDayAt(challenge, now);
  return day === 0 ? "upcoming" : day > challenge.days ? "ended" : "running";
}
