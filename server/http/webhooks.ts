// Webhooks from video providers. Mounted before the same-origin rule (Mux's servers send no
// Origin of ours) and the global body cap; the body is read raw because the signature covers
// the exact bytes. One Mux endpoint serves both sides: the signature is checked once, then live
// sessions' events (live streams and their recordings) go to the live side, the rest to videos.
import express from "express";
import type { Services } from "../context.ts";
import { applyLiveMuxEvent, isLiveMuxEvent } from "../live/mux-events.ts";
import type { Logger } from "../logger.ts";
import { WebhookRejected } from "../video/service.ts";

const WEBHOOK_MAX_BYTES = 1024 * 1024;

export function webhookRoutes(deps: { services: Services; logger: Logger }): express.Router {
  const router = express.Router();
  router.post("/webhooks/mux", express.raw({ type: () => true, limit: WEBHOOK_MAX_BYTES }), async (req, res) => {
    const { videos, live } = deps.services;
    if (videos.provider !== "mux") return res.status(404).json({ ok: false, error: "mux is not configured" });
    const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    try {
      const event = await videos.verifyMuxWebhook(body, req.headers);
      const result = isLiveMuxEvent(event)
        ? await applyLiveMuxEvent(event, { live, runOnce: videos.runMuxEventOnce, logger: deps.logger })
        : await videos.applyMuxEvent(event);
      res.json({ ok: true, outcome: result.outcome });
    } catch (error) {
      if (error instanceof WebhookRejected) {
        deps.logger.warn({ reason: error.message }, "mux webhook rejected");
        return res.status(400).json({ ok: false, error: "invalid signature or timestamp" });
      }
      // Anything else is ours: 500 makes Mux deliver the event again later.
      deps.logger.error({ err: (error as Error).message }, "mux webhook failed");
      res.status(500).json({ ok: false });
    }
  });
  return router;
}
