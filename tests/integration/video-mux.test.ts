// The Mux provider with the real @mux/mux-node client pointed (baseURL) at a loopback stub of
// Mux's API, and the real /webhooks/mux route of the Express app fed signed fixtures. What the stub
// cannot prove (Mux's real answers, its delivery order and retries) is in docs/decisions/006.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createLessonFixture, createMediaTestServices, startMediaApp } from "../support/media.ts";
import { muxSignature, nowSeconds, postMuxWebhook, startMuxStub } from "../support/mux-stub.ts";

const WEBHOOK_SECRET = "whsec-test-0123456789";
const TOKEN_ID = "token-id-test";
const TOKEN_SECRET = "token-secret-test";

/** api.mux.com's direct uploads: creation answered, anything else 404. */
function startUploadStub() {
  let uploads = 0;
  return startMuxStub(({ method, url, body }, answer) => {
    if (method === "POST" && url === "/video/v1/uploads") {
      const id = `upload-${++uploads}`;
      return answer(201, {
        data: {
          id,
          url: `https://storage.example.invalid/${id}?signature=x`,
          status: "waiting",
          timeout: 3600,
          cors_origin: (body as { cors_origin?: string }).cors_origin,
          new_asset_settings: (body as { new_asset_settings?: unknown }).new_asset_settings,
        },
      });
    }
    answer(404, { error: { type: "not_found", messages: ["no such stub route"] } });
  });
}

let db: TestDatabase;
let dataDir: string;
let services: Services;
let stub: ReturnType<typeof startUploadStub>;
let app: Awaited<ReturnType<typeof startMediaApp>>;
let craftsman: { token: string; viewer: Viewer };
let otherCraftsman: { token: string; viewer: Viewer };
let eventCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-video-mux-"));
  stub = startUploadStub();
  const baseURL = await stub.listen();
  services = createMediaTestServices(db, dataDir, {
    mux: { tokenId: TOKEN_ID, tokenSecret: TOKEN_SECRET, webhookSecret: WEBHOOK_SECRET, baseURL },
  });
  app = await startMediaApp(services);
  craftsman = await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" });
  otherCraftsman = await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" });
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

const signature = (body: string, timestamp = nowSeconds(), secret = WEBHOOK_SECRET) => muxSignature(body, secret, timestamp);

function event(type: string, data: Record<string, unknown>, id = `evt-${++eventCounter}-${Date.now()}`) {
  return JSON.stringify({
    id,
    type,
    created_at: new Date().toISOString(),
    object: { type: type.startsWith("video.upload") ? "upload" : "asset", id: data.id },
    environment: { name: "Test", id: "env-1" },
    attempts: [],
    data,
  });
}

const postWebhook = (body: string, headers: Record<string, string> = { "mux-signature": signature(body) }) => postMuxWebhook(app.url, body, headers);

async function directUpload(lessonId: string, token = craftsman.token) {
  const response = await fetch(`${app.url}/studio/uploads/video?lesson=${lessonId}&direct=1`, {
    method: "POST",
    headers: { cookie: `jx_session=${token}`, accept: "application/json", origin: app.url },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A lesson with a Mux direct upload already created, and the asset id Mux would give it. */
async function lessonWithUpload() {
  const { lessonId, courseId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
  const { body } = await directUpload(lessonId);
  const video = await db.prisma.video.findUniqueOrThrow({ where: { id: String(body.videoId) } });
  return { lessonId, courseId, video, assetId: `asset-${video.id}` };
}

describe("direct uploads through the real Mux client", () => {
  it("creates a public upload with our origin and a Video row waiting for it", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const { status, body } = await directUpload(lessonId);

    expect(status).toBe(201);
    expect(body).toEqual({ ok: true, videoId: expect.any(String), uploadUrl: expect.stringMatching(/^https:\/\/storage\.example\.invalid\/upload-/) });
    const sent = stub.requests.find((request) => request.url === "/video/v1/uploads");
    expect(sent?.method).toBe("POST");
    expect(sent?.authorization).toBe(`Basic ${Buffer.from(`${TOKEN_ID}:${TOKEN_SECRET}`).toString("base64")}`);
    expect(sent?.body).toEqual({
      cors_origin: app.url,
      new_asset_settings: { playback_policies: ["public"], passthrough: body.videoId },
    });
    const video = await db.prisma.video.findUniqueOrThrow({ where: { id: String(body.videoId) } });
    expect(video).toMatchObject({ provider: "mux", status: "UPLOADING", ownerId: craftsman.viewer.id, muxUploadId: expect.stringMatching(/^upload-/) });
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).videoId).toBe(video.id);
  });

  it("refuses another craftsman's lesson before calling Mux", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const { status, body } = await directUpload(lessonId, otherCraftsman.token);

    expect(status).toBe(403);
    expect(body).toMatchObject({ ok: false, error: "error.forbidden" });
    expect(stub.requests).toEqual([]);
  });

  it("answers a Mux outage with a clear 4xx and leaves no Video row", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const before = await db.prisma.video.count();
    stub.failNextRequests(5);

    const { status, body } = await directUpload(lessonId);

    stub.failNextRequests(0);
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: "video.error.providerUnavailable", message: expect.any(String) });
    expect(await db.prisma.video.count()).toBe(before);
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).videoId).toBeNull();
  });
});

describe("the /webhooks/mux route", () => {
  it("follows an upload to READY with its playback id and duration", async () => {
    const { lessonId, video, assetId } = await lessonWithUpload();

    const created = await postWebhook(event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId, status: "asset_created" }));
    expect(created).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "PROCESSING", muxAssetId: assetId });

    const ready = await postWebhook(
      event("video.asset.ready", {
        id: assetId,
        status: "ready",
        duration: 125.4,
        passthrough: video.id,
        playback_ids: [{ id: "playback-abc123", policy: "public" }],
      }),
    );
    expect(ready).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    const row = await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(row).toMatchObject({ status: "READY", playbackId: "playback-abc123", durationSeconds: 125.4, progress: 100 });
    expect(services.videos.playbackUrlOf(row)).toBe("https://stream.mux.com/playback-abc123.m3u8");
    // onReady reached the course service.
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).durationSeconds).toBe(125);
  });

  it("finds the video by its passthrough when the ready event comes before asset_created", async () => {
    const { video, assetId } = await lessonWithUpload();

    const ready = await postWebhook(
      event("video.asset.ready", { id: assetId, status: "ready", duration: 3, passthrough: video.id, playback_ids: [{ id: "pb-early", policy: "public" }] }),
    );

    expect(ready.body.outcome).toBe("applied");
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "READY", muxAssetId: assetId, playbackId: "pb-early" });
  });

  it("marks an errored asset FAILED with a message key", async () => {
    const { video, assetId } = await lessonWithUpload();

    const errored = await postWebhook(event("video.asset.errored", { id: assetId, status: "errored", passthrough: video.id, errors: { type: "invalid_input" } }));

    expect(errored.body.outcome).toBe("applied");
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "FAILED", error: "video.error.providerFailed" });
  });

  it("answers unknown events 200 and ignores them", async () => {
    const before = await db.prisma.video.findMany({ orderBy: { id: "asc" } });

    const unknown = await postWebhook(event("video.asset.static_renditions.ready", { id: "asset-x" }));

    expect(unknown).toEqual({ status: 200, body: { ok: true, outcome: "ignored" } });
    expect(await db.prisma.video.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  describe("rejects, writing nothing,", () => {
    async function expectRejected(body: string, headers: Record<string, string>) {
      const events = await db.prisma.webhookEvent.count();
      const videos = await db.prisma.video.findMany({ orderBy: { id: "asc" } });

      const answer = await postWebhook(body, headers);

      expect(answer.status).toBe(400);
      expect(answer.body.ok).toBe(false);
      expect(await db.prisma.webhookEvent.count()).toBe(events);
      expect(await db.prisma.video.findMany({ orderBy: { id: "asc" } })).toEqual(videos);
    }

    it("a body signed with another secret", async () => {
      const { video, assetId } = await lessonWithUpload();
      const body = event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId });
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds(), "not-the-secret") });
    });

    it("a body changed after signing", async () => {
      const { video, assetId } = await lessonWithUpload();
      const body = event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId });
      await expectRejected(body.replace(assetId, "asset-forged"), { "mux-signature": signature(body) });
    });

    it("no signature header at all", async () => {
      const { video, assetId } = await lessonWithUpload();
      await expectRejected(event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId }), {});
    });

    it("a timestamp older than five minutes", async () => {
      const { video, assetId } = await lessonWithUpload();
      const body = event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId });
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds() - 301) });
    });

    it("a timestamp more than five minutes in the future", async () => {
      const { video, assetId } = await lessonWithUpload();
      const body = event("video.upload.asset_created", { id: video.muxUploadId, asset_id: assetId });
      await expectRejected(body, { "mux-signature": signature(body, nowSeconds() + 301) });
    });
  });

  it("applies an event id once: a replay, even freshly signed, changes nothing", async () => {
    const { video, assetId } = await lessonWithUpload();
    const body = event("video.asset.errored", { id: assetId, status: "errored", passthrough: video.id });
    expect((await postWebhook(body)).body.outcome).toBe("applied");
    // Someone repaired the row since; the old event must not break it again.
    await db.prisma.video.update({ where: { id: video.id }, data: { status: "PROCESSING", error: null } });

    const replay = await postWebhook(body, { "mux-signature": signature(body) });

    expect(replay).toEqual({ status: 200, body: { ok: true, outcome: "replayed" } });
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "PROCESSING", error: null });
    expect(await db.prisma.webhookEvent.count({ where: { id: JSON.parse(body).id } })).toBe(1);
  });
});

describe("without Mux configured", () => {
  it("the webhook route answers 404 and direct uploads are refused", async () => {
    const localServices = createMediaTestServices(db, dataDir);
    const localApp = await startMediaApp(localServices);
    try {
      const body = event("video.asset.ready", { id: "asset-y" });
      const response = await fetch(`${localApp.url}/webhooks/mux`, { method: "POST", headers: { "mux-signature": signature(body) }, body });
      expect(response.status).toBe(404);

      const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
      const direct = await fetch(`${localApp.url}/studio/uploads/video?lesson=${lessonId}&direct=1`, {
        method: "POST",
        headers: { cookie: `jx_session=${craftsman.token}`, accept: "application/json" },
      });
      expect(direct.status).toBe(400);
      expect(await direct.json()).toMatchObject({ ok: false, error: "video.error.directUnavailable" });
    } finally {
      await localApp.close();
    }
  });
});
