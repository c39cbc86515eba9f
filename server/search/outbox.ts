// Writing to the search outbox. Every service that changes something searchable calls
// `enqueueSearchUpdates` with its transaction client, so the change and the row commit together.
import type { DB } from "../db/client.ts";

type OutboxWriter = Pick<DB.Prisma.TransactionClient, "searchOutbox">;

export async function enqueueSearchUpdates(tx: OutboxWriter, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await tx.searchOutbox.createMany({ data: docIds.map((docId) => ({ docId })) });
}
