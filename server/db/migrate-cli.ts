// `npm run db:migrate`: applies pending migrations to the configured database.
import { loadConfig } from "../config.ts";
import { openDatabase } from "./client.ts";
import { migrate } from "./migrate.ts";

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  const report = await migrate(db.raw);
  console.log(`Applied ${report.applied.length} migration(s)${report.applied.length ? `: ${report.applied.join(", ")}` : ""}; ${report.alreadyApplied} already applied.`);
} finally {
  await db.close();
}
