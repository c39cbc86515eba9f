// Media files for tests: real clips made by the system's ffmpeg (Debian's package, which CI
// installs), and fakes that only look like media in their first bytes.
import { execFile } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createServices, type Services } from "../../server/context.ts";
import type { Database, PrismaClient } from "../../server/db/client.ts";
import { createHttpApp } from "../../server/http/app.ts";
import { createLogger } from "../../server/logger.ts";
import { DEFAULT_VIDEO_CONFIG, type VideoConfig } from "../../server/video/service.ts";
import { findFfmpeg } from "../../server/video/transcode.ts";
import { TEST_AUTH_RATE_LIMIT, TEST_SESSION_TTL_MS } from "./services.ts";

/** The ffmpeg the tests use; fails loudly (never skips) when the machine has none. */
export async function requireFfmpeg(): Promise<string> {
  const ffmpeg = await findFfmpeg();
  if (!ffmpeg) throw new Error("These tests need ffmpeg: install Debian's `ffmpeg` package (.ci/run does) or set FFMPEG_PATH.");
  return ffmpeg;
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(" ")} failed: ${stderr.slice(-2000)}`));
      else resolve();
    });
  });
}

/**
 * A small MP4 (H.264 + AAC) of `seconds` seconds: a test pattern with a sine tone, at 320×240
 * unless a size is given (use a larger one to check scaling down).
 */
export async function makeTestClip(
  file: string,
  options: { seconds?: number; width?: number; height?: number; audio?: boolean } = {},
): Promise<void> {
  const ffmpeg = await requireFfmpeg();
  const seconds = options.seconds ?? 2;
  const size = `${options.width ?? 320}x${options.height ?? 240}`;
  const audio = options.audio ?? true;
  await run(ffmpeg, [
    "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
    "-f", "lavfi", "-i", `testsrc=size=${size}:rate=25:duration=${seconds}`,
    ...(audio ? ["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=44100:duration=${seconds}`] : []),
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    ...(audio ? ["-c:a", "aac", "-shortest"] : []),
    "-movflags", "+faststart",
    file,
  ]);
}

/** An `ftyp` box as an MP4 starts, followed by garbage: passes the byte check, fails ffmpeg. */
export function corruptMp4Bytes(size = 4096): Buffer {
  const header = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isomiso2")]);
  const garbage = Buffer.alloc(Math.max(0, size - header.length));
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  return Buffer.concat([header, garbage]);
}

/** The 8-byte PNG signature plus a little padding: a PNG by its bytes, whatever its name says. */
export function pngBytes(size = 256): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, Buffer.alloc(Math.max(0, size - signature.length), 1)]);
}

/** A JPEG start (SOI + APP0 marker) plus padding. */
export function jpegBytes(size = 256): Buffer {
  const start = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF"), 0]);
  return Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), 2)]);
}

export async function writeCorruptMp4(file: string, size?: number): Promise<void> {
  await writeFile(file, corruptMp4Bytes(size));
}

/** What ffprobe says of a media file's streams (codec, size, pixel format). */
export async function probeStreams(file: string): Promise<{ codec_name: string; codec_type: string; width?: number; height?: number; pix_fmt?: string }[]> {
  const ffmpeg = await requireFfmpeg();
  const ffprobe = ffmpeg.replace(/ffmpeg$/, "ffprobe");
  return new Promise((resolve, reject) => {
    execFile(ffprobe, ["-v", "error", "-show_streams", "-of", "json", file], (error, stdout) => {
      if (error) reject(error);
      else resolve((JSON.parse(stdout) as { streams: never[] }).streams);
    });
  });
}

// ── rows the video layer needs, written with Prisma directly (not through the course service) ──

let fixtureCounter = 0;

/** A draft course by `authorId` with one chapter and one lesson of the given kind. */
export async function createLessonFixture(
  prisma: PrismaClient,
  authorId: string,
  options: { kind?: "VIDEO" | "TEXT"; published?: boolean; isPreview?: boolean } = {},
) {
  const n = ++fixtureCounter;
  const trade = await prisma.trade.findUniqueOrThrow({ where: { code: "welder" } });
  const course = await prisma.course.create({
    data: {
      slug: `video-test-${process.pid}-${n}-${Date.now().toString(36)}`,
      title: `视频测试课程 ${n}`,
      summary: "测试",
      tradeId: trade.id,
      level: "BEGINNER",
      authorId,
      status: options.published ? "PUBLISHED" : "DRAFT",
      publishedAt: options.published ? new Date() : null,
    },
  });
  const chapter = await prisma.chapter.create({ data: { courseId: course.id, title: "第一章", position: 0 } });
  const lesson = await prisma.lesson.create({
    data: {
      courseId: course.id,
      chapterId: chapter.id,
      title: "第一课",
      kind: options.kind ?? "VIDEO",
      position: 0,
      isPreview: options.isPreview ?? false,
    },
  });
  return { courseId: course.id, chapterId: chapter.id, lessonId: lesson.id };
}

/** Services as main.ts builds them, with media under `dataDir` and the given video settings. */
export function createMediaTestServices(db: Database, dataDir: string, video: Partial<VideoConfig> = {}): Services {
  return createServices({
    db,
    config: {
      sessionTtlMs: TEST_SESSION_TTL_MS,
      authRateLimit: TEST_AUTH_RATE_LIMIT,
      dataDir,
      video: { ...DEFAULT_VIDEO_CONFIG, ...video },
    },
  });
}

/** Every file below `dir` (relative paths), for "nothing was left behind" checks. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The real Express app (server/http/app.ts: security middleware, uploads, media, webhooks) on a
 * loopback port. No React Router build: these tests only call routes that answer before it.
 */
export async function startMediaApp(services: Services): Promise<{ url: string; close(): Promise<void> }> {
  const app = createHttpApp({
    config: { isProduction: false, publicOrigin: undefined, trustProxy: false, maxBodyBytes: 1024 * 1024, sessionTtlMs: TEST_SESSION_TTL_MS },
    services,
    logger: createLogger("silent"),
    build: () => Promise.reject(new Error("no React Router build in media tests")),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
