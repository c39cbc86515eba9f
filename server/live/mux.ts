// The Mux live provider: each session is a Mux live stream (its own stream key, reconnect window
// and recording), created through the official client; `baseURL` points it at a loopback stub in
// tests. Mux reports what happens by signed webhooks (server/live/mux-events.ts), never this file.
//
// Members-only sessions get a "signed" playback policy when a signing key is configured, and their
// playback URLs carry a short-lived RS256 token (Mux's documented format) made here with
// node:crypto: LiveProvider.playbackUrl is synchronous and the library's signer is not. Without a
// signing key they stay public at Mux (logged); the session page itself still needs a login.
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import Mux from "@mux/mux-node";
import { AppError } from "../errors.ts";
import { createLogger, type Logger } from "../logger.ts";
import { createMuxClient, type MuxConfig } from "../video/mux.ts";
import { muxPlaybackUrl } from "../video/provider.ts";
import type { LiveProvider, LiveRef, LiveStreamCreated } from "./provider.ts";
import { ON_AIR, type LiveStatus } from "./status.ts";

export interface MuxLiveConfig extends MuxConfig {
  reconnectSeconds: number;
  /** Mux signing key: its id and private key (base64 of the PEM, as Mux hands it out, or the PEM). */
  signing?: { keyId: string; privateKey: string };
}

/** Where hosts point OBS; the stream key goes in its own field. */
export const MUX_INGEST_URL = "rtmps://global-live.mux.com:443/app";
/** How long a signed playback URL works; a viewer who keeps one page open longer reloads it. */
export const PLAYBACK_TOKEN_SECONDS = 6 * 60 * 60;

export interface MuxLiveProvider extends LiveProvider {
  readonly kind: "mux";
  /** Whether members-only sessions get signed playback (a signing key is configured). */
  readonly signsPlayback: boolean;
}

/** The private key from configuration: a PEM, or Mux's base64 of one. Fails at start-up, not at the first viewer. */
function readSigningKey(privateKey: string): KeyObject {
  const trimmed = privateKey.trim();
  const pem = trimmed.startsWith("-----BEGIN") ? trimmed : Buffer.from(trimmed, "base64").toString("utf8").trim();
  if (!pem.startsWith("-----BEGIN")) throw new Error("MUX_SIGNING_PRIVATE_KEY is neither a PEM private key nor the base64 of one");
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== "rsa") throw new Error("MUX_SIGNING_PRIVATE_KEY must be an RSA key (Mux signs with RS256)");
  return key;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * A playback token for `playbackId` as Mux documents it: RS256, audience "v" (video), the playback
 * id as subject, an expiry; the key id in the header and, as @mux/mux-node puts it, in the claims.
 */
export function signPlaybackToken(playbackId: string, signing: { keyId: string; key: KeyObject }, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = { alg: "RS256", typ: "JWT", kid: signing.keyId };
  const claims = { kid: signing.keyId, sub: playbackId, aud: "v", exp: nowSeconds + PLAYBACK_TOKEN_SECONDS };
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), signing.key).toString("base64url")}`;
}

const isNotFound = (error: unknown) => error instanceof Mux.NotFoundError || (error as { status?: number }).status === 404;

function muxStreamId(session: LiveRef): string {
  if (!session.muxLiveStreamId) throw new Error(`live session ${session.id} has no Mux live stream`);
  return session.muxLiveStreamId;
}

export function createMuxLiveProvider(config: MuxLiveConfig, logger: Logger = createLogger("silent")): MuxLiveProvider {
  const client = createMuxClient(config);
  const signing = config.signing ? { keyId: config.signing.keyId, key: readSigningKey(config.signing.privateKey) } : null;

  /** Mux being unreachable or refusing is not the host's fault: a clear 4xx instead of a 500. */
  async function callMux<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      logger.error({ err: (error as Error).message }, `mux live: could not ${what}`);
      throw new AppError("invalid", "live.error.providerUnavailable");
    }
  }

  return {
    kind: "mux",
    signsPlayback: signing !== null,

    async create({ sessionId, membersOnly }): Promise<LiveStreamCreated> {
      if (membersOnly && !signing) {
        logger.warn({ sessionId }, "mux live: members-only session without MUX_SIGNING_KEY_ID, its Mux playback is public");
      }
      const policy = membersOnly && signing ? "signed" : "public";
      const stream = await callMux("create a live stream", () =>
        client.video.liveStreams.create({
          playback_policies: [policy],
          new_asset_settings: { playback_policies: [policy], passthrough: sessionId },
          passthrough: sessionId,
          // Mux's default depends on the latency mode (0 s for reduced and low): always say it.
          reconnect_window: config.reconnectSeconds,
          latency_mode: "standard",
        }),
      );
      const livePlaybackId = stream.playback_ids?.[0]?.id;
      if (!stream.stream_key || !livePlaybackId) {
        // Unusable without a key or a playback id; give it back rather than leave it orphaned.
        await client.video.liveStreams.delete(stream.id).catch(() => {});
        logger.error({ sessionId, liveStreamId: stream.id }, "mux live: a live stream came back without a stream key or playback id");
        throw new AppError("invalid", "live.error.providerUnavailable");
      }
      return { streamKey: stream.stream_key, muxLiveStreamId: stream.id, livePlaybackId };
    },

    async rotateKey(session) {
      const stream = await callMux("reset a stream key", () => client.video.liveStreams.resetStreamKey(muxStreamId(session)));
      return { streamKey: stream.stream_key };
    },

    async stop(session) {
      const id = muxStreamId(session);
      // complete ends the broadcast now (ENDLIST for players, the recording finishes) instead of
      // after the reconnect window; disable then refuses the key, so an encoder that reconnects on
      // its own cannot start a second broadcast. Disabling also ends a recording, so a failed
      // complete (the stream was already idle) is only worth a warning.
      await client.video.liveStreams.complete(id).catch((error: Error) => logger.warn({ sessionId: session.id, err: error.message }, "mux live: complete failed"));
      await client.video.liveStreams.disable(id);
    },

    async remove(session) {
      if (!session.muxLiveStreamId) return;
      try {
        await client.video.liveStreams.delete(session.muxLiveStreamId);
      } catch (error) {
        // Already gone at Mux: what we wanted.
        if (!isNotFound(error)) throw error;
      }
    },

    ingestUrl: () => MUX_INGEST_URL,

    playbackUrl(session) {
      const status = session.status as LiveStatus;
      const playbackId = ON_AIR.has(status) ? session.livePlaybackId : status === "REPLAY_READY" ? session.replayPlaybackId : null;
      if (!playbackId) return null;
      const url = muxPlaybackUrl(playbackId);
      return session.membersOnly && signing ? `${url}?token=${signPlaybackToken(playbackId, signing)}` : url;
    },
  };
}
