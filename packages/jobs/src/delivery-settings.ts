import type { Database } from "@zones/db/client";
import { getNotificationPreferences } from "@zones/db/notifications";
import { getSetting } from "@zones/db/settings";
import { DEFAULT_MAIL_ATTACHMENT_MAX_MB } from "@zones/domain";
import { downloadLinkKey } from "@zones/exports/delivery-token";

import type { DeliverySettings } from "./delivery-common";

/**
 * Delivery settings from the service's configuration: the link key from BETTER_AUTH_SECRET (or, in the demo,
 * the secret @zones/auth generated and keeps in the database), links to BETTER_AUTH_URL (the demo: this machine's
 * port), attachments up to MAIL_ATTACHMENT_MAX_MB, each account's mail in its chosen language. Null while no secret exists yet (a demo worker started
 * before the web app ever signed anyone in): then nothing can be signed, and nothing is delivered.
 */
export async function deliverySettingsFor(
  db: Database,
  config: {
    secret?: string | undefined;
    publicUrl?: string | undefined;
    attachmentMaxMb?: number | undefined;
    webhookPrivateHosts?: readonly string[] | undefined;
  },
): Promise<DeliverySettings | null> {
  const secret = config.secret ?? (await getSetting(db, "authSecret"))?.value;
  if (!secret) return null;
  return {
    linkKey: downloadLinkKey(secret),
    publicUrl: config.publicUrl ?? `http://localhost:${process.env.PORT ?? "3000"}`,
    attachmentMaxBytes: (config.attachmentMaxMb ?? DEFAULT_MAIL_ATTACHMENT_MAX_MB) * 1024 * 1024,
    webhookPrivateHosts: config.webhookPrivateHosts ?? [],
    // An account's mail comes in the language it chose for its notifications (zh-CN until it chooses).
    languageOf: async (userId) => (await getNotificationPreferences(db, userId)).language,
  };
}
