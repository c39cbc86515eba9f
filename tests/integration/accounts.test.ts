// Registration, sign-in, sessions and profiles, through the account service as the routes use it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { uniqueIp, uniquePhone } from "../support/fixtures.ts";
import { createTestServices, TEST_SESSION_TTL_MS, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;

const PASSWORD = "Lathe-Operator-2026";

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock();
  services = createTestServices(db, { clock });
});

afterAll(async () => {
  await db?.cleanup();
});

/** Every request comes from its own address, so rate limits stay out of the way here (see rate-limits.test.ts). */
const meta = () => ({ ip: uniqueIp(), userAgent: "Mozilla/5.0 (vitest)" });

async function register(account: string, displayName = "李建国", password = PASSWORD) {
  const result = await services.accounts.register({ account, displayName, password }, meta());
  if (!result.ok) throw new Error(`registration failed: ${JSON.stringify(result)}`);
  return result.value;
}

async function login(account: string, password = PASSWORD, previousToken?: string) {
  return services.accounts.login({ account, password }, { ...meta(), previousToken });
}

async function loginToken(account: string, password = PASSWORD, previousToken?: string) {
  const result = await login(account, password, previousToken);
  if (!result.ok) throw new Error(`login failed: ${JSON.stringify(result)}`);
  return result.value.token;
}

describe("registering", () => {
  it("with a phone number signs the new worker in", async () => {
    const { token, viewer } = await register("13812345678", "李建国");

    expect(viewer).toEqual({ id: expect.any(String), displayName: "李建国", role: "WORKER" });
    expect(await services.sessions.viewerOf(token)).toEqual(viewer);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user).toMatchObject({ phone: "13812345678", email: null, role: "WORKER" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it.each([
    ["+86 138 1234 0001", "13812340001"],
    ["86-138-1234-0002", "13812340002"],
    [" 138 1234 0003 ", "13812340003"],
  ])("with the phone number %j stores %s", async (typed, stored) => {
    const { viewer } = await register(typed);

    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).phone).toBe(stored);
    expect((await login(stored)).ok).toBe(true);
  });

  it("with an e-mail address stores it lower-case, and signing in ignores case", async () => {
    const { viewer } = await register("  Wang.Li@Example.COM ", "Wang Li");

    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user).toMatchObject({ email: "wang.li@example.com", phone: null });
    expect((await login("WANG.LI@example.com")).ok).toBe(true);
  });

  it("keeps HTML in the display name as plain text", async () => {
    const name = `<script>alert("x")</script><b>王</b>`;
    const { viewer } = await register(uniquePhone(), name);

    expect(viewer.displayName).toBe(name);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).displayName).toBe(name);
  });

  it.each([
    ["a malformed phone number", { account: "1381234567" }, { account: "account.invalid" }],
    ["a phone number not starting with 1", { account: "23812345678" }, { account: "account.invalid" }],
    ["a malformed e-mail address", { account: "li@@example" }, { account: "account.invalid" }],
    ["a short password", { password: "Ab3$xyz" }, { password: "password.tooShort" }],
    ["a common password", { password: "password123" }, { password: "password.common" }],
    ["a common numeric password", { password: "12345678" }, { password: "password.common" }],
    ["a keyboard-run password", { password: "qwertyuiop" }, { password: "password.common" }],
    ["a too-long account", { account: `${"a".repeat(250)}@x.cn` }, { account: "account.tooLong" }],
    ["a too-long display name", { displayName: "匠".repeat(41) }, { displayName: "displayName.tooLong" }],
    ["a too-long password", { password: "Ab3$".repeat(33) }, { password: "password.tooLong" }],
    ["a blank display name", { displayName: "   " }, { displayName: "displayName.required" }],
    ["a display name that is not text", { displayName: ["x"] }, { displayName: "displayName.required" }],
  ])("with %s is refused with a message for that field, and saves nothing", async (_, change, fieldErrors) => {
    const usersBefore = await db.prisma.user.count();

    const result = await services.accounts.register(
      { account: uniquePhone(), displayName: "张丽", password: PASSWORD, ...change },
      meta(),
    );

    expect(result).toEqual({ ok: false, fieldErrors });
    expect(await db.prisma.user.count()).toBe(usersBefore);
  });

  it("with nothing filled in names every missing field", async () => {
    const usersBefore = await db.prisma.user.count();

    const result = await services.accounts.register({}, meta());

    expect(result).toEqual({
      ok: false,
      fieldErrors: { account: "account.required", displayName: "displayName.required", password: "password.required" },
    });
    expect(await services.accounts.register(null, meta())).toEqual({ ok: false, fieldErrors: { form: "form.invalid" } });
    expect(await db.prisma.user.count()).toBe(usersBefore);
  });

  it("with an account that already exists, in any spelling, says it is taken", async () => {
    await register("13812349999");
    await register("Zhao.Min@example.com");
    const usersBefore = await db.prisma.user.count();

    for (const account of ["13812349999", "+86 138 1234 9999", "zhao.min@EXAMPLE.com"]) {
      const result = await services.accounts.register({ account, displayName: "冒名", password: "Another-Pass-77" }, meta());
      expect(result).toEqual({ ok: false, fieldErrors: { account: "account.taken" } });
    }
    expect(await db.prisma.user.count()).toBe(usersBefore);
  });
});

describe("signing in", () => {
  it("with the right password returns a session token for the user", async () => {
    const account = uniquePhone();
    const { viewer } = await register(account, "陈志刚");

    const result = await login(account);

    expect(result).toEqual({ ok: true, value: { token: expect.any(String), viewer } });
    const token = result.ok ? result.value.token : "";
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(await services.sessions.viewerOf(token)).toEqual(viewer);
    // Only the token's hash is stored.
    expect(await db.prisma.session.findFirst({ where: { id: token } })).toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const account = uniquePhone();
    await register(account);

    const wrongPassword = await login(account, "Not-The-Password-1");
    const unknownAccount = await login(uniquePhone(), PASSWORD);
    const unknownEmail = await login("nobody@example.com", PASSWORD);

    const expected = { ok: false, fieldErrors: {}, formError: "auth.invalidCredentials" };
    expect(wrongPassword).toEqual(expected);
    expect(unknownAccount).toEqual(expected);
    expect(unknownEmail).toEqual(expected);
  });

  it("with missing fields names them", async () => {
    expect(await services.accounts.login({}, meta())).toEqual({
      ok: false,
      fieldErrors: { account: "account.required", password: "password.required" },
    });
  });

  it("replaces the browser's previous session", async () => {
    const account = uniquePhone();
    const { token: first } = await register(account);

    const second = await loginToken(account, PASSWORD, first);

    expect(await services.sessions.viewerOf(first)).toBeNull();
    expect(await services.sessions.viewerOf(second)).not.toBeNull();
  });

  it("signing out ends the session", async () => {
    const account = uniquePhone();
    const { token } = await register(account);

    await services.accounts.logout(token);

    expect(await services.sessions.viewerOf(token)).toBeNull();
    await expect(services.accounts.logout(undefined)).resolves.toBeUndefined();
  });

  it("signing out other browsers keeps only the current one", async () => {
    const account = uniquePhone();
    const { token: phone, viewer } = await register(account);
    const laptop = await loginToken(account);
    const workshop = await loginToken(account);
    const other = await register(uniquePhone());

    const ended = await services.accounts.signOutOtherSessions(viewer, workshop);

    expect(ended).toBe(2);
    expect(await services.sessions.viewerOf(phone)).toBeNull();
    expect(await services.sessions.viewerOf(laptop)).toBeNull();
    expect(await services.sessions.viewerOf(workshop)).toEqual(viewer);
    expect(await services.sessions.viewerOf(other.token)).toEqual(other.viewer);
    const listed = await services.accounts.sessionsOf(viewer, workshop);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ isCurrent: true, userAgent: "Mozilla/5.0 (vitest)" });
  });

  it("a session expires after its lifetime", async () => {
    const { token, viewer } = await register(uniquePhone());

    clock.advance(TEST_SESSION_TTL_MS - 60_000);
    expect(await services.sessions.viewerOf(token)).toEqual(viewer);

    clock.advance(60_000);
    expect(await services.sessions.viewerOf(token)).toBeNull();
    expect(await services.accounts.sessionsOf(viewer)).toEqual([]);
  });

  it("does not accept made-up or oversized tokens", async () => {
    expect(await services.sessions.viewerOf("made-up-token")).toBeNull();
    expect(await services.sessions.viewerOf("x".repeat(5000))).toBeNull();
    expect(await services.sessions.viewerOf(undefined)).toBeNull();
  });
});

describe("the profile", () => {
  it("is shown to its owner only when signed in", async () => {
    const { viewer } = await register("liu.qiang@example.com", "刘强");

    expect(await services.accounts.profileOf(viewer)).toMatchObject({
      id: viewer.id,
      email: "liu.qiang@example.com",
      phone: null,
      displayName: "刘强",
      role: "WORKER",
      tradeCode: null,
      city: null,
      employer: null,
    });
    await expect(services.accounts.profileOf(null)).rejects.toMatchObject({ kind: "unauthorized" });
    await expect(services.accounts.sessionsOf(null)).rejects.toMatchObject({ kind: "unauthorized" });
    await expect(services.accounts.signOutOtherSessions(null)).rejects.toMatchObject({ kind: "unauthorized" });
  });

  it("takes a trade, a city and an employer, and can clear them again", async () => {
    const { viewer } = await register(uniquePhone(), "孙海涛");

    const updated = await services.accounts.updateProfile(viewer, {
      displayName: " 孙师傅 ",
      tradeCode: "boiler-operator",
      city: " 大庆 ",
      employer: "大庆油田",
    });

    expect(updated).toEqual({
      ok: true,
      value: expect.objectContaining({ displayName: "孙师傅", tradeCode: "boiler-operator", city: "大庆", employer: "大庆油田" }),
    });
    expect(await services.accounts.profileOf(viewer)).toMatchObject({ tradeCode: "boiler-operator", city: "大庆" });

    const cleared = await services.accounts.updateProfile(viewer, { displayName: "孙师傅", tradeCode: "", city: "", employer: "" });
    expect(cleared).toEqual({
      ok: true,
      value: expect.objectContaining({ tradeCode: null, city: null, employer: null }),
    });
  });

  it("refuses a trade that is not in the catalogue and keeps the old profile", async () => {
    const { viewer } = await register(uniquePhone(), "吴刚");
    await services.accounts.updateProfile(viewer, { displayName: "吴刚", tradeCode: "bricklayer", city: "武汉" });

    const result = await services.accounts.updateProfile(viewer, { displayName: "吴刚", tradeCode: "astronaut", city: "上海" });

    expect(result).toEqual({ ok: false, fieldErrors: { tradeCode: "trade.unknown" } });
    expect(await services.accounts.profileOf(viewer)).toMatchObject({ tradeCode: "bricklayer", city: "武汉" });
  });

  it("refuses over-long fields and anonymous visitors", async () => {
    const { viewer } = await register(uniquePhone());

    expect(
      await services.accounts.updateProfile(viewer, { displayName: "", city: "城".repeat(41), employer: "厂".repeat(81) }),
    ).toEqual({
      ok: false,
      fieldErrors: { displayName: "displayName.required", city: "city.tooLong", employer: "employer.tooLong" },
    });
    const error = await services.accounts.updateProfile(null, { displayName: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: "unauthorized", messageKey: "error.unauthorized" });
  });
});
