// The message files: English is complete, and every key the server hands to the UI has a text.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/messages/en.ts";
import { zhCN } from "../../app/i18n/messages/zh-CN.ts";
import { ROLES } from "../../server/auth/permissions.ts";

const SERVER_DIR = path.resolve(import.meta.dirname, "../../server");
const KEY = /^[a-z][a-zA-Z]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/;

async function serverSources(dir = SERVER_DIR): Promise<{ file: string; text: string }[]> {
  const files: { file: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") files.push(...(await serverSources(full)));
    } else if (entry.name.endsWith(".ts")) {
      files.push({ file: path.relative(SERVER_DIR, full), text: await readFile(full, "utf8") });
    }
  }
  return files;
}

const literals = (code: string) => [...code.matchAll(/"([^"\\\n]*)"/g)].map((match) => match[1]!);

/**
 * Message keys the server returns: every key-shaped string in a schema file (zod messages), in a
 * formFailed(…) call, and as the key of an AppError.
 */
async function serverMessageKeys(): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const add = (key: string, file: string) => {
    if (KEY.test(key)) keys.set(key, file);
  };
  for (const { file, text } of await serverSources()) {
    const code = text.replace(/^\s*(import|export)\b[^;]*\bfrom\s+"[^"]+";/gm, "");
    if (path.basename(file) === "schema.ts") for (const literal of literals(code)) add(literal, file);
    for (const call of code.matchAll(/formFailed\(([^;]*?)\)\s*[;,)]/g)) for (const literal of literals(call[1]!)) add(literal, file);
    for (const call of code.matchAll(/new AppError\(\s*"[^"]*",\s*"([^"]+)"/g)) add(call[1]!, file);
    for (const call of code.matchAll(/message:\s*"([^"]+)"/g)) add(call[1]!, file);
  }
  return keys;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the message files", () => {
  it("have an English text for every Chinese one, and nothing more", () => {
    const zhKeys = Object.keys(zhCN);
    expect(zhKeys.length).toBeGreaterThan(50);
    for (const key of zhKeys) {
      expect.soft(en[key as keyof typeof en], key).toEqual(expect.stringMatching(/\S/));
      expect.soft(zhCN[key as keyof typeof zhCN], key).toEqual(expect.stringMatching(/\S/));
    }
    expect(Object.keys(en).sort()).toEqual([...zhKeys].sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, message] of Object.entries(zhCN)) {
      expect.soft(placeholders(en[key as keyof typeof en] ?? ""), key).toEqual(placeholders(message));
    }
  });

  it("name every role", () => {
    for (const role of ROLES) expect(zhCN).toHaveProperty([`role.${role}`]);
  });

  it("contain every message key the server returns", async () => {
    const keys = await serverMessageKeys();

    // The extraction itself must find the keys we know about, or this test proves nothing.
    for (const known of ["account.taken", "auth.invalidCredentials", "password.common", "error.forbidden", "trade.unknown", "admin.cannotChangeOwnRole"]) {
      expect(keys.has(known), `extraction found ${known}`).toBe(true);
    }
    const missing = [...keys].filter(([key]) => !(key in zhCN)).map(([key, file]) => `${key} (server/${file})`);
    expect(missing).toEqual([]);
  });
});
