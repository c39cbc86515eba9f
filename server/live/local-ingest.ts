// STUB: implemented by the local-ingest work (node-media-server RTMP ingest + ffmpeg HLS remux).
import type { Logger } from "../logger.ts";
import type { LocalIngest } from "./local.ts";
import type { LiveHooks } from "./provider.ts";

export interface LocalIngestOptions {
  /** 0 picks a free port (tests). */
  port: number;
  bind: string;
  dataDir: string;
  /** How long a dropped publisher may take to come back before the session ends. */
  graceMs: number;
  ffmpegPath?: string;
}

export function createLocalIngest(_options: LocalIngestOptions, _hooks: () => LiveHooks, _logger: Logger): LocalIngest {
  throw new Error("local ingest: not implemented yet");
}
