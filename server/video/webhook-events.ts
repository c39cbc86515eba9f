// "At most once" for provider webhooks: the WebhookEvent table records every event id we acted on,
// so Mux's redeliveries (it retries for a day and may send a success twice) and replays of a
// captured request change nothing. On-demand videos (server/video/service.ts) and live sessions
// (server/live/mux-events.ts) share it: one table, one id space, whichever side an event goes to.
import { isUniqueViolation, type DB, type PrismaClient } from "../db/client.ts";

type Tx = DB.Prisma.TransactionClient;

/** Mux redelivers failed events for about a day; ids older than a week are no longer needed. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;


export function createWebhookEventLog(prisma: PrismaClient, provider: string) {
  /**
   * Runs `apply` in one transaction with the record of the event id: a replay, or the same delivery
   * racing itself, returns "replayed" and changes nothing. For changes written through `tx`.
   */
  async function applyOnce<T>(eventId: string, apply: (tx: Tx) => Promise<T>): Promise<T | "replayed"> {
    try {
      return await prisma.$transaction(async (tx) => {
        const seen = await tx.webhookEvent.findUnique({ where: { id: eventId }, select: { id: true } });
        if (seen) return "replayed" as const;
        await tx.webhookEvent.create({ data: { id: eventId, provider } });
        return apply(tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return "replayed";
      throw error;
    }
  }

  /**
   * For changes made by another service in its own transactions (the live status machine): the id
   * is claimed first, so a concurrent duplicate gets "replayed" instead of applying twice; when
   * `run` fails the claim is given back, so Mux's next delivery applies the event. The one gap: a
   * process that dies between the claim and the change loses that event (see decision 012).
   */
  async function runOnce<T>(eventId: string, run: () => Promise<T>): Promise<T | "replayed"> {
    try {
      await prisma.webhookEvent.create({ data: { id: eventId, provider } });
    } catch (error) {
      if (isUniqueViolation(error)) return "replayed";
      throw error;
    }
    try {
      return await run();
    } catch (error) {
      // If even this fails the id stays claimed and the event is lost; the original error is what matters.
      await prisma.webhookEvent.deleteMany({ where: { id: eventId } }).catch(() => {});
      throw error;
    }
  }

  async function prune(now = new Date()) {
    await prisma.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - KEEP_MS) } } }).catch(() => {});
  }

  return { applyOnce, runOnce, prune };
}

export type WebhookEventLog = ReturnType<typeof createWebhookEventLog>;
/** `runOnce`, as handed to the live side. */
export type RunOnce = WebhookEventLog["runOnce"];
