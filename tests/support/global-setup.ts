// Runs once per `vitest run`: builds a migrated template database (with the trade catalogue, which
// every test may rely on) that each test file copies cheaply.
//   PGlite (default): migrate an in-memory PGlite and dump its data directory to a temp file;
//     test files load the dump (about 1 s) instead of initialising PostgreSQL (about 5 s).
//   PostgreSQL (DATABASE_URL set): create a uniquely named template database; test files run
//     CREATE DATABASE … TEMPLATE it. Teardown drops the template and every database of this run.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { syncTrades } from "../../prisma/seed.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { databaseUrl, quoteIdent, type TestDatabaseContext } from "./context.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL;
  const { context, teardown } = adminUrl ? await setupPostgres(adminUrl) : await setupPglite();
  project.provide("testDatabase", context);
  return teardown;
}

const TEMP_PREFIX = "jx-test-";

async function setupPglite() {
  await removeAbandonedDumps();
  const pglite = await PGlite.create();
  const db = await openDatabase({ kind: "pglite-instance", db: pglite });
  const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  try {
    const emptyDump = path.join(dir, "empty.tar");
    await writeFile(emptyDump, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    await migrate(db.raw);
    await syncTrades(db.prisma);
    const templateDump = path.join(dir, "template.tar");
    await writeFile(templateDump, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    const context: TestDatabaseContext = { kind: "pglite", templateDump, emptyDump };
    return { context, teardown: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await db.close();
  }
}

/** Dumps (80 MB a run) left behind by runs that were killed before their teardown, a day ago or more. */
async function removeAbandonedDumps() {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of await readdir(os.tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && info.mtimeMs < dayAgo) await rm(dir, { recursive: true, force: true });
  }
}

async function setupPostgres(adminUrl: string) {
  const runTag = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const template = `jx_tpl_${runTag}`;
  const prefix = `jx_db_${runTag}_`;

  await withAdmin(adminUrl, async (admin) => {
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(template)} TEMPLATE template0`);
    } catch (error) {
      throw new Error(
        `Cannot create test databases with DATABASE_URL=${adminUrl}: ${(error as Error).message}. ` +
          "The tests need a role that may CREATE DATABASE (e.g. postgresql://postgres@127.0.0.1:5432/test).",
        { cause: error },
      );
    }
  });
  try {
    const db = await openDatabase({ kind: "postgres", url: databaseUrl(adminUrl, template) });
    try {
      await migrate(db.raw);
      await syncTrades(db.prisma);
    } finally {
      await db.close();
    }
  } catch (error) {
    await dropRunDatabases(adminUrl, template, prefix);
    throw error;
  }

  const context: TestDatabaseContext = { kind: "postgres", adminUrl, template, prefix };
  return { context, teardown: () => dropRunDatabases(adminUrl, template, prefix) };
}

async function dropRunDatabases(adminUrl: string, template: string, prefix: string) {
  await withAdmin(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const name of [...rows.map((row) => row.datname), template]) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  });
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
