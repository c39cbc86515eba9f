// Accounts: registration, sign-in, profiles, and the admin's user list and role changes.
import type { Clock } from "../clock.ts";
import { isUniqueViolation, type PrismaClient } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { fieldErrorsOf, formFailed, formOk, notFound, type FormResult } from "../errors.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../auth/password.ts";
import { requireRole, requireViewer, type Role, type Viewer } from "../auth/permissions.ts";
import type { SessionMeta, SessionService } from "../auth/sessions.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import {
  ZChangeRoleSchema,
  ZLoginSchema,
  ZProfileSchema,
  ZRegisterSchema,
  ZUserSearchSchema,
  type AccountIdentifier,
} from "./schema.ts";

export const USERS_PER_PAGE = 20;

export interface SignedIn {
  token: string;
  viewer: Viewer;
}

export interface Profile {
  id: string;
  phone: string | null;
  email: string | null;
  displayName: string;
  role: Role;
  tradeCode: string | null;
  city: string | null;
  employer: string | null;
  createdAt: Date;
}

const accountKey = (account: AccountIdentifier) => ("phone" in account ? account.phone : account.email);


export function createAccountService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  sessions: SessionService;
  rateLimits: RateLimits;
}) {
  const { prisma, sessions, rateLimits } = deps;

  async function toProfile(userId: string): Promise<Profile> {
    const user = await prisma.user.findUnique({ where: { id: userId }, include: { trade: true } });
    if (!user) throw notFound();
    return {
      id: user.id,
      phone: user.phone,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      tradeCode: user.trade?.code ?? null,
      city: user.city,
      employer: user.employer,
      createdAt: user.createdAt,
    };
  }

  return {
    async register(input: unknown, meta: SessionMeta): Promise<FormResult<SignedIn>> {
      if (!(await rateLimits.registrationsPerIp.consume(meta.ip ?? "unknown"))) {
        return formFailed({}, "auth.rateLimited");
      }
      const parsed = ZRegisterSchema.safeParse(input);
      if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
      const { account, displayName, password } = parsed.data;
      const passwordHash = await hashPassword(password);
      try {
        const user = await prisma.user.create({
          data: { ...account, displayName, passwordHash },
          select: { id: true, displayName: true, role: true },
        });
        return formOk({ token: await sessions.start(user.id, meta), viewer: user });
      } catch (error) {
        if (isUniqueViolation(error)) return formFailed({ account: "account.taken" });
        throw error;
      }
    },

    /** Signs in and replaces the browser's previous session, if any (session rotation). */
    async login(input: unknown, meta: SessionMeta & { previousToken?: string }): Promise<FormResult<SignedIn>> {
      const parsed = ZLoginSchema.safeParse(input);
      if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
      const { account, password } = parsed.data;
      const ipKey = meta.ip ?? "unknown";
      const key = accountKey(account);
      const [ipBlocked, accountBlocked] = await Promise.all([
        rateLimits.loginFailuresPerIp.isBlocked(ipKey),
        rateLimits.loginFailuresPerAccount.isBlocked(key),
      ]);
      if (ipBlocked || accountBlocked) return formFailed({}, "auth.rateLimited");

      const user = await prisma.user.findUnique({
        where: "phone" in account ? { phone: account.phone } : { email: account.email },
        select: { id: true, displayName: true, role: true, passwordHash: true },
      });
      const isValid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
      if (!user || !isValid) {
        await Promise.all([rateLimits.loginFailuresPerIp.consume(ipKey), rateLimits.loginFailuresPerAccount.consume(key)]);
        return formFailed({}, "auth.invalidCredentials");
      }
      await rateLimits.loginFailuresPerAccount.reset(key);
      await sessions.end(meta.previousToken);
      const token = await sessions.start(user.id, meta);
      return formOk({ token, viewer: { id: user.id, displayName: user.displayName, role: user.role } });
    },

    logout: (token: string | undefined) => sessions.end(token),

    profileOf: async (viewer: Viewer | null) => toProfile(requireViewer(viewer).id),

    async updateProfile(viewer: Viewer | null, input: unknown): Promise<FormResult<Profile>> {
      const { id } = requireViewer(viewer);
      const parsed = ZProfileSchema.safeParse(input);
      if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
      const { tradeCode, ...fields } = parsed.data;
      let tradeId: number | null = null;
      if (tradeCode) {
        const trade = await prisma.trade.findUnique({ where: { code: tradeCode }, select: { id: true } });
        if (!trade) return formFailed({ tradeCode: "trade.unknown" });
        tradeId = trade.id;
      }
      await prisma.user.update({ where: { id }, data: { ...fields, tradeId } });
      return formOk(await toProfile(id));
    },

    sessionsOf: async (viewer: Viewer | null, currentToken?: string) =>
      sessions.listOf(requireViewer(viewer).id, currentToken),

    /** Signs out every other browser of the viewer; returns how many sessions ended. */
    signOutOtherSessions: async (viewer: Viewer | null, currentToken?: string) =>
      sessions.endAllOf(requireViewer(viewer).id, currentToken),

    /** The gate of the admin area; every admin service checks again for itself. */
    async requireAdmin(viewer: Viewer | null): Promise<void> {
      requireRole(viewer, "ADMIN");
    },

    /** The admin area: admins, and employers for their job posts. */
    async requireStaff(viewer: Viewer | null): Promise<void> {
      requireRole(viewer, "ADMIN", "EMPLOYER");
    },

    async listUsers(viewer: Viewer | null, query: unknown) {
      requireRole(viewer, "ADMIN");
      const { q, role, page } = ZUserSearchSchema.parse(query ?? {});
      // Phone numbers are searched only for a query that looks like one ("186 0000", "+86 186…"):
      // the digits of "li1@example.com" or "1号工位" would otherwise match every phone number.
      const phonePrefix = /^[\d\s+-]+$/.test(q) ? q.replace(/^\+?86(?=[\s-]*1)/, "").replace(/\D/g, "") : "";
      const where: Prisma.UserWhereInput = {
        ...(role ? { role } : {}),
        ...(q
          ? {
              OR: [
                { displayName: { contains: q, mode: "insensitive" } },
                { email: { contains: q.toLowerCase() } },
                ...(phonePrefix ? [{ phone: { startsWith: phonePrefix } }] : []),
              ],
            }
          : {}),
      };
      const total = await prisma.user.count({ where });
      const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
      const currentPage = Math.min(page, pageCount);
      const users = await prisma.user.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: (currentPage - 1) * USERS_PER_PAGE,
        take: USERS_PER_PAGE,
        select: {
          id: true, phone: true, email: true, displayName: true, role: true, city: true, createdAt: true,
          trade: { select: { code: true } },
          organization: { select: { name: true } },
        },
      });
      return { users, total, page: currentPage, pageCount, q, role: role ?? null };
    },

    /**
     * Changes a user's role and writes the audit log in the same transaction. EMPLOYER comes with
     * an organisation (found by name or created); any other role clears it.
     */
    async changeRole(viewer: Viewer | null, input: unknown): Promise<FormResult<{ userId: string; role: Role; organization?: string }>> {
      const admin = requireRole(viewer, "ADMIN");
      const parsed = ZChangeRoleSchema.safeParse(input);
      if (!parsed.success) return formFailed(fieldErrorsOf(parsed.error));
      const { userId, role, organization } = parsed.data;
      if (userId === admin.id) return formFailed({}, "admin.cannotChangeOwnRole");
      let changedRole = false;
      const result = await prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({
          where: { id: userId },
          select: { role: true, displayName: true, organization: { select: { name: true } } },
        });
        if (!user) throw notFound();
        const fromOrganization = user.organization?.name ?? null;
        const changed = { userId, role, ...(organization ? { organization } : {}) };
        if (user.role === role && fromOrganization === organization) return formOk(changed);
        const organizationId = organization
          ? (await tx.organization.upsert({ where: { name: organization }, create: { name: organization }, update: {}, select: { id: true } })).id
          : null;
        await tx.user.update({ where: { id: userId }, data: { role, organizationId } });
        changedRole = user.role !== role;
        await tx.auditLog.create({
          data: {
            actorId: admin.id,
            action: "user.role.change",
            targetType: "User",
            targetId: userId,
            data: {
              from: user.role,
              to: role,
              targetName: user.displayName,
              ...(fromOrganization || organization ? { fromOrganization, organization } : {}),
            },
          },
        });
        return formOk(changed);
      });
      // Committed: the user's open connections must not keep acting with the old role.
      if (changedRole) sessions.userChanged(userId);
      return result;
    },

    async recentAuditLog(viewer: Viewer | null, take = 20) {
      requireRole(viewer, "ADMIN");
      return prisma.auditLog.findMany({
        orderBy: { createdAt: "desc" },
        take,
        include: { actor: { select: { displayName: true } } },
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
