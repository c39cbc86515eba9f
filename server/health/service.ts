// /healthz says the process is up; /readyz says it can reach its database.
import type { RawDatabase } from "../db/raw.ts";

const READY_TIMEOUT_MS = 2000;

export function createHealthService(deps: { raw: RawDatabase; startedAt: Date }) {
  return {
    live() {
      return { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000) };
    },
    async ready() {
      const started = Date.now();
      try {
        await Promise.race([
          deps.raw.withConnection((connection) => connection.query("SELECT 1")),
          new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), READY_TIMEOUT_MS).unref()),
        ]);
        return { ok: true, body: { status: "ready", database: { status: "ok", latencyMs: Date.now() - started } } };
      } catch (error) {
        return { ok: false, body: { status: "unavailable", database: { status: "error", error: (error as Error).message } } };
      }
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
