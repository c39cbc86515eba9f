// Opens the one database of the process: PGlite in the data directory (embedded default) or
// PostgreSQL at DATABASE_URL. Both are reached through one Prisma client and one RawDatabase.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { pgliteRaw, postgresRaw, type RawDatabase } from "./raw.ts";

export type { PrismaClient } from "./generated/client.ts";
export * as DB from "./generated/client.ts";

/**
 * A write refused by a unique index, e.g. a second request racing the first: P2002 from Prisma's
 * own queries; from a raw query, P2010 with the driver adapter's cause (PostgreSQL's 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  return isViolation(error, "P2002", "UniqueConstraintViolation", "23505");
}

/**
 * A write refused by a foreign key: a row it refers to is gone, or a row still refers to what it
 * deletes (P2003; from a raw query, P2010 with PostgreSQL's 23503).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return isViolation(error, "P2003", "ForeignKeyConstraintViolation", "23503");
}

function isViolation(error: unknown, prismaCode: string, adapterKind: string, sqlState: string): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (code === prismaCode) return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2010" && (cause?.kind === adapterKind || cause?.originalCode === sqlState);
}

export type DatabaseTarget =
  | { kind: "pglite"; dir: string }
  | { kind: "pglite-instance"; db: PGlite }
  | { kind: "postgres"; url: string };

export interface Database {
  prisma: PrismaClient;
  raw: RawDatabase;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, options: { onIdleError?: (error: Error) => void } = {}): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server ends (a restart, a failover, a dropped test database) is an
    // 'error' on the pool; unhandled, it would end the process. The pool discards that connection
    // by itself and the next query opens a new one.
    pool.on("error", (error) => options.onIdleError?.(error));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const raw = postgresRaw(pool);
    return { prisma, raw, kind: "postgres", close: closeBoth(prisma, raw) };
  }
  let pglite: PGlite;
  if (target.kind === "pglite") {
    await mkdir(target.dir, { recursive: true });
    pglite = await PGlite.create(target.dir);
  } else {
    pglite = target.db;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const raw = pgliteRaw(pglite);
  return { prisma, raw, kind: "pglite", close: closeBoth(prisma, raw) };
}

function closeBoth(prisma: PrismaClient, raw: RawDatabase) {
  return async () => {
    await prisma.$disconnect();
    await raw.close();
  };
}
