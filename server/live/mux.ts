// STUB: implemented by the Mux live work (live streams through @mux/mux-node, signed playback).
import type { MuxConfig } from "../video/mux.ts";
import type { LiveProvider } from "./provider.ts";

export interface MuxLiveConfig extends MuxConfig {
  reconnectSeconds: number;
  signing?: { keyId: string; privateKey: string };
}

export function createMuxLiveProvider(_config: MuxLiveConfig): LiveProvider {
  throw new Error("mux live: not implemented yet");
}
