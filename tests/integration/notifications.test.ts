// In-app notifications through the notification service (delivery with dedupe keys, the list, the
// unread count, opening one, "mark all read"), each user seeing only their own; and the route that
// opens a notification, which follows only links inside the site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../server/auth/permissions.ts";
import type { Services } from "../../server/context.ts";
import { withHttpErrors } from "../../server/http/service-errors.ts";
import { NOTIFICATION_PAGE_SIZE, UNREAD_COUNT_CAP, type NewNotification } from "../../server/notifications/service.ts";
import { action as openAction, loader as openLoader } from "../../app/routes/notification-open.tsx";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { signedInUser } from "../support/fixtures.ts";
import { createTestServices, testClock, type TestClock } from "../support/services.ts";

let db: TestDatabase;
let services: Services;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = testClock();
  services = createTestServices(db, { clock });
});

afterAll(async () => {
  await db?.cleanup();
});

async function user(): Promise<Viewer> {
  return (await signedInUser(db.prisma, services.sessions)).viewer;
}

const rejection = (kind: string) => expect.objectContaining({ name: "AppError", kind });

let counter = 0;
function alert(viewer: Viewer, overrides: Partial<NewNotification> = {}): NewNotification {
  const n = ++counter;
  return {
    userId: viewer.id,
    kind: "job.alert",
    data: { title: `焊工${n}`, searchName: "深圳焊工", organization: "精工钢构" },
    link: `/jobs/post-${n}`,
    dedupeKey: `test:${n}`,
    ...overrides,
  };
}

/** Writes notifications one minute apart (by the test clock), oldest first. */
async function deliver(...notifications: NewNotification[]) {
  let written = 0;
  for (const notification of notifications) {
    written += await services.notifications.notify([notification]);
    clock.advance(60_000);
  }
  return written;
}

describe("delivering", () => {
  it("writes a notification once per user and dedupe key", async () => {
    const [first, second] = [await user(), await user()];
    expect(await services.notifications.notify([alert(first, { dedupeKey: "same" }), alert(second, { dedupeKey: "same" })])).toBe(2);
    expect(await services.notifications.notify([alert(first, { dedupeKey: "same" })])).toBe(0);
    expect(await services.notifications.unreadCount(first)).toBe(1);
    expect(await services.notifications.unreadCount(second)).toBe(1);
  });

  it("writes every notification that has no dedupe key", async () => {
    const viewer = await user();
    const status = { kind: "application.status" as const, data: { title: "电工", status: "SHORTLISTED" }, dedupeKey: undefined };
    expect(await services.notifications.notify([alert(viewer, status), alert(viewer, status)])).toBe(2);
    expect(await services.notifications.notify([])).toBe(0);
    expect(await services.notifications.unreadCount(viewer)).toBe(2);
  });

  it("writes inside the caller's transaction, or not at all", async () => {
    const viewer = await user();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await services.notifications.notify([alert(viewer)], tx);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await services.notifications.unreadCount(viewer)).toBe(0);
  });
});

describe("the list and the unread count", () => {
  it("lists the viewer's own notifications, newest first, a page at a time", async () => {
    const viewer = await user();
    const other = await user();
    await deliver(alert(other));
    const mine = Array.from({ length: NOTIFICATION_PAGE_SIZE + 1 }, () => alert(viewer));
    await deliver(...mine);
    const first = await services.notifications.list(viewer);
    expect(first.items).toHaveLength(NOTIFICATION_PAGE_SIZE);
    expect(first).toMatchObject({ page: 1, hasMore: true, unread: NOTIFICATION_PAGE_SIZE + 1 });
    expect(first.items[0]).toMatchObject({ kind: "job.alert", data: mine.at(-1)!.data, link: mine.at(-1)!.link, read: false });
    const second = await services.notifications.list(viewer, { page: 2 });
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect(second.items.map((item) => item.link)).toEqual([mine[0]!.link]);
    // Out-of-range pages are clamped; nothing of the other user's appears anywhere.
    expect((await services.notifications.list(viewer, { page: -3 })).page).toBe(1);
    expect((await services.notifications.list(viewer, { page: Number.NaN })).page).toBe(1);
    const links = [...first.items, ...second.items].map((item) => item.link);
    expect(links).not.toContain((await services.notifications.list(other)).items[0]!.link);
  });

  it("counts unread notifications for the header, stopping at the cap, and none for visitors", async () => {
    const viewer = await user();
    expect(await services.notifications.unreadCount(viewer)).toBe(0);
    expect(await services.notifications.unreadCount(null)).toBe(0);
    await services.notifications.notify(Array.from({ length: UNREAD_COUNT_CAP + 5 }, () => alert(viewer)));
    expect(await services.notifications.unreadCount(viewer)).toBe(UNREAD_COUNT_CAP);
  });

  it("is for signed-in users", async () => {
    await expect(services.notifications.list(null)).rejects.toEqual(rejection("unauthorized"));
    await expect(services.notifications.open(null, "x")).rejects.toEqual(rejection("unauthorized"));
    await expect(services.notifications.markAllRead(null)).rejects.toEqual(rejection("unauthorized"));
  });
});

describe("opening and marking read", () => {
  it("opens the viewer's own notification: marks it read once and returns its link", async () => {
    const viewer = await user();
    const note = alert(viewer);
    await deliver(note, alert(viewer));
    const row = await db.prisma.notification.findFirstOrThrow({ where: { userId: viewer.id, link: note.link } });
    const openedAt = clock.now();
    expect(await services.notifications.open(viewer, row.id)).toEqual({ link: note.link });
    expect(await services.notifications.unreadCount(viewer)).toBe(1);
    clock.advance(60_000);
    await services.notifications.open(viewer, row.id);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).readAt).toEqual(openedAt);
    const { items } = await services.notifications.list(viewer);
    expect(items.map((item) => item.read)).toEqual([false, true]);
  });

  it("does not open another user's notification, or one that does not exist", async () => {
    const owner = await user();
    const stranger = await user();
    await deliver(alert(owner));
    const row = await db.prisma.notification.findFirstOrThrow({ where: { userId: owner.id } });
    await expect(services.notifications.open(stranger, row.id)).rejects.toEqual(rejection("notFound"));
    await expect(services.notifications.open(owner, "no-such-notification")).rejects.toEqual(rejection("notFound"));
    await expect(services.notifications.open(owner, 42)).rejects.toEqual(rejection("notFound"));
    await expect(services.notifications.open(owner, "x".repeat(41))).rejects.toEqual(rejection("notFound"));
    expect(await services.notifications.unreadCount(owner)).toBe(1);
  });

  it("marks all of the viewer's notifications read, and nobody else's", async () => {
    const viewer = await user();
    const other = await user();
    await deliver(alert(viewer), alert(viewer), alert(other));
    expect(await services.notifications.markAllRead(viewer)).toBe(2);
    expect(await services.notifications.unreadCount(viewer)).toBe(0);
    expect(await services.notifications.unreadCount(other)).toBe(1);
    expect(await services.notifications.markAllRead(viewer)).toBe(0);
  });
});

describe("the route that opens a notification", () => {
  /** Calls the route's loader (GET) or action (POST) as React Router does, and returns its redirect. */
  async function openThrough(method: "GET" | "POST", viewer: Viewer | null, notificationId: string): Promise<Response> {
    const handler = method === "GET" ? openLoader : openAction;
    const args = {
      request: new Request(`http://localhost/notifications/${notificationId}`, { method }),
      params: { notificationId },
      context: { services: withHttpErrors(services), viewer },
    } as unknown as Parameters<typeof openLoader>[0] & Parameters<typeof openAction>[0];
    try {
      return await handler(args);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function delivered(viewer: Viewer, link: string | null) {
    await deliver(alert(viewer, { link }));
    const row = await db.prisma.notification.findFirstOrThrow({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" } });
    return row.id;
  }

  it("marks the notification read and redirects to its link inside the site", async () => {
    const viewer = await user();
    for (const method of ["GET", "POST"] as const) {
      const id = await delivered(viewer, `/jobs/abc?from=${method}`);
      const response = await openThrough(method, viewer, id);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/jobs/abc?from=${method}`);
      expect((await db.prisma.notification.findUniqueOrThrow({ where: { id } })).readAt).not.toBeNull();
    }
  });

  it("never redirects off the site: other links land on the list", async () => {
    const viewer = await user();
    for (const link of ["https://evil.example/jobs", "//evil.example/jobs", "/\\evil.example", "javascript:alert(1)", "jobs/abc", null]) {
      const id = await delivered(viewer, link);
      const response = await openThrough("GET", viewer, id);
      expect(response.headers.get("Location"), String(link)).toBe("/me/notifications");
    }
  });

  it("sends visitors to sign in first, and answers 404 for someone else's notification", async () => {
    const owner = await user();
    const id = await delivered(owner, "/jobs/abc");
    const visitor = await openThrough("GET", null, id);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/notifications/${id}`)}`);
    const stranger = await openThrough("POST", await user(), id);
    expect(stranger.status).toBe(404);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();
  });
});
