// One database per test file, copied from the run's template (see global-setup.ts):
//
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(() => db?.cleanup());
//
// Always clean up: an open PGlite or pg pool keeps the worker process alive.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../server/db/client.ts";
import { databaseUrl, quoteIdent } from "./context.ts";

export interface TestDatabase extends Database {
  /** Closes the database and, on PostgreSQL, drops it. Safe to call twice. */
  cleanup(): Promise<void>;
  /** On PostgreSQL, its URL (for app processes a test starts on the same database). */
  url?: string;
}

/** A migrated database holding the trade catalogue and nothing else. */
export function createTestDatabase(): Promise<TestDatabase> {
  return create("template");
}

/** A database on which no migration has run (for testing the migration runner). */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return create("empty");
}

async function create(from: "template" | "empty"): Promise<TestDatabase> {
  const context = inject("testDatabase");
  if (!context) throw new Error("No test database: tests/support/global-setup.ts did not run.");

  if (context.kind === "pglite") {
    const dump = await readFile(from === "template" ? context.templateDump : context.emptyDump);
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return withCleanup(await openDatabase({ kind: "pglite-instance", db: pglite }), async () => {});
  }

  const name = `${context.prefix}${randomBytes(4).toString("hex")}`;
  await adminQuery(
    context.adminUrl,
    `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${from === "template" ? quoteIdent(context.template) : "template0"}`,
  );
  const url = databaseUrl(context.adminUrl, name);
  let db: Database;
  try {
    db = await openDatabase({ kind: "postgres", url });
  } catch (error) {
    await adminQuery(context.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    throw error;
  }
  return { ...withCleanup(db, () => adminQuery(context.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)), url };
}

function withCleanup(db: Database, drop: () => Promise<void>): TestDatabase {
  let cleaned: Promise<void> | undefined;
  return {
    ...db,
    cleanup() {
      cleaned ??= (async () => {
        try {
          await db.close();
        } finally {
          await drop();
        }
      })();
      return cleaned;
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
