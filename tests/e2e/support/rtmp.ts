// A real RTMP publisher for the livestream tests: ffmpeg sends a generated test pattern with a tone
// in real time (-re), H.264 with 2 s keyframes + AAC in FLV, to the server URL and stream key a host
// page shows, as OBS would. Bounded by -t; the test stops it in `finally` when it ends sooner.
import { spawn } from "node:child_process";
import { findFfmpeg } from "../../../server/video/transcode.ts";

export interface RtmpPublisher {
  /** Settles when ffmpeg exits (the clip ended, the server dropped it, or stop()). */
  readonly exited: Promise<{ code: number | null; stderr: string }>;
  /** Kills ffmpeg if it still runs, and waits for it to go. */
  stop(): Promise<void>;
}

export async function publishTestPattern(serverUrl: string, streamKey: string, seconds: number): Promise<RtmpPublisher> {
  const ffmpeg = await findFfmpeg();
  // Never skipped: a machine without ffmpeg fails here, saying why.
  if (!ffmpeg) throw new Error("The livestream test needs ffmpeg: install Debian's `ffmpeg` package or set FFMPEG_PATH.");
  const child = spawn(
    ffmpeg,
    [
      "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
      "-re",
      "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
      "-f", "lavfi", "-i", "sine=frequency=440",
      "-t", String(seconds),
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
      "-c:a", "aac",
      "-f", "flv", `${serverUrl.replace(/\/+$/, "")}/${streamKey}`,
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
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
