// In-app notifications: a saved search's new match, an application's new status, a livestream that
// went live. Background jobs deliver them with a `dedupeKey`, so running a job twice notifies once.
// The text is rendered by the page from `kind` and `data` (message key `notifications.kind.<kind>`),
// in the reader's locale.
import { z } from "zod";
import { requireViewer, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import type { DB, PrismaClient } from "../db/client.ts";
import { notFound } from "../errors.ts";

export const NOTIFICATION_KINDS = ["job.alert", "application.status", "live.started"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_PAGE_SIZE = 30;
/** The header shows "99+" beyond this, so counting stops here: the badge stays one cheap index scan. */
export const UNREAD_COUNT_CAP = 100;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** Parameters of the message (strings and numbers). */
  data: Record<string, string | number>;
  /** A path inside the app. */
  link: string | null;
  dedupeKey?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  data: Record<string, string | number>;
  link: string | null;
  read: boolean;
  createdAt: Date;
}

type Tx = Pick<PrismaClient, "notification">;

const ZNotificationId = z.string().min(1).max(40);

export function createNotificationService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  /** Writes notifications (in `tx` when given); an existing `dedupeKey` for the user is skipped. Returns how many were new. */
  async function notify(notifications: NewNotification[], tx: Tx = prisma): Promise<number> {
    if (notifications.length === 0) return 0;
    const result = await tx.notification.createMany({
      data: notifications.map((n) => ({ userId: n.userId, kind: n.kind, data: n.data, link: n.link, dedupeKey: n.dedupeKey ?? null, createdAt: clock.now() })),
      skipDuplicates: true,
    });
    return result.count;
  }

  /** The viewer's notifications, newest first, a page at a time. */
  async function list(
    viewer: Viewer | null,
    params: { page?: number } = {},
  ): Promise<{ items: NotificationView[]; unread: number; page: number; hasMore: boolean }> {
    const signedIn = requireViewer(viewer);
    const requested = Math.trunc(params.page ?? 1);
    const page = Number.isFinite(requested) ? Math.max(1, Math.min(1000, requested)) : 1;
    const [rows, unread] = await Promise.all([
      prisma.notification.findMany({
        where: { userId: signedIn.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * NOTIFICATION_PAGE_SIZE,
        take: NOTIFICATION_PAGE_SIZE + 1,
      }),
      unreadCount(signedIn),
    ]);
    return { items: rows.slice(0, NOTIFICATION_PAGE_SIZE).map(toView), unread, page, hasMore: rows.length > NOTIFICATION_PAGE_SIZE };
  }

  /** For the header badge: up to UNREAD_COUNT_CAP; 0 for visitors. */
  async function unreadCount(viewer: Viewer | null): Promise<number> {
    if (!viewer) return 0;
    return prisma.notification.count({ where: { userId: viewer.id, readAt: null }, take: UNREAD_COUNT_CAP });
  }

  /** Marks one of the viewer's notifications read and returns its link (to follow). */
  async function open(viewer: Viewer | null, notificationId: unknown): Promise<{ link: string | null }> {
    const signedIn = requireViewer(viewer);
    const id = ZNotificationId.safeParse(notificationId);
    if (!id.success) throw notFound();
    const row = await prisma.notification.findFirst({ where: { id: id.data, userId: signedIn.id }, select: { id: true, link: true, readAt: true } });
    if (!row) throw notFound();
    if (!row.readAt) await prisma.notification.update({ where: { id: row.id }, data: { readAt: clock.now() } });
    return { link: row.link };
  }

  async function markAllRead(viewer: Viewer | null): Promise<number> {
    const signedIn = requireViewer(viewer);
    const result = await prisma.notification.updateMany({ where: { userId: signedIn.id, readAt: null }, data: { readAt: clock.now() } });
    return result.count;
  }

  return { notify, list, unreadCount, open, markAllRead };
}

function toView(row: DB.Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    data: (row.data ?? {}) as Record<string, string | number>,
    link: row.link,
    read: row.readAt !== null,
    createdAt: row.createdAt,
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
