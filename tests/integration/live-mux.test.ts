// The Mux live provider with the real @mux/mux-node client pointed (baseURL) at a loopback stub of
// Mux's API, and the real /webhooks/mux route of the Express app fed live stream and recording
// events signed like Mux signs them: scheduling, key rotation, the whole broadcast through the
// status machine, signed playback for members-only sessions, and the webhook's refusals. What
// the stub cannot prove (Mux's real answers, its event order and retries) is in docs/decisions/012.
import { generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Mux from "@mux/mux-node";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import { createServices, type Services } from "../../server/context.ts";
import { applyLiveMuxEvent } from "../../server/live/mux-events.ts";
import { createMuxLiveProvider, MUX_INGEST_URL, PLAYBACK_TOKEN_SECONDS } from "../../server/live/mux.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { DEFAULT_VIDEO_CONFIG } from "../../server/video/service.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { startMediaApp } from "../support/media.ts";
import { muxSignature, nowSeconds, postMuxWebhook, startMuxStub } from "../support/mux-stub.ts";
import { TEST_AUTH_RATE_LIMIT, TEST_SESSION_TTL_MS } from "../support/services.ts";

const WEBHOOK_SECRET = "whsec-live-test-0123456789";
const TOKEN_ID = "token-id-live-test";
const TOKEN_SECRET = "token-secret-live-test";
const RECONNECT_SECONDS = 90;
const HOUR = 60 * 60 * 1000;

// A fresh signing key, given to the app as Mux hands it out: the base64 of a PKCS#1 PEM.
const signingKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const SIGNING = {
  keyId: "signing-key-live-test",
  privateKey: Buffer.from(signingKeys.privateKey.export({ type: "pkcs1", format: "pem" }) as string).toString("base64"),
};

interface StubStream {
  id: string;
  stream_key: string;
  playback_ids: { id: string; policy: string }[];
}

/** api.mux.com's live streams: keeps the streams it made; create, reset key, complete, disable, delete. */
function startLiveStreamStub() {
  const streams = new Map<string, StubStream>();
  let created = 0;
  let nextStreamKey: string | null = null;
  const newKey = () => `sk-${randomBytes(12).toString("hex")}`;
  const stub = startMuxStub(({ method, url, body }, answer) => {
    if (method === "POST" && url === "/video/v1/live-streams") {
      const n = ++created;
      const input = body as { playback_policies?: string[]; passthrough?: string; reconnect_window?: number; latency_mode?: string; new_asset_settings?: unknown };
      const stream: StubStream = {
        id: `ls-${n}-${randomBytes(4).toString("hex")}`,
        stream_key: nextStreamKey ?? newKey(),
        playback_ids: [{ id: `pb-live-${n}`, policy: input.playback_policies?.[0] ?? "public" }],
      };
      nextStreamKey = null;
      streams.set(stream.id, stream);
      return answer(201, {
        data: {
          ...stream,
          status: "idle",
          passthrough: input.passthrough,
          reconnect_window: input.reconnect_window,
          latency_mode: input.latency_mode,
          new_asset_settings: input.new_asset_settings,
          created_at: String(Math.floor(Date.now() / 1000)),
        },
      });
    }
    const match = /^\/video\/v1\/live-streams\/([^/]+)(?:\/([a-z-]+))?$/.exec(url);
    const stream = match ? streams.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !stream) return answer(404, { error: { type: "not_found", messages: ["no such stub route or live stream"] } });
    const action = match[2];
    if (method === "POST" && action === "reset-stream-key") {
      stream.stream_key = newKey();
      return answer(201, { data: { ...stream, status: "idle" } });
    }
    if (method === "PUT" && (action === "complete" || action === "disable")) return answer(200, { data: {} });
    if (method === "DELETE" && action === undefined) {
      streams.delete(stream.id);
      return answer(204);
    }
    answer(404, { error: { type: "not_found", messages: ["no such stub route"] } });
  });
  return {
    ...stub,
    streams,
    /** The next created stream gets this key (to make the database refuse the session). */
    giveNextStreamKey(key: string) {
      nextStreamKey = key;
    },
  };
}

let db: TestDatabase;
let dataDir: string;
let baseURL: string;
let services: Services;
let stub: ReturnType<typeof startLiveStreamStub>;
let app: Awaited<ReturnType<typeof startMediaApp>>;
let host: { token: string; viewer: Viewer };
let member: Viewer;
let eventCounter = 0;

const muxConfig = () => ({ tokenId: TOKEN_ID, tokenSecret: TOKEN_SECRET, webhookSecret: WEBHOOK_SECRET, baseURL });

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-live-mux-"));
  stub = startLiveStreamStub();
  baseURL = await stub.listen();
  services = createServices({
    db,
    config: {
      sessionTtlMs: TEST_SESSION_TTL_MS,
      authRateLimit: TEST_AUTH_RATE_LIMIT,
      dataDir,
      video: { ...DEFAULT_VIDEO_CONFIG, mux: muxConfig() },
      live: { rtmpPort: 0, rtmpBind: "127.0.0.1", reconnectSeconds: RECONNECT_SECONDS, muxSigning: SIGNING },
    },
  });
  app = await startMediaApp(services);
  host = await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" });
  member = (await signedInUser(db.prisma, services.sessions, { role: "WORKER" })).viewer;
});

afterAll(async () => {
  await app?.close();
  await stub?.close();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  stub.requests.length = 0;
});

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

function form(overrides: Record<string, unknown> = {}) {
  return {
    title: "氩弧焊不锈钢薄板对接",
    description: "直播演示，课后有回放。",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(Date.now() + 2 * HOUR)),
    durationMinutes: "90",
    ...overrides,
  };
}

async function scheduled(overrides: Record<string, unknown> = {}) {
  const result = await services.live.schedule(host.viewer, form(overrides));
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  return row(result.value.id);
}

const row = (id: string) => db.prisma.liveSession.findUniqueOrThrow({ where: { id } });
const statusOf = async (id: string) => (await row(id)).status;
const transitions = (id: string) =>
  db.prisma.liveTransition.findMany({ where: { sessionId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { from: true, to: true, event: true } });

const signature = (body: string, timestamp = nowSeconds(), secret = WEBHOOK_SECRET) => muxSignature(body, secret, timestamp);

const newEventId = () => `evt-live-${++eventCounter}-${Date.now()}`;

function envelope(type: string, objectType: string, data: Record<string, unknown>, id = newEventId()) {
  return JSON.stringify({
    id,
    type,
    created_at: new Date().toISOString(),
    object: { type: objectType, id: data.id },
    environment: { name: "Test", id: "env-1" },
    attempts: [],
    data,
  });
}

type Session = Awaited<ReturnType<typeof row>>;

/** A `video.live_stream.*` event for the session's stream, as Mux sends it (passthrough is our id). */
const streamEvent = (type: string, session: Session, id?: string) =>
  envelope(`video.live_stream.${type}`, "live", { id: session.muxLiveStreamId, passthrough: session.id, status: type, stream_key: session.streamKey }, id);

/** A `video.asset.*` event for the recording of the session's stream. */
const recordingEvent = (type: string, session: Session, data: Record<string, unknown> = {}, id?: string) =>
  envelope(`video.asset.${type}`, "asset", { id: `asset-${session.id}`, live_stream_id: session.muxLiveStreamId, passthrough: session.id, ...data }, id);

const postWebhook = (body: string, headers: Record<string, string> = { "mux-signature": signature(body) }) => postMuxWebhook(app.url, body, headers);

const calls = () => stub.requests.map((request) => `${request.method} ${request.url}`);

function decodeJwt(token: string) {
  const [header, claims, signed] = token.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as Record<string, unknown>,
    verifies: verify("RSA-SHA256", Buffer.from(`${header}.${claims}`), signingKeys.publicKey, Buffer.from(signed, "base64url")),
  };
}

// ── scheduling ────────────────────────────────────────────────────────────────────────────────

describe("scheduling through the real Mux client", () => {
  it("creates a public live stream with our reconnect window, the session id as passthrough and the replay's settings", async () => {
    const session = await scheduled();

    const sent = stub.requests.find((request) => request.method === "POST" && request.url === "/video/v1/live-streams");
    expect(sent?.authorization).toBe(`Basic ${Buffer.from(`${TOKEN_ID}:${TOKEN_SECRET}`).toString("base64")}`);
    expect(sent?.body).toEqual({
      playback_policies: ["public"],
      new_asset_settings: { playback_policies: ["public"], passthrough: session.id },
      passthrough: session.id,
      reconnect_window: RECONNECT_SECONDS,
      latency_mode: "standard",
    });
    const stream = stub.streams.get(session.muxLiveStreamId ?? "");
    expect(session).toMatchObject({ status: "SCHEDULED", provider: "mux", streamKey: stream?.stream_key, livePlaybackId: stream?.playback_ids[0]?.id });
    const view = await services.live.hostView(host.viewer, session.id, "https://jiangxin.example");
    expect(view.ingest).toEqual({ serverUrl: MUX_INGEST_URL, streamKey: session.streamKey });
    // Nothing plays before the broadcast.
    expect(view.playbackUrl).toBeNull();
  });

  it("gives a members-only session signed playback, live and replay", async () => {
    const session = await scheduled({ membersOnly: "on" });

    const sent = stub.requests.find((request) => request.url === "/video/v1/live-streams");
    expect(sent?.body).toMatchObject({ playback_policies: ["signed"], new_asset_settings: { playback_policies: ["signed"], passthrough: session.id } });
    expect(session.membersOnly).toBe(true);
  });

  it("rotates the key through reset-stream-key: the new key is stored and shown", async () => {
    const session = await scheduled();
    stub.requests.length = 0;

    const { streamKey } = await services.live.rotateKey(host.viewer, session.id);

    expect(calls()).toEqual([`POST /video/v1/live-streams/${session.muxLiveStreamId}/reset-stream-key`]);
    expect(streamKey).not.toBe(session.streamKey);
    expect(streamKey).toBe(stub.streams.get(session.muxLiveStreamId!)?.stream_key);
    expect((await row(session.id)).streamKey).toBe(streamKey);
  });

  it("writes no session when Mux fails, and answers with a message key", async () => {
    const before = await db.prisma.liveSession.count();
    stub.failNextRequests(5);

    const attempt = services.live.schedule(host.viewer, form());

    await expect(attempt).rejects.toMatchObject({ name: "AppError", kind: "invalid", messageKey: "live.error.providerUnavailable" });
    stub.failNextRequests(0);
    expect(await db.prisma.liveSession.count()).toBe(before);
  });

  it("deletes the new Mux stream when the database refuses the session", async () => {
    const existing = await scheduled();
    const before = await db.prisma.liveSession.count();
    stub.requests.length = 0;
    // Mux answering with a key we already hold makes the insert fail on its unique index.
    stub.giveNextStreamKey(existing.streamKey);

    await expect(services.live.schedule(host.viewer, form())).rejects.toMatchObject({ code: "P2002" });

    const orphan = stub.requests.find((request) => request.method === "POST" && request.url === "/video/v1/live-streams");
    expect(orphan).toBeDefined();
    const deleted = calls().filter((call) => call.startsWith("DELETE "));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).not.toBe(`DELETE /video/v1/live-streams/${existing.muxLiveStreamId}`);
    expect(await db.prisma.liveSession.count()).toBe(before);
    expect(stub.streams.has(existing.muxLiveStreamId!)).toBe(true);
  });

  it("deletes the Mux stream when the host cancels", async () => {
    const session = await scheduled();
    stub.requests.length = 0;

    expect(await services.live.cancel(host.viewer, session.id)).toEqual({ status: "CANCELLED" });

    expect(calls()).toEqual([`DELETE /video/v1/live-streams/${session.muxLiveStreamId}`]);
    expect(stub.streams.has(session.muxLiveStreamId!)).toBe(false);
  });
});

// ── the broadcast, by webhook ────────────────────────────────────────────────────────────────

describe("a broadcast reported by /webhooks/mux", () => {
  it("goes live, reconnects, ends by the host and becomes a replay", async () => {
    const session = await scheduled();
    const livePlayback = `https://stream.mux.com/${session.livePlaybackId}.m3u8`;

    expect(await postWebhook(streamEvent("active", session))).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await statusOf(session.id)).toBe("LIVE");
    expect((await services.live.detail(null, session.id)).playbackUrl).toBe(livePlayback);

    // Mux's recording is "ready" (DVR-playable) while the broadcast goes on: not the replay yet.
    expect((await postWebhook(recordingEvent("ready", session, { status: "ready", is_live: true, duration: 12, playback_ids: [{ id: "pb-dvr", policy: "public" }] }))).body.outcome).toBe("ignored");
    expect(await statusOf(session.id)).toBe("LIVE");

    expect((await postWebhook(streamEvent("disconnected", session))).body.outcome).toBe("applied");
    expect(await statusOf(session.id)).toBe("RECONNECTING");
    expect((await services.live.detail(null, session.id)).playbackUrl).toBe(livePlayback);

    expect((await postWebhook(streamEvent("active", session))).body.outcome).toBe("applied");
    expect(await statusOf(session.id)).toBe("LIVE");

    stub.requests.length = 0;
    expect(await services.live.end(host.viewer, session.id)).toEqual({ status: "ENDED" });
    expect(calls()).toEqual([`PUT /video/v1/live-streams/${session.muxLiveStreamId}/complete`, `PUT /video/v1/live-streams/${session.muxLiveStreamId}/disable`]);
    expect((await services.live.detail(null, session.id)).playbackUrl).toBeNull();

    // What Mux sends after the end changes nothing.
    await postWebhook(streamEvent("disconnected", session));
    await postWebhook(streamEvent("idle", session));
    expect(await statusOf(session.id)).toBe("ENDED");

    const completed = await postWebhook(
      recordingEvent("live_stream_completed", session, { status: "ready", is_live: false, duration: 1834.6, playback_ids: [{ id: "pb-replay-1", policy: "public" }] }),
    );
    expect(completed.body.outcome).toBe("applied");
    expect(await row(session.id)).toMatchObject({ status: "REPLAY_READY", muxAssetId: `asset-${session.id}`, replayPlaybackId: "pb-replay-1", replaySeconds: 1835 });
    expect((await services.live.detail(null, session.id)).playbackUrl).toBe("https://stream.mux.com/pb-replay-1.m3u8");
    expect(await transitions(session.id)).toEqual([
      { from: null, to: "SCHEDULED", event: "scheduled" },
      { from: "SCHEDULED", to: "LIVE", event: "connected" },
      { from: "LIVE", to: "RECONNECTING", event: "disconnected" },
      { from: "RECONNECTING", to: "LIVE", event: "connected" },
      { from: "LIVE", to: "ENDED", event: "endRequested" },
      { from: "ENDED", to: "REPLAY_READY", event: "replayReady" },
    ]);
  });

  it("takes the replay from video.asset.ready once the recording is finished", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));
    await services.live.end(host.viewer, session.id);

    const ready = await postWebhook(recordingEvent("ready", session, { status: "ready", is_live: false, duration: 600, playback_ids: [{ id: "pb-replay-2", policy: "public" }] }));

    expect(ready.body.outcome).toBe("applied");
    expect(await row(session.id)).toMatchObject({ status: "REPLAY_READY", replayPlaybackId: "pb-replay-2", replaySeconds: 600 });
    // The completion that follows is a duplicate in effect: the replay stays as it is.
    await postWebhook(recordingEvent("live_stream_completed", session, { duration: 601, playback_ids: [{ id: "pb-other", policy: "public" }] }));
    expect(await row(session.id)).toMatchObject({ replayPlaybackId: "pb-replay-2", replaySeconds: 600 });
  });

  it("ends the session when Mux reports the stream idle after the reconnect window", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));
    await postWebhook(streamEvent("disconnected", session));

    expect((await postWebhook(streamEvent("idle", session))).body.outcome).toBe("applied");

    expect(await row(session.id)).toMatchObject({ status: "ENDED", endedAt: expect.any(Date) });
    expect((await transitions(session.id)).at(-1)).toEqual({ from: "RECONNECTING", to: "ENDED", event: "graceExpired" });
  });

  it("ends the session on idle even when the disconnect never arrived (Mux does not promise order)", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));

    await postWebhook(streamEvent("idle", session));

    expect(await statusOf(session.id)).toBe("ENDED");
    expect((await transitions(session.id)).slice(-2)).toEqual([
      { from: "LIVE", to: "RECONNECTING", event: "disconnected" },
      { from: "RECONNECTING", to: "ENDED", event: "graceExpired" },
    ]);
  });

  it("ignores idle before the session ever went live", async () => {
    const session = await scheduled();

    await postWebhook(streamEvent("idle", session));

    expect(await statusOf(session.id)).toBe("SCHEDULED");
  });

  it("fails the replay on video.asset.errored and stops the stream if it was still on air", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));
    stub.requests.length = 0;

    const errored = await postWebhook(recordingEvent("errored", session, { status: "errored", errors: { type: "invalid_input" } }));

    expect(errored.body.outcome).toBe("applied");
    expect(await row(session.id)).toMatchObject({ status: "REPLAY_FAILED", failure: "live.failure.providerFailed" });
    expect(calls()).toEqual([`PUT /video/v1/live-streams/${session.muxLiveStreamId}/complete`, `PUT /video/v1/live-streams/${session.muxLiveStreamId}/disable`]);
    expect((await services.live.detail(null, session.id)).playbackUrl).toBeNull();
  });

  it("answers events of unknown streams 200 as unmatched and changes nothing", async () => {
    const session = await scheduled();
    const stranger = { ...session, id: "lnosuchsession00000000000", muxLiveStreamId: "ls-not-ours" };

    expect(await postWebhook(streamEvent("active", stranger))).toEqual({ status: 200, body: { ok: true, outcome: "unmatched" } });
    expect(await postWebhook(recordingEvent("ready", stranger, { is_live: false }))).toEqual({ status: 200, body: { ok: true, outcome: "unmatched" } });
    expect(await statusOf(session.id)).toBe("SCHEDULED");
  });

  it("ignores live events it has no use for", async () => {
    const session = await scheduled();

    for (const type of ["created", "connected", "recording", "updated"]) {
      expect((await postWebhook(streamEvent(type, session))).body.outcome).toBe("ignored");
    }

    expect(await statusOf(session.id)).toBe("SCHEDULED");
  });

  it("applies an event id once: a replay, even freshly signed, changes nothing", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));
    const disconnected = streamEvent("disconnected", session);
    expect((await postWebhook(disconnected)).body.outcome).toBe("applied");
    await postWebhook(streamEvent("active", session));
    expect(await statusOf(session.id)).toBe("LIVE");

    const replay = await postWebhook(disconnected, { "mux-signature": signature(disconnected) });

    expect(replay).toEqual({ status: 200, body: { ok: true, outcome: "replayed" } });
    expect(await statusOf(session.id)).toBe("LIVE");
    expect(await db.prisma.webhookEvent.count({ where: { id: JSON.parse(disconnected).id } })).toBe(1);
  });

  describe("rejects, changing nothing,", () => {
    async function expectRejected(body: string, headers: Record<string, string>, session: Session) {
      const events = await db.prisma.webhookEvent.count();

      const answer = await postWebhook(body, headers);

      expect(answer.status).toBe(400);
      expect(answer.body.ok).toBe(false);
      expect(await db.prisma.webhookEvent.count()).toBe(events);
      expect(await row(session.id)).toEqual(session);
    }

    it("a body signed with another secret", async () => {
      const session = await scheduled();
      const body = streamEvent("active", session);
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds(), "not-the-secret") }, session);
    });

    it("a body changed after signing", async () => {
      const session = await scheduled();
      const other = await scheduled();
      const body = streamEvent("active", other);
      // Signed for one session, delivered with another's stream id.
      const forged = body.replaceAll(other.muxLiveStreamId!, session.muxLiveStreamId!).replaceAll(other.id, session.id);
      await expectRejected(forged, { "mux-signature": signature(body) }, session);
    });

    it("no signature header at all", async () => {
      const session = await scheduled();
      await expectRejected(streamEvent("active", session), {}, session);
    });

    it("a timestamp older than five minutes", async () => {
      const session = await scheduled();
      const body = streamEvent("active", session);
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds() - 301) }, session);
    });

    it("a timestamp more than five minutes in the future", async () => {
      const session = await scheduled();
      const body = streamEvent("active", session);
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds() + 301) }, session);
    });
  });

  it("gives the event id back when applying it fails, so Mux's next delivery applies it", async () => {
    const session = await scheduled();
    const event = JSON.parse(streamEvent("active", session)) as Parameters<typeof applyLiveMuxEvent>[0];
    const failing = { ...services.live, applyEvent: () => Promise.reject(new Error("database went away")) };
    const deps = { runOnce: services.videos.runMuxEventOnce, logger: pino({ level: "silent" }) };

    await expect(applyLiveMuxEvent(event, { ...deps, live: failing })).rejects.toThrow("database went away");
    expect(await db.prisma.webhookEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await statusOf(session.id)).toBe("SCHEDULED");

    expect(await applyLiveMuxEvent(event, { ...deps, live: services.live })).toMatchObject({ outcome: "applied", sessionId: session.id });
    expect(await statusOf(session.id)).toBe("LIVE");
    expect(await applyLiveMuxEvent(event, { ...deps, live: services.live })).toMatchObject({ outcome: "replayed" });
  });
});

// ── signed playback ──────────────────────────────────────────────────────────────────────────

describe("members-only playback", () => {
  it("signs the live and replay URLs with a token Mux's own signer agrees with, and shows visitors nothing", async () => {
    const session = await scheduled({ membersOnly: "on" });
    await postWebhook(streamEvent("active", session));

    const before = nowSeconds();
    const url = (await services.live.detail(member, session.id)).playbackUrl;
    const after = nowSeconds();

    const match = /^https:\/\/stream\.mux\.com\/([^/?]+)\.m3u8\?token=([\w-]+\.[\w-]+\.[\w-]+)$/.exec(url ?? "");
    expect(match?.[1]).toBe(session.livePlaybackId);
    const ours = decodeJwt(match![2]!);
    expect(ours.verifies).toBe(true);
    expect(ours.header).toEqual({ alg: "RS256", typ: "JWT", kid: SIGNING.keyId });
    expect(ours.claims.exp).toBeGreaterThanOrEqual(before + PLAYBACK_TOKEN_SECONDS);
    expect(ours.claims.exp).toBeLessThanOrEqual(after + PLAYBACK_TOKEN_SECONDS);

    // @mux/mux-node's signer, given the same key and options, makes the same claims.
    const library = new Mux({ tokenId: TOKEN_ID, tokenSecret: TOKEN_SECRET, baseURL });
    const libraryBefore = nowSeconds();
    const theirs = decodeJwt(await library.jwt.signPlaybackId(session.livePlaybackId!, { keyId: SIGNING.keyId, keySecret: SIGNING.privateKey, type: "video", expiration: "6h" }));
    const libraryAfter = nowSeconds();
    expect(theirs.verifies).toBe(true);
    const { exp: theirExp, ...theirClaims } = theirs.claims;
    const { exp: _ourExp, ...ourClaims } = ours.claims;
    expect(ourClaims).toEqual(theirClaims);
    expect(theirExp).toBeGreaterThanOrEqual(libraryBefore + PLAYBACK_TOKEN_SECONDS);
    expect(theirExp).toBeLessThanOrEqual(libraryAfter + PLAYBACK_TOKEN_SECONDS);

    // Visitors see the page locked, with no URL at all.
    expect(await services.live.detail(null, session.id)).toMatchObject({ locked: true, playbackUrl: null });

    await services.live.end(host.viewer, session.id);
    await postWebhook(recordingEvent("live_stream_completed", session, { duration: 300, playback_ids: [{ id: "pb-signed-replay", policy: "signed" }] }));
    const replayUrl = (await services.live.detail(member, session.id)).playbackUrl ?? "";
    expect(replayUrl).toMatch(/^https:\/\/stream\.mux\.com\/pb-signed-replay\.m3u8\?token=/);
    const replay = decodeJwt(new URL(replayUrl).searchParams.get("token")!);
    expect(replay.verifies).toBe(true);
    expect(replay.claims).toMatchObject({ sub: "pb-signed-replay", aud: "v", kid: SIGNING.keyId });
  });

  it("leaves public sessions' URLs unsigned", async () => {
    const session = await scheduled();
    await postWebhook(streamEvent("active", session));

    expect((await services.live.detail(member, session.id)).playbackUrl).toBe(`https://stream.mux.com/${session.livePlaybackId}.m3u8`);
  });
});

// ── the provider on its own ──────────────────────────────────────────────────────────────────

describe("the Mux live provider", () => {
  it("without a signing key keeps members-only sessions public at Mux, says so in the log, and signs nothing", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    const provider = createMuxLiveProvider({ ...muxConfig(), reconnectSeconds: 30 }, logger);

    const created = await provider.create({ sessionId: "lwarnsession000000000000", membersOnly: true });

    const sent = stub.requests.find((request) => request.url === "/video/v1/live-streams");
    expect(sent?.body).toMatchObject({ playback_policies: ["public"], new_asset_settings: { playback_policies: ["public"] }, reconnect_window: 30 });
    expect(lines.map((line) => JSON.parse(line) as { level: number; sessionId?: string; msg: string })).toEqual([
      expect.objectContaining({ level: 40, sessionId: "lwarnsession000000000000", msg: expect.stringContaining("public") }),
    ]);
    const ref = { id: "lwarnsession000000000000", provider: "mux", streamKey: created.streamKey, publicName: "x", membersOnly: true, muxLiveStreamId: created.muxLiveStreamId, livePlaybackId: created.livePlaybackId, replayPlaybackId: null };
    expect(provider.signsPlayback).toBe(false);
    expect(provider.playbackUrl({ ...ref, status: "LIVE" }, { signedFor: member.id })).toBe(`https://stream.mux.com/${created.livePlaybackId}.m3u8`);
    expect(provider.playbackUrl({ ...ref, status: "ENDED" }, {})).toBeNull();
    expect(provider.playbackUrl({ ...ref, status: "SCHEDULED" }, {})).toBeNull();
    expect(provider.playbackUrl({ ...ref, status: "REPLAY_READY" }, {})).toBeNull();
    await provider.remove(ref);
  });

  it("treats a stream already deleted at Mux as removed", async () => {
    const provider = createMuxLiveProvider({ ...muxConfig(), reconnectSeconds: 30 });

    await expect(provider.remove({ id: "lgonesession000000000000", provider: "mux", streamKey: "k", publicName: "p", membersOnly: false, muxLiveStreamId: "ls-already-gone", livePlaybackId: null, replayPlaybackId: null })).resolves.toBeUndefined();

    expect(calls()).toEqual(["DELETE /video/v1/live-streams/ls-already-gone"]);
  });

  it("refuses a signing key that is not an RSA private key at start-up", () => {
    expect(() => createMuxLiveProvider({ ...muxConfig(), reconnectSeconds: 30, signing: { keyId: "k", privateKey: "bm90IGEga2V5" } })).toThrow(/MUX_SIGNING_PRIVATE_KEY/);
  });
});
