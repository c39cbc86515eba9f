// The migration runner (server/db/migrate.ts) on a database no migration has touched yet.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "../../server/db/migrate.ts";
import { createEmptyDatabase, type TestDatabase } from "../support/db.ts";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

let db: TestDatabase;
let workDir: string;
let realNames: string[];

const query = <Row>(sql: string, params?: unknown[]) =>
  db.raw.withConnection((connection) => connection.query<Row>(sql, params));

const recorded = () =>
  query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

const tableExists = async (name: string) =>
  (await query<{ exists: string | null }>("SELECT to_regclass($1)::text AS exists", [`"${name}"`]))[0]?.exists !== null;

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

beforeAll(async () => {
  db = await createEmptyDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), "jx-migrations-"));
  realNames = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
});

afterAll(async () => {
  await db?.cleanup();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// The steps build on each other, as they would on a real server over time.
describe("migrating a database from empty", () => {
  it("applies every migration in order and records each with the sha256 of its file", async () => {
    expect(realNames.length).toBeGreaterThan(0);
    expect(await tableExists("User")).toBe(false);

    const report = await migrate(db.raw);

    expect(report).toEqual({ applied: realNames, alreadyApplied: 0 });
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(realNames);
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    for (const table of ["TradeCategory", "Trade", "User", "Session", "AuditLog"]) {
      expect(await tableExists(table)).toBe(true);
    }
  });

  it("applies nothing when run again", async () => {
    const report = await migrate(db.raw);

    expect(report).toEqual({ applied: [], alreadyApplied: realNames.length });
    expect(await recorded()).toHaveLength(realNames.length);
  });

  it("applies a new migration directory after the existing ones", async () => {
    await cp(MIGRATIONS_DIR, workDir, { recursive: true });
    await addMigration(workDir, "99999999999999_extra", `CREATE TABLE "Extra" ("id" SERIAL PRIMARY KEY, "note" TEXT);`);

    const report = await migrate(db.raw, workDir);

    expect(report).toEqual({ applied: ["99999999999999_extra"], alreadyApplied: realNames.length });
    expect((await recorded()).map((row) => row.migration_name)).toEqual([...realNames, "99999999999999_extra"]);
    expect(await tableExists("Extra")).toBe(true);
  });

  it("applies several new migrations in name order, whatever order they were written in", async () => {
    // Written newest first; the second depends on the first.
    await addMigration(workDir, "99999999999999_extra_b", `ALTER TABLE "Extra" ADD COLUMN "b" INTEGER NOT NULL DEFAULT 0;`);
    await addMigration(workDir, "99999999999999_extra_a", `ALTER TABLE "Extra" ADD COLUMN "a" TEXT;`);

    const report = await migrate(db.raw, workDir);

    expect(report.applied).toEqual(["99999999999999_extra_a", "99999999999999_extra_b"]);
    const columns = await query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Extra' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(["id", "note", "a", "b"]);
  });

  it("refuses to run when an applied migration file has been changed, and applies nothing", async () => {
    const file = path.join(workDir, "99999999999999_extra", "migration.sql");
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n-- edited after it was applied\n`);
    await addMigration(workDir, "99999999999999_extra_c", `CREATE TABLE "NeverCreated" ("id" INTEGER);`);
    const before = await recorded();

    await expect(migrate(db.raw, workDir)).rejects.toThrow(
      "Migration 99999999999999_extra was changed after it was applied (checksum differs).",
    );

    expect(await recorded()).toEqual(before);
    expect(await tableExists("NeverCreated")).toBe(false);

    await writeFile(file, original);
    await rm(path.join(workDir, "99999999999999_extra_c"), { recursive: true });
  });

  it("rolls back a failing migration, does not record it, and stops there", async () => {
    await addMigration(
      workDir,
      "99999999999999_failing",
      `CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "Extra" ("note") VALUES ('half');\nSELECT 1 / 0;`,
    );
    await addMigration(workDir, "99999999999999_later", `CREATE TABLE "Later" ("id" INTEGER);`);
    const before = await recorded();

    const failure = migrate(db.raw, workDir);
    await expect(failure).rejects.toThrow(/^Migration 99999999999999_failing failed: .*division by zero/);

    expect(await recorded()).toEqual(before);
    expect(await tableExists("HalfDone")).toBe(false);
    expect(await tableExists("Later")).toBe(false);
    expect(await query(`SELECT * FROM "Extra" WHERE note = 'half'`)).toEqual([]);
  });

  it("recovers once the failing migration is fixed (the lock was released)", async () => {
    await writeFile(path.join(workDir, "99999999999999_failing", "migration.sql"), `CREATE TABLE "HalfDone" ("id" INTEGER);`);

    const report = await migrate(db.raw, workDir);

    expect(report.applied).toEqual(["99999999999999_failing", "99999999999999_later"]);
    expect(await tableExists("HalfDone")).toBe(true);
    expect(await tableExists("Later")).toBe(true);
  });
});
