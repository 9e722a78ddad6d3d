import { getMail, listMail } from "@zones/db/mail";
import { OUTBOX_PAGE_SIZE, ZonesError } from "@zones/domain";
import { z } from "zod";

import { message } from "../messages";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ZPageSchema = z.number().int().min(1, { error: "page: must be 1 or more" }).max(100_000).default(1);
const ZIdSchema = z.uuid({ error: "id: not a message id" });

/** /admin/outbox: every outgoing message (sent, queued, failed, or kept without SMTP_URL), for admins only. */
export const outboxRouter = createTRPCRouter({
  /** Messages newest first, a page at a time. */
  list: adminProcedure
    .input(z.object({ page: ZPageSchema }).default({ page: 1 }))
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listMail(ctx.db, { page: input.page, pageSize: OUTBOX_PAGE_SIZE });
      return { items: rows, total, page: input.page, pageSize: OUTBOX_PAGE_SIZE };
    }),

  /** One message: its parts as stored (the page shows the HTML part sandboxed, never in its own DOM). */
  get: adminProcedure.input(z.object({ id: ZIdSchema })).query(async ({ ctx, input }) => {
    const found = await getMail(ctx.db, input.id);
    if (!found) throw new ZonesError("not-found", message("outbox.noMessage"));
    return {
      id: found.id,
      toAddress: found.toAddress,
      language: found.language,
      subject: found.subject,
      text: found.text,
      html: found.html,
      attachments: found.attachments,
      status: found.status,
      attempts: found.attempts,
      lastError: found.lastError,
      response: found.response,
      createdAt: found.createdAt,
      sentAt: found.sentAt,
    };
  }),
});
