// Vitest runs without the React Router plugin: unit tests import app/ and server/ modules directly.
//
// Two projects, and a third for the Redis pass. Unit tests need no database. Integration tests get
// one migrated template per run (tests/support/global-setup.ts: PGlite by default, PostgreSQL when
// DATABASE_URL is set), built only when integration tests are selected, and each test file opens
// its own copy of it (tests/support/db.ts) in beforeAll.
//
// Integration files run with isolate: false, i.e. the files of one worker share module instances.
// That keeps PGlite's and Prisma's compiled WebAssembly across files (about 40% of the suite's CPU
// time otherwise) and is safe because no test module keeps state that another file could see:
// every file builds its own database and services. Do not use vi.mock or module-level mutable
// state in integration tests; restore spies and fake timers in the same file.
//
// The "redis" project (tests/redis: several app processes sharing live Q&A rooms through Redis and
// PostgreSQL) exists only when `npm run test:redis` asks for it (TEST_REDIS=1), so that `vitest
// run` and `npm test` never need a Redis, whatever REDIS_URL the shell has.
import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    // The main process mostly waits while tests run, so use every core (2 on the project's machines).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: "silent" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          isolate: false,
        },
      },
      ...(process.env.TEST_REDIS === "1"
        ? [
            {
              extends: true as const,
              test: { name: "redis", include: ["tests/redis/**/*.test.ts"], globalSetup: ["tests/support/global-setup.ts"] },
            },
          ]
        : []),
    ],
  },
});
