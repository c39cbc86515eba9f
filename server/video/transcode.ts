// HLS transcoding with the system's ffmpeg: one plain function the video worker and the seed
// both call. It knows nothing of the database; progress goes to a callback.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** The playlist and segment names we write, and the only ones /media serves. */
export const PLAYLIST_NAME = "index.m3u8";
export const SEGMENT_PATTERN = "seg-%05d.ts";
export const HLS_FILE_REGEX = /^(?:index\.m3u8|seg-\d{5}\.ts)$/;

/** Segment length and keyframe interval: 4 s segments cut on keyframes every 2 s. */
const SEGMENT_SECONDS = 4;
const KEYFRAME_SECONDS = 2;

/** A failure with a message key for the user (stored in Video.error) and ffmpeg's last words for the log. */
export class TranscodeError extends Error {
  override readonly name = "TranscodeError";
  constructor(
    readonly messageKey: "video.error.transcodeFailed" | "video.error.ffmpegMissing" | "video.error.noVideoStream",
    readonly detail: string,
  ) {
    super(`${messageKey}: ${detail}`);
  }
}

export interface TranscodeOptions {
  ffmpegPath: string;
  /** The uploaded file. */
  source: string;
  /** Receives index.m3u8 and seg-00000.ts…; replaced whole only when the transcode succeeded. */
  outDir: string;
  /** 0–100, as often as ffmpeg reports (about twice a second); throttle in the caller. */
  onProgress?: (percent: number) => void;
  /** Aborting kills ffmpeg and removes the partial output. */
  signal?: AbortSignal;
}

function executable(file: string): Promise<boolean> {
  return access(file, fsConstants.X_OK).then(
    () => true,
    () => false,
  );
}

function answersVersion(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(file, ["-hide_banner", "-version"], { timeout: 10_000 }, (error, stdout) => {
      resolve(!error && stdout.startsWith("ffmpeg version"));
    });
  });
}

/** The static ffmpeg of the optional npm dependency @ffmpeg-installer/ffmpeg, if it installed. */
function npmFfmpeg(): string | null {
  try {
    return (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  } catch {
    return null; // not installed (no build for this platform, or --omit=optional)
  }
}

/**
 * The ffmpeg to use: FFMPEG_PATH when set, else the first `ffmpeg` on PATH, else the static one
 * npm installed (@ffmpeg-installer/ffmpeg); null when none runs. Debian's `ffmpeg` package is what
 * the project's machines and CI install.
 */
export async function findFfmpeg(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const fallback = env.FFMPEG_PATH ? null : npmFfmpeg();
  const candidates = env.FFMPEG_PATH
    ? [env.FFMPEG_PATH]
    : [...(env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "ffmpeg")), ...(fallback ? [fallback] : [])];
  for (const candidate of candidates) {
    if ((await executable(candidate)) && (await answersVersion(candidate))) return candidate;
  }
  return null;
}

function ffmpegArguments(source: string): string[] {
  return [
    "-hide_banner", "-nostdin", "-nostats", "-y",
    "-i", source,
    // The first video stream and, when there is one, the first audio stream.
    "-map", "0:v:0", "-map", "0:a:0?",
    // At most 1280×720, aspect kept, even sizes (H.264 4:2:0 needs them); never scaled up. Written
    // without force_divisible_by so that the static ffmpeg 4.1 of @ffmpeg-installer runs it too.
    "-vf", "scale=w='if(gt(a,16/9),trunc(min(1280,iw)/2)*2,-2)':h='if(gt(a,16/9),-2,trunc(min(720,ih)/2)*2)'",
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "main", "-pix_fmt", "yuv420p",
    // Keyframes at fixed times so that every segment starts with one and players can seek.
    "-force_key_frames", `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`, "-sc_threshold", "0",
    "-c:a", "aac", "-b:a", "128k", "-ac", "2",
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
    "-hls_segment_filename", SEGMENT_PATTERN,
    "-progress", "pipe:1",
    PLAYLIST_NAME,
  ];
}

/** "Duration: 00:01:02.50" from ffmpeg's description of the input. */
function parseInputDuration(stderr: string): number | null {
  const match = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** The playlist's own length: the sum of its #EXTINF durations (exact, unlike the input header). */
export function playlistDuration(playlist: string): number {
  let total = 0;
  for (const match of playlist.matchAll(/^#EXTINF:([\d.]+)/gm)) total += Number(match[1]);
  return Math.round(total * 1000) / 1000;
}

function runFfmpeg(options: TranscodeOptions, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.ffmpegPath, ffmpegArguments(path.resolve(options.source)), {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let inputSeconds: number | null = null;
    let pending = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
      inputSeconds ??= parseInputDuration(stderr);
    });
    // `-progress pipe:1` writes key=value lines; out_time_us is how far the output has got.
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const [key, value] = line.trim().split("=");
        if (key === "out_time_us" && inputSeconds && options.onProgress) {
          const seconds = Number(value) / 1_000_000;
          if (Number.isFinite(seconds) && seconds >= 0) {
            options.onProgress(Math.min(99, Math.floor((seconds / inputSeconds) * 100)));
          }
        }
      }
    });
    const onAbort = () => {
      // SIGTERM lets ffmpeg close its files; the partial output is removed by the caller.
      child.kill("SIGTERM");
      const hardStop = setTimeout(() => child.kill("SIGKILL"), 5_000);
      hardStop.unref();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => {
      options.signal?.removeEventListener("abort", onAbort);
      reject(new TranscodeError("video.error.ffmpegMissing", error.message));
    });
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (options.signal?.aborted) return reject(abortError());
      if (code === 0) return resolve();
      const lastWords = stderr.trim().split("\n").slice(-5).join("\n");
      const noVideo = /matches no streams|does not contain any stream/.test(stderr) && !/Stream #0:\d+.*Video/.test(stderr);
      reject(
        new TranscodeError(
          noVideo ? "video.error.noVideoStream" : "video.error.transcodeFailed",
          `ffmpeg exited with ${code ?? signal}: ${lastWords}`,
        ),
      );
    });
  });
}

function abortError(): Error {
  const error = new Error("transcode aborted");
  error.name = "AbortError";
  return error;
}

/**
 * Transcodes `source` to VOD HLS (H.264 yuv420p + AAC, ≤720p, 2 s keyframes, ~4 s segments) in
 * outDir. ffmpeg writes into a sibling temporary folder that is renamed into place only after
 * it finished, so a crash or an abort never leaves a half playlist where a reader would find it.
 */
export async function transcodeToHls(options: TranscodeOptions): Promise<{ durationSeconds: number }> {
  if (options.signal?.aborted) throw abortError();
  const outDir = path.resolve(options.outDir);
  const workDir = `${outDir}.tmp-${randomBytes(6).toString("hex")}`;
  await mkdir(workDir, { recursive: true });
  try {
    await runFfmpeg(options, workDir);
    const playlist = await readFile(path.join(workDir, PLAYLIST_NAME), "utf8");
    const segments = (await readdir(workDir)).filter((name) => HLS_FILE_REGEX.test(name) && name.endsWith(".ts"));
    if (!playlist.includes("#EXT-X-ENDLIST") || segments.length === 0) {
      throw new TranscodeError("video.error.transcodeFailed", "ffmpeg produced no complete playlist");
    }
    await rm(outDir, { recursive: true, force: true });
    await rename(workDir, outDir);
    options.onProgress?.(100);
    return { durationSeconds: playlistDuration(playlist) };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
