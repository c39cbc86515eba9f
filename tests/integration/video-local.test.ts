// The local video pipeline with the system's ffmpeg and a real database: an upload becomes a
// PROCESSING row, the worker (the Video table is its queue) transcodes it to HLS, and the lesson
// learns the duration. Broken files fail with a message key and can be retried; rows left
// PROCESSING by a stopped process are picked up by the next one.
import { chmod, copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { findFfmpeg, transcodeToHls } from "../../server/video/transcode.ts";
import { MAX_ATTEMPTS } from "../../server/video/worker.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import {
  createLessonFixture,
  createMediaTestServices,
  listFiles,
  makeTestClip,
  probeStreams,
  requireFfmpeg,
  writeCorruptMp4,
} from "../support/media.ts";

let db: TestDatabase;
let dataDir: string;
let clipsDir: string;
let services: Services;
let craftsman: Viewer;
let otherCraftsman: Viewer;
/** 2 s, 1280×960 (larger than 720p, to check scaling down), H.264 + AAC. */
let clip: string;

beforeAll(async () => {
  await requireFfmpeg();
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-video-local-"));
  clipsDir = await mkdtemp(path.join(os.tmpdir(), "jx-clips-"));
  clip = path.join(clipsDir, "clip.mp4");
  await makeTestClip(clip, { seconds: 2, width: 1280, height: 960 });
  services = createMediaTestServices(db, dataDir);
  craftsman = (await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" })).viewer;
  otherCraftsman = (await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" })).viewer;
});

afterAll(async () => {
  await services?.videos.worker.stop();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (clipsDir) await rm(clipsDir, { recursive: true, force: true });
});

/** An upload as the HTTP route hands it over: a file in DATA_DIR/tmp. */
async function uploadCopy(source: string, target: Services = services, viewer: Viewer = craftsman) {
  const { lessonId } = await createLessonFixture(db.prisma, viewer.id);
  const tempFile = await target.videos.storage.tempFile();
  await copyFile(source, tempFile);
  const { videoId } = await target.videos.storeUpload(viewer, lessonId, tempFile);
  return { videoId, lessonId, tempFile };
}

describe("a good upload", () => {
  it("is transcoded to a VOD HLS playlist with H.264/AAC segments at most 720p, and the lesson gets its duration", async () => {
    const { videoId, lessonId, tempFile } = await uploadCopy(clip);

    const waiting = await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } });
    expect(waiting).toMatchObject({ provider: "local", status: "PROCESSING", ownerId: craftsman.id, progress: 0 });
    await expect(stat(tempFile)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await stat(services.videos.storage.sourceFile(videoId))).size).toBeGreaterThan(1000);

    services.videos.worker.start();
    await services.videos.worker.idle();

    const ready = await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } });
    expect(ready).toMatchObject({ status: "READY", progress: 100, error: null, attempts: 1 });
    expect(ready.durationSeconds).toBeGreaterThan(1.9);
    expect(ready.durationSeconds).toBeLessThan(2.2);

    const hls = services.videos.storage.hlsDir(videoId);
    const playlist = await readFile(path.join(hls, "index.m3u8"), "utf8");
    expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(playlist).toContain("#EXT-X-ENDLIST");
    const segments = (await readdir(hls)).filter((name) => name.endsWith(".ts"));
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.every((name) => /^seg-\d{5}\.ts$/.test(name))).toBe(true);
    for (const segment of segments) expect(playlist).toContain(segment);

    const streams = await probeStreams(path.join(hls, segments[0]!));
    expect(streams.find((s) => s.codec_type === "video")).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", width: 960, height: 720 });
    expect(streams.find((s) => s.codec_type === "audio")).toMatchObject({ codec_name: "aac" });

    // The composition root wired onReady to the course service: the lesson now has its length.
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: lessonId } })).durationSeconds).toBe(2);
    expect(services.courses).toBeDefined();
    // No temporary output is left beside the final folder.
    expect((await readdir(services.videos.storage.videoDir(videoId))).sort()).toEqual(["hls", "source"]);
  });

  it("replaces the lesson's previous video, whose row and files are removed", async () => {
    const first = await uploadCopy(clip);
    await services.videos.worker.idle();
    const tempFile = await services.videos.storage.tempFile();
    await copyFile(clip, tempFile);

    const second = await services.videos.storeUpload(craftsman, first.lessonId, tempFile);

    expect(await db.prisma.video.findUnique({ where: { id: first.videoId } })).toBeNull();
    await expect(stat(services.videos.storage.videoDir(first.videoId))).rejects.toMatchObject({ code: "ENOENT" });
    expect((await db.prisma.lesson.findUniqueOrThrow({ where: { id: first.lessonId } })).videoId).toBe(second.videoId);
    await services.videos.worker.idle();
  });
});

describe("refused uploads leave nothing behind", () => {
  it("for another craftsman's lesson: forbidden, no row and no file", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.id);
    const tempFile = await services.videos.storage.tempFile();
    await copyFile(clip, tempFile);
    const before = await db.prisma.video.count();

    await expect(services.videos.storeUpload(otherCraftsman, lessonId, tempFile)).rejects.toMatchObject({ kind: "forbidden" });

    expect(await db.prisma.video.count()).toBe(before);
    const videoDirs = await readdir(services.videos.storage.videosDir);
    const rows = await db.prisma.video.findMany({ select: { id: true } });
    expect(videoDirs.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("for a text lesson: refused by the course service, nothing stored", async () => {
    const { lessonId } = await createLessonFixture(db.prisma, craftsman.id, { kind: "TEXT" });
    const tempFile = await services.videos.storage.tempFile();
    await copyFile(clip, tempFile);
    const before = await db.prisma.video.count();

    await expect(services.videos.storeUpload(craftsman, lessonId, tempFile)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.prisma.video.count()).toBe(before);
  });
});

describe("a broken file", () => {
  it("fails with a message key, can be retried by its owner only, and fails again", async () => {
    const corrupt = path.join(clipsDir, "corrupt.mp4");
    await writeCorruptMp4(corrupt, 64 * 1024);
    const { videoId } = await uploadCopy(corrupt);
    await services.videos.worker.idle();

    const failed = await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } });
    expect(failed).toMatchObject({ status: "FAILED", error: "video.error.transcodeFailed" });
    await expect(stat(services.videos.storage.hlsDir(videoId))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await services.videos.status(craftsman, videoId)).toEqual({ status: "FAILED", progress: 0, error: "video.error.transcodeFailed" });

    await expect(services.videos.retry(otherCraftsman, videoId)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(services.videos.retry(null, videoId)).rejects.toMatchObject({ kind: "unauthorized" });
    await expect(services.videos.status(otherCraftsman, videoId)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(services.videos.status(craftsman, "not a video id")).rejects.toMatchObject({ kind: "notFound" });

    // Retrying is itself paused here so that the reset state can be seen before the worker runs.
    await services.videos.worker.stop();
    expect(await services.videos.retry(craftsman, videoId)).toEqual({ status: "PROCESSING", progress: 0, error: null });
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({
      status: "PROCESSING",
      progress: 0,
      error: null,
      attempts: 0,
    });
    await expect(services.videos.retry(craftsman, videoId)).rejects.toMatchObject({ kind: "conflict" });

    services.videos.worker.start();
    await services.videos.worker.idle();
    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("is given up after repeated crashed attempts instead of looping", async () => {
    const { videoId } = await uploadCopy(clip);
    await services.videos.worker.stop();
    await db.prisma.video.update({ where: { id: videoId }, data: { status: "PROCESSING", attempts: MAX_ATTEMPTS } });

    services.videos.worker.start();
    await services.videos.worker.idle();

    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({
      status: "FAILED",
      error: "video.error.transcodeFailed",
    });
  });
});

describe("the static ffmpeg from npm", () => {
  it("is found when no ffmpeg is on PATH, and transcodes the same way", async () => {
    const found = await findFfmpeg({ PATH: path.join(clipsDir, "empty-path") });
    expect(found).toMatch(/node_modules\/@ffmpeg-installer\/[\w-]+\/ffmpeg$/);
    const outDir = path.join(clipsDir, "npm-ffmpeg-hls");
    const { durationSeconds } = await transcodeToHls({ ffmpegPath: found!, source: clip, outDir });
    expect(durationSeconds).toBeCloseTo(2, 0);
    const streams = await probeStreams(path.join(outDir, "seg-00000.ts"));
    expect(streams.find((stream) => stream.codec_type === "video")).toMatchObject({ codec_name: "h264", width: 960, height: 720, pix_fmt: "yuv420p" });
    expect(streams.find((stream) => stream.codec_type === "audio")).toMatchObject({ codec_name: "aac" });
  });
});

describe("without ffmpeg", () => {
  it("reports it and fails videos with a clear key", async () => {
    const noFfmpeg = createMediaTestServices(db, dataDir, { ffmpegPath: path.join(clipsDir, "no-such-ffmpeg") });
    expect((await noFfmpeg.videos.mediaStatus()).ffmpeg).toEqual({ status: "missing" });
    await services.videos.worker.stop();
    const { videoId } = await uploadCopy(clip, noFfmpeg);

    noFfmpeg.videos.worker.start();
    await noFfmpeg.videos.worker.idle();
    await noFfmpeg.videos.worker.stop();

    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({
      status: "FAILED",
      error: "video.error.ffmpegMissing",
    });
    expect((await services.videos.mediaStatus()).ffmpeg.status).toBe("ok");
  });
});

describe("the queue", () => {
  it("picks up rows left PROCESSING by a stopped process, one at a time with concurrency 1", async () => {
    // The "old process" stores three uploads and stops before transcoding them.
    await services.videos.worker.stop();
    const uploads = [await uploadCopy(clip), await uploadCopy(clip), await uploadCopy(clip)];

    const restarted = createMediaTestServices(db, dataDir, { concurrency: 1 });
    let mostAtOnce = 0;
    const sampler = setInterval(() => {
      mostAtOnce = Math.max(mostAtOnce, restarted.videos.worker.runningCount);
    }, 20);
    try {
      restarted.videos.worker.start();
      await restarted.videos.worker.idle();
    } finally {
      clearInterval(sampler);
      await restarted.videos.worker.stop();
    }

    const rows = await db.prisma.video.findMany({ where: { id: { in: uploads.map((u) => u.videoId) } } });
    expect(rows.map((row) => row.status)).toEqual(["READY", "READY", "READY"]);
    expect(mostAtOnce).toBeLessThanOrEqual(1);
    for (const { videoId } of uploads) {
      expect(await listFiles(restarted.videos.storage.hlsDir(videoId))).toContain("index.m3u8");
    }
  });

  it("stop() kills a running ffmpeg, keeps the row PROCESSING with the attempt uncounted, and a new worker finishes it", async () => {
    const longClip = path.join(clipsDir, "long.mp4");
    await makeTestClip(longClip, { seconds: 8, width: 640, height: 360 });
    // An ffmpeg that reads its input in real time (-re): this transcode surely outlasts the stop below.
    const realTimeFfmpeg = path.join(clipsDir, "ffmpeg-realtime");
    await writeFile(realTimeFfmpeg, `#!/bin/sh\nexec ${JSON.stringify(await requireFfmpeg())} -re "$@"\n`);
    await chmod(realTimeFfmpeg, 0o755);
    await services.videos.worker.stop();
    const { videoId } = await uploadCopy(longClip);

    const first = createMediaTestServices(db, dataDir, { ffmpegPath: realTimeFfmpeg });
    first.videos.worker.start();
    // Wait until ffmpeg has reported progress, i.e. it is really running.
    await expect
      .poll(async () => (await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).progress, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    await first.videos.worker.stop();

    expect(await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } })).toMatchObject({ status: "PROCESSING", attempts: 0 });
    // Nothing half-written: no playlist, no temporary folder.
    expect(await readdir(first.videos.storage.videoDir(videoId))).toEqual(["source"]);

    const second = createMediaTestServices(db, dataDir);
    second.videos.worker.start();
    await second.videos.worker.idle();
    await second.videos.worker.stop();
    const ready = await db.prisma.video.findUniqueOrThrow({ where: { id: videoId } });
    expect(ready).toMatchObject({ status: "READY", progress: 100, attempts: 1 });
    expect(ready.durationSeconds).toBeGreaterThan(7.5);
  }, 120_000);
});
