// Runs `prisma generate` offline. The Prisma CLI looks for its native schema engine first and would
// try to download it; `generate` itself never uses it, so any existing file satisfies the check.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync("./node_modules/.bin/prisma", ["generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
