import { eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { recordMail } from "../queries/mail";
import { findUserIdByEmail } from "../queries/users";
import { mailMessages } from "../schema";

/** The demo's one message, so that a newcomer finds at /admin/outbox what mail would look like. */
export const DEMO_MAIL = {
  dedupeKey: "demo:outbox-example:huangshi@demo.local",
  toAddress: "huangshi@demo.local",
  language: "zh-CN",
  subject: "【演示】季度数据填报提醒",
  text: "黄石填报员，您好：\n\n本季度数据填报即将截止，请登录示范区监测平台完成填报。\n\n这是一封演示邮件：未设置 SMTP_URL 时，邮件不会发出，而是保存在发件箱中。",
  html: "<p>黄石填报员，您好：</p><p>本季度数据填报即将截止，请登录<b>示范区监测平台</b>完成填报。</p><p><small>这是一封演示邮件：未设置 SMTP_URL 时，邮件不会发出，而是保存在发件箱中。</small></p>",
  attachments: [
    {
      filename: "填报说明.txt",
      contentType: "text/plain; charset=utf-8",
      content: Buffer.from("请按指标目录填报本季度数据。\n", "utf8"),
    },
  ],
} as const;

/** Records the demo message as kept in the outbox (once; safe to run again). */
export async function seedDemoMail(db: Database): Promise<void> {
  const { id, created } = await recordMail(db, {
    ...DEMO_MAIL,
    attachments: [...DEMO_MAIL.attachments],
    recipientId: await findUserIdByEmail(db, DEMO_MAIL.toAddress),
  });
  if (created) {
    await db
      .update(mailMessages)
      .set({ status: "outbox", sentAt: sql`now()` })
      .where(eq(mailMessages.id, id));
  }
}
