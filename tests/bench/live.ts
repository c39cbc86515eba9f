// Livestreams on the local provider: the CPU the app process (RTMP ingest inside it) and each
// session's ffmpeg remux use while hosts publish, and how many HLS requests one app process
// serves to viewers. Publishers are separate ffmpeg processes sending a pre-encoded clip with
// `-c copy` (as OBS sends an already encoded stream), so their own encoding is not measured.
// A raw node:http server sending the same segment from memory is run side by side as the limit.
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { syncTrades } from "../../prisma/seed.ts";
import { createServices } from "../../server/context.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { liveDir } from "../../server/live/local.ts";
import { toChinaDateTimeInput } from "../../server/live/schema.ts";
import { findFfmpeg } from "../../server/video/transcode.ts";
import { benchDataDir, childrenNamed, cpuSeconds, load, median, record, resultRow, startProductionServer, type LoadResult } from "./harness.ts";

const SESSIONS = [1, 2, 4];
const WINDOW_SECONDS = Number(process.env.BENCH_LIVE_WINDOW ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const VIEWER_CONNECTIONS = [50, 200];

/** A bare HTTP server answering every request with one file's bytes; prints its port. */
const RAW_SERVER = `
const bytes = require("node:fs").readFileSync(process.argv[1]);
const server = require("node:http").createServer((req, res) => {
  res.writeHead(200, { "content-type": "video/mp2t", "content-length": bytes.length });
  res.end(bytes);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${file} failed: ${stderr.slice(-1000)}`))));
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** 720p at about 2.5 Mbit/s with 2-second keyframes, as the host page recommends. */
async function encodeClip(ffmpeg: string, file: string) {
  await run(ffmpeg, [
    "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=20",
    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=20",
    "-c:v", "libx264", "-preset", "veryfast", "-b:v", "2500k", "-maxrate", "2500k", "-bufsize", "5000k",
    "-pix_fmt", "yuv420p", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
    "-c:a", "aac", "-b:a", "128k", "-shortest", "-f", "flv", file,
  ]);
}

function publish(ffmpeg: string, clip: string, url: string, seconds: number): ChildProcess {
  return spawn(ffmpeg, ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip, "-c", "copy", "-t", String(seconds), "-f", "flv", url], {
    stdio: "ignore",
  });
}

/** CPU seconds per wall second of `pids` over `seconds`. */
async function cpuShare(pids: number[], seconds: number): Promise<number> {
  const before = await Promise.all(pids.map((pid) => cpuSeconds(pid).catch(() => 0)));
  await sleep(seconds * 1000);
  const after = await Promise.all(pids.map((pid) => cpuSeconds(pid).catch(() => 0)));
  return after.reduce((sum, value, index) => sum + value - before[index]!, 0) / seconds;
}

async function segmentsOf(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => /^seg-\d{5}\.ts$/.test(name)).sort();
}

export async function benchLive(): Promise<void> {
  const ffmpeg = await findFfmpeg();
  if (!ffmpeg) throw new Error("The live benchmark needs ffmpeg (Debian: apt-get install ffmpeg).");
  const dataDir = await benchDataDir();
  const clip = path.join(dataDir, "clip.flv");
  await encodeClip(ffmpeg, clip);

  // Sessions scheduled ahead through the service, on the data directory the server then opens.
  const pglite = await PGlite.create(path.join(dataDir, "pglite"));
  const db = await openDatabase({ kind: "pglite-instance", db: pglite });
  const sessions: { key: string; publicName: string }[] = [];
  try {
    await migrate(db.raw);
    await syncTrades(db.prisma);
    const host = await db.prisma.user.create({ data: { displayName: "基准主播", passwordHash: "x", role: "CRAFTSMAN", phone: "13900009999" } });
    const services = createServices({ db, config: { sessionTtlMs: 86_400_000, authRateLimit: { points: 10, windowSeconds: 60 }, dataDir } });
    const viewer = { id: host.id, displayName: host.displayName, role: "CRAFTSMAN" as const };
    // A session goes on air once: every round gets fresh ones, and the viewers' part one more.
    const needed = ROUNDS * SESSIONS.reduce((sum, n) => sum + n, 0) + 1;
    for (let i = 0; i < needed; i++) {
      const result = await services.live.schedule(viewer, {
        title: `基准直播 ${i}`,
        trade: "welder",
        startsAt: toChinaDateTimeInput(new Date(Date.now() + 60 * 60 * 1000)),
        durationMinutes: "60",
      });
      if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
      const row = await db.prisma.liveSession.findUniqueOrThrow({ where: { id: result.value.id } });
      sessions.push({ key: row.streamKey, publicName: row.publicName });
    }
  } finally {
    await db.close();
  }

  const rtmpPort = await freePort();
  const server = await startProductionServer({ SEED_DEMO_DATA: "false", LIVE_RTMP_PORT: String(rtmpPort), LIVE_RECONNECT_SECONDS: "5" }, dataDir);
  const publishers: ChildProcess[] = [];
  const children: ChildProcess[] = [];
  const lines: string[] = [];
  try {
    // tsx runs the server in a child node process: that one holds the ingest and starts the remuxes.
    const appPid = (await childrenNamed(server.pid, "node"))[0] ?? server.pid;
    await sleep(5000); // past the start-up work (search index rebuild, first requests)
    const idle = await cpuShare([appPid], WINDOW_SECONDS);
    let next = 0;

    lines.push(
      `Publishers: ${SESSIONS.join(", ")} sessions at once, each a 720p25 H.264 2.5 Mbit/s + AAC 128 kbit/s clip sent with \`-re -c copy\`; CPU over ${WINDOW_SECONDS} s windows (median of ${ROUNDS}), in % of one core. App idle: ${(idle * 100).toFixed(1)} %.`,
      "",
      "| live sessions | app process (ingest + HTTP) | per session, app | remux ffmpeg, per session |",
      "|---|---|---|---|",
    );
    for (const count of SESSIONS) {
      const app: number[] = [];
      const remux: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const batch = sessions.slice(next, next + count);
        next += count;
        for (const session of batch) publishers.push(publish(ffmpeg, clip, `rtmp://127.0.0.1:${rtmpPort}/live/${session.key}`, 3600));
        // Wait until every session's remux has written a segment, then measure.
        for (let wait = 0; wait < 60; wait++) {
          const written = await Promise.all(batch.map(async (s) => (await segmentsOf(liveDir(dataDir, s.publicName))).length));
          if (written.every((n) => n > 1)) break;
          await sleep(1000);
        }
        const remuxPids = await childrenNamed(appPid, "ffmpeg");
        const [appShare, remuxShare] = await Promise.all([cpuShare([appPid], WINDOW_SECONDS), cpuShare(remuxPids, WINDOW_SECONDS)]);
        app.push(appShare);
        remux.push(remuxShare / Math.max(1, remuxPids.length));
        for (const publisher of publishers.splice(0)) publisher.kill("SIGINT");
        await sleep(7000); // past the reconnect grace: the sessions end and their remuxes finish
      }
      const appMedian = median(app);
      lines.push(`| ${count} | ${(appMedian * 100).toFixed(1)} % | ${(((appMedian - idle) / count) * 100).toFixed(1)} % | ${(median(remux) * 100).toFixed(1)} % |`);
    }

    // Viewers: one session on air; clients fetch its newest finished segment and its playlist.
    const onAir = sessions[sessions.length - 1]!;
    publishers.push(publish(ffmpeg, clip, `rtmp://127.0.0.1:${rtmpPort}/live/${onAir.key}`, 3600));
    const dir = liveDir(dataDir, onAir.publicName);
    for (let wait = 0; wait < 60 && (await segmentsOf(dir)).length < 3; wait++) await sleep(1000);
    const segment = (await segmentsOf(dir)).at(-2)!;
    const segmentBytes = (await readFile(path.join(dir, segment))).length;
    const base = `${server.url}/media/live/${onAir.publicName}`;

    // The limit: the same bytes from memory by a bare node:http server, in its own process (as
    // the app is) so that the load generator does not share its event loop.
    const raw = spawn(process.execPath, ["-e", RAW_SERVER, path.join(dir, segment)], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(raw);
    const rawUrl = await new Promise<string>((resolve, reject) => {
      raw.stdout!.once("data", (chunk: Buffer) => resolve(`http://127.0.0.1:${chunk.toString().trim()}/seg.ts`));
      raw.once("exit", (code) => reject(new Error(`raw server exited with ${code}`)));
    });

    lines.push(
      "",
      `Viewers of one live session (segment of ${(segmentBytes / 1024).toFixed(0)} KiB = 2 s of video; ${ROUNDS} runs of ${SECONDS} s, medians). A viewer fetches one segment and one playlist every 2 s, so viewers served ≈ segment requests/s × 2 while the playlist is cheap.`,
      "",
      "| target | connections | req/s | p50 ms | p99 ms | errors + non-2xx |",
      "|---|---|---|---|---|---|",
    );
    for (const connections of VIEWER_CONNECTIONS) {
      const runs: Record<string, LoadResult[]> = { segment: [], playlist: [], raw: [] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.segment!.push(await load(`${base}/${segment}`, { seconds: SECONDS, connections }));
        runs.playlist!.push(await load(`${base}/index.m3u8`, { seconds: SECONDS, connections }));
        runs.raw!.push(await load(rawUrl, { seconds: SECONDS, connections }));
      }
      for (const [label, results] of Object.entries(runs)) {
        lines.push(resultRow(`${label === "raw" ? "raw node:http, same bytes" : `app ${label}`} | ${connections}`, results));
      }
      const segmentRps = median(runs.segment!.map((r) => r.requestsPerSecond));
      const share = segmentRps / median(runs.raw!.map((r) => r.requestsPerSecond));
      lines.push(
        `| app segment / raw (${connections} connections) | | ${(share * 100).toFixed(0)} % | | | |`,
        `| → viewers one process serves (${connections} connections) | | ≈ ${Math.round(segmentRps * 2)} (${((segmentRps * segmentBytes * 8) / 1e6).toFixed(0)} Mbit/s) | | | |`,
      );
    }
  } finally {
    for (const publisher of publishers) publisher.kill("SIGINT");
    for (const child of children) child.kill();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  await record("Livestreams: ingest and remux CPU, HLS viewers (local provider)", lines);
}
