// Prisma CLI configuration. The app never reads this file: it builds its client in server/db/client.ts.
// The URL is only needed by CLI commands that talk to a server (`prisma studio`, `migrate diff --from-url`).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/jiangxin" },
});
