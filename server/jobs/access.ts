// Who may manage job posts and their applicants: admins (every organisation) and employers (their
// own organisation's only). Every job service that manages posts starts from `requireJobManager`
// and checks each post with `canManage`; the UI only hides what these refuse.
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { PrismaClient } from "../db/client.ts";
import { forbidden } from "../errors.ts";

export interface JobManager {
  viewer: Viewer;
  /** The employer's organisation; null for admins, who manage every organisation. */
  organizationId: string | null;
}

export async function requireJobManager(prisma: PrismaClient, viewer: Viewer | null): Promise<JobManager> {
  const signedIn = requireRole(viewer, "ADMIN", "EMPLOYER");
  if (signedIn.role === "ADMIN") return { viewer: signedIn, organizationId: null };
  const user = await prisma.user.findUnique({ where: { id: signedIn.id }, select: { organizationId: true } });
  // An employer without an organisation manages nothing until an admin assigns one.
  if (!user?.organizationId) throw forbidden();
  return { viewer: signedIn, organizationId: user.organizationId };
}

export const canManage = (manager: JobManager, post: { organizationId: string }) =>
  manager.organizationId === null || manager.organizationId === post.organizationId;

/** A Prisma filter on JobPost limited to what the manager may see. */
export const managedPosts = (manager: JobManager) => (manager.organizationId === null ? {} : { organizationId: manager.organizationId });
