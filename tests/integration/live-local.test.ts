// The local live pipeline end to end with real parts: node-media-server's RTMP ingest on a loopback
// port, real ffmpeg pushes of a generated test pattern (as OBS publishes), the per-broadcast ffmpeg
// remux to HLS, the /media/live route over real HTTP, and the status machine on a real database.
// Covered: a push goes live and becomes a replay of its length; wrong, rotated and foreign keys and
// raw RTMP viewers are refused without a trace; a reconnect inside the grace period continues the
// same recording; the grace running out ends the session by itself; a remux that dies fails the
// replay and drops the publisher; members-only playlists; a database that goes away mid-broadcast.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { SESSION_COOKIE } from "../../server/http/cookies.ts";
import { liveDir } from "../../server/live/local.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import {
  childFfmpegPids,
  createLiveTestServices,
  freePort,
  playlistSegments,
  pushRtmp,
  scheduleLive,
  transitionsOf,
  waitForStatus,
  waitUntil,
} from "../support/live.ts";
import { requireFfmpeg, startMediaApp } from "../support/media.ts";

/** How far a replay's length may be from what was pushed (keyframes every 2 s, connection set-up). */
const LENGTH_TOLERANCE_S = 2;

let db: TestDatabase;
let dataDir: string;
let services: Services;
let app: { url: string; close(): Promise<void> };
let rtmpPort: number;
let host: Viewer;
let memberToken: string;

beforeAll(async () => {
  await requireFfmpeg();
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-live-local-"));
  rtmpPort = await freePort();
  services = createLiveTestServices(db, dataDir, { rtmpPort, reconnectSeconds: 4 });
  await services.live.ingest!.start();
  app = await startMediaApp(services);
  host = (await signedInUser(db.prisma, services.sessions, { role: "CRAFTSMAN" })).viewer;
  memberToken = (await signedInUser(db.prisma, services.sessions, { role: "WORKER" })).token;
});

afterAll(async () => {
  await app?.close();
  await services?.live.ingest?.stop();
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const row = (id: string) => db.prisma.liveSession.findUniqueOrThrow({ where: { id } });
const dirOf = (publicName: string) => liveDir(dataDir, publicName);
const playlistUrl = (publicName: string) => `${app.url}/media/live/${publicName}/index.m3u8`;

async function readPlaylist(publicName: string): Promise<string> {
  return readFile(path.join(dirOf(publicName), "index.m3u8"), "utf8").catch(() => "");
}

/** Waits until the remux has written `count` segments into the playlist. */
const waitForSegments = (publicName: string, count = 1) =>
  waitUntil(() => readPlaylist(publicName), (playlist) => playlistSegments(playlist).length >= count, `${count} segment(s) of ${publicName}`);

/** The playlist's length according to ffprobe (what a player would see). */
async function probedSeconds(file: string): Promise<number> {
  const ffprobe = (await requireFfmpeg()).replace(/ffmpeg$/, "ffprobe");
  return new Promise((resolve, reject) => {
    execFile(ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", file], (error, stdout) => {
      if (error) reject(error);
      else resolve(Number.parseFloat(stdout));
    });
  });
}

async function expectReplayOf(sessionId: string, publicName: string, pushedSeconds: number) {
  const done = await waitForStatus(db.prisma, sessionId, "REPLAY_READY");
  expect(done.failure).toBeNull();
  expect(done.replaySeconds).not.toBeNull();
  expect(Math.abs(done.replaySeconds! - pushedSeconds)).toBeLessThanOrEqual(LENGTH_TOLERANCE_S);
  const playlist = await readPlaylist(publicName);
  expect(playlist).toContain("#EXT-X-ENDLIST");
  const probed = await probedSeconds(path.join(dirOf(publicName), "index.m3u8"));
  expect(Math.abs(probed - pushedSeconds)).toBeLessThanOrEqual(LENGTH_TOLERANCE_S);
  // Every segment the playlist names is there, and nothing else but the playlist.
  const files = (await readdir(dirOf(publicName))).sort();
  expect(files).toEqual(["index.m3u8", ...playlistSegments(playlist)].sort());
  // The remux is gone.
  expect(await childFfmpegPids(dirOf(publicName))).toEqual([]);
  return done;
}

describe("a broadcast", () => {
  it("goes live on push, is served as HLS while on air, and becomes a replay of its length when the host ends it", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const push = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 6 });

    const live = await waitForStatus(db.prisma, session.id, "LIVE");
    expect(live.startedAt).not.toBeNull();
    // One remux per broadcast.
    const [remux] = await waitUntil(() => childFfmpegPids(dirOf(session.publicName)), (pids) => pids.length > 0, "the remux");
    const playlist = await waitForSegments(session.publicName);
    expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:EVENT");
    expect(playlist).not.toContain("#EXT-X-ENDLIST");

    // Over HTTP, to anyone (not members-only), uncached while on air.
    const served = await fetch(playlistUrl(session.publicName), { headers: { "user-agent": "live-test-player" } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toContain("application/vnd.apple.mpegurl");
    expect(served.headers.get("cache-control")).toBe("no-cache");
    const servedText = await served.text();
    expect(servedText).toContain("seg-00000.ts");
    const segment = await fetch(`${app.url}/media/live/${session.publicName}/seg-00000.ts`);
    expect(segment.status).toBe(200);
    expect(segment.headers.get("content-type")).toContain("video/mp2t");
    expect(segment.headers.get("cache-control")).toContain("immutable");
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await services.live.detail(null, session.id)).playbackUrl).toBe(`/media/live/${session.publicName}/index.m3u8`);

    // The raw stream cannot be watched over RTMP, even with the key: only our remux may play.
    const ffmpeg = await requireFfmpeg();
    const sneak = await new Promise<{ failed: boolean }>((resolve) => {
      execFile(ffmpeg, ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", `rtmp://127.0.0.1:${rtmpPort}/live/${session.streamKey}`, "-t", "1", "-f", "null", "-"], { timeout: 20_000 }, (error) =>
        resolve({ failed: error !== null }),
      );
    });
    expect(sneak.failed).toBe(true);
    expect(await childFfmpegPids(dirOf(session.publicName))).toEqual([remux]);

    // The clip ends: the publisher drops, then the host ends the session.
    expect((await push.exited).code).toBe(0);
    await waitForStatus(db.prisma, session.id, "RECONNECTING");
    expect(await services.live.end(host, session.id)).toEqual({ status: "ENDED" });

    const done = await expectReplayOf(session.id, session.publicName, 6);
    expect(done.endedAt).not.toBeNull();
    expect(await transitionsOf(db.prisma, session.id)).toEqual([
      [null, "SCHEDULED", "scheduled"],
      ["SCHEDULED", "LIVE", "connected"],
      ["LIVE", "RECONNECTING", "disconnected"],
      ["RECONNECTING", "ENDED", "endRequested"],
      ["ENDED", "REPLAY_READY", "replayReady"],
    ]);

    // The replay is served the same way (the finished playlist is revalidated, not counted).
    const replay = await fetch(playlistUrl(session.publicName));
    expect(replay.status).toBe(200);
    expect(await replay.text()).toContain("#EXT-X-ENDLIST");
  });

  it("serves only the names the remux writes, and nothing of unknown or cancelled sessions", async () => {
    const cancelled = await scheduleLive(services, db.prisma, host);
    await services.live.cancel(host, cancelled.id);
    const scheduled = await scheduleLive(services, db.prisma, host);
    for (const url of [
      playlistUrl(cancelled.publicName),
      playlistUrl("UnknownPublicName1"),
      `${app.url}/media/live/${scheduled.publicName}/index.m3u8`, // nothing recorded yet
      `${app.url}/media/live/${scheduled.publicName}/index.m3u8.tmp`,
      `${app.url}/media/live/${scheduled.publicName}/seg-1.ts`,
      `${app.url}/media/live/${scheduled.publicName}/..%2F..%2Fdb.json`,
      `${app.url}/media/live/..%2F${scheduled.publicName}/index.m3u8`,
      `${app.url}/media/live/${scheduled.streamKey}/index.m3u8`,
    ]) {
      expect((await fetch(url)).status, url).toBe(404);
    }
  });
});

describe("stream keys", () => {
  it("refuses a wrong key, another application's path and a raw key on a session not scheduled: nothing is recorded and nothing changes", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const before = await row(session.id);
    const liveRootBefore = await readdir(path.join(dataDir, "live")).catch(() => [] as string[]);

    const attempts = await Promise.all([
      pushRtmp({ port: rtmpPort, key: `${session.streamKey}x`, seconds: 3 }),
      pushRtmp({ port: rtmpPort, key: "notARealKey_0123456789abcdef0123", seconds: 3 }),
      pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 3, app: "other" }),
    ]);
    for (const attempt of attempts) expect((await attempt.exited).code).not.toBe(0);

    expect(await row(session.id)).toEqual(before);
    expect(await transitionsOf(db.prisma, session.id)).toEqual([[null, "SCHEDULED", "scheduled"]]);
    await expect(stat(dirOf(session.publicName))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(path.join(dataDir, "live")).catch(() => [] as string[])).toEqual(liveRootBefore);
    expect(await childFfmpegPids(path.join(dataDir, "live"))).toEqual([]);
  });

  it("refuses a rotated key and accepts the new one", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const { streamKey: newKey } = await services.live.rotateKey(host, session.id);
    expect(newKey).not.toBe(session.streamKey);

    const old = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 2 });
    expect((await old.exited).code).not.toBe(0);
    expect((await row(session.id)).status).toBe("SCHEDULED");
    await expect(stat(dirOf(session.publicName))).rejects.toMatchObject({ code: "ENOENT" });

    const fresh = await pushRtmp({ port: rtmpPort, key: newKey, seconds: 3 });
    await waitForStatus(db.prisma, session.id, "LIVE");
    expect((await fresh.exited).code).toBe(0);
    await waitForStatus(db.prisma, session.id, "RECONNECTING");
    await services.live.end(host, session.id);
    await expectReplayOf(session.id, session.publicName, 3);
  });
});

describe("reconnecting", () => {
  it("continues the same recording when the publisher comes back within the grace period", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const first = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 4 });
    await waitForStatus(db.prisma, session.id, "LIVE");
    const remux = await waitUntil(() => childFfmpegPids(dirOf(session.publicName)), (pids) => pids.length > 0, "the remux");
    expect(remux).toHaveLength(1);
    expect((await first.exited).code).toBe(0);
    await waitForStatus(db.prisma, session.id, "RECONNECTING");

    const second = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 4 });
    await waitUntil(() => transitionsOf(db.prisma, session.id), (rows) => rows.length === 4, "the reconnect");
    expect((await row(session.id)).status).toBe("LIVE");
    // The same remux process, still writing the same playlist.
    expect(await childFfmpegPids(dirOf(session.publicName))).toEqual(remux);
    expect((await second.exited).code).toBe(0);
    await waitForStatus(db.prisma, session.id, "RECONNECTING");
    await services.live.end(host, session.id);

    await expectReplayOf(session.id, session.publicName, 8);
    expect(await transitionsOf(db.prisma, session.id)).toEqual([
      [null, "SCHEDULED", "scheduled"],
      ["SCHEDULED", "LIVE", "connected"],
      ["LIVE", "RECONNECTING", "disconnected"],
      ["RECONNECTING", "LIVE", "connected"],
      ["LIVE", "RECONNECTING", "disconnected"],
      ["RECONNECTING", "ENDED", "endRequested"],
      ["ENDED", "REPLAY_READY", "replayReady"],
    ]);
    // One playlist whose segments are numbered without a restart.
    const segments = playlistSegments(await readPlaylist(session.publicName));
    expect(segments).toEqual(segments.map((_, i) => `seg-${String(i).padStart(5, "0")}.ts`));
  });

  it("ends the session by itself when the grace period runs out, and the replay follows", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const push = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 3 });
    expect((await push.exited).code).toBe(0);

    await expectReplayOf(session.id, session.publicName, 3);
    expect(await transitionsOf(db.prisma, session.id)).toEqual([
      [null, "SCHEDULED", "scheduled"],
      ["SCHEDULED", "LIVE", "connected"],
      ["LIVE", "RECONNECTING", "disconnected"],
      ["RECONNECTING", "ENDED", "graceExpired"],
      ["ENDED", "REPLAY_READY", "replayReady"],
    ]);
    // The ended session's key publishes nothing any more.
    const late = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 2 });
    expect((await late.exited).code).not.toBe(0);
    expect((await row(session.id)).status).toBe("REPLAY_READY");
  });
});

describe("a remux that dies", () => {
  it("fails the replay with its message key and drops the publisher", async () => {
    const session = await scheduleLive(services, db.prisma, host);
    const push = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 30 });
    try {
      await waitForStatus(db.prisma, session.id, "LIVE");
      const [remux] = await waitUntil(() => childFfmpegPids(dirOf(session.publicName)), (pids) => pids.length === 1, "the remux");
      await waitForSegments(session.publicName);
      process.kill(remux!, "SIGKILL");

      const failed = await waitForStatus(db.prisma, session.id, "REPLAY_FAILED");
      expect(failed.failure).toBe("live.failure.remuxDied");
      expect(failed.endedAt).not.toBeNull();
      // The publisher is dropped long before its 30 s clip is over.
      expect((await push.exited).code).not.toBe(0);
      expect(await transitionsOf(db.prisma, session.id)).toEqual([
        [null, "SCHEDULED", "scheduled"],
        ["SCHEDULED", "LIVE", "connected"],
        ["LIVE", "REPLAY_FAILED", "replayFailed"],
      ]);
    } finally {
      await push.stop();
    }
  });
});

describe("sessions an earlier process left on air", () => {
  /** What a remux killed with its process leaves: whole segments, a playlist without its end. */
  async function unfinishedRecording(publicName: string, seconds: number) {
    const dir = dirOf(publicName);
    await mkdir(dir, { recursive: true });
    await new Promise<void>((resolve, reject) =>
      execFile(
        "ffmpeg",
        [
          "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
          "-f", "lavfi", "-i", `testsrc=size=320x240:rate=25:duration=${seconds}`,
          "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
          "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", "event",
          "-hls_segment_filename", path.join(dir, "seg-%05d.ts"), path.join(dir, "index.m3u8"),
        ],
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const playlist = await readPlaylist(publicName);
    await writeFile(path.join(dir, "index.m3u8"), playlist.replace("#EXT-X-ENDLIST\n", ""));
  }

  it("wait for their host through the grace period, then end with the recording as the replay", async () => {
    const { id, publicName } = await scheduleLive(services, db.prisma, host);
    await services.live.applyEvent(id, "connected");
    await unfinishedRecording(publicName, 6);
    expect(await readPlaylist(publicName)).not.toContain("#EXT-X-ENDLIST");

    expect(await services.live.recoverLocal(300)).toBeGreaterThanOrEqual(1);
    expect((await row(id)).status).toBe("RECONNECTING");
    await waitForStatus(db.prisma, id, "REPLAY_READY");
    expect(await readPlaylist(publicName)).toContain("#EXT-X-ENDLIST");
    expect(Math.abs((await row(id)).replaySeconds! - 6)).toBeLessThanOrEqual(1);
    expect((await transitionsOf(db.prisma, id)).map(([, to]) => to)).toEqual(["SCHEDULED", "LIVE", "RECONNECTING", "ENDED", "REPLAY_READY"]);
  });

  it("become a replay when the host ends them, or fail plainly when nothing was recorded", async () => {
    const recorded = (await scheduleLive(services, db.prisma, host)).id;
    const empty = (await scheduleLive(services, db.prisma, host)).id;
    for (const id of [recorded, empty]) await services.live.applyEvent(id, "connected");
    await unfinishedRecording((await row(recorded)).publicName, 4);
    await services.live.end(host, recorded);
    await services.live.end(host, empty);
    await waitForStatus(db.prisma, recorded, "REPLAY_READY");
    await waitForStatus(db.prisma, empty, "REPLAY_FAILED");
    expect((await row(empty)).failure).toBe("live.failure.noRecording");
  });
});

describe("members-only sessions", () => {
  it("serve their playlist to signed-in viewers only", async () => {
    const session = await scheduleLive(services, db.prisma, host, { membersOnly: "on" });
    const push = await pushRtmp({ port: rtmpPort, key: session.streamKey, seconds: 3 });
    await waitForStatus(db.prisma, session.id, "LIVE");
    await waitForSegments(session.publicName);

    const anonymous = await fetch(playlistUrl(session.publicName), { headers: { "accept-language": "zh-CN" } });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toBe("这场直播仅限会员观看，请先登录。");
    const english = await fetch(`${app.url}/media/live/${session.publicName}/seg-00000.ts`, { headers: { "accept-language": "en" } });
    expect(english.status).toBe(403);
    expect(await english.text()).toBe("This livestream is for members only: please sign in to watch.");

    const member = await fetch(playlistUrl(session.publicName), { headers: { cookie: `${SESSION_COOKIE}=${memberToken}` } });
    expect(member.status).toBe(200);
    expect(await member.text()).toContain("seg-00000.ts");

    expect((await push.exited).code).toBe(0);
    await waitForStatus(db.prisma, session.id, "RECONNECTING");
    await services.live.end(host, session.id);
    await expectReplayOf(session.id, session.publicName, 3);
  });
});

describe("a database that goes away mid-broadcast", () => {
  // Runs last: it stops this file's ingest to run one on a database of its own (one ingest per process).
  it("is logged, never crashes the process, and refuses publishes it cannot check", async () => {
    await services.live.ingest!.stop();
    const lines: string[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    );
    const otherDb = await createTestDatabase();
    const otherDir = await mkdtemp(path.join(os.tmpdir(), "jx-live-down-"));
    const port = await freePort();
    const other = createLiveTestServices(otherDb, otherDir, { rtmpPort: port, reconnectSeconds: 4, logger });
    try {
      await other.live.ingest!.start();
      const otherHost = (await signedInUser(otherDb.prisma, other.sessions, { role: "CRAFTSMAN" })).viewer;
      const session = await scheduleLive(other, otherDb.prisma, otherHost);
      const push = await pushRtmp({ port, key: session.streamKey, seconds: 3 });
      await waitForStatus(otherDb.prisma, session.id, "LIVE");

      await otherDb.cleanup();
      // The publisher drops: the "disconnected" event cannot be stored, and says so in the log.
      expect((await push.exited).code).toBe(0);
      await waitUntil(() => lines.join(""), (log) => log.includes("could not record a live event"), "the failed event in the log");
      // A new publish cannot be checked: refused.
      const unchecked = await pushRtmp({ port, key: session.streamKey, seconds: 2 });
      expect((await unchecked.exited).code).not.toBe(0);
      await waitUntil(() => lines.join(""), (log) => log.includes("could not check a stream key"), "the failed key check in the log");
    } finally {
      await other.live.ingest!.stop();
      await otherDb.cleanup();
      await rm(otherDir, { recursive: true, force: true });
    }
    expect(await childFfmpegPids(otherDir)).toEqual([]);
  });
});
