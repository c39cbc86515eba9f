// What the live service hands to routes: plain data, no Prisma types.
import type { LiveStatus } from "./status.ts";

export interface TradeName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface LiveCard {
  id: string;
  title: string;
  status: LiveStatus;
  scheduledStart: Date;
  durationMinutes: number;
  startedAt: Date | null;
  endedAt: Date | null;
  replaySeconds: number | null;
  membersOnly: boolean;
  coverUrl: string | null;
  trade: TradeName;
  host: { id: string; displayName: string };
  /** Viewers now (live sessions; 0 otherwise). */
  viewers: number;
}

export interface LiveList {
  live: LiveCard[];
  upcoming: LiveCard[];
  replays: LiveCard[];
  /** The trade filter resolved (null: all trades or an unknown code). */
  trade: TradeName | null;
  /** Upcoming sessions in this list the viewer asked to be reminded of. */
  reminded: string[];
}

export interface LiveDetail extends LiveCard {
  description: string;
  host: { id: string; displayName: string; bio: string | null; trade: TradeName | null };
  /** Why the replay failed (a message key), for REPLAY_FAILED. */
  failure: string | null;
  /** The HLS URL to play now, or null (not started, cancelled, replay not ready, or locked). */
  playbackUrl: string | null;
  /** Members-only and the visitor is not signed in. */
  locked: boolean;
  reminders: number;
  viewer: { signedIn: boolean; reminded: boolean; isHost: boolean; canRemind: boolean };
}

export interface LiveTransitionView {
  from: LiveStatus | null;
  to: LiveStatus;
  event: string;
  at: Date;
}

/** The host's page: everything of the detail, the ingest settings and the history. */
export interface LiveHostView extends LiveDetail {
  provider: string;
  ingest: { serverUrl: string; streamKey: string };
  transitions: LiveTransitionView[];
  viewerPeak: number;
  /** The form's current values (datetime-local in China time). */
  form: { title: string; description: string; trade: string; startsAt: string; durationMinutes: number; membersOnly: boolean };
  may: { edit: boolean; editStart: boolean; cancel: boolean; end: boolean; rotateKey: boolean };
}

export interface StudioRow {
  id: string;
  title: string;
  status: LiveStatus;
  scheduledStart: Date;
  durationMinutes: number;
  trade: TradeName;
  host: { id: string; displayName: string };
  reminders: number;
}
