import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@zones/api";
import type { Locale } from "@zones/domain";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { formatDateTime } from "~/components/format/dates";

type MailView = inferRouterOutputs<AppRouter>["outbox"]["get"];

/**
 * One message as it was (or would have been) sent. The HTML part is someone's markup: it is shown only in a
 * sandboxed frame (no scripts, no forms, no same-origin rights; the page's policy keeps remote images out),
 * never inserted into this page.
 */
export async function OutboxMessage({ message }: { message: MailView }) {
  const [t, locale] = await Promise.all([getTranslations("outbox"), getLocale() as Promise<Locale>]);
  const at = (value: Date | null) => formatDateTime(value, locale) ?? "—";
  return (
    <article className="outbox-message" data-testid="outbox-message">
      <p>
        <Link href="/admin/outbox">{t("back")}</Link>
      </p>
      <h1>{t("messageTitle", { subject: message.subject })}</h1>
      <dl className="outbox-fields">
        <dt>{t("fields.to")}</dt>
        <dd className="outbox-address">{message.toAddress}</dd>
        <dt>{t("fields.status")}</dt>
        <dd data-testid="outbox-status">{t(`status.${message.status}`)}</dd>
        <dt>{t("fields.language")}</dt>
        <dd>{message.language}</dd>
        <dt>{t("fields.createdAt")}</dt>
        <dd>{at(message.createdAt)}</dd>
        <dt>{t("fields.sentAt")}</dt>
        <dd>{at(message.sentAt)}</dd>
        <dt>{t("fields.attempts")}</dt>
        <dd>{message.attempts}</dd>
        {message.response && (
          <>
            <dt>{t("fields.response")}</dt>
            <dd>{message.response}</dd>
          </>
        )}
        {message.lastError && (
          <>
            <dt>{t("fields.lastError")}</dt>
            <dd data-testid="outbox-error">{message.lastError}</dd>
          </>
        )}
        <dt>{t("fields.attachments")}</dt>
        <dd>
          {message.attachments.length === 0 ? (
            t("noAttachments")
          ) : (
            <ul>
              {message.attachments.map((attachment) => (
                <li key={`${attachment.filename}:${attachment.size}`}>
                  {attachment.filename} ({t("bytes", { size: attachment.size })})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h2>{t("textPart")}</h2>
      <pre className="outbox-text" data-testid="outbox-text">
        {message.text}
      </pre>
      {message.html && (
        <>
          <h2>{t("htmlPart")}</h2>
          <iframe
            className="outbox-html"
            data-testid="outbox-html"
            title={t("htmlFrame")}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={message.html}
          />
        </>
      )}
    </article>
  );
}
