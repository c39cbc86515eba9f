// Guessing passwords and mass registration are slowed down per address and per account
// (default: 10 attempts per 15 minutes each).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { uniqueIp, uniquePhone } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

let db: TestDatabase;
let services: Services;

const PASSWORD = "Forklift-Driver-2026";
const RATE_LIMITED = { ok: false, fieldErrors: {}, formError: "auth.rateLimited" };
const INVALID = { ok: false, fieldErrors: {}, formError: "auth.invalidCredentials" };

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db); // 10 points per 900 s
});

afterAll(async () => {
  await db?.cleanup();
});

async function registered(): Promise<string> {
  const account = uniquePhone();
  const result = await services.accounts.register({ account, displayName: "刘强", password: PASSWORD }, { ip: uniqueIp() });
  expect(result.ok).toBe(true);
  return account;
}

const login = (account: string, password: string, ip: string) =>
  services.accounts.login({ account, password }, { ip, userAgent: "vitest" });

describe("signing in", () => {
  it("is refused from an address after 10 failures, even with the right password", async () => {
    const account = await registered();
    const ip = uniqueIp();

    // Ten different accounts, so that only the address limit is reached.
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await login(uniquePhone(), "Wrong-Guess-123", ip)).toEqual(INVALID);
    }

    expect(await login(account, PASSWORD, ip)).toEqual(RATE_LIMITED);
    expect(await login(account, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
  });

  it("is refused for an account after 10 failures from different addresses", async () => {
    const account = await registered();
    const other = await registered();

    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await login(account, `Wrong-Guess-${attempt}`, uniqueIp())).toEqual(INVALID);
    }

    const ip = uniqueIp();
    expect(await login(account, PASSWORD, ip)).toEqual(RATE_LIMITED);
    expect(await login(account, PASSWORD, uniqueIp())).toEqual(RATE_LIMITED);
    expect(await login(other, PASSWORD, ip)).toMatchObject({ ok: true });
  });

  it("counts an account written differently as the same account", async () => {
    const account = await registered();
    const spellings = [account, `+86 ${account}`, `${account.slice(0, 3)}-${account.slice(3, 7)}-${account.slice(7)}`];

    for (let attempt = 0; attempt < 10; attempt++) {
      await login(spellings[attempt % spellings.length]!, "Wrong-Guess-123", uniqueIp());
    }

    expect(await login(account, PASSWORD, uniqueIp())).toEqual(RATE_LIMITED);
  });

  it("forgets an account's failures once its owner signs in", async () => {
    const account = await registered();
    for (let attempt = 0; attempt < 9; attempt++) await login(account, "Wrong-Guess-123", uniqueIp());
    expect(await login(account, PASSWORD, uniqueIp())).toMatchObject({ ok: true });

    for (let attempt = 0; attempt < 9; attempt++) await login(account, "Wrong-Guess-123", uniqueIp());

    expect(await login(account, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
  });

  it("lets an address try again once the window has passed", async () => {
    const shortWindow = createTestServices(db, { authRateLimit: { points: 2, windowSeconds: 2 } });
    const account = await registered();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < 2; attempt++) {
      await shortWindow.accounts.login({ account: uniquePhone(), password: "Wrong-Guess-123" }, { ip });
    }
    expect(await shortWindow.accounts.login({ account, password: PASSWORD }, { ip })).toEqual(RATE_LIMITED);

    await new Promise((resolve) => setTimeout(resolve, 2100));

    expect(await shortWindow.accounts.login({ account, password: PASSWORD }, { ip })).toMatchObject({ ok: true });
  });
});

describe("registering", () => {
  it("is refused from an address after 10 attempts, and creates no account", async () => {
    const ip = uniqueIp();
    for (let attempt = 0; attempt < 10; attempt++) {
      // Failed attempts count too: they are what a script trying accounts would send.
      const input = attempt % 2 ? { account: uniquePhone(), displayName: "张", password: PASSWORD } : { account: "bad" };
      expect(await services.accounts.register(input, { ip })).not.toMatchObject({ formError: expect.anything() });
    }
    const usersBefore = await db.prisma.user.count();
    const account = uniquePhone();

    const refused = await services.accounts.register({ account, displayName: "张丽", password: PASSWORD }, { ip });

    expect(refused).toEqual(RATE_LIMITED);
    expect(await db.prisma.user.count()).toBe(usersBefore);
    const elsewhere = await services.accounts.register({ account, displayName: "张丽", password: PASSWORD }, { ip: uniqueIp() });
    expect(elsewhere.ok).toBe(true);
  });
});
