// The local RTMP ingest: node-media-server (NMS) inside this process takes hosts' RTMP publishes,
// and one `ffmpeg -c copy` per broadcast, playing the stream back over RTMP, remuxes it to HLS
// under DATA_DIR/live/<publicName>/ (server/http/live-media.ts serves the files). When the
// broadcast ends, ffmpeg finishes the playlist (#EXT-X-ENDLIST) and that playlist is the replay.
//
// The ingest decides nothing about statuses: it reports what happens to the video (connected,
// disconnected, graceExpired, replayReady, replayFailed) through LiveHooks.event, one event at a
// time per broadcast, and the live service applies them with the status machine.
//
// How NMS is used (version pinned; see docs/decisions/011-live-local-ingest.md):
// - It keeps its state in module-level singletons, so one ingest runs per process.
// - We listen on our own TCP server and hand sockets to its RTMP session handler instead of
//   calling nms.run(): NMS would exit the process on a listen error, could not report port 0, and
//   run() opens a JSON store that records stream names (our secret keys) and client addresses and
//   installs process signal handlers. Nothing of NMS is written to disk.
// - Stream keys are checked against the database, which is asynchronous, while NMS accepts a
//   publish synchronously. So a publish is accepted by NMS first and dropped once the check says
//   no; until it says yes nobody plays the stream and nothing is recorded.
// - RTMP playback is locked to our own remux (a per-process random token in its URL): nobody can
//   watch the raw stream by its key.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { timingSafeEqual } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, appendFile, mkdir, readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import type { Logger } from "../logger.ts";
import { findFfmpeg, PLAYLIST_NAME, playlistDuration, SEGMENT_PATTERN } from "../video/transcode.ts";
import { liveDir, type LocalIngest } from "./local.ts";
import { randomToken, type LiveEventDetails, type LiveHooks } from "./provider.ts";
import type { LiveEvent } from "./status.ts";

export interface LocalIngestOptions {
  /** 0 picks a free port (tests). */
  port: number;
  bind: string;
  dataDir: string;
  /** How long a dropped publisher may take to come back before the session ends. */
  graceMs: number;
  ffmpegPath?: string;
}

/** The RTMP application hosts publish to: rtmp://host:port/live/<streamKey>. */
export const LIVE_APP = "live";
/** A segment of a live recording, as the remux names them. */
export const LIVE_SEGMENT_REGEX = /^seg-\d{5}\.ts$/;
/** Public names as the live service makes them (randomToken): the only directory names we write. */
export const PUBLIC_NAME_REGEX = /^[A-Za-z0-9_-]{8,64}$/;

/** A connection that is neither publishing nor our remux, or a publisher that sent nothing, for this long is dropped (a vanished encoder never closes its TCP connection). */
const IDLE_TIMEOUT_MS = 15_000;
/** NMS's own reconnect window outlasts ours: our timer decides, then finishes NMS's broadcast. */
const NMS_GRACE_MARGIN_MS = 60_000;
/** After its input closed, ffmpeg has this long to finish the playlist before it is interrupted. */
const REMUX_FINISH_MS = 15_000;
/** ffmpeg counts signals that arrive separately: the second SIGINT follows after this. */
const REMUX_SECOND_SIGNAL_MS = 300;
/** After the first SIGINT, this long before SIGKILL. */
const REMUX_KILL_MS = 5_000;
const PROBE_TIMEOUT_MS = 30_000;

// ── the parts of node-media-server 4.4.3 we use (it ships no type declarations) ────────────────

interface NmsBroadcast {
  streamPath: string;
  publisher: NmsSession | null;
  subscribers: Map<string, NmsSession>;
  /** How long NMS keeps a dropped publisher's place for the same client address. */
  publishGraceMs: number;
  /** Ends the publish for good: clears NMS's grace timer and emits donePublish. */
  _finishPublish(): void;
}

interface NmsSession {
  id: string;
  /** "address:port" of the client. */
  ip: string;
  protocol: string;
  streamApp: string;
  streamName: string;
  streamPath: string;
  streamQuery: Record<string, string | string[] | undefined>;
  socket?: net.Socket;
  broadcast: NmsBroadcast;
  close(): void;
}

type NmsEvent = "prePublish" | "postPublish" | "donePublish" | "prePlay" | "postPlay" | "donePlay";

interface NodeMediaServer {
  rtmpServer: { handleRequest(socket: net.Socket): void; stop(): void };
  stop(): Promise<void>;
}

interface NmsModules {
  NodeMediaServer: new (config: Record<string, unknown>) => NodeMediaServer;
  context: { eventEmitter: import("node:events").EventEmitter; broadcasts: Map<string, NmsBroadcast> };
  logger: { level: string; log(message: string, level?: string): void };
}

function loadNms(): NmsModules {
  const require = createRequire(import.meta.url);
  return {
    NodeMediaServer: require("node-media-server") as NmsModules["NodeMediaServer"],
    context: require("node-media-server/src/core/context.js") as NmsModules["context"],
    logger: require("node-media-server/src/core/logger.js") as NmsModules["logger"],
  };
}

/** NMS's state is per process (module singletons): a second running ingest would share it. */
let ingestRunning = false;

// ── one broadcast: a session's publisher(s), its remux and its timers ───────────────────────────

type Phase =
  /** A publisher is sending. */
  | "live"
  /** The publisher dropped; the grace timer runs. */
  | "reconnecting"
  /** The end is decided: the remux's input is closed and ffmpeg finishes the playlist. */
  | "ending";

interface Broadcast {
  sessionId: string;
  publicName: string;
  streamKey: string;
  streamPath: string;
  dir: string;
  phase: Phase;
  publisher: NmsSession | null;
  nms: NmsBroadcast;
  remux: ChildProcess | null;
  /** The remux's own RTMP play session; closing it makes ffmpeg finish the playlist. */
  remuxInput: NmsSession | null;
  /** Settles when the remux process has exited (or never started). */
  remuxExited: Promise<void>;
  /** We interrupted ffmpeg ourselves (SIGINT) while ending: it still finishes the playlist. */
  interrupted: boolean;
  graceTimer: NodeJS.Timeout | null;
  finishTimer: NodeJS.Timeout | null;
  /** Events to the service, one after the other. */
  events: Promise<void>;
}

const alive = (child: ChildProcess | null): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null;

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** ffprobe beside ffmpeg, when there is one (the npm static ffmpeg comes without). */
async function ffprobeBeside(ffmpeg: string): Promise<string | null> {
  const candidate = path.join(path.dirname(ffmpeg), path.basename(ffmpeg).replace(/ffmpeg/, "ffprobe"));
  if (candidate === ffmpeg) return null;
  return access(candidate, fsConstants.X_OK).then(
    () => candidate,
    () => null,
  );
}

/** The length of a finished HLS playlist according to ffprobe; null when it cannot say. */
function probeDuration(ffprobe: string, playlist: string): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(
      ffprobe,
      ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", playlist],
      { timeout: PROBE_TIMEOUT_MS },
      (error, stdout) => {
        const seconds = Number.parseFloat(stdout);
        resolve(!error && Number.isFinite(seconds) && seconds > 0 ? seconds : null);
      },
    );
  });
}

/** Where our own remux connects: the bind address, or loopback when bound to every address. */
function loopbackFor(bind: string): string {
  if (bind === "" || bind === "0.0.0.0") return "127.0.0.1";
  if (bind === "::") return "[::1]";
  return net.isIPv6(bind) ? `[${bind}]` : bind;
}

export function createLocalIngest(options: LocalIngestOptions, hooks: () => LiveHooks, logger: Logger): LocalIngest {
  const log = logger.child({ component: "live-ingest" });
  /** Our remux plays with this; any other RTMP player is refused. */
  const playToken = randomToken(18);
  const broadcasts = new Map<string, Broadcast>();
  const byPath = new Map<string, Broadcast>();
  /** Event chains still running (awaited by stop()). */
  const pending = new Set<Promise<void>>();

  let nmsModules: NmsModules | null = null;
  let nms: NodeMediaServer | null = null;
  let server: net.Server | null = null;
  let listeners: [NmsEvent, (session: NmsSession) => void][] = [];
  let ffmpeg: string | null = null;
  let ffprobe: string | null = null;
  let port = options.port;
  let stopping = false;
  /** This ingest holds the process's NMS (between start and the end of stop). */
  let holdsNms = false;

  // ── talking to the service ──────────────────────────────────────────────────────────────────

  function report(b: Broadcast, event: LiveEvent, details?: LiveEventDetails) {
    const step = b.events.then(async () => {
      try {
        await hooks().event(b.sessionId, event, details);
      } catch (error) {
        // The database may be down: the event is lost, the process goes on (the host can end
        // the session by hand once it is back).
        log.error({ sessionId: b.sessionId, event, err: (error as Error).message }, "could not record a live event");
      }
    });
    b.events = step;
    pending.add(step);
    void step.finally(() => pending.delete(step));
  }

  // ── publishers ──────────────────────────────────────────────────────────────────────────────

  function drop(session: NmsSession) {
    if (session.socket) session.socket.destroy();
    else session.close();
  }

  function onPostPublish(session: NmsSession) {
    if (stopping) return drop(session);
    // NMS emits postPublish even for a publish it then refuses itself (the path has a live
    // publisher): leave those to it.
    const nmsPublisher = session.broadcast.publisher;
    if (nmsPublisher !== null && nmsPublisher !== session) return;
    // Until the key is checked, a drop frees the path at once (no NMS reconnect window).
    const known = byPath.get(session.streamPath);
    if (!known || known.phase === "ending") session.broadcast.publishGraceMs = 0;
    authorize(session).catch((error: Error) => {
      log.error({ err: error.message }, "live publish failed");
      drop(session);
    });
  }

  async function authorize(session: NmsSession) {
    let authorized: Awaited<ReturnType<LiveHooks["authorizePublish"]>> = null;
    if (session.streamApp === LIVE_APP) {
      try {
        authorized = await hooks().authorizePublish(session.streamName);
      } catch (error) {
        log.error({ err: (error as Error).message }, "could not check a stream key; publish refused");
      }
    }
    if (stopping) return drop(session);
    if (!authorized) {
      log.info({ nmsSession: session.id }, "publish refused: unknown stream key");
      return drop(session);
    }
    if (!PUBLIC_NAME_REGEX.test(authorized.publicName)) {
      // It becomes a directory name: never trust it blindly, even from the database.
      log.error({ sessionId: authorized.sessionId }, "publish refused: the session's public name is not one we generate");
      return drop(session);
    }
    // Gone while we asked, or refused by NMS itself (a second publisher on a live path).
    if (session.socket?.destroyed || session.broadcast.publisher !== session) return;
    accept(session, authorized);
  }

  function accept(session: NmsSession, authorized: { sessionId: string; publicName: string }) {
    const existing = broadcasts.get(authorized.sessionId);
    if (existing && (existing.phase === "ending" || existing.streamPath !== session.streamPath)) {
      // The session's end is decided (the database has not caught up yet), or its key changed
      // under a running broadcast: nothing new starts.
      log.info({ sessionId: authorized.sessionId }, "publish refused: the broadcast is ending");
      return drop(session);
    }
    session.broadcast.publishGraceMs = options.graceMs + NMS_GRACE_MARGIN_MS;
    let b = existing;
    if (!b) {
      b = {
        sessionId: authorized.sessionId,
        publicName: authorized.publicName,
        streamKey: session.streamName,
        streamPath: session.streamPath,
        dir: liveDir(options.dataDir, authorized.publicName),
        phase: "live",
        publisher: session,
        nms: session.broadcast,
        remux: null,
        remuxInput: null,
        remuxExited: Promise.resolve(),
        interrupted: false,
        graceTimer: null,
        finishTimer: null,
        events: Promise.resolve(),
      };
      broadcasts.set(b.sessionId, b);
      byPath.set(b.streamPath, b);
      log.info({ sessionId: b.sessionId }, "live publish accepted");
      report(b, "connected");
      startRemux(b);
    } else {
      // The same session back within the grace period: same remux, same playlist. From the same
      // address NMS continues the timestamps; from another one they restart (see the decision record).
      if (b.graceTimer) clearTimeout(b.graceTimer);
      b.graceTimer = null;
      if (b.publisher && b.publisher !== session) drop(b.publisher);
      b.phase = "live";
      b.publisher = session;
      b.nms = session.broadcast;
      log.info({ sessionId: b.sessionId }, "live publisher reconnected");
      report(b, "connected");
    }
    const broadcast = b;
    session.socket?.once("close", () => onPublisherClosed(broadcast, session));
  }

  function onPublisherClosed(b: Broadcast, session: NmsSession) {
    if (stopping || b.publisher !== session || b.phase !== "live") return;
    b.publisher = null;
    b.phase = "reconnecting";
    log.info({ sessionId: b.sessionId, graceMs: options.graceMs }, "live publisher dropped");
    report(b, "disconnected");
    b.graceTimer = setTimeout(() => {
      b.graceTimer = null;
      if (b.phase !== "reconnecting") return;
      log.info({ sessionId: b.sessionId }, "live publisher did not come back");
      report(b, "graceExpired");
      finish(b);
    }, options.graceMs);
  }

  /** The end is decided: drop the publisher, close the remux's input so that ffmpeg finishes. */
  function finish(b: Broadcast) {
    b.phase = "ending";
    if (b.graceTimer) clearTimeout(b.graceTimer);
    b.graceTimer = null;
    const publisher = b.publisher;
    b.publisher = null;
    if (publisher) drop(publisher);
    // Ends NMS's side of the publish (its reconnect window, its caches); our remux stays subscribed
    // until we close its input below.
    b.nms._finishPublish();
    if (b.remuxInput) b.remuxInput.close();
    else interruptRemux(b); // not connected yet: nothing to finish from
    if (!b.finishTimer) {
      b.finishTimer = setTimeout(() => interruptRemux(b), REMUX_FINISH_MS);
      b.finishTimer.unref();
    }
  }

  // ── the remux ───────────────────────────────────────────────────────────────────────────────

  function remuxArguments(b: Broadcast): string[] {
    const input = `rtmp://${loopbackFor(options.bind)}:${port}/${LIVE_APP}/${b.streamKey}?t=${playToken}`;
    return [
      "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning",
      "-i", input,
      "-c", "copy",
      "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", "event",
      // temp_file: segments and the playlist appear under their names only when complete, so the
      // media route never serves half a file. append_list: if this process restarted mid-broadcast,
      // the new remux continues the playlist instead of overwriting its first segments.
      "-hls_flags", "temp_file+append_list",
      "-hls_segment_filename", path.join(b.dir, SEGMENT_PATTERN),
      path.join(b.dir, PLAYLIST_NAME),
    ];
  }

  function startRemux(b: Broadcast) {
    let exited!: () => void;
    b.remuxExited = new Promise<void>((resolve) => (exited = resolve));
    let lastWords = "";
    let settled = false;
    /** Called once, however the remux ends (or fails to start). */
    const ended = (code: number | null, signal: NodeJS.Signals | null, detail: string) => {
      if (settled) return;
      settled = true;
      exited();
      remuxEnded(b, code, signal, detail).catch((error: Error) => log.error({ sessionId: b.sessionId, err: error.message }, "live remux bookkeeping failed"));
    };
    void (async () => {
      await mkdir(b.dir, { recursive: true });
      if (stopping || b.phase === "ending") return ended(null, null, "ended before the remux started");
      // Its own process group: a Ctrl-C in the terminal (which signals the whole foreground group)
      // must not finish recordings behind the ingest's back; stop() ends them itself.
      const child = spawn(ffmpeg!, remuxArguments(b), { stdio: ["ignore", "ignore", "pipe"], detached: true });
      b.remux = child;
      child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        lastWords = (lastWords + chunk).slice(-4_000);
      });
      child.once("error", (error) => ended(null, null, error.message));
      child.once("close", (code, signal) => ended(code, signal, lastWords.trim().split("\n").slice(-3).join(" | ")));
    })().catch((error: Error) => ended(null, null, `the remux could not start: ${error.message}`));
  }


  /**
   * Stops ffmpeg so that it still writes the end of the playlist. Once it has started writing,
   * ffmpeg lets a first SIGINT wait for the next packet (none comes while a publisher is away):
   * a second one interrupts the blocked read. SIGKILL if it still runs after that.
   */
  function interruptRemux(b: Broadcast) {
    const child = b.remux;
    if (!alive(child)) return;
    b.interrupted = true;
    child.kill("SIGINT");
    const again = setTimeout(() => {
      if (alive(child)) child.kill("SIGINT");
    }, REMUX_SECOND_SIGNAL_MS);
    const hardStop = setTimeout(() => {
      if (alive(child)) child.kill("SIGKILL");
    }, REMUX_KILL_MS);
    again.unref();
    hardStop.unref();
  }

  async function remuxEnded(b: Broadcast, code: number | null, signal: NodeJS.Signals | null, detail: string) {
    if (b.finishTimer) clearTimeout(b.finishTimer);
    b.finishTimer = null;
    b.remuxInput = null;
    if (stopping) return; // shutdown: the session stays as it is for the next start
    if (b.phase !== "ending") {
      // Without its recording the broadcast cannot go on: the service ends the session and
      // stops the publisher (provider.stop → disconnect), which we do here too.
      log.error({ sessionId: b.sessionId, code, signal, detail }, "live remux died while on air");
      report(b, "replayFailed", { failure: "live.failure.remuxDied" });
      finish(b);
    } else {
      const outcome = await recordingOutcome(b.dir, code === 0 || b.interrupted);
      if (outcome.event === "replayFailed") log.warn({ sessionId: b.sessionId, code, signal, detail, failure: outcome.details.failure }, "live replay failed");
      else log.info({ sessionId: b.sessionId, replaySeconds: outcome.details.replaySeconds }, "live replay ready");
      report(b, outcome.event, outcome.details);
    }
    // Forgotten once the last event is recorded: a publish in between still finds it ending.
    await b.events;
    if (broadcasts.get(b.sessionId) === b) broadcasts.delete(b.sessionId);
    if (byPath.get(b.streamPath) === b) byPath.delete(b.streamPath);
  }

  async function recordingOutcome(dir: string, finishedCleanly: boolean): Promise<{ event: "replayReady" | "replayFailed"; details: LiveEventDetails }> {
    const names = await readdir(dir).catch(() => [] as string[]);
    if (!names.some((name) => LIVE_SEGMENT_REGEX.test(name))) return { event: "replayFailed", details: { failure: "live.failure.noRecording" } };
    const playlistFile = path.join(dir, PLAYLIST_NAME);
    const playlist = await readFile(playlistFile, "utf8").catch(() => "");
    if (!finishedCleanly || !playlist.includes("#EXT-X-ENDLIST")) return { event: "replayFailed", details: { failure: "live.failure.remuxDied" } };
    const seconds = (ffprobe ? await probeDuration(ffprobe, playlistFile) : null) ?? playlistDuration(playlist);
    if (!(seconds > 0)) return { event: "replayFailed", details: { failure: "live.failure.noRecording" } };
    return { event: "replayReady", details: { replaySeconds: seconds } };
  }

  /**
   * A recording an earlier process left unfinished (it stopped while the session was on air or
   * finishing): the segments on disk are whole (temp_file), so the playlist only lacks its end.
   * It gets the end and becomes the replay, like a finished broadcast's.
   */
  async function finishOrphan(sessionId: string, dir: string) {
    try {
      const playlistFile = path.join(dir, PLAYLIST_NAME);
      const playlist = await readFile(playlistFile, "utf8").catch(() => "");
      if (playlist && !playlist.includes("#EXT-X-ENDLIST")) await appendFile(playlistFile, `${playlist.endsWith("\n") ? "" : "\n"}#EXT-X-ENDLIST\n`);
      const outcome = playlist ? await recordingOutcome(dir, true) : { event: "replayFailed" as const, details: { failure: "live.failure.noRecording" } };
      log.info({ sessionId, outcome: outcome.event }, "unfinished live recording of an earlier process finished");
      await hooks().event(sessionId, outcome.event, outcome.details);
    } catch (error) {
      log.error({ sessionId, err: (error as Error).message }, "could not finish an earlier process's live recording");
    }
  }

  // ── players: only our remux ─────────────────────────────────────────────────────────────────

  function onPrePlay(session: NmsSession) {
    const b = byPath.get(session.streamPath);
    if (stopping || !b || !sameSecret(session.streamQuery.t, playToken) || b.phase === "ending" || b.remuxInput) {
      log.info({ nmsSession: session.id }, "RTMP play refused");
      return drop(session);
    }
    b.remuxInput = session;
    // Across a reconnect gap nothing flows on this connection; it must not time out.
    session.socket?.setTimeout(0);
  }

  // ── the ingest ──────────────────────────────────────────────────────────────────────────────

  async function listen(tcp: net.Server): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        reject(
          new Error(
            error.code === "EADDRINUSE"
              ? `live ingest: RTMP port ${options.port} on ${options.bind} is already in use (LIVE_RTMP_PORT)`
              : `live ingest: cannot listen on ${options.bind}:${options.port}: ${error.message}`,
          ),
        );
      };
      tcp.once("error", onError);
      tcp.listen(options.port, options.bind, () => {
        tcp.off("error", onError);
        resolve((tcp.address() as net.AddressInfo).port);
      });
    });
  }

  async function start() {
    if (holdsNms) return;
    if (ingestRunning) throw new Error("live ingest: one RTMP ingest per process (node-media-server keeps its state in module singletons)");
    ffmpeg = options.ffmpegPath ?? (await findFfmpeg());
    if (!ffmpeg) throw new Error("live ingest: ffmpeg not found; install it (Debian: apt-get install ffmpeg) or set FFMPEG_PATH");
    ffprobe = await ffprobeBeside(ffmpeg);
    ingestRunning = holdsNms = true;
    stopping = false;
    try {
      nmsModules = loadNms();
      // NMS writes to the console through one shared logger (its constructor sets it to "debug"
      // and greets): its lines go to ours instead, from before the constructor runs.
      nmsModules.logger.log = (message: string, level = "info") => {
        if (level === "error" || level === "warn") log.info({ nms: level }, message);
        else log.debug({ nms: level }, message);
      };
      // No rtmp.port: NMS listens on nothing itself (see the header). No http: HTTP-FLV would
      // bypass the play lock. The store path is only a safe place should anything open it.
      nms = new nmsModules.NodeMediaServer({
        bind: options.bind,
        rtmp: {},
        webadmin: { enable: false },
        store: { path: path.join(options.dataDir, "live", ".nms") },
      });
      listeners = [
        ["postPublish", onPostPublish],
        ["prePlay", onPrePlay],
      ];
      for (const [event, listener] of listeners) nmsModules.context.eventEmitter.on(event, listener);
      const handle = nms.rtmpServer.handleRequest;
      server = net.createServer((socket) => {
        // A vanished encoder never closes its TCP connection: whatever stays silent this long
        // goes (our remux, which may wait through a reconnect gap, is exempted in onPrePlay).
        socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
        handle(socket);
      });
      server.on("error", (error) => log.error({ err: error.message }, "live ingest server error"));
      port = await listen(server);
    } catch (error) {
      await stop();
      throw error;
    }
  }

  async function stop() {
    if (!holdsNms) return;
    stopping = true;
    if (nmsModules) for (const [event, listener] of listeners) nmsModules.context.eventEmitter.off(event, listener);
    listeners = [];
    const tcp = server;
    server = null;
    const closed = tcp?.listening ? new Promise<void>((resolve) => tcp.close(() => resolve())) : Promise.resolve();
    // ffmpeg finishes its files on SIGINT; the sessions stay as they are (a restarted process
    // takes the publishers back, and the remux continues the playlist).
    for (const b of broadcasts.values()) {
      if (b.graceTimer) clearTimeout(b.graceTimer);
      if (b.finishTimer) clearTimeout(b.finishTimer);
      b.graceTimer = b.finishTimer = null;
      if (b.publisher) drop(b.publisher);
      // The end of its input lets ffmpeg finish cleanly; the signals make sure it does now.
      b.remuxInput?.close();
      interruptRemux(b);
    }
    await Promise.all([...broadcasts.values()].map((b) => b.remuxExited));
    broadcasts.clear();
    byPath.clear();
    await Promise.all([...pending]);
    // NMS's own reconnect timers, for paths we refused or dropped.
    if (nmsModules) for (const broadcast of [...nmsModules.context.broadcasts.values()]) broadcast._finishPublish();
    await nms?.stop(); // destroys every remaining RTMP connection
    await closed;
    nms = null;
    nmsModules = null;
    holdsNms = ingestRunning = false;
  }

  return {
    get port() {
      return port;
    },
    start,
    stop,
    disconnect(session: { id: string; publicName: string }) {
      if (stopping) return;
      const b = broadcasts.get(session.id);
      if (b) {
        log.info({ sessionId: session.id }, "live broadcast ended");
        return finish(b);
      }
      if (!PUBLIC_NAME_REGEX.test(session.publicName)) return;
      const step = finishOrphan(session.id, liveDir(options.dataDir, session.publicName));
      pending.add(step);
      void step.finally(() => pending.delete(step));
    },
  };
}
