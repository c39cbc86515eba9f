// App processes for the Redis pass: `server/main.ts` from the production build, several at once on
// one PostgreSQL database and one Redis, the way a deployment behind a load balancer runs them.
// Each gets a free port, no RTMP ingest and no demo data; the test reads what it needs from the
// database it shares with them.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Printed by server/main.ts once it listens. */
const READY_LINE = /Jiangxin 匠心 is running at (http:\/\/\S+)/;

export interface AppProcess {
  name: string;
  url: string;
  pid: number;
  /** Whether the process is still running. */
  readonly running: boolean;
  /** Ends it at once, as a crash or an OOM kill would (no shutdown), and waits until it is gone. */
  kill(): Promise<void>;
  /** Shuts it down cleanly (SIGTERM) if still running. */
  stop(): Promise<void>;
}

export async function startApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("build/server/index.js is missing: run `npm run build` first (CI's `npm test` does).");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiangxin-redis-"));
  // Started directly (not through npx) so that the pid is the process we signal; tsx relays
  // SIGTERM to the node process it runs. SIGKILL would stop tsx only: the child is killed by pid
  // below (tsx runs it in-process when it can, else as its only child).
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      LIVE_RTMP_PORT: "0",
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  let running = true;
  let output = "";
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running = false;
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`[${name}] did not start in time:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`[${name}] exited before listening:\n${output}`));
    });
  });
  // Later output is forwarded: a warning from a server explains a failing test.
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString("utf8")}`));

  const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    name,
    url,
    pid: child.pid!,
    get running() {
      return running;
    },
    async kill() {
      if (!running) return;
      // The whole tree of this one process: tsx and the node process running server/main.ts.
      for (const pid of descendantsOf(child.pid!)) process.kill(pid, "SIGKILL");
      child.kill("SIGKILL");
      await exited;
      cleanUp();
    },
    async stop() {
      if (running) {
        child.kill("SIGTERM");
        await exited;
      }
      cleanUp();
    },
  };
}

/** The pids of the processes below `pid` (from /proc), deepest first. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  const below = (of: number): number[] => (children.get(of) ?? []).flatMap((child) => [...below(child), child]);
  return below(pid);
}

/** Removes every key under `prefix` (a test run's own), in batches. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}
