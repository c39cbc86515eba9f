// A challenge as workers' and admins' pages show it: its settings, its dates and where it stands
// today (phase, day number, pass mark), computed from the settings and the clock.
import { addChinaDays, challengeDayAt, phaseAt } from "./calendar.ts";
import { passMark } from "./scoring.ts";
import type { ChallengeSummary } from "./types.ts";

export interface ChallengeSettings {
  id: string;
  name: string;
  startDate: string;
  days: number;
  levelsPerDay: number;
  questionsPerLevel: number;
  secondsPerQuestion: number;
  passPercent: number;
}

/** @param tradeCount the trades the challenge covers */
export function summarizeChallenge(challenge: ChallengeSettings, now: Date, tradeCount: number): ChallengeSummary {
  return {
    id: challenge.id,
    name: challenge.name,
    startDate: challenge.startDate,
    endDate: addChinaDays(challenge.startDate, challenge.days - 1),
    days: challenge.days,
    levelsPerDay: challenge.levelsPerDay,
    questionsPerLevel: challenge.questionsPerLevel,
    secondsPerQuestion: challenge.secondsPerQuestion,
    passPercent: challenge.passPercent,
    passMark: passMark(challenge.questionsPerLevel, challenge.passPercent),
    phase: phaseAt(challenge, now),
    today: challengeDayAt(challenge, now),
    tradeCount,
  };
}
