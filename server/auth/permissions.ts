// Who is asking, and what they may do. Every service that needs a signed-in user or a role calls
// one of these; the UI may hide what is forbidden, but only these checks decide.
import type { DB } from "../db/client.ts";
import { forbidden, unauthorized } from "../errors.ts";

export type Role = DB.Role;
export const ROLES = ["WORKER", "CRAFTSMAN", "EMPLOYER", "ADMIN"] as const satisfies readonly Role[];

export interface Viewer {
  id: string;
  displayName: string;
  role: Role;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthorized();
  return viewer;
}

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const signedIn = requireViewer(viewer);
  if (!roles.includes(signedIn.role)) throw forbidden();
  return signedIn;
}

