// Who may use the admin pages' services, and what an admin's actions leave behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role, Viewer } from "../../server/auth/permissions.ts";
import { USERS_PER_PAGE } from "../../server/accounts/service.ts";
import type { Services } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createUser, signedInUser } from "../support/fixtures.ts";
import { createTestServices } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let admin: Viewer;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db);
  ({ viewer: admin } = await signedInUser(db.prisma, services.sessions, { role: "ADMIN", displayName: "平台管理员" }));
});

afterAll(async () => {
  await db?.cleanup();
});

/** What a call threw, or fails the test if it did not throw. */
async function thrown(call: () => Promise<unknown>): Promise<AppError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const roleOf = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id } })).role;

describe("the admin services refuse everyone but admins", () => {
  it.each<Role>(["WORKER", "CRAFTSMAN"])("a signed-in %s is forbidden", async (role) => {
    const { viewer } = await signedInUser(db.prisma, services.sessions, { role });
    const target = await createUser(db.prisma);
    const auditBefore = await db.prisma.auditLog.count();

    for (const call of [
      () => services.accounts.listUsers(viewer, {}),
      () => services.accounts.changeRole(viewer, { userId: target.id, role: "ADMIN" }),
      () => services.accounts.changeRole(viewer, { userId: viewer.id, role: "ADMIN" }),
      () => services.accounts.recentAuditLog(viewer),
      () => services.accounts.requireAdmin(viewer),
    ]) {
      expect(await thrown(call)).toMatchObject({ kind: "forbidden", messageKey: "error.forbidden" });
    }
    expect(await roleOf(target.id)).toBe("WORKER");
    expect(await roleOf(viewer.id)).toBe(role);
    expect(await db.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("an anonymous visitor is asked to sign in", async () => {
    const target = await createUser(db.prisma);

    for (const call of [
      () => services.accounts.listUsers(null, {}),
      () => services.accounts.changeRole(null, { userId: target.id, role: "ADMIN" }),
      () => services.accounts.recentAuditLog(null),
      () => services.accounts.requireAdmin(null),
    ]) {
      expect(await thrown(call)).toMatchObject({ kind: "unauthorized", messageKey: "error.unauthorized" });
    }
    expect(await roleOf(target.id)).toBe("WORKER");
  });

  it("an admin is allowed", async () => {
    await expect(services.accounts.requireAdmin(admin)).resolves.toBeUndefined();
    await expect(services.accounts.listUsers(admin, {})).resolves.toMatchObject({ page: 1 });
    await expect(services.accounts.recentAuditLog(admin)).resolves.toEqual(expect.any(Array));
  });

  it("an admin who is demoted loses access on their next request", async () => {
    const other = await signedInUser(db.prisma, services.sessions, { role: "ADMIN", displayName: "副管理员" });

    expect(await services.accounts.changeRole(admin, { userId: other.viewer.id, role: "WORKER" })).toMatchObject({ ok: true });

    const now = await services.sessions.viewerOf(other.token);
    expect(now).toMatchObject({ id: other.viewer.id, role: "WORKER" });
    expect(await thrown(() => services.accounts.listUsers(now, {}))).toMatchObject({ kind: "forbidden" });
  });
});

describe("an admin changing a role", () => {
  it("changes it and writes an audit log entry saying who, whom, from and to", async () => {
    const target = await createUser(db.prisma, { displayName: "王师傅" });

    const result = await services.accounts.changeRole(admin, { userId: target.id, role: "CRAFTSMAN" });

    expect(result).toEqual({ ok: true, value: { userId: target.id, role: "CRAFTSMAN" } });
    expect(await roleOf(target.id)).toBe("CRAFTSMAN");
    const entries = await db.prisma.auditLog.findMany({ where: { targetId: target.id } });
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "user.role.change",
        targetType: "User",
        targetId: target.id,
        data: expect.objectContaining({ from: "WORKER", to: "CRAFTSMAN" }),
      }),
    ]);
    const [latest] = await services.accounts.recentAuditLog(admin, 1);
    expect(latest).toMatchObject({ targetId: target.id, actor: { displayName: "平台管理员" } });
  });

  it("changes nothing when the audit log cannot be written (one transaction)", async () => {
    const target = await createUser(db.prisma);
    await db.raw.withConnection((sql) =>
      sql.exec(`
        CREATE FUNCTION jx_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."targetId" = '${target.id}' THEN RAISE EXCEPTION 'audit log unavailable'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER jx_test_refuse_audit BEFORE INSERT ON "AuditLog"
          FOR EACH ROW EXECUTE FUNCTION jx_test_refuse_audit();`),
    );
    try {
      await expect(services.accounts.changeRole(admin, { userId: target.id, role: "ADMIN" })).rejects.toThrow(
        /audit log unavailable/,
      );
      expect(await roleOf(target.id)).toBe("WORKER");
    } finally {
      await db.raw.withConnection((sql) =>
        sql.exec(`DROP TRIGGER jx_test_refuse_audit ON "AuditLog"; DROP FUNCTION jx_test_refuse_audit();`),
      );
    }
    expect(await services.accounts.changeRole(admin, { userId: target.id, role: "ADMIN" })).toMatchObject({ ok: true });
    expect(await roleOf(target.id)).toBe("ADMIN");
  });

  it("logs nothing when the role stays the same", async () => {
    const target = await createUser(db.prisma, { role: "CRAFTSMAN" });

    const result = await services.accounts.changeRole(admin, { userId: target.id, role: "CRAFTSMAN" });

    expect(result).toEqual({ ok: true, value: { userId: target.id, role: "CRAFTSMAN" } });
    expect(await db.prisma.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("cannot change their own role", async () => {
    const auditBefore = await db.prisma.auditLog.count();

    const result = await services.accounts.changeRole(admin, { userId: admin.id, role: "WORKER" });

    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: "admin.cannotChangeOwnRole" });
    expect(await roleOf(admin.id)).toBe("ADMIN");
    expect(await db.prisma.auditLog.count()).toBe(auditBefore);
  });

  it("is told when the user does not exist", async () => {
    expect(await thrown(() => services.accounts.changeRole(admin, { userId: "c-no-such-user", role: "ADMIN" }))).toMatchObject({
      kind: "notFound",
      messageKey: "error.notFound",
    });
  });

  it("is told when the role or the user is not valid", async () => {
    const target = await createUser(db.prisma);

    expect(await services.accounts.changeRole(admin, { userId: target.id, role: "SUPERUSER" })).toEqual({
      ok: false,
      fieldErrors: { role: "role.invalid" },
    });
    expect(await services.accounts.changeRole(admin, { role: "ADMIN" })).toEqual({
      ok: false,
      fieldErrors: { userId: "form.invalid" },
    });
    expect(await roleOf(target.id)).toBe("WORKER");
  });

  it("sees the newest entries first in the audit log", async () => {
    const first = await createUser(db.prisma);
    const second = await createUser(db.prisma);
    await services.accounts.changeRole(admin, { userId: first.id, role: "CRAFTSMAN" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await services.accounts.changeRole(admin, { userId: second.id, role: "CRAFTSMAN" });

    const log = await services.accounts.recentAuditLog(admin, 2);

    expect(log.map((entry) => entry.targetId)).toEqual([second.id, first.id]);
  });
});

describe("the admin's user list", () => {
  const CITY = "列表测试城";
  const base = new Date("2025-01-01T00:00:00.000Z").getTime();

  beforeAll(async () => {
    // 45 members, the newest first in the list; every fifth is a craftsman.
    await db.prisma.user.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        displayName: `Member ${String(i + 1).padStart(2, "0")}`,
        phone: `1370000${String(i + 1).padStart(4, "0")}`,
        passwordHash: "x",
        role: i % 5 === 0 ? ("CRAFTSMAN" as const) : ("WORKER" as const),
        city: CITY,
        createdAt: new Date(base + i * 60_000),
      })),
    });
    await createUser(db.prisma, { displayName: "Zhou Hongmei 周红梅", email: "zhou1@example.com", city: "成都" });
    await createUser(db.prisma, { displayName: "周师傅", phone: "18600001234" });
  });

  it("pages through everyone, newest first", async () => {
    const total = await db.prisma.user.count();

    const first = await services.accounts.listUsers(admin, {});
    const second = await services.accounts.listUsers(admin, { page: "2" });

    expect(first).toMatchObject({ total, page: 1, pageCount: Math.ceil(total / USERS_PER_PAGE), q: "", role: null });
    expect(first.users).toHaveLength(USERS_PER_PAGE);
    const times = [...first.users, ...second.users].map((user) => user.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set([...first.users, ...second.users].map((user) => user.id)).size).toBe(2 * USERS_PER_PAGE);
    expect(first.users[0]).not.toHaveProperty("passwordHash");
  });

  it("shows the last page for a page past the end, and the first for nonsense", async () => {
    const total = await db.prisma.user.count();
    const lastPage = Math.ceil(total / USERS_PER_PAGE);

    const past = await services.accounts.listUsers(admin, { page: "999" });
    const nonsense = await services.accounts.listUsers(admin, { page: "abc" });

    expect(past.page).toBe(lastPage);
    expect(past.users).toHaveLength(total - (lastPage - 1) * USERS_PER_PAGE);
    expect(nonsense.page).toBe(1);
  });

  it("filters by role, and ignores an unknown role", async () => {
    const craftsmen = await services.accounts.listUsers(admin, { role: "CRAFTSMAN" });
    const unknown = await services.accounts.listUsers(admin, { role: "GOD" });

    expect(craftsmen.total).toBe(await db.prisma.user.count({ where: { role: "CRAFTSMAN" } }));
    expect(craftsmen.users.every((user) => user.role === "CRAFTSMAN")).toBe(true);
    expect(craftsmen.role).toBe("CRAFTSMAN");
    expect(unknown).toMatchObject({ role: null, total: await db.prisma.user.count() });
  });

  it("finds members by part of their name, in any case", async () => {
    expect((await services.accounts.listUsers(admin, { q: "1号" })).total).toBe(0);
    const result = await services.accounts.listUsers(admin, { q: "  member 4" });

    expect(result.users.map((user) => user.displayName).sort()).toEqual(
      ["Member 40", "Member 41", "Member 42", "Member 43", "Member 44", "Member 45"],
    );
    expect((await services.accounts.listUsers(admin, { q: "周" })).users.map((user) => user.displayName).sort()).toEqual(
      ["Zhou Hongmei 周红梅", "周师傅"],
    );
  });

  it("finds members by the start of their phone number, however it is typed", async () => {
    for (const q of ["18600001234", "186 0000", "186-0000-1234"]) {
      const result = await services.accounts.listUsers(admin, { q });
      expect(result.users.map((user) => user.displayName)).toEqual(["周师傅"]);
    }
    expect((await services.accounts.listUsers(admin, { q: "+86 137 0000 001" })).total).toBe(10);
  });

  it("finds members by e-mail address, digits and all", async () => {
    // Digits in a name or address are not a phone number: "1" starts every mobile number.
    for (const q of ["zhou1@example.com", "ZHOU1", "u1@"]) {
      const result = await services.accounts.listUsers(admin, { q });
      expect(result.users.map((user) => user.displayName)).toEqual(["Zhou Hongmei 周红梅"]);
    }
  });

  it("combines a search with a role filter and pages the result", async () => {
    const result = await services.accounts.listUsers(admin, { q: "Member", role: "WORKER", page: "2" });

    expect(result).toMatchObject({ total: 36, page: 2, pageCount: 2, q: "Member", role: "WORKER" });
    expect(result.users).toHaveLength(16);
    expect(result.users.every((user) => user.role === "WORKER")).toBe(true);
  });
});
