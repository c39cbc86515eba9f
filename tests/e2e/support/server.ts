// Starts the production server (build/ + server/main.ts) on a free port with a fresh embedded
// database, the way `npm run serve` does. Used by global-setup.ts for the whole suite, and by specs
// that need a server with other configuration (e.g. a low rate limit).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../support/rtmp.ts";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Printed by server/main.ts once it listens. */
const READY_LINE = /Jiangxin 匠心 is running at (http:\/\/\S+)/;

export interface E2EServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Environment on top of the defaults below (e.g. AUTH_RATE_LIMIT_POINTS). */
  env?: Record<string, string>;
  /** Prefix for the server's own output lines forwarded to stderr. */
  name?: string;
  timeoutMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<E2EServer> {
  const { env = {}, name = "server", timeoutMs = 120_000 } = options;
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("build/server/index.js is missing: run `npm run build` first (npm run test:e2e does).");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiangxin-e2e-"));
  // The RTMP ingest needs a port number (0 means "no ingest"): one that is free now.
  const rtmpPort = await freePort();
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  // The suite always gets its own fresh embedded database on this host, whatever the shell says.
  for (const key of ["DATABASE_URL", "PUBLIC_ORIGIN", "TRUST_PROXY"]) delete baseEnv[key];

  // Started directly (not through npx) so that the pid is the process we stop; tsx relays
  // SIGTERM to the node process it runs, and the server shuts down cleanly on it.
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...baseEnv,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: "true",
      LOG_LEVEL: "warn",
      // Every registration and failed login of the suite comes from 127.0.0.1.
      AUTH_RATE_LIMIT_POINTS: "1000",
      // Livestreams: the local ingest on its own port, and a short reconnect window so that a
      // dropped test publisher ends its session within the test's time.
      LIVE_RTMP_PORT: String(rtmpPort),
      LIVE_RECONNECT_SECONDS: "5",
      ...env,
    },
  });
  let output = "";
  let ready = false;
  let running = true;
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      running = false;
      // A server that dies in the middle of the run explains every failure after it: say so loudly.
      if (ready && !stopping) process.stderr.write(`[${name}] exited unexpectedly (code ${code}, signal ${signal})\n`);
      resolve(code);
    }),
  );

  const forward = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    if (!ready) {
      output += text;
      return;
    }
    // After start-up only warnings and errors are printed (LOG_LEVEL=warn): show them.
    for (const line of text.split("\n")) if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
  };
  child.stdout.on("data", forward);
  child.stderr.on("data", forward);

  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const stop = async () => {
    stopping = true;
    if (running && child.pid !== undefined) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    removeDataDir();
  };
  // Last resort if the runner exits without calling stop() (e.g. an exception in the runner itself).
  const onExit = () => {
    if (running) child.kill("SIGTERM");
  };
  process.once("exit", onExit);

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s. Output:\n${output}`)),
        timeoutMs,
      );
      const check = () => {
        const match = READY_LINE.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on("data", check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} before it was ready. Output:\n${output}`));
      });
    });
    await waitUntilReady(url, timeoutMs);
    ready = true;
    return {
      url,
      pid: child.pid!,
      stop: async () => {
        process.off("exit", onExit);
        await stop();
      },
    };
  } catch (error) {
    process.off("exit", onExit);
    await stop();
    throw error;
  }
}

async function waitUntilReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL("/readyz", url), { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}/readyz did not answer 200 in time (last: ${last})`);
}
