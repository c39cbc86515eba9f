// The upload and media routes over real HTTP (the Express app of server/http/app.ts on a loopback
// port, a real database): who may upload, size and type checks by bytes, what is left on disk,
// JSON for scripts and redirects for plain forms, and who may fetch HLS files and covers.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { corruptMp4Bytes, createLessonFixture, createMediaTestServices, jpegBytes, listFiles, pngBytes, startMediaApp } from "../support/media.ts";

const VIDEO_MAX_BYTES = 256 * 1024;
const COVER_MAX_BYTES = 64 * 1024;

let db: TestDatabase;
let dataDir: string;
let services: Services;
let app: Awaited<ReturnType<typeof startMediaApp>>;
let craftsman: { token: string; viewer: Viewer };
let otherCraftsman: { token: string; viewer: Viewer };
let worker: { token: string; viewer: Viewer };

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-uploads-"));
  // The transcode worker is not started: these tests are about the HTTP layer.
  services = createMediaTestServices(db, dataDir, { maxBytes: VIDEO_MAX_BYTES, coverMaxBytes: COVER_MAX_BYTES });
  app = await startMediaApp(services);
  craftsman = await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" });
  otherCraftsman = await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" });
  worker = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
});

afterAll(async () => {
  await app?.close();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const cookie = (token: string) => `jx_session=${token}`;

function form(field: string, bytes: Buffer, fileName: string, type = "application/octet-stream"): FormData {
  const body = new FormData();
  body.set(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
  return body;
}

async function post(
  pathAndQuery: string,
  options: { token?: string; body?: FormData | ReadableStream<Uint8Array>; json?: boolean; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.cookie = cookie(options.token);
  if (options.json !== false) headers.accept = "application/json";
  return fetch(`${app.url}${pathAndQuery}`, {
    method: "POST",
    headers,
    body: options.body,
    redirect: "manual",
    ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** A small valid-looking MP4 (an ftyp box first); the routes only check the bytes, not the content. */
const mp4 = (size = 8 * 1024) => corruptMp4Bytes(size);

/** tmp/ and videos/ hold nothing but the files of stored Video rows. */
async function expectNothingLeftBehind() {
  expect(await listFiles(services.videos.storage.tmpDir)).toEqual([]);
  const rows = await db.prisma.video.findMany({ select: { id: true } });
  const expected = rows.map((row) => `${row.id}/source`).sort();
  expect(await listFiles(services.videos.storage.videosDir)).toEqual(expected);
}

describe("POST /studio/uploads/video", () => {
  it("stores a good upload, attaches it and queues it (JSON for scripts)", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("video", mp4(), "weld.mp4", "video/mp4") });

    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: boolean; videoId: string };
    expect(body).toEqual({ ok: true, videoId: expect.any(String) });
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: body.videoId } })).toMatchObject({ provider: "local", status: "PROCESSING" });
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).videoId).toBe(body.videoId);
    expect(await readFile(services.videos.storage.sourceFile(body.videoId))).toEqual(mp4());
    await expectNothingLeftBehind();
  });

  it("redirects a plain form back to the lesson page, with the outcome in the query", async () => {
    const { lessonId, courseId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const ok = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("video", mp4(), "a.mov"), json: false });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/studio/courses/${courseId}/lessons/${lessonId}?upload=ok`);

    const bad = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("video", pngBytes(), "a.mp4"), json: false });
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe(`/studio/courses/${courseId}/lessons/${lessonId}?upload=video.upload.badType`);

    // The limit travels with the key, so the page can say how large a file may be.
    const big = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("video", mp4(VIDEO_MAX_BYTES + 100 * 1024), "big.mp4"), json: false });
    expect(big.status).toBe(303);
    expect(big.headers.get("location")).toBe(`/studio/courses/${courseId}/lessons/${lessonId}?upload=video.upload.tooLarge&size=256+KB`);
  });

  it("refuses a PNG named .mp4 by its bytes: 415 with a localized message, nothing stored", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const before = await db.prisma.video.count();

    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, {
      token: craftsman.token,
      body: form("video", pngBytes(4096), "weld.mp4", "video/mp4"),
      headers: { "accept-language": "en" },
    });

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ ok: false, error: "video.upload.badType", message: "Only MP4 or MOV video files can be uploaded." });
    expect(await db.prisma.video.count()).toBe(before);
    await expectNothingLeftBehind();
  });

  it("refuses a file over VIDEO_MAX_BYTES whose length is declared: 413, nothing left in tmp or videos", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const before = await db.prisma.video.count();

    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("video", mp4(VIDEO_MAX_BYTES + 100 * 1024), "big.mp4") });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: "video.upload.tooLarge", message: "视频文件太大，最大 256 KB。" });
    expect(await db.prisma.video.count()).toBe(before);
    await expectNothingLeftBehind();
  });

  it("stops a streamed (chunked) file when it passes the limit: 413, the partial file removed", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const boundary = "----jx-test-boundary";
    const parts = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`),
      mp4(VIDEO_MAX_BYTES + 16 * 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) for (let i = 0; i < part.length; i += 16 * 1024) controller.enqueue(part.subarray(i, i + 16 * 1024));
        controller.close();
      },
    });

    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, {
      token: craftsman.token,
      body: stream,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: "video.upload.tooLarge" });
    await expectNothingLeftBehind();
  });

  it("answers 401 when not signed in, before reading the body", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, { body: form("video", mp4(), "a.mp4") });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: "error.unauthorized", message: "请先登录。" });
    await expectNothingLeftBehind();
  });

  it("answers 403 for another craftsman's lesson and for a worker", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    for (const token of [otherCraftsman.token, worker.token]) {
      const response = await post(`/studio/uploads/video?lesson=${lessonId}`, { token, body: form("video", mp4(), "a.mp4") });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: "error.forbidden" });
    }
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).videoId).toBeNull();
    await expectNothingLeftBehind();
  });

  it.each([
    ["no lesson in the query", "/studio/uploads/video", 400, "video.upload.badRequest"],
    ["a lesson id with odd characters", "/studio/uploads/video?lesson=../../etc", 400, "video.upload.badRequest"],
    ["an unknown lesson", "/studio/uploads/video?lesson=nosuchlesson", 404, "error.notFound"],
  ])("answers %s with %i", async (_name, url, status, key) => {
    const response = await post(url, { token: craftsman.token, body: form("video", mp4(), "a.mp4") });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, error: key });
  });

  it("refuses a text lesson (409), a missing file field (400) and a body that is not multipart (400)", async () => {
    const text = await createLessonFixture(db.prisma, craftsman.viewer.id, { kind: "TEXT" });
    const textLesson = await post(`/studio/uploads/video?lesson=${text.lessonId}`, { token: craftsman.token, body: form("video", mp4(), "a.mp4") });
    expect(textLesson.status).toBe(409);
    expect(await textLesson.json()).toMatchObject({ error: "video.upload.notVideoLesson" });

    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const wrongField = await post(`/studio/uploads/video?lesson=${lessonId}`, { token: craftsman.token, body: form("file", mp4(), "a.mp4") });
    expect(wrongField.status).toBe(400);
    expect(await wrongField.json()).toMatchObject({ error: "video.upload.missingFile" });

    const notMultipart = await fetch(`${app.url}/studio/uploads/video?lesson=${lessonId}`, {
      method: "POST",
      headers: { cookie: cookie(craftsman.token), accept: "application/json", "content-type": "application/json" },
      body: "{}",
    });
    expect(notMultipart.status).toBe(400);
    expect(await notMultipart.json()).toMatchObject({ error: "video.upload.badRequest" });
    await expectNothingLeftBehind();
  });

  it("refuses a cross-site post like every other mutation", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const response = await post(`/studio/uploads/video?lesson=${lessonId}`, {
      token: craftsman.token,
      body: form("video", mp4(), "a.mp4"),
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });
});

describe("POST /studio/uploads/cover and GET /media/covers", () => {
  it("stores a PNG, serves it publicly, and a new cover replaces (and deletes) the old file", async () => {
    const { courseId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const first = await post(`/studio/uploads/cover?course=${courseId}`, { token: craftsman.token, body: form("cover", pngBytes(), "cover.png") });
    expect(first.status).toBe(201);
    const { cover, url } = (await first.json()) as { cover: string; url: string };
    expect(cover).toMatch(/^[a-f0-9]{32}\.png$/);
    expect((await db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).coverImage).toBe(cover);

    const served = await fetch(`${app.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(pngBytes());

    const second = await post(`/studio/uploads/cover?course=${courseId}`, { token: craftsman.token, body: form("cover", jpegBytes(), "cover.jpg"), json: false });
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`/studio/courses/${courseId}?cover=ok`);
    const replaced = (await db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).coverImage!;
    expect(replaced).toMatch(/\.jpg$/);
    await expect(stat(services.videos.storage.coverFile(cover))).rejects.toMatchObject({ code: "ENOENT" });
    expect((await fetch(`${app.url}/media/covers/${replaced}`)).headers.get("content-type")).toBe("image/jpeg");
  });

  it("refuses an MP4 as a cover (415), one over COVER_MAX_BYTES (413) and another craftsman (403)", async () => {
    const { courseId } = await createLessonFixture(db.prisma, craftsman.viewer.id);

    const wrongType = await post(`/studio/uploads/cover?course=${courseId}`, { token: craftsman.token, body: form("cover", mp4(), "cover.png") });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ error: "video.cover.badType" });

    const tooLarge = await post(`/studio/uploads/cover?course=${courseId}`, { token: craftsman.token, body: form("cover", pngBytes(COVER_MAX_BYTES + 80 * 1024), "c.png") });
    expect(tooLarge.status).toBe(413);

    const other = await post(`/studio/uploads/cover?course=${courseId}`, { token: otherCraftsman.token, body: form("cover", pngBytes(), "c.png") });
    expect(other.status).toBe(403);

    expect((await db.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).coverImage).toBeNull();
    expect(await listFiles(services.videos.storage.tmpDir)).toEqual([]);
  });

  it("serves only names it generates", async () => {
    for (const name of ["..%2F..%2Fetc%2Fpasswd", "cover.png", "0123456789abcdef0123456789abcdef.svg", "0123456789abcdef0123456789abcdef.png"]) {
      expect((await fetch(`${app.url}/media/covers/${name}`)).status).toBe(404);
    }
  });
});

describe("video status and retry", () => {
  it("tells the owner the status with a localized error, refuses others, and retries a failed video", async () => {
    const { lessonId, courseId } = await createLessonFixture(db.prisma, craftsman.viewer.id);
    const video = await db.prisma.video.create({
      data: { ownerId: craftsman.viewer.id, provider: "local", status: "FAILED", error: "video.error.transcodeFailed" },
    });
    await db.prisma.lesson.update({ where: { id: lessonId }, data: { videoId: video.id } });

    const status = await fetch(`${app.url}/studio/videos/${video.id}/status`, { headers: { cookie: cookie(craftsman.token), "accept-language": "en" } });
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("no-store");
    expect(await status.json()).toEqual({
      status: "FAILED",
      progress: 0,
      error: "video.error.transcodeFailed",
      errorMessage: expect.stringMatching(/^Transcoding failed/),
    });
    expect((await fetch(`${app.url}/studio/videos/${video.id}/status`, { headers: { cookie: cookie(otherCraftsman.token) } })).status).toBe(403);
    expect((await fetch(`${app.url}/studio/videos/${video.id}/status`)).status).toBe(401);
    expect((await fetch(`${app.url}/studio/videos/nosuchvideo00000000000/status`, { headers: { cookie: cookie(craftsman.token) } })).status).toBe(404);

    expect((await post(`/studio/videos/${video.id}/retry`, { token: otherCraftsman.token })).status).toBe(403);
    const retried = await post(`/studio/videos/${video.id}/retry`, { token: craftsman.token, json: false });
    expect(retried.status).toBe(303);
    expect(retried.headers.get("location")).toBe(`/studio/courses/${courseId}/lessons/${lessonId}?retry=ok`);
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "PROCESSING", error: null });

    const again = await post(`/studio/videos/${video.id}/retry`, { token: craftsman.token });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ ok: false, error: "video.error.notFailed" });
  });
});

describe("GET /media/videos", () => {
  /** A READY local video with hand-written HLS files (the transcode itself is tested in video-local). */
  async function readyVideo(options: { published?: boolean; isPreview?: boolean } = {}) {
    const fixture = await createLessonFixture(db.prisma, craftsman.viewer.id, options);
    const video = await db.prisma.video.create({
      data: { ownerId: craftsman.viewer.id, provider: "local", status: "READY", progress: 100, durationSeconds: 4 },
    });
    await db.prisma.lesson.update({ where: { id: fixture.lessonId }, data: { videoId: video.id } });
    const hls = services.videos.storage.hlsDir(video.id);
    await mkdir(hls, { recursive: true });
    await writeFile(path.join(hls, "index.m3u8"), "#EXTM3U\n#EXTINF:4.0,\nseg-00000.ts\n#EXT-X-ENDLIST\n");
    await writeFile(path.join(hls, "seg-00000.ts"), Buffer.alloc(188, 0x47));
    await writeFile(path.join(services.videos.storage.videoDir(video.id), "source"), mp4());
    return { ...fixture, videoId: video.id };
  }

  const get = (url: string, token?: string) => fetch(`${app.url}${url}`, { headers: token ? { cookie: cookie(token) } : {} });

  it("serves the playlist and segments to the author with HLS content types and private caching", async () => {
    const { videoId } = await readyVideo();

    const playlist = await get(`/media/videos/${videoId}/index.m3u8`, craftsman.token);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get("content-type")).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(playlist.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(await playlist.text()).toContain("seg-00000.ts");

    const segment = await get(`/media/videos/${videoId}/seg-00000.ts`, craftsman.token);
    expect(segment.status).toBe(200);
    expect(segment.headers.get("content-type")).toBe("video/mp2t");
    expect((await segment.arrayBuffer()).byteLength).toBe(188);
  });

  it("refuses a draft's video to everyone but its editors, and a published course's to the unenrolled", async () => {
    const draft = await readyVideo();
    expect((await get(`/media/videos/${draft.videoId}/index.m3u8`)).status).toBe(403);
    expect((await get(`/media/videos/${draft.videoId}/index.m3u8`, worker.token)).status).toBe(403);
    expect((await get(`/media/videos/${draft.videoId}/seg-00000.ts`, otherCraftsman.token)).status).toBe(403);

    const published = await readyVideo({ published: true });
    expect((await get(`/media/videos/${published.videoId}/index.m3u8`, worker.token)).status).toBe(403);
    // Enrolled workers may watch. (A fresh session: decisions are cached briefly per session and video.)
    const enrolled = await signedInUser(db.prisma, services.sessions, { role: "WORKER" });
    await db.prisma.enrollment.create({ data: { userId: enrolled.viewer.id, courseId: published.courseId } });
    expect((await get(`/media/videos/${published.videoId}/index.m3u8`, enrolled.token)).status).toBe(200);

    const preview = await readyVideo({ published: true, isPreview: true });
    expect((await get(`/media/videos/${preview.videoId}/index.m3u8`)).status).toBe(200);
  });

  it("serves only the names it generates: no source file, no traversal, no other ids", async () => {
    const { videoId } = await readyVideo();
    for (const url of [
      `/media/videos/${videoId}/source`,
      `/media/videos/${videoId}/..%2Fsource`,
      `/media/videos/${videoId}/seg-1.ts`,
      `/media/videos/${videoId}/seg-00099.ts`,
      `/media/videos/..%2F..%2Fetc/index.m3u8`,
      `/media/videos/${videoId.toUpperCase()}/index.m3u8`,
    ]) {
      expect([url, (await get(url, craftsman.token)).status]).toEqual([url, 404]);
    }
  });
});
