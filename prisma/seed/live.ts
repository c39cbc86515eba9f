// Demo livestream classes: upcoming sessions by the demo craftsmen over the next week (one with
// reminders from the demo worker), and replays of past sessions whose recording is a real HLS
// playlist made with ffmpeg in the layout the local ingest writes (index.m3u8 + seg-NNNNN.ts under
// DATA_DIR/live/<publicName>/). Runs once: a database that has any session is left alone.
import { execFile } from "node:child_process";
import { cp, mkdir, rm } from "node:fs/promises";
import { promisify } from "node:util";
import type { PrismaClient } from "../../server/db/client.ts";
import { liveDir } from "../../server/live/local.ts";
import { randomToken } from "../../server/live/provider.ts";
import { liveDocId } from "../../server/live/service.ts";
import { enqueueSearchUpdates } from "../../server/search/outbox.ts";
import { findFfmpeg } from "../../server/video/transcode.ts";
import { DEMO_ACCOUNTS } from "./demo-users.ts";

const execFileAsync = promisify(execFile);

export interface SeedLiveOptions {
  dataDir: string;
  /** Upcoming sessions start after this, replays before it. */
  now?: Date;
  /** null: no replays (they need a recording). Default: found on PATH (FFMPEG_PATH). */
  ffmpegPath?: string | null;
  warn?: (message: string) => void;
}

/** The upcoming session the end-to-end tests open (hosted by the demo craftsman). */
export const DEMO_LIVE_ID = "ldemowelderupcoming00000";
/** Length of the demo replays' recording. */
export const DEMO_REPLAY_SECONDS = 30;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface DemoSession {
  id?: string;
  title: string;
  description: string;
  trade: string;
  /** The host's display name (a demo craftsman). */
  host: string;
  /** Days from now (negative: in the past) and the hour in China time. */
  day: number;
  hour: number;
  minutes: number;
  membersOnly?: boolean;
}

const UPCOMING: DemoSession[] = [
  { id: DEMO_LIVE_ID, title: "高凤林讲焊接：火箭发动机喷管的焊缝是怎样炼成的", description: "国家级技能大师现场讲解氩弧焊的手法、姿势和呼吸控制，直播中回答大家的提问。", trade: "welder", host: "高凤林", day: 1, hour: 19, minutes: 60 },
  { title: "数控车床对刀与刀补，一次讲透", description: "试切对刀、刀具磨损补偿、常见撞刀原因，配合实机演示。", trade: "turner", host: "王师傅", day: 2, hour: 20, minutes: 45 },
  { title: "川菜火候：小炒的三段火", description: "从锅温判断到下料顺序，现场做回锅肉和鱼香肉丝。", trade: "chinese-cook", host: "周红梅", day: 3, hour: 19, minutes: 60 },
  { title: "钳工划线与锉削基本功", description: "划线基准的选择、锉刀的握法与锉削平面的检验。", trade: "fitter", host: "陈师傅", day: 4, hour: 20, minutes: 50, membersOnly: true },
  { title: "焊工证实操考试要点直播答疑", description: "特种作业操作证（熔化焊接与热切割）实操考试的评分要点和常见扣分项。", trade: "welder", host: "高凤林", day: 6, hour: 19, minutes: 90 },
];

const REPLAYS: DemoSession[] = [
  { title: "仰焊不再难：运条角度与熔池控制", description: "仰焊位置的焊接要领：焊条角度、电流选择和熔池观察，附常见缺陷分析。", trade: "welder", host: "高凤林", day: -3, hour: 19, minutes: 60 },
  { title: "车削螺纹的进刀方式", description: "直进法、斜进法和左右切削法的对比与选用。", trade: "turner", host: "王师傅", day: -6, hour: 20, minutes: 45 },
  { title: "刀工基本功：切丝与切片", description: "直刀、推刀、拉刀的要领，土豆丝和肉片的现场示范。", trade: "chinese-cook", host: "周红梅", day: -9, hour: 19, minutes: 40 },
];

/** A date `day` days from `now`, at `hour`:00 China time. */
function chinaTime(now: Date, day: number, hour: number): Date {
  const china = new Date(now.getTime() + 8 * HOUR_MS + day * DAY_MS);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hour - 8, 0, 0));
}

/**
 * Seeds the demo sessions into a database without any; returns how many it created (0 when
 * sessions exist or the demo craftsmen are missing).
 */
export async function seedDemoLive(prisma: PrismaClient, options: SeedLiveOptions): Promise<number> {
  if ((await prisma.liveSession.count()) > 0) return 0;
  const now = options.now ?? new Date();
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const hostNames = [...new Set([...UPCOMING, ...REPLAYS].map((s) => s.host))];
  const hosts = new Map((await prisma.user.findMany({ where: { displayName: { in: hostNames }, role: "CRAFTSMAN" }, select: { id: true, displayName: true } })).map((u) => [u.displayName, u.id]));
  if (hosts.size !== hostNames.length) return 0;
  const trades = new Map((await prisma.trade.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  const worker = await prisma.user.findUnique({ where: { phone: DEMO_ACCOUNTS.find((a) => a.role === "WORKER")!.phone }, select: { id: true } });

  const replayNames = REPLAYS.map(() => randomToken(12));
  const recorded = await renderReplays(replayNames, options, warn);

  const rows = [
    ...UPCOMING.map((session) => ({ session, status: "SCHEDULED" as const, publicName: randomToken(12) })),
    ...(recorded ? REPLAYS.map((session, index) => ({ session, status: "REPLAY_READY" as const, publicName: replayNames[index]! })) : []),
  ];
  return prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const { session, status, publicName } of rows) {
      const start = chinaTime(now, session.day, session.hour);
      const id = session.id ?? `ldemo${randomToken(15).toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 19)}`;
      const ended = new Date(start.getTime() + session.minutes * 60 * 1000);
      await tx.liveSession.create({
        data: {
          id,
          title: session.title,
          description: session.description,
          tradeId: trades.get(session.trade)!,
          hostId: hosts.get(session.host)!,
          scheduledStart: start,
          durationMinutes: session.minutes,
          membersOnly: session.membersOnly ?? false,
          status,
          provider: "local",
          streamKey: randomToken(24),
          publicName,
          createdAt: new Date(Math.min(now.getTime(), start.getTime()) - 7 * DAY_MS),
          ...(status === "REPLAY_READY" ? { startedAt: start, endedAt: ended, replaySeconds: DEMO_REPLAY_SECONDS, viewerPeak: 40 + session.minutes } : {}),
        },
      });
      const steps: { from: "SCHEDULED" | "LIVE" | "ENDED" | null; to: "SCHEDULED" | "LIVE" | "ENDED" | "REPLAY_READY"; event: string; at: Date }[] = [
        { from: null, to: "SCHEDULED", event: "scheduled", at: new Date(Math.min(now.getTime(), start.getTime()) - 7 * DAY_MS) },
      ];
      if (status === "REPLAY_READY") {
        steps.push(
          { from: "SCHEDULED", to: "LIVE", event: "connected", at: start },
          { from: "LIVE", to: "ENDED", event: "endRequested", at: ended },
          { from: "ENDED", to: "REPLAY_READY", event: "replayReady", at: new Date(ended.getTime() + 5000) },
        );
      }
      await tx.liveTransition.createMany({ data: steps.map((step) => ({ ...step, sessionId: id })) });
      ids.push(id);
    }
    if (worker) await tx.liveReminder.create({ data: { sessionId: DEMO_LIVE_ID, userId: worker.id, createdAt: now } });
    await enqueueSearchUpdates(tx, ids.map(liveDocId));
    return ids.length;
  });
}

/**
 * One recording (a test pattern with a tone) made once in the ingest's layout and copied to every
 * replay; false (with a warning) without ffmpeg or when it fails: then no replays are seeded.
 */
async function renderReplays(publicNames: string[], options: SeedLiveOptions, warn: (message: string) => void): Promise<boolean> {
  const ffmpegPath = options.ffmpegPath === undefined ? await findFfmpeg() : options.ffmpegPath;
  if (!ffmpegPath) {
    warn("ffmpeg not found: the demo livestream replays are not seeded.");
    return false;
  }
  const [first, ...rest] = publicNames;
  if (!first) return false;
  const dir = liveDir(options.dataDir, first);
  try {
    await mkdir(dir, { recursive: true });
    await execFileAsync(
      ffmpegPath,
      [
        "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", `testsrc2=size=640x360:rate=25:duration=${DEMO_REPLAY_SECONDS}`,
        "-f", "lavfi", "-i", `sine=frequency=330:duration=${DEMO_REPLAY_SECONDS}`,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
        "-c:a", "aac", "-shortest",
        "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", "vod",
        "-hls_segment_filename", `${dir}/seg-%05d.ts`, `${dir}/index.m3u8`,
      ],
      { timeout: 120_000 },
    );
    await Promise.all(rest.map((name) => cp(dir, liveDir(options.dataDir, name), { recursive: true })));
    return true;
  } catch (error) {
    warn(`Demo livestream replays could not be made (${(error as Error).message}); none are seeded.`);
    await Promise.all(publicNames.map((name) => rm(liveDir(options.dataDir, name), { recursive: true, force: true })));
    return false;
  }
}
