// The server-rendered home page against a static file from the same Express server, side by side.
// Rounds alternate between the two so that machine noise hits both; medians are reported.
import { load, median, record, startProductionServer, type LoadResult } from "./harness.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

export async function benchHomePage(): Promise<void> {
  const server = await startProductionServer();
  try {
    await load(`${server.url}/`, { seconds: 2, connections: CONNECTIONS }); // warm-up
    const home: LoadResult[] = [];
    const staticFile: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      home.push(await load(`${server.url}/`, { seconds: SECONDS, connections: CONNECTIONS }));
      staticFile.push(await load(`${server.url}/favicon.svg`, { seconds: SECONDS, connections: CONNECTIONS }));
    }
    const summary = (runs: LoadResult[]) => ({
      rps: median(runs.map((run) => run.requestsPerSecond)),
      p50: median(runs.map((run) => run.p50Ms)),
      p99: median(runs.map((run) => run.p99Ms)),
      failures: runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0),
    });
    const page = summary(home);
    const file = summary(staticFile);
    await record("Home page (server-rendered) vs static file", [
      `autocannon on loopback, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s each; medians. Server and load generator share the machine.`,
      ``,
      `| target | requests/s | p50 ms | p99 ms | errors + non-2xx |`,
      `|---|---|---|---|---|`,
      `| GET / (SSR; trades and figures served from the in-process cache) | ${page.rps.toFixed(0)} | ${page.p50} | ${page.p99} | ${page.failures} |`,
      `| GET /favicon.svg (express.static) | ${file.rps.toFixed(0)} | ${file.p50} | ${file.p99} | ${file.failures} |`,
      ``,
      `Ratio: the home page serves **${((page.rps / file.rps) * 100).toFixed(1)} %** of the static file's requests per second; its p99 is **${(page.p99 / Math.max(file.p99, 1)).toFixed(1)}×** the static file's.`,
    ]);
  } finally {
    await server.stop();
  }
}
