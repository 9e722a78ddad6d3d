import { randomBytes } from "node:crypto";
import type { Database } from "@zones/db/client";
import { listAllowedMailDomains, recipientAccounts } from "@zones/db/exports";
import { ZonesError } from "@zones/domain";
import {
  NO_DELIVERY,
  refusedAddresses,
  type TScheduleDelivery,
  ZScheduleDeliverySchema,
} from "@zones/exports";

import { message } from "../messages";

/**
 * Refuses, naming the field, a delivery to an account that does not exist (or is disabled) and to an outside
 * address whose domain no admin allowed.
 */
export async function checkScheduleDelivery(db: Database, delivery: TScheduleDelivery): Promise<void> {
  const [accounts, domains] = await Promise.all([
    recipientAccounts(db, delivery.accounts),
    delivery.addresses.length > 0 ? listAllowedMailDomains(db) : Promise.resolve([]),
  ]);
  const enabled = new Set(accounts.filter((account) => !account.disabled).map((account) => account.id));
  const missing = delivery.accounts.findIndex((id) => !enabled.has(id));
  if (missing >= 0) {
    const refusal = message("exports.noAccount", { id: delivery.accounts[missing] ?? "" });
    throw new ZonesError("invalid", refusal, {
      issues: [{ path: ["delivery", "accounts", String(missing)], message: refusal }],
    });
  }
  const refused = refusedAddresses(delivery.addresses, new Set(domains));
  if (refused.length > 0) {
    const issues = refused.map(({ index, address, domain }) => ({
      path: ["delivery", "addresses", String(index)],
      message: message("exports.addressDomain", { address, domain }),
    }));
    throw new ZonesError("invalid", issues[0]?.message ?? message("exports.noSchedule"), { issues });
  }
}

/** The stored delivery of a schedule row (nobody for one saved before deliveries, or no longer valid). */
export function storedDelivery(stored: unknown): TScheduleDelivery {
  const parsed = ZScheduleDeliverySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_DELIVERY;
}

/**
 * Every webhook gets a secret: the one given, else the one kept for the same URL, else a new one — returned
 * once in `newSecrets`, as the form shows it that one time.
 */
export function withWebhookSecrets(
  delivery: TScheduleDelivery,
  previous: TScheduleDelivery,
): { delivery: TScheduleDelivery; newSecrets: { url: string; secret: string }[] } {
  const kept = new Map(previous.webhooks.map((hook) => [hook.url, hook.secret]));
  const newSecrets: { url: string; secret: string }[] = [];
  const webhooks = delivery.webhooks.map((hook) => {
    const secret = hook.secret ?? kept.get(hook.url);
    if (secret) return { url: hook.url, secret };
    const generated = randomBytes(24).toString("base64url");
    newSecrets.push({ url: hook.url, secret: generated });
    return { url: hook.url, secret: generated };
  });
  return { delivery: { ...delivery, webhooks }, newSecrets };
}

/** A delivery as pages show it: webhook secrets never leave the server after they were shown once. */
export function deliveryView(delivery: TScheduleDelivery) {
  return {
    ...delivery,
    webhooks: delivery.webhooks.map((hook) => ({ url: hook.url })),
  };
}
