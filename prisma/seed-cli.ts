// `npm run db:seed`: migrates, syncs trades and adds demo data to an empty database.
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { migrate } from "../server/db/migrate.ts";
import { seedDemoData, syncTrades } from "./seed.ts";

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  await migrate(db.raw);
  const trades = await syncTrades(db.prisma);
  const demo = await seedDemoData(db.prisma, { dataDir: config.dataDir });
  console.log(`Trades added: ${trades}. Demo accounts ${demo ? "created" : "skipped (the database has users)"}.`);
} finally {
  await db.close();
}
