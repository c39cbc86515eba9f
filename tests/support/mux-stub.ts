// A loopback stand-in for api.mux.com that the real @mux/mux-node client talks to (via baseURL):
// it records every request, can fail the next ones, and answers through the routes a test file
// gives it. Also what Mux's webhooks look like: the `mux-signature` header over the raw body, and
// the event envelope. What such a stub cannot prove is in docs/decisions/006 and 012.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** Sends a JSON answer (no body when `data` is undefined). */
export type Answer = (status: number, data?: unknown) => void;

/** Starts a stub whose requests `route` answers (after the recorded request and any forced failure). */
export function startMuxStub(route: (request: StubRequest, answer: Answer) => void) {
  const requests: StubRequest[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body: raw ? (JSON.parse(raw) as unknown) : null };
      requests.push(request);
      res.setHeader("content-type", "application/json");
      const answer: Answer = (status, data) => {
        res.statusCode = status;
        res.end(data === undefined ? "" : JSON.stringify(data));
      };
      if (failNext > 0) {
        failNext--;
        return answer(500, { error: { type: "internal", messages: ["stub failure"] } });
      }
      route(request, answer);
    });
  });
  return {
    requests,
    failNextRequests(count: number) {
      failNext = count;
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The `mux-signature` header Mux sends: t=<timestamp>,v1=HMAC-SHA256(secret, "<timestamp>.<raw body>"). */
export function muxSignature(body: string, secret: string, timestamp = nowSeconds()): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** POSTs a webhook body to the app's /webhooks/mux, signed unless other headers are given. */
export async function postMuxWebhook(appUrl: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${appUrl}/webhooks/mux`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as { ok: boolean; outcome?: string } };
}
