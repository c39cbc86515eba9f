// Mux's webhooks about live sessions, turned into events of the live status machine. The route
// (server/http/webhooks.ts) verifies the signature once and sends live stream events, and asset
// events of recordings (they name a live_stream_id), here; everything else goes to the videos.
//
// Mux does not promise delivery order and may deliver twice. Duplicates are caught by the shared
// event log (each id at most once); for order, the status machine ignores events that mean nothing
// in the current status, and the mapping below leans on what an event implies rather than on the
// event before it having arrived.
import type { UnwrapWebhookEvent } from "@mux/mux-node/resources/webhooks/webhooks";
import { z } from "zod";
import type { Logger } from "../logger.ts";
import type { RunOnce } from "../video/webhook-events.ts";
import type { LiveEventDetails } from "./provider.ts";
import type { LiveService } from "./service.ts";
import type { LiveEvent } from "./status.ts";

export type LiveMuxOutcome = "applied" | "ignored" | "unmatched" | "replayed";

/** What we read of a live stream event's data (the stream; passthrough is our session id). */
const ZLiveStreamData = z.object({
  id: z.string().min(1),
  passthrough: z.string().optional().catch(undefined),
});

/** What we read of an asset event's data when the asset is a live stream's recording. */
const ZRecordingData = z.object({
  id: z.string().min(1),
  live_stream_id: z.string().min(1),
  passthrough: z.string().optional().catch(undefined),
  /** True while the stream is still broadcasting into this asset. */
  is_live: z.boolean().optional().catch(undefined),
  duration: z.number().nonnegative().optional().catch(undefined),
  playback_ids: z.array(z.object({ id: z.string().min(1) })).optional().catch(undefined),
});

interface Mapped {
  ref: { liveStreamId: string; assetId?: string; passthrough?: string };
  /** Applied in order; each goes through the status machine. */
  events: LiveEvent[];
  details?: LiveEventDetails;
}

const hasLiveStreamId = (data: unknown) => typeof (data as { live_stream_id?: unknown } | null)?.live_stream_id === "string";

/** Whether a verified event belongs to the live side: live stream events, and recordings' asset events. */
export function isLiveMuxEvent(event: Pick<UnwrapWebhookEvent, "type" | "data">): boolean {
  if (event.type.startsWith("video.live_stream.")) return true;
  return event.type.startsWith("video.asset.") && hasLiveStreamId(event.data);
}

/** The status machine events a Mux event means, or null for events the live side does not use. */
export function liveEventsOf(event: Pick<UnwrapWebhookEvent, "type" | "data">): Mapped | null {
  if (event.type.startsWith("video.live_stream.")) {
    const events: Record<string, LiveEvent[]> = {
      // Playable (Mux has enough segments); "connected" and "recording" come earlier and mean less.
      "video.live_stream.active": ["connected"],
      "video.live_stream.disconnected": ["disconnected"],
      // The reconnect window passed with no encoder. It implies the disconnect, which Mux may
      // deliver later or lose: without it an idle stream would leave the session LIVE for ever.
      "video.live_stream.idle": ["disconnected", "graceExpired"],
    };
    const mapped = events[event.type];
    const data = ZLiveStreamData.safeParse(event.data);
    if (!mapped || !data.success) return null;
    return { ref: { liveStreamId: data.data.id, passthrough: data.data.passthrough }, events: mapped };
  }
  const data = ZRecordingData.safeParse(event.data);
  if (!data.success) return null;
  const ref = { liveStreamId: data.data.live_stream_id, assetId: data.data.id, passthrough: data.data.passthrough };
  const replay: LiveEventDetails = { muxAssetId: data.data.id, replayPlaybackId: data.data.playback_ids?.[0]?.id, replaySeconds: data.data.duration };
  switch (event.type) {
    case "video.asset.ready":
      // A recording is "ready" (playable, DVR-style) soon after the broadcast starts; only a
      // finished one is the replay. live_stream_completed covers the usual order.
      return data.data.is_live === true ? null : { ref, events: ["replayReady"], details: replay };
    case "video.asset.live_stream_completed":
      return { ref, events: ["replayReady"], details: replay };
    case "video.asset.errored":
      return { ref, events: ["replayFailed"], details: { failure: "live.failure.providerFailed" } };
    default:
      return null;
  }
}

export interface LiveMuxDeps {
  live: Pick<LiveService, "sessionIdForMux" | "applyEvent">;
  /** The shared "at most once" (services.videos.runMuxEventOnce). */
  runOnce: RunOnce;
  logger: Logger;
}

/**
 * Applies one verified live event. Unknown streams are answered 200 ("unmatched", logged) so that
 * Mux stops redelivering them; a failure of ours throws, gives the event id back and makes the
 * route answer 500, so that Mux delivers it again.
 */
export async function applyLiveMuxEvent(event: UnwrapWebhookEvent, deps: LiveMuxDeps): Promise<{ eventId: string; type: string; outcome: LiveMuxOutcome; sessionId?: string }> {
  let sessionId: string | undefined;
  const outcome = await deps.runOnce(event.id, async (): Promise<LiveMuxOutcome> => {
    const mapped = liveEventsOf(event);
    if (!mapped) return "ignored";
    sessionId = (await deps.live.sessionIdForMux(mapped.ref)) ?? undefined;
    if (!sessionId) return "unmatched";
    for (const liveEvent of mapped.events) await deps.live.applyEvent(sessionId, liveEvent, mapped.details);
    return "applied";
  });
  const log = { eventId: event.id, type: event.type, outcome, sessionId };
  if (outcome === "unmatched") deps.logger.warn(log, "mux live webhook for no known session");
  else deps.logger.info(log, "mux live webhook");
  return { eventId: event.id, type: event.type, outcome, ...(sessionId ? { sessionId } : {}) };
}
