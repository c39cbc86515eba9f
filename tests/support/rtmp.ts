// A real RTMP publisher for the livestream tests (integration and e2e): ffmpeg sends a generated
// test pattern with a tone in real time (-re), H.264 with 2 s keyframes + AAC in FLV, as OBS
// would. Bounded by -t; a test stops it in `finally` when it ends sooner. Also the free port the
// ingest's configuration needs (0 there means "no ingest").
import { spawn } from "node:child_process";
import net from "node:net";
import { findFfmpeg } from "../../server/video/transcode.ts";

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RtmpPublisher {
  pid: number;
  /** Settles when ffmpeg exits: 0 when the whole clip was sent, non-zero when the server dropped it. */
  readonly exited: Promise<{ code: number | null; stderr: string }>;
  /** Kills ffmpeg if it still runs, and waits for it to go. */
  stop(): Promise<void>;
}

/** Publishes `seconds` seconds of the test pattern to `url` (rtmp://host:port/<app>/<key>). */
export async function publishTestPattern(url: string, seconds: number): Promise<RtmpPublisher> {
  const ffmpeg = await findFfmpeg();
  // Never skipped: a machine without ffmpeg fails here, saying why.
  if (!ffmpeg) throw new Error("The livestream tests need ffmpeg: install Debian's `ffmpeg` package (.ci/run does) or set FFMPEG_PATH.");
  const child = spawn(
    ffmpeg,
    [
      "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
      "-re",
      "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
      "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
      "-t", String(seconds),
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
      "-c:a", "aac",
      "-f", "flv", url,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.once("error", (error) => resolve({ code: null, stderr: error.message }));
    child.once("close", (code) => resolve({ code, stderr }));
  });
  return {
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
