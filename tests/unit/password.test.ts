// Password rules and hashing (server/auth/password.ts).
import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "../../server/auth/password.ts";

describe("a common password", () => {
  it.each([
    "password123",
    "PASSWORD123",
    "Password123",
    "12345678",
    "123456789",
    "qwertyuiop",
    "woaini1314",
    "5201314",
    "88888888",
    "aaaaaaaa",
    "abababab",
    "11111112",
    "abcdefghij",
    "98765432",
    "asdfghjkl",
    "jiangxin123",
  ])("%j is refused", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(["Lathe-Operator-2026", "焊工老王2026", "tiger-milling-42", "correct horse battery staple", "13579abcX"])(
    "%j is accepted",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});

describe("password hashing", () => {
  it("produces a salted argon2id hash that verifies only the same password", async () => {
    const first = await hashPassword("Lathe-Operator-2026");
    const second = await hashPassword("Lathe-Operator-2026");

    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "Lathe-Operator-2026")).toBe(true);
    expect(await verifyPassword(first, "lathe-operator-2026")).toBe(false);
    expect(await verifyPassword(second, "Lathe-Operator-2026")).toBe(true);
  });

  it("treats a damaged hash as a wrong password instead of failing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });
});
