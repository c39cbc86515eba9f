// The two ways the process talks SQL without Prisma: the migration runner and health checks.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface SqlConnection {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface RawDatabase {
  /** Runs `work` on one connection, so session-level state (advisory locks) holds throughout. */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteRaw(db: PGlite): RawDatabase {
  const connection: SqlConnection = {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
  };
  return {
    withConnection: (work) => work(connection),
    close: () => db.close(),
  };
}

export function postgresRaw(pool: pg.Pool): RawDatabase {
  return {
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work({
          async exec(sql) {
            await client.query(sql);
          },
          async query<Row>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as Row[];
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
