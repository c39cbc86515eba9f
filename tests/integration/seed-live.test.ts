// The demo livestream classes a fresh Jiangxin starts with (prisma/seed/live.ts): upcoming
// sessions by the demo craftsmen (the fixed one the end-to-end tests open, with the demo worker's
// reminder), replays whose recording is a real HLS playlist of the promised length, every
// transition stored, search outbox rows, and a seed that runs once; without ffmpeg, no replays.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed.ts";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-users.ts";
import { DEMO_LIVE_ID, DEMO_REPLAY_SECONDS, seedDemoLive } from "../../prisma/seed/live.ts";
import { liveDir } from "../../server/live/local.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { requireFfmpeg } from "../support/media.ts";

const NOW = new Date("2026-11-20T08:00:00.000Z");
let db: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-live-"));
  const ffmpegPath = await requireFfmpeg();
  await seedDemoData(db.prisma, {
    dataDir,
    courses: { now: NOW, ffmpegPath: null, warn: () => {} },
    books: { now: NOW, warn: () => {} },
    jobs: { now: NOW },
    live: { now: NOW, ffmpegPath },
  });
});

afterAll(async () => {
  await db?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("demo livestreams", () => {
  it("schedules upcoming sessions after now and keeps replays before it, by craftsmen", async () => {
    const sessions = await db.prisma.liveSession.findMany({ include: { host: { select: { role: true } } } });
    const upcoming = sessions.filter((s) => s.status === "SCHEDULED");
    const replays = sessions.filter((s) => s.status === "REPLAY_READY");
    expect(upcoming.length).toBeGreaterThanOrEqual(4);
    expect(replays.length).toBeGreaterThanOrEqual(3);
    for (const s of upcoming) expect(s.scheduledStart.getTime()).toBeGreaterThan(NOW.getTime());
    for (const s of replays) {
      expect(s.scheduledStart.getTime()).toBeLessThan(NOW.getTime());
      expect(s).toMatchObject({ replaySeconds: DEMO_REPLAY_SECONDS, provider: "local" });
    }
    for (const s of sessions) {
      expect(s.host.role).toBe("CRAFTSMAN");
      expect(s.publicName).not.toBe(s.streamKey);
    }
    const fixed = sessions.find((s) => s.id === DEMO_LIVE_ID)!;
    expect(fixed.status).toBe("SCHEDULED");
    // Evening classes in China time.
    expect((fixed.scheduledStart.getUTCHours() + 8) % 24).toBe(19);
  });

  it("gives each replay a complete playlist of the recorded length", async () => {
    const replays = await db.prisma.liveSession.findMany({ where: { status: "REPLAY_READY" } });
    const ffprobe = (await requireFfmpeg()).replace(/ffmpeg$/, "ffprobe");
    for (const replay of replays) {
      const dir = liveDir(dataDir, replay.publicName);
      const playlist = await readFile(path.join(dir, "index.m3u8"), "utf8");
      expect(playlist).toContain("#EXT-X-ENDLIST");
      expect((await readdir(dir)).filter((name) => /^seg-\d{5}\.ts$/.test(name)).length).toBeGreaterThanOrEqual(DEMO_REPLAY_SECONDS / 2 - 1);
      const { stdout } = await promisify(execFile)(ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path.join(dir, "index.m3u8")]);
      expect(Math.abs(Number(stdout.trim()) - DEMO_REPLAY_SECONDS)).toBeLessThan(1.5);
    }
  });

  it("stores every transition in order, a reminder of the demo worker and search outbox rows", async () => {
    const replay = await db.prisma.liveSession.findFirstOrThrow({ where: { status: "REPLAY_READY" }, include: { transitions: { orderBy: { at: "asc" } } } });
    expect(replay.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, "SCHEDULED"],
      ["SCHEDULED", "LIVE"],
      ["LIVE", "ENDED"],
      ["ENDED", "REPLAY_READY"],
    ]);
    const worker = await db.prisma.user.findUniqueOrThrow({ where: { phone: DEMO_ACCOUNTS.find((a) => a.role === "WORKER")!.phone } });
    expect(await db.prisma.liveReminder.count({ where: { sessionId: DEMO_LIVE_ID, userId: worker.id } })).toBe(1);
    const sessions = await db.prisma.liveSession.count();
    expect(await db.prisma.searchOutbox.count({ where: { docId: { startsWith: "live-" } } })).toBe(sessions);
  });

  it("runs once", async () => {
    expect(await seedDemoLive(db.prisma, { dataDir, now: NOW })).toBe(0);
  });

  it("seeds no replays without ffmpeg, and says so", async () => {
    const bare = await createTestDatabase();
    const bareDir = await mkdtemp(path.join(os.tmpdir(), "jx-seed-live-bare-"));
    try {
      const said: string[] = [];
      await seedDemoData(bare.prisma, { dataDir: bareDir, courses: { now: NOW, ffmpegPath: null, warn: () => {} }, books: { now: NOW, warn: () => {} }, jobs: { now: NOW }, live: { now: NOW, ffmpegPath: null, warn: (m) => said.push(m) } });
      expect(await bare.prisma.liveSession.count({ where: { status: "REPLAY_READY" } })).toBe(0);
      expect(await bare.prisma.liveSession.count({ where: { status: "SCHEDULED" } })).toBeGreaterThanOrEqual(4);
      expect(said.join("\n")).toContain("ffmpeg not found");
    } finally {
      await bare.cleanup();
      await rm(bareDir, { recursive: true, force: true });
    }
  });
});
