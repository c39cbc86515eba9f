// What the global setup hands to the test files (vitest's provide/inject). Kept in one place so
// that both sides agree on the shape.
export type TestDatabaseContext =
  | {
      kind: "pglite";
      /** A tarball of an in-memory PGlite data directory, migrated and with trades synced. */
      templateDump: string;
      /** A tarball of a freshly initialised, empty PGlite data directory (no migrations). */
      emptyDump: string;
    }
  | {
      kind: "postgres";
      /** DATABASE_URL: used to connect for CREATE/DROP DATABASE; its database is never modified. */
      adminUrl: string;
      /** A migrated database with trades synced, copied by CREATE DATABASE … TEMPLATE. */
      template: string;
      /** Every database this run creates is named `${prefix}…`, so teardown can drop them all. */
      prefix: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

/** Only generated identifiers are interpolated into SQL; this guards against anything else. */
export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Refusing to use database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
