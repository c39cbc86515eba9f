// Shared pieces of the benchmarks: a production server in its own process, autocannon runs,
// medians, and the results file. Benchmarks measure; they never assert.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Database } from "../../server/db/client.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS_FILE = path.join(ROOT, "docs/benchmarks.md");

export interface BenchServer {
  url: string;
  /** The server process (for CPU readings from /proc). */
  pid: number;
  stop(): Promise<void>;
}

/** A fresh, empty data directory for a benchmark server (removed when the server stops). */
export const benchDataDir = () => mkdtemp(path.join(os.tmpdir(), "jiangxin-bench-"));

/**
 * Starts `server/main.ts` from the production build on a free port, with a fresh data directory or
 * the one given (prepared by the benchmark; it is removed when the server stops).
 */
export async function startProductionServer(env: Record<string, string> = {}, dataDirectory?: string): Promise<BenchServer> {
  const dataDir = dataDirectory ?? (await benchDataDir());
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", LIVE_RTMP_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Responses per status code ("201": 812), for targets where 200 and 201 mean different things. */
  statusCodes: Record<string, number>;
}

export async function load(
  url: string,
  options: {
    seconds: number;
    connections: number;
    headers?: Record<string, string>;
    method?: "GET" | "POST";
    body?: string;
    /**
     * Builds each request (path, headers, body) just before it is sent, for targets where every
     * request must differ (e.g. a new application each time); it overrides the fixed ones above.
     */
    setupRequest?: (request: autocannon.Request) => autocannon.Request;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    // autocannon refuses keys that are present but undefined.
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.method ? { method: options.method } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest }] } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0])),
  };
}

/** Median requests per second of several runs, and one target's as a share of another's. */
export const rps = (results: LoadResult[]) => median(results.map((r) => r.requestsPerSecond));
export const ratio = (a: LoadResult[], b: LoadResult[]) => `${((rps(a) / rps(b)) * 100).toFixed(0)} %`;

/** A Markdown table row of a target's medians and failures. */
export const resultRow = (label: string, results: LoadResult[]) =>
  `| ${label} | ${rps(results).toFixed(0)} | ${median(results.map((r) => r.p50Ms))} | ${median(results.map((r) => r.p99Ms))} | ${results.reduce((sum, r) => sum + r.errors + r.non2xx, 0)} |`;

/**
 * EXPLAIN of each query (with its bind parameters, if any), as Markdown code blocks under their
 * titles; with `analyze`, the queries run and the plans show actual rows and times.
 */
export async function queryPlans(
  db: Database,
  queries: [title: string, sql: string, params?: unknown[]][],
  options: { analyze?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  await db.raw.withConnection(async (sql) => {
    for (const [title, query, params] of queries) {
      const rows = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN ${options.analyze ? "(ANALYZE) " : ""}${query}`, params);
      lines.push(`${title}:`, "```", ...rows.map((row) => row["QUERY PLAN"]), "```");
    }
  });
  return lines;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Child processes of `pid` whose command is `name` (e.g. the remuxing ffmpegs of the server). */
export async function childrenNamed(pid: number, name: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid && command === name) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export async function machineLine(): Promise<string> {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const memory = Math.round(os.totalmem() / 2 ** 30);
  let distro = "";
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(await readFile("/etc/os-release", "utf8"))?.[1] ?? "";
  } catch {
    // not Linux
  }
  return `${os.cpus().length} × ${cpu}, ${memory} GiB, ${distro || os.platform()}, Node ${process.version}`;
}

/** Appends a dated section to docs/benchmarks.md (only printed with BENCH_RECORD=0, for trial runs). */
export async function record(title: string, lines: string[]): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const text = [``, `### ${title} — ${date}`, ``, `Machine: ${await machineLine()}`, ``, ...lines, ``].join("\n");
  if (process.env.BENCH_RECORD !== "0") await appendFile(RESULTS_FILE, text);
  console.log(text);
}
