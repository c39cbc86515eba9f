// Livestream classes: scheduling and managing sessions (hosts: craftsmen and admins), the /live
// lists and the session page, "remind me", and the events of the video provider.
//
// A session's status changes only through `transition`, which asks the pure status machine
// (status.ts) and stores the change, its time and its cause in one transaction with the search
// outbox row and the side effects (reminder notifications when it goes live). Two events racing
// each other (a publisher reconnecting as the grace period runs out) are serialised by a
// compare-and-set on the status: the loser re-reads and asks the machine again.
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { AppError, fieldErrorsOf, formFailed, formOk, notFound, type FormResult } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { NotificationService } from "../notifications/service.ts";
import type { ScheduledTask } from "../scheduler.ts";
import { enqueueSearchUpdates } from "../search/outbox.ts";
import { randomToken, type LiveEventDetails, type LiveHooks, type LiveProvider, type LiveRef } from "./provider.ts";
import { toChinaDateTimeInput, ZLiveListQuerySchema, ZLiveSessionFormSchema, ZLiveSessionId } from "./schema.ts";
import { FINAL, hostMay, nextStatus, ON_AIR, type LiveEvent, type LiveStatus } from "./status.ts";
import type { LiveCard, LiveDetail, LiveHostView, LiveList, StudioRow, TradeName } from "./types.ts";
import type { LocalIngest } from "./local.ts";
import type { ViewerCounter } from "./viewers.ts";

type Tx = DB.Prisma.TransactionClient;

export const liveDocId = (sessionId: string) => `live-${sessionId}`;
export const LIVE_LIST_LIMIT = 24;
/** A session may go live this long before its scheduled start (hosts test their setup). */
const EARLY_START_MS = 24 * 60 * 60 * 1000;
/** How far in the past a start time may be typed (a form submitted a minute late still passes). */
const START_SLACK_MS = 60 * 1000;
const CAS_ATTEMPTS = 5;
/** A session not on air this long after its expected end is a no-show (see cancelNoShows). */
const NO_SHOW_AFTER_MS = 60 * 60 * 1000;
const NO_SHOW_BATCH = 200;

export const coverUrlOf = (fileName: string | null) => (fileName ? `/media/covers/${fileName}` : null);

/** A new session id: cuid-like (lower-case, 25 characters), made here so the provider can carry it. */
const newSessionId = () => `l${randomToken(18).toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 24)}`;

export interface LiveServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  provider: LiveProvider;
  notifications: NotificationService;
  viewers: ViewerCounter;
  logger: Logger;
  /** The local RTMP ingest when this process runs one (server/main.ts starts and stops it). */
  ingest?: LocalIngest | null;
}

const cardSelect = {
  id: true,
  title: true,
  status: true,
  scheduledStart: true,
  durationMinutes: true,
  startedAt: true,
  endedAt: true,
  replaySeconds: true,
  membersOnly: true,
  coverImage: true,
  trade: { select: { code: true, nameZh: true, nameEn: true } },
  host: { select: { id: true, displayName: true } },
} as const satisfies DB.Prisma.LiveSessionSelect;

const refSelect = {
  id: true,
  provider: true,
  streamKey: true,
  publicName: true,
  membersOnly: true,
  muxLiveStreamId: true,
  livePlaybackId: true,
  replayPlaybackId: true,
  status: true,
} as const satisfies DB.Prisma.LiveSessionSelect;

type CardRow = DB.Prisma.LiveSessionGetPayload<{ select: typeof cardSelect }>;

/** What the session page (and the host's page) reads of a session. */
const detailSelect = {
  ...cardSelect,
  ...refSelect,
  hostId: true,
  description: true,
  failure: true,
  host: { select: { id: true, displayName: true, bio: true, trade: { select: { code: true, nameZh: true, nameEn: true } } } },
  _count: { select: { reminders: true } },
} as const satisfies DB.Prisma.LiveSessionSelect;

type DetailRow = DB.Prisma.LiveSessionGetPayload<{ select: typeof detailSelect }>;

export function createLiveService(deps: LiveServiceDeps) {
  const { prisma, clock, provider, notifications, viewers, logger } = deps;

  function toCard({ coverImage, ...row }: CardRow, watching: ReadonlyMap<string, number>): LiveCard {
    return { ...row, coverUrl: coverUrlOf(coverImage), viewers: ON_AIR.has(row.status) ? (watching.get(row.id) ?? 0) : 0 };
  }

  /** The viewers of the sessions on air among `rows`; a count that cannot be read shows as 0. */
  async function watchingOf(rows: readonly Pick<CardRow, "id" | "status">[]): Promise<Map<string, number>> {
    const onAir = rows.filter((row) => ON_AIR.has(row.status)).map((row) => row.id);
    if (onAir.length === 0) return new Map();
    return viewers.counts(onAir).catch((error: Error) => {
      logger.warn({ err: error.message }, "live viewer counts unavailable");
      return new Map();
    });
  }

  const isHostOf = (viewer: Viewer | null, session: { hostId: string }) => viewer !== null && (viewer.role === "ADMIN" || viewer.id === session.hostId);

  /** The session if `viewer` hosts it (or is an admin); others get 404, as if it did not exist. */
  async function requireHosted(viewer: Viewer | null, sessionId: string) {
    const host = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    if (!ZLiveSessionId.safeParse(sessionId).success) throw notFound();
    const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { ...refSelect, hostId: true, scheduledStart: true } });
    if (!session || !isHostOf(host, session)) throw notFound();
    return session;
  }

  // ── the status machine, applied ─────────────────────────────────────────────────────────────

  /**
   * Applies `event` to the session: stores the new status and the transition with its time, and
   * what goes with it. Returns the status after the event and whether it changed.
   */
  async function transition(sessionId: string, event: LiveEvent, details: LiveEventDetails = {}): Promise<{ changed: boolean; status: LiveStatus; from: LiveStatus } | null> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const current = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { status: true } });
      if (!current) return null;
      const step = nextStatus(current.status, event);
      if (!step.changed) return { changed: false, status: current.status, from: current.status };
      const applied = await prisma.$transaction(async (tx) => {
        const now = clock.now();
        const updated = await tx.liveSession.updateMany({
          where: { id: sessionId, status: step.from },
          data: { status: step.to, ...fieldsFor(sessionId, step.from, step.to, details, now) },
        });
        if (updated.count === 0) return false;
        await tx.liveTransition.create({ data: { sessionId, from: step.from, to: step.to, event, at: now } });
        await enqueueSearchUpdates(tx, [liveDocId(sessionId)]);
        if (step.from === "SCHEDULED" && step.to === "LIVE") await notifyReminders(tx, sessionId);
        return true;
      });
      if (applied) {
        logger.info({ sessionId, from: step.from, to: step.to, event }, "live session status");
        return { changed: true, status: step.to, from: step.from };
      }
    }
    throw new Error(`live session ${sessionId}: status kept changing under event ${event}`);
  }

  function fieldsFor(sessionId: string, from: LiveStatus, to: LiveStatus, details: LiveEventDetails, now: Date): DB.Prisma.LiveSessionUpdateManyMutationInput {
    const fields: DB.Prisma.LiveSessionUpdateManyMutationInput = {};
    if (from === "SCHEDULED" && to === "LIVE") fields.startedAt = now;
    if (ON_AIR.has(from) && !ON_AIR.has(to)) {
      fields.endedAt = now;
      fields.viewerPeak = viewers.peak(sessionId) ?? undefined;
    }
    if (to === "REPLAY_READY") {
      if (details.replaySeconds !== undefined) fields.replaySeconds = Math.round(details.replaySeconds);
      if (details.muxAssetId) fields.muxAssetId = details.muxAssetId;
      if (details.replayPlaybackId) fields.replayPlaybackId = details.replayPlaybackId;
    }
    if (to === "REPLAY_FAILED") fields.failure = details.failure ?? "live.failure.unknown";
    return fields;
  }

  async function notifyReminders(tx: Tx, sessionId: string) {
    const session = await tx.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { title: true, host: { select: { displayName: true } } } });
    const reminders = await tx.liveReminder.findMany({ where: { sessionId }, select: { userId: true } });
    await notifications.notify(
      reminders.map(({ userId }) => ({
        userId,
        kind: "live.started" as const,
        data: { title: session.title, host: session.host.displayName },
        link: `/live/${sessionId}`,
        dedupeKey: `live.started:${sessionId}`,
      })),
      tx,
    );
  }

  /** Provider events (LiveHooks.event): the status machine decides; after-effects follow the commit. */
  async function providerEvent(sessionId: string, event: LiveEvent, details: LiveEventDetails = {}): Promise<void> {
    const result = await transition(sessionId, event, details);
    if (!result?.changed) return;
    if (result.status === "LIVE") viewers.onAir(sessionId);
    // Off air without the host pressing "end": the reconnect window ran out (the stream must not
    // start a second broadcast on the same key), or the recording died (nothing more can be
    // recorded). Either way the provider lets the publisher go for good.
    if (ON_AIR.has(result.from) && !ON_AIR.has(result.status)) await stopQuietly(sessionId);
    if (FINAL.has(result.status)) viewers.forget(sessionId);
  }

  async function stopQuietly(sessionId: string) {
    const ref = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: refSelect });
    if (ref) await provider.stop(ref).catch((error: Error) => logger.warn({ sessionId, err: error.message }, "could not stop the live stream"));
  }

  const hooks: LiveHooks = {
    async authorizePublish(streamKey) {
      if (typeof streamKey !== "string" || streamKey.length < 8 || streamKey.length > 128) return null;
      const session = await prisma.liveSession.findUnique({
        where: { streamKey },
        select: { id: true, publicName: true, status: true, scheduledStart: true, provider: true },
      });
      if (!session || session.provider !== "local") return null;
      if (!(session.status === "SCHEDULED" || ON_AIR.has(session.status))) return null;
      if (session.status === "SCHEDULED" && session.scheduledStart.getTime() - clock.now().getTime() > EARLY_START_MS) return null;
      return { sessionId: session.id, publicName: session.publicName };
    },
    event: providerEvent,
  };

  // ── hosts ───────────────────────────────────────────────────────────────────────────────────

  async function tradeByCode(code: string) {
    return prisma.trade.findUnique({ where: { code }, select: { id: true } });
  }

  async function schedule(viewer: Viewer | null, input: unknown): Promise<FormResult<{ id: string }>> {
    const host = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const parsed = ZLiveSessionFormSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const form = parsed.data;
    const trade = await tradeByCode(form.trade);
    if (!trade) return formFailed({ trade: "live.error.tradeUnknown" });
    if (form.startsAt.getTime() < clock.now().getTime() - START_SLACK_MS) return formFailed({ startsAt: "live.error.startInPast" });

    const id = newSessionId();
    const stream = await provider.create({ sessionId: id, membersOnly: form.membersOnly });
    try {
      await prisma.$transaction(async (tx) => {
        const now = clock.now();
        await tx.liveSession.create({
          data: {
            id,
            title: form.title,
            description: form.description,
            tradeId: trade.id,
            hostId: host.id,
            scheduledStart: form.startsAt,
            durationMinutes: form.durationMinutes,
            membersOnly: form.membersOnly,
            provider: provider.kind,
            streamKey: stream.streamKey,
            publicName: randomToken(12),
            muxLiveStreamId: stream.muxLiveStreamId,
            livePlaybackId: stream.livePlaybackId,
            createdAt: now,
          },
        });
        await tx.liveTransition.create({ data: { sessionId: id, from: null, to: "SCHEDULED", event: "scheduled", at: now } });
        await enqueueSearchUpdates(tx, [liveDocId(id)]);
      });
    } catch (error) {
      // The provider's stream would be orphaned: give it back before reporting the failure.
      await provider
        .remove({ id, provider: provider.kind, streamKey: stream.streamKey, publicName: "", membersOnly: form.membersOnly, muxLiveStreamId: stream.muxLiveStreamId, livePlaybackId: null, replayPlaybackId: null })
        .catch((removeError: Error) => logger.warn({ sessionId: id, err: removeError.message }, "could not remove an orphaned live stream"));
      throw error;
    }
    return formOk({ id });
  }

  /** Title, description, trade and members-only while the session is not over; the start only before it starts. */
  async function update(viewer: Viewer | null, sessionId: string, input: unknown): Promise<FormResult<{ id: string }>> {
    const session = await requireHosted(viewer, sessionId);
    if (!(session.status === "SCHEDULED" || ON_AIR.has(session.status))) throw new AppError("conflict", "live.error.notEditable");
    const parsed = ZLiveSessionFormSchema.safeParse(input ?? {});
    if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
    const form = parsed.data;
    const trade = await tradeByCode(form.trade);
    if (!trade) return formFailed({ trade: "live.error.tradeUnknown" });
    const startChanged = form.startsAt.getTime() !== session.scheduledStart.getTime();
    if (startChanged && session.status !== "SCHEDULED") return formFailed({ startsAt: "live.error.startLocked" });
    if (startChanged && form.startsAt.getTime() < clock.now().getTime() - START_SLACK_MS) return formFailed({ startsAt: "live.error.startInPast" });
    if (form.membersOnly !== session.membersOnly && session.provider === "mux") {
      // Mux fixes a stream's playback policy at creation.
      return formFailed({ membersOnly: "live.error.membersOnlyLocked" });
    }
    await prisma.$transaction(async (tx) => {
      await tx.liveSession.update({
        where: { id: sessionId },
        data: {
          title: form.title,
          description: form.description,
          tradeId: trade.id,
          scheduledStart: form.startsAt,
          durationMinutes: form.durationMinutes,
          membersOnly: form.membersOnly,
        },
      });
      await enqueueSearchUpdates(tx, [liveDocId(sessionId)]);
    });
    return formOk({ id: sessionId });
  }

  /** Stores a new cover (already saved under covers/ by the upload route); returns the old one to delete. */
  async function setCover(viewer: Viewer | null, sessionId: string, fileName: string) {
    await requireHosted(viewer, sessionId);
    return prisma.$transaction(async (tx) => {
      const { coverImage } = await tx.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { coverImage: true } });
      await tx.liveSession.update({ where: { id: sessionId }, data: { coverImage: fileName } });
      await enqueueSearchUpdates(tx, [liveDocId(sessionId)]);
      return { previous: coverImage };
    });
  }

  async function hostAction(viewer: Viewer | null, sessionId: string, event: "endRequested" | "cancelRequested") {
    const session = await requireHosted(viewer, sessionId);
    if (!hostMay(session.status, event)) throw new AppError("conflict", event === "endRequested" ? "live.error.cannotEnd" : "live.error.cannotCancel");
    const result = await transition(sessionId, event);
    if (!result?.changed) throw new AppError("conflict", "live.error.statusChanged");
    if (result.status === "CANCELLED") {
      viewers.forget(sessionId);
      await provider.remove(session).catch((error: Error) => logger.warn({ sessionId, err: error.message }, "could not remove a cancelled live stream"));
    } else {
      await provider.stop(session).catch((error: Error) => logger.warn({ sessionId, err: error.message }, "could not stop the live stream"));
    }
    return { status: result.status };
  }

  /** The host ends the broadcast: the replay is made from what was recorded. */
  const end = (viewer: Viewer | null, sessionId: string) => hostAction(viewer, sessionId, "endRequested");
  /** The host calls the session off before it starts. */
  const cancel = (viewer: Viewer | null, sessionId: string) => hostAction(viewer, sessionId, "cancelRequested");

  /** A new stream key. Only before the session goes on air: a key in use would cut the broadcast. */
  async function rotateKey(viewer: Viewer | null, sessionId: string): Promise<{ streamKey: string }> {
    const session = await requireHosted(viewer, sessionId);
    if (session.status !== "SCHEDULED") throw new AppError("conflict", "live.error.rotateNotScheduled");
    const { streamKey } = await provider.rotateKey(session);
    const updated = await prisma.liveSession.updateMany({ where: { id: sessionId, status: "SCHEDULED" }, data: { streamKey } });
    if (updated.count === 0) throw new AppError("conflict", "live.error.statusChanged");
    return { streamKey };
  }

  /** /live/studio: the sessions the viewer hosts (admins: everyone's), newest start first. */
  async function studio(viewer: Viewer | null): Promise<StudioRow[]> {
    const host = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    const rows = await prisma.liveSession.findMany({
      where: host.role === "ADMIN" ? {} : { hostId: host.id },
      orderBy: [{ scheduledStart: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        status: true,
        scheduledStart: true,
        durationMinutes: true,
        trade: { select: { code: true, nameZh: true, nameEn: true } },
        host: { select: { id: true, displayName: true } },
        _count: { select: { reminders: true } },
      },
    });
    return rows.map(({ _count, ...row }) => ({ ...row, reminders: _count.reminders }));
  }

  async function hostView(viewer: Viewer | null, sessionId: string, origin: string): Promise<LiveHostView> {
    const host = requireRole(viewer, "CRAFTSMAN", "ADMIN");
    if (!ZLiveSessionId.safeParse(sessionId).success) throw notFound();
    // One read for the page: what the session page shows, and the host's own fields.
    const session = await prisma.liveSession.findUnique({
      where: { id: sessionId },
      select: {
        ...detailSelect,
        viewerPeak: true,
        transitions: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { from: true, to: true, event: true, at: true } },
      },
    });
    if (!session || !isHostOf(host, session)) throw notFound();
    const { viewerPeak, transitions, ...row } = session;
    const view = await detailOf(viewer, row);
    const onAirOrScheduled = session.status === "SCHEDULED" || ON_AIR.has(session.status);
    return {
      ...view,
      provider: session.provider,
      ingest: { serverUrl: provider.ingestUrl(origin), streamKey: session.streamKey },
      transitions,
      viewerPeak: Math.max(viewerPeak, viewers.peak(sessionId) ?? 0),
      form: {
        title: view.title,
        description: session.description,
        trade: session.trade.code,
        startsAt: toChinaDateTimeInput(view.scheduledStart),
        durationMinutes: view.durationMinutes,
        membersOnly: view.membersOnly,
      },
      may: {
        edit: onAirOrScheduled,
        editStart: session.status === "SCHEDULED",
        cancel: hostMay(session.status, "cancelRequested"),
        end: ON_AIR.has(session.status),
        rotateKey: session.status === "SCHEDULED",
      },
    };
  }

  // ── everyone ────────────────────────────────────────────────────────────────────────────────

  async function list(viewer: Viewer | null, query: unknown): Promise<LiveList> {
    const filters = ZLiveListQuerySchema.parse(query ?? {});
    const trade = filters.trade
      ? await prisma.trade.findUnique({ where: { code: filters.trade }, select: { id: true, code: true, nameZh: true, nameEn: true } })
      : null;
    const byTrade = trade ? { tradeId: trade.id } : {};
    const show = filters.show ?? "all";
    const want = (tab: "live" | "upcoming" | "replays") => show === "all" || show === tab;
    const limit = show === "all" ? LIVE_LIST_LIMIT : LIVE_LIST_LIMIT * 2;
    const [live, upcoming, replays] = await Promise.all([
      want("live")
        ? prisma.liveSession.findMany({ where: { ...byTrade, status: { in: ["LIVE", "RECONNECTING"] } }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: limit, select: cardSelect })
        : [],
      want("upcoming")
        ? prisma.liveSession.findMany({ where: { ...byTrade, status: "SCHEDULED" }, orderBy: [{ scheduledStart: "asc" }, { id: "asc" }], take: limit, select: cardSelect })
        : [],
      want("replays")
        ? prisma.liveSession.findMany({ where: { ...byTrade, status: "REPLAY_READY" }, orderBy: [{ scheduledStart: "desc" }, { id: "asc" }], take: limit, select: cardSelect })
        : [],
    ]);
    const watching = await watchingOf(live);
    const cards = (rows: CardRow[]) => rows.map((row) => toCard(row, watching));
    const reminded = viewer && upcoming.length
      ? (await prisma.liveReminder.findMany({ where: { userId: viewer.id, sessionId: { in: upcoming.map((row) => row.id) } }, select: { sessionId: true } })).map((r) => r.sessionId)
      : [];
    return {
      reminded,
      live: cards(live).sort((a, b) => b.viewers - a.viewers),
      upcoming: cards(upcoming),
      replays: cards(replays),
      trade: trade ? { code: trade.code, nameZh: trade.nameZh, nameEn: trade.nameEn } : null,
    };
  }

  async function detail(viewer: Viewer | null, sessionId: string): Promise<LiveDetail> {
    if (!ZLiveSessionId.safeParse(sessionId).success) throw notFound();
    const row = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: detailSelect });
    if (!row) throw notFound();
    return detailOf(viewer, row);
  }

  /** The session page's view of a row read with detailSelect. */
  async function detailOf(viewer: Viewer | null, row: DetailRow): Promise<LiveDetail> {
    const isHost = isHostOf(viewer, row);
    const locked = row.membersOnly && viewer === null;
    const reminded = viewer ? (await prisma.liveReminder.count({ where: { sessionId: row.id, userId: viewer.id } })) > 0 : false;
    const { description, failure, host, _count, hostId: _hostId, streamKey: _key, publicName: _name, muxLiveStreamId: _mux, livePlaybackId: _lp, replayPlaybackId: _rp, provider: _p, ...card } = row;
    return {
      ...toCard({ ...card, host }, await watchingOf([row])),
      description,
      host: { id: host.id, displayName: host.displayName, bio: host.bio, trade: host.trade as TradeName | null },
      failure,
      playbackUrl: locked ? null : provider.playbackUrl(row, { signedFor: row.membersOnly ? viewer?.id : undefined }),
      locked,
      reminders: _count.reminders,
      viewer: { signedIn: viewer !== null, reminded, isHost, canRemind: viewer !== null && row.status === "SCHEDULED" },
    };
  }

  /** "Remind me" on (or off) for a scheduled session. */
  async function remind(viewer: Viewer | null, sessionId: string, on: boolean): Promise<{ reminded: boolean }> {
    const user = requireRole(viewer, "WORKER", "CRAFTSMAN", "EMPLOYER", "ADMIN");
    if (!ZLiveSessionId.safeParse(sessionId).success) throw notFound();
    const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { status: true } });
    if (!session) throw notFound();
    if (!on) {
      await prisma.liveReminder.deleteMany({ where: { sessionId, userId: user.id } });
      return { reminded: false };
    }
    if (session.status !== "SCHEDULED") throw new AppError("conflict", "live.error.remindTooLate");
    await prisma.liveReminder.createMany({ data: [{ sessionId, userId: user.id, createdAt: clock.now() }], skipDuplicates: true });
    return { reminded: true };
  }

  /**
   * For the media route: whether `viewer` may fetch the HLS files named `publicName` (members-only
   * sessions need a signed-in viewer); null when no session serves them (unknown or cancelled).
   */
  async function canWatch(viewer: Viewer | null, publicName: string): Promise<{ allowed: boolean } | null> {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(publicName)) return null;
    const session = await prisma.liveSession.findUnique({ where: { publicName }, select: { status: true, membersOnly: true } });
    if (!session || session.status === "CANCELLED") return null;
    return { allowed: !session.membersOnly || viewer !== null };
  }

  /**
   * Sessions that never went on air are called off an hour after their expected end, so "upcoming"
   * never lists a class that is not coming. Stored as a cancel, like the host's; logged as no-show.
   */
  async function cancelNoShows(): Promise<number> {
    const now = clock.now().getTime();
    const candidates = await prisma.liveSession.findMany({
      where: { status: "SCHEDULED", scheduledStart: { lt: new Date(now - NO_SHOW_AFTER_MS) } },
      select: { ...refSelect, scheduledStart: true, durationMinutes: true },
      orderBy: { scheduledStart: "asc" },
      take: NO_SHOW_BATCH,
    });
    let cancelled = 0;
    for (const session of candidates) {
      if (session.scheduledStart.getTime() + session.durationMinutes * 60_000 + NO_SHOW_AFTER_MS > now) continue;
      const result = await transition(session.id, "cancelRequested");
      if (!result?.changed) continue;
      cancelled++;
      logger.info({ sessionId: session.id }, "live session cancelled: the host never went on air");
      await provider.remove(session).catch((error: Error) => logger.warn({ sessionId: session.id, err: error.message }, "could not remove a no-show's live stream"));
    }
    return cancelled;
  }
  const noShowTask: ScheduledTask = { name: "live.noShows", intervalMs: 5 * 60_000, run: cancelNoShows };

  /**
   * At start-up, with the local ingest: sessions an earlier process left on air have lost their
   * publisher (the connection went with the process). They wait `graceMs` for the host's encoder
   * to reconnect, like any dropped publisher, then end; sessions left finishing their recording
   * finish it now. Returns how many sessions it took up.
   */
  async function recoverLocal(graceMs: number): Promise<number> {
    const left = await prisma.liveSession.findMany({ where: { provider: "local", status: { in: ["LIVE", "RECONNECTING", "ENDED"] } }, select: refSelect });
    for (const session of left) {
      if (session.status === "ENDED") {
        await stopQuietly(session.id);
        continue;
      }
      await providerEvent(session.id, "disconnected");
      // Meaningless (ignored) if the publisher came back meanwhile; else the session ends.
      const timer = setTimeout(() => {
        providerEvent(session.id, "graceExpired").catch((error: Error) => logger.error({ sessionId: session.id, err: error.message }, "could not end a live session left on air"));
      }, graceMs);
      timer.unref();
    }
    if (left.length) logger.info({ sessions: left.length }, "live sessions of an earlier process taken up");
    return left.length;
  }

  /** Mux webhooks name a live stream (or its passthrough, our id); this finds the session. */
  async function sessionIdForMux(ref: { liveStreamId?: string | null; assetId?: string | null; passthrough?: string | null }): Promise<string | null> {
    const or: DB.Prisma.LiveSessionWhereInput[] = [];
    if (ref.liveStreamId) or.push({ muxLiveStreamId: ref.liveStreamId });
    if (ref.assetId) or.push({ muxAssetId: ref.assetId });
    if (ref.passthrough && ZLiveSessionId.safeParse(ref.passthrough).success) or.push({ id: ref.passthrough, provider: "mux" });
    if (or.length === 0) return null;
    const session = await prisma.liveSession.findFirst({ where: { provider: "mux", OR: or }, select: { id: true } });
    return session?.id ?? null;
  }

  return {
    provider: provider.kind,
    ingest: deps.ingest ?? null,
    hooks,
    viewers,
    schedule,
    update,
    setCover,
    end,
    cancel,
    rotateKey,
    studio,
    hostView,
    list,
    detail,
    remind,
    canWatch,
    sessionIdForMux,
    noShowTask,
    recoverLocal,
    /** For tests and the Mux webhook handler: apply a provider event directly. */
    applyEvent: providerEvent,
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
export type { LiveRef };
