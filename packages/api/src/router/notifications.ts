import {
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  setNotificationPreferences,
  unreadCount,
} from "@zones/db/notifications";
import { MAIL_SCHEDULES, NOTIFICATION_KINDS, NOTIFICATION_PAGE_SIZE } from "@zones/domain";
import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "../trpc";

const ZPageSchema = z.number().int().min(1, { error: "page: must be 1 or more" }).max(100_000).default(1);
const ZIdsSchema = z
  .array(z.uuid({ error: "ids: not a notification id" }))
  .min(1, { error: "ids: name at least one notification" })
  .max(NOTIFICATION_PAGE_SIZE * 5, { error: "ids: too many at once" });
const ZPreferencesSchema = z.object({
  language: z.enum(["zh-CN", "en"], { error: "language: zh-CN or en" }),
  schedule: z.enum(MAIL_SCHEDULES, { error: "schedule: immediate or daily" }),
  mailOff: z
    .array(z.enum(NOTIFICATION_KINDS, { error: "mailOff: not a notification kind" }))
    .max(NOTIFICATION_KINDS.length, { error: "mailOff: too many kinds" }),
});

/**
 * The bell and its list, and each user's mail preferences: any signed-in user, only their own notifications
 * (every query is keyed by the session's user, never by an id from the input alone).
 */
export const notificationsRouter = createTRPCRouter({
  /** Newest first, a page at a time, with the unread count. */
  list: protectedProcedure
    .input(z.object({ page: ZPageSchema }).default({ page: 1 }))
    .query(async ({ ctx, input }) => {
      const { rows, total, unread } = await listNotifications(ctx.db, ctx.user.id, {
        page: input.page,
        pageSize: NOTIFICATION_PAGE_SIZE,
      });
      return { items: rows, total, unread, page: input.page, pageSize: NOTIFICATION_PAGE_SIZE };
    }),

  /** The bell's number. */
  unreadCount: protectedProcedure.query(async ({ ctx }) => ({
    unread: await unreadCount(ctx.db, ctx.user.id),
  })),

  /** Marks some of one's own notifications read (others' ids change nothing). */
  markRead: protectedProcedure.input(z.object({ ids: ZIdsSchema })).mutation(async ({ ctx, input }) => ({
    changed: await markNotificationsRead(ctx.db, ctx.user.id, input.ids),
  })),

  markAllRead: protectedProcedure.mutation(async ({ ctx }) => ({
    changed: await markAllNotificationsRead(ctx.db, ctx.user.id),
  })),

  preferences: createTRPCRouter({
    get: protectedProcedure.query(({ ctx }) => getNotificationPreferences(ctx.db, ctx.user.id)),
    update: protectedProcedure
      .input(ZPreferencesSchema)
      .mutation(({ ctx, input }) => setNotificationPreferences(ctx.db, ctx.user.id, input)),
  }),
});
