import {
  DEFAULT_LINK_DAYS,
  EXPORT_DELIVERY_MODES,
  MAX_LINK_DAYS,
  MAX_SCHEDULE_ACCOUNTS,
  MAX_SCHEDULE_ADDRESSES,
  MAX_SCHEDULE_WEBHOOKS,
  MAX_WEBHOOK_SECRET_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  MIN_WEBHOOK_SECRET_LENGTH,
} from "@zones/domain";
import { z } from "zod";

/**
 * Who gets a schedule's files and how. Pure, so that the form validates it as the server does; every message
 * names its field (`delivery.addresses[1]: …`). Whether an outside address's domain is allowed is the server's
 * question (admins keep the list): see `refusedAddresses`.
 */

/** One mailbox, `local@domain`, no display name, as @zones/mail sends to. */
const MAILBOX = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;
const MAX_ADDRESS_LENGTH = 254;
const MAX_USER_ID_LENGTH = 100;

function quoted(input: unknown): string {
  if (input === undefined) return "nothing";
  return JSON.stringify(input) ?? String(input);
}

const ZAddressSchema = z
  .string({ error: (issue) => `delivery.addresses: expected mail addresses, got ${quoted(issue.input)}` })
  .trim()
  .toLowerCase()
  .max(MAX_ADDRESS_LENGTH, {
    error: `delivery.addresses: an address has at most ${MAX_ADDRESS_LENGTH} characters`,
  })
  .refine((address) => MAILBOX.test(address), {
    error: (issue) =>
      `delivery.addresses: ${quoted(issue.input)} is not one mail address (name@example.gov.cn)`,
  });

const ZWebhookUrlSchema = z
  .string({ error: (issue) => `delivery.webhooks.url: expected a URL, got ${quoted(issue.input)}` })
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH, {
    error: `delivery.webhooks.url: at most ${MAX_WEBHOOK_URL_LENGTH} characters`,
  })
  .refine(
    (url) => {
      if (!URL.canParse(url)) return false;
      const parsed = new URL(url);
      return (
        (parsed.protocol === "https:" || parsed.protocol === "http:") && !parsed.username && !parsed.password
      );
    },
    {
      error: (issue) =>
        `delivery.webhooks.url: ${quoted(issue.input)} is not an http(s) URL without credentials (https://example.gov.cn/hook)`,
    },
  );

export const ZWebhookSchema = z.object({
  url: ZWebhookUrlSchema,
  /** Omitted: the one kept for this URL, or a new one generated and shown once. */
  secret: z
    .string({ error: "delivery.webhooks.secret: expected text" })
    .min(MIN_WEBHOOK_SECRET_LENGTH, {
      error: `delivery.webhooks.secret: at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`,
    })
    .max(MAX_WEBHOOK_SECRET_LENGTH, {
      error: `delivery.webhooks.secret: at most ${MAX_WEBHOOK_SECRET_LENGTH} characters`,
    })
    .optional(),
});

function distinct<T>(values: readonly T[], key: (value: T) => string): boolean {
  return new Set(values.map(key)).size === values.length;
}

export const ZScheduleDeliverySchema = z
  .object({
    /** Accounts (user ids): each gets a link checked against their rights, or the file. */
    accounts: z
      .array(
        z
          .string({ error: "delivery.accounts: expected account ids" })
          .min(1, { error: "delivery.accounts: an account id is empty" })
          .max(MAX_USER_ID_LENGTH, { error: "delivery.accounts: not an account id" }),
        { error: "delivery.accounts: expected a list of accounts" },
      )
      .max(MAX_SCHEDULE_ACCOUNTS, { error: `delivery.accounts: at most ${MAX_SCHEDULE_ACCOUNTS} accounts` })
      .default([]),
    /** Outside addresses, in domains an admin allows. */
    addresses: z
      .array(ZAddressSchema, { error: "delivery.addresses: expected a list of mail addresses" })
      .max(MAX_SCHEDULE_ADDRESSES, {
        error: `delivery.addresses: at most ${MAX_SCHEDULE_ADDRESSES} addresses`,
      })
      .default([]),
    mode: z
      .enum(EXPORT_DELIVERY_MODES, {
        error: (issue) => `delivery.mode: "link" or "attachment", got ${quoted(issue.input)}`,
      })
      .default("link"),
    /** Attachment mode: the file zipped. */
    zip: z.boolean({ error: "delivery.zip: true or false" }).default(false),
    linkDays: z
      .number({ error: `delivery.linkDays: a whole number of days 1–${MAX_LINK_DAYS}` })
      .int({ error: `delivery.linkDays: a whole number of days 1–${MAX_LINK_DAYS}` })
      .min(1, { error: `delivery.linkDays: a whole number of days 1–${MAX_LINK_DAYS}` })
      .max(MAX_LINK_DAYS, { error: `delivery.linkDays: a whole number of days 1–${MAX_LINK_DAYS}` })
      .default(DEFAULT_LINK_DAYS),
    /**
     * The quarterly bulletin (PDF) attached to each mail: for schedules run when every zone's quarter is approved
     * ("mail the bulletin to the leaders"), the bulletin of that quarter.
     */
    bulletin: z.boolean({ error: "delivery.bulletin: true or false" }).default(false),
    webhooks: z
      .array(ZWebhookSchema, { error: "delivery.webhooks: expected a list of webhooks" })
      .max(MAX_SCHEDULE_WEBHOOKS, { error: `delivery.webhooks: at most ${MAX_SCHEDULE_WEBHOOKS} webhooks` })
      .default([]),
  })
  .superRefine((delivery, ctx) => {
    if (!distinct(delivery.accounts, (id) => id)) {
      ctx.addIssue({
        code: "custom",
        path: ["accounts"],
        message: "delivery.accounts: an account is listed twice",
      });
    }
    if (!distinct(delivery.addresses, (address) => address)) {
      ctx.addIssue({
        code: "custom",
        path: ["addresses"],
        message: "delivery.addresses: an address is listed twice",
      });
    }
    if (!distinct(delivery.webhooks, (hook) => hook.url)) {
      ctx.addIssue({
        code: "custom",
        path: ["webhooks"],
        message: "delivery.webhooks: a URL is listed twice",
      });
    }
  });

export type TScheduleDelivery = z.output<typeof ZScheduleDeliverySchema>;
export type TScheduleDeliveryInput = z.input<typeof ZScheduleDeliverySchema>;

/** Delivers to nobody: what a schedule saved before deliveries existed means. */
export const NO_DELIVERY: TScheduleDelivery = ZScheduleDeliverySchema.parse({});

/** The addresses whose domain is not in `allowed` (lowercase domains), with their places in the list. */
export function refusedAddresses(
  addresses: readonly string[],
  allowed: ReadonlySet<string>,
): { index: number; address: string; domain: string }[] {
  return addresses.flatMap((address, index) => {
    const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
    return allowed.has(domain) ? [] : [{ index, address, domain }];
  });
}
