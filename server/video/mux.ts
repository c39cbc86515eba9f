// The Mux provider: direct uploads (the browser PUTs the file to Mux) and signed webhooks that
// report the asset's progress. Uses the official client; `baseURL` points it elsewhere in tests.
import Mux from "@mux/mux-node";
import type { UnwrapWebhookEvent } from "@mux/mux-node/resources/webhooks/webhooks";
import { muxPlaybackUrl, type VideoProvider } from "./provider.ts";

export interface MuxConfig {
  tokenId: string;
  tokenSecret: string;
  webhookSecret: string;
  /** Tests only: a loopback stub of Mux's API. */
  baseURL?: string;
}

/** Mux's own tolerance for old signatures; we apply the same to timestamps in the future. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export class WebhookRejected extends Error {
  override readonly name = "WebhookRejected";
}

export interface MuxProvider extends VideoProvider {
  readonly kind: "mux";
  /** Verifies `mux-signature` over the raw body and the timestamp window; returns the event. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<UnwrapWebhookEvent>;
}

function signatureTimestamp(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /(?:^|,)t=(\d+)(?:,|$)/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/** The official client as both Mux providers (videos, live streams) use it. */
export function createMuxClient(config: MuxConfig): Mux {
  return new Mux({
    tokenId: config.tokenId,
    tokenSecret: config.tokenSecret,
    webhookSecret: config.webhookSecret,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: 1,
    timeout: 20_000,
  });
}

export function createMuxProvider(config: MuxConfig): MuxProvider {
  const client = createMuxClient(config);

  return {
    kind: "mux",
    playbackUrl: (video) => (video.playbackId ? muxPlaybackUrl(video.playbackId) : null),
    async createDirectUpload({ videoId, corsOrigin }) {
      const upload = await client.video.uploads.create({
        cors_origin: corsOrigin,
        new_asset_settings: { playback_policies: ["public"], passthrough: videoId },
      });
      if (!upload.url) throw new Error("Mux returned a direct upload without a URL");
      return { uploadId: upload.id, url: upload.url };
    },
    async remove(video) {
      if (video.muxAssetId) await client.video.assets.delete(video.muxAssetId);
    },
    async verifyWebhook(rawBody, headers) {
      const headerList: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) headerList[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      try {
        // The library checks the HMAC and rejects timestamps older than five minutes…
        await client.webhooks.verifySignature(rawBody, headerList);
      } catch (error) {
        throw new WebhookRejected((error as Error).message);
      }
      // …but accepts any timestamp in the future, which would let a captured request be replayed later.
      const timestamp = signatureTimestamp(headers["mux-signature"]);
      if (timestamp === null || timestamp - Math.floor(Date.now() / 1000) > WEBHOOK_TOLERANCE_SECONDS) {
        throw new WebhookRejected("Webhook timestamp is in the future");
      }
      let event: UnwrapWebhookEvent;
      try {
        event = JSON.parse(rawBody) as UnwrapWebhookEvent;
      } catch {
        throw new WebhookRejected("Webhook body is not JSON");
      }
      if (typeof event?.id !== "string" || typeof event.type !== "string") throw new WebhookRejected("Webhook without id or type");
      return event;
    },
  };
}
