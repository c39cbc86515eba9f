// Livestream helpers for tests: services with the local RTMP ingest on a free loopback port, a real
// ffmpeg RTMP push of a generated test pattern (as OBS would publish), scheduling through the live
// service, waiting for a session's status, and finding the ingest's remux process.
//
// node-media-server keeps its state per process and integration files share a worker process
// (isolate: false): a file that starts an ingest must stop it in afterAll, or the next file's
// start() fails with "one RTMP ingest per process".
import { readdir, readFile } from "node:fs/promises";
import type { Viewer } from "../../server/auth/permissions.ts";
import { createServices, type Services } from "../../server/context.ts";
import type { Database, PrismaClient } from "../../server/db/client.ts";
import type { LiveConfig } from "../../server/live/config.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import type { LiveStatus } from "../../server/live/status.ts";
import type { Logger } from "../../server/logger.ts";
import { DEFAULT_VIDEO_CONFIG } from "../../server/video/service.ts";
import { publishTestPattern, type RtmpPublisher } from "./rtmp.ts";
import { TEST_AUTH_RATE_LIMIT, TEST_SESSION_TTL_MS } from "./services.ts";

export { freePort } from "./rtmp.ts";

/**
 * Services as main.ts builds them with the local live provider and its RTMP ingest on `rtmpPort`
 * (loopback), media under `dataDir`. The caller starts and stops `services.live.ingest`.
 */
export function createLiveTestServices(
  db: Database,
  dataDir: string,
  options: { rtmpPort: number; reconnectSeconds?: number; logger?: Logger } & Partial<LiveConfig>,
): Services {
  const { logger, reconnectSeconds, ...live } = options;
  return createServices({
    db,
    logger,
    config: {
      sessionTtlMs: TEST_SESSION_TTL_MS,
      authRateLimit: TEST_AUTH_RATE_LIMIT,
      dataDir,
      video: DEFAULT_VIDEO_CONFIG,
      live: { rtmpBind: "127.0.0.1", ...live, reconnectSeconds: reconnectSeconds ?? 4 },
    },
  });
}

/** A session scheduled an hour from now through the live service, with its secret key and public name. */
export async function scheduleLive(
  services: Services,
  prisma: PrismaClient,
  host: Viewer,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; streamKey: string; publicName: string }> {
  const result = await services.live.schedule(host, {
    title: "氩弧焊打底直播",
    description: "现场演示，欢迎提问。",
    trade: "welder",
    startsAt: toChinaDateTimeInput(new Date(Date.now() + 60 * 60 * 1000)),
    durationMinutes: "60",
    ...overrides,
  });
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  return prisma.liveSession.findUniqueOrThrow({ where: { id: result.value.id }, select: { id: true, streamKey: true, publicName: true } });
}

/** Publishes `seconds` seconds of the test pattern to rtmp://127.0.0.1:<port>/<app>/<key>. */
export const pushRtmp = (options: { port: number; key: string; seconds: number; app?: string }): Promise<RtmpPublisher> =>
  publishTestPattern(`rtmp://127.0.0.1:${options.port}/${options.app ?? "live"}/${options.key}`, options.seconds);

/** Polls `read` until `accept` says yes; fails with the last value after `timeoutMs` (a wait, not a timing check). */
export async function waitUntil<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the session's status is `status`; returns the row. */
export function waitForStatus(prisma: PrismaClient, sessionId: string, status: LiveStatus, timeoutMs?: number) {
  return waitUntil(
    () => prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } }),
    (row) => row.status === status,
    `live session ${sessionId} to be ${status}`,
    timeoutMs,
  );
}

/** The session's transitions, oldest first, as (from, to, event). */
export async function transitionsOf(prisma: PrismaClient, sessionId: string) {
  const rows = await prisma.liveTransition.findMany({ where: { sessionId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { from: true, to: true, event: true } });
  return rows.map(({ from, to, event }) => [from, to, event] as const);
}

/**
 * The pids of this process's ffmpeg children whose command line mentions `needle` (the remux
 * names its output directory). Linux: read from /proc.
 */
export async function childFfmpegPids(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may contain spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, "utf8")).split("\0");
      if (/ffmpeg/.test(cmdline[0] ?? "") && cmdline.some((arg) => arg.includes(needle))) pids.push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  return pids;
}

/** The #EXTINF segment names of a playlist, in order. */
export const playlistSegments = (playlist: string) => playlist.split("\n").filter((line) => /^seg-\d{5}\.ts$/.test(line.trim()));
