// Small factories for tests that need users but are not about registering them. They write through
// Prisma directly (no argon2 hash), so they are fast; use the account service when the test is
// about accounts.
import type { Viewer } from "../../server/auth/permissions.ts";
import type { SessionService } from "../../server/auth/sessions.ts";
import type { DB, PrismaClient } from "../../server/db/client.ts";

let counter = 0;
const next = () => ++counter + process.pid * 1000;

/** A Chinese mobile number not used before in this process. */
export const uniquePhone = () => `139${String(next() % 100_000_000).padStart(8, "0")}`;

/** An IPv4 address not used before in this process (rate limits count per address). */
export function uniqueIp(): string {
  const n = next();
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function createUser(
  prisma: PrismaClient,
  data: Partial<Pick<DB.Prisma.UserUncheckedCreateInput, "phone" | "email" | "displayName" | "role" | "city" | "createdAt">> = {},
) {
  return prisma.user.create({
    data: {
      displayName: data.displayName ?? `用户${next()}`,
      passwordHash: "not-a-hash",
      ...(data.email ? {} : { phone: data.phone ?? uniquePhone() }),
      ...data,
    },
  });
}

/** A user with a real session: the viewer is what sessions.viewerOf returns for the token. */
export async function signedInUser(
  prisma: PrismaClient,
  sessions: SessionService,
  data: Parameters<typeof createUser>[1] = {},
): Promise<{ token: string; viewer: Viewer }> {
  const user = await createUser(prisma, data);
  const token = await sessions.start(user.id, { ip: uniqueIp(), userAgent: "vitest" });
  const viewer = await sessions.viewerOf(token);
  if (!viewer) throw new Error("a fresh session did not resolve to its user");
  return { token, viewer };
}
