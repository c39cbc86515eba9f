// One process of quiz players for the answer benchmark (tests/bench/quiz-answers.ts starts
// several). Driven over IPC: for each player, send one form post (an answer to the question at
// `position`, or "next question") all at once, as the page's plain form would, and report each
// request's latency and status.
import http from "node:http";

interface Player {
  token: string;
  attemptId: string;
  /** The correct choice per position (the benchmark knows the bank; a browser does not). */
  answers: number[][];
}

type Command =
  | { cmd: "post"; url: string; cookieName: string; players: Player[]; intent: "answer" | "next"; position: number }
  /** Opens each player's connection (a GET of /healthz), a few hundred at a time: players have the page open before the round. */
  | { cmd: "warm"; url: string; players: number }
  | { cmd: "close" };

function get(url: URL): Promise<void> {
  return new Promise((resolve) => {
    http
      .get({ agent, host: url.hostname, port: url.port, path: url.pathname }, (response) => {
        response.resume();
        response.on("end", resolve);
      })
      .on("error", () => resolve());
  });
}

/** Kept across rounds: each player keeps its connection, as a phone would between questions. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

process.on("message", async (command: Command) => {
  if (command.cmd === "close") {
    agent.destroy();
    process.send!({ ok: true });
    process.disconnect();
    return;
  }
  if (command.cmd === "warm") {
    const health = new URL("/healthz", command.url);
    // Concurrent requests open connections of their own; the agent keeps them for the rounds.
    for (let opened = 0; opened < command.players; opened += 250) await Promise.all(Array.from({ length: Math.min(250, command.players - opened) }, () => get(health)));
    process.send!({ ok: true });
    return;
  }
  const target = new URL(command.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    command.players.map(
      (player) =>
        new Promise<void>((resolve) => {
          const fields = new URLSearchParams({ intent: command.intent, attemptId: player.attemptId, position: String(command.position) });
          if (command.intent === "answer") for (const choice of player.answers[command.position]!) fields.append("choice", String(choice));
          const body = fields.toString();
          const sent = performance.now();
          const send = (retried: boolean) => {
            const request = http.request(
              {
                agent,
                host: target.hostname,
                port: target.port,
                method: "POST",
                path: `/quiz/play/${player.attemptId}`,
                headers: {
                  origin: command.url,
                  cookie: `${command.cookieName}=${player.token}`,
                  "content-type": "application/x-www-form-urlencoded",
                  "content-length": Buffer.byteLength(body),
                },
              },
              (response) => {
                response.resume();
                response.on("end", () => {
                  latencies.push(performance.now() - sent);
                  statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
                  resolve();
                });
              },
            );
            request.on("error", () => {
              // A kept connection the server had just closed as idle: sent again once on a new
              // one, as a browser does. Anything else counts as an error.
              if (request.reusedSocket && !retried) return send(true);
              statuses.error = (statuses.error ?? 0) + 1;
              resolve();
            });
            request.end(body);
          };
          send(false);
        }),
    ),
  );
  process.send!({ ok: true, latencies, statuses, started, finished: Date.now() });
});
