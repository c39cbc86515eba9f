// `npm run search:reindex`: rebuilds the configured search engine from the database. With
// Meilisearch the new index is built aside and swapped in, so search never goes empty. The
// embedded engine lives inside the app process and is rebuilt at every start; run against it,
// this command is a dry run that reports what a rebuild reads and how long it takes.
import { createSearchEngine } from "../../search/index.ts";
import { loadConfig } from "../config.ts";
import { createServices } from "../context.ts";
import { openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { createLogger } from "../logger.ts";

const config = loadConfig();
const db = await openDatabase(config.database);
const engine = await createSearchEngine(config.search);
try {
  await migrate(db.raw);
  const services = createServices({ db, config, searchEngine: engine, logger: createLogger(config.logLevel) });
  const started = Date.now();
  const documents = await services.searchSync.rebuild();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const where = engine.kind === "meilisearch" ? "Meilisearch (swapped in)" : "the embedded engine (dry run: the app rebuilds it at start)";
  console.log(`Indexed ${documents} documents into ${where} in ${seconds} s.`);
} finally {
  await engine.close();
  await db.close();
}
