import { DEFAULT_LINK_DAYS, DEFAULT_TIME_ZONE } from "@zones/domain";
import { DEFAULT_RETENTION, type TExportSchedule } from "@zones/exports/schedules";

/**
 * The schedule form's values (pure, no "use client": the page makes the defaults on the server). The form
 * keeps every trigger and quarters field at once, so switching kinds keeps what was typed; the schema keeps
 * only the chosen kind's fields.
 */
export interface ScheduleFormValues {
  name: string;
  trigger: {
    kind: string;
    cron: string;
    weekday: number;
    hour: number;
    day: number;
    daysAfterDeadline: number;
  };
  timezone: string;
  zoneCodes: string[];
  indicatorCodes: string[];
  statuses: string[];
  layout: string;
  headerLanguage: string;
  encoding: string;
  quarters: { kind: string; from: string; to: string; count: number };
  format: string;
  retention: number;
  delivery: {
    accounts: string[];
    addresses: string[];
    mode: string;
    zip: boolean;
    linkDays: number;
    /** The quarterly bulletin attached (schedules run by approvals only). */
    bulletin: boolean;
    /** A secret left empty keeps the one saved for the URL, or gets a new one (shown once). */
    webhooks: { url: string; secret?: string | undefined }[];
  };
}

export function newScheduleValues(base: {
  zoneCodes: string[];
  indicatorCodes: string[];
  from: string;
  to: string;
  headerLanguage: string;
}): ScheduleFormValues {
  return {
    name: "",
    trigger: { kind: "weekly", cron: "0 8 * * 1", weekday: 1, hour: 8, day: 1, daysAfterDeadline: 5 },
    timezone: DEFAULT_TIME_ZONE,
    zoneCodes: base.zoneCodes,
    indicatorCodes: base.indicatorCodes,
    statuses: ["approved"],
    layout: "long",
    headerLanguage: base.headerLanguage,
    encoding: "utf-8-bom",
    quarters: { kind: "recent", from: base.from, to: base.to, count: 4 },
    format: "csv",
    retention: DEFAULT_RETENTION,
    delivery: {
      accounts: [],
      addresses: [],
      mode: "link",
      zip: false,
      linkDays: DEFAULT_LINK_DAYS,
      bulletin: false,
      webhooks: [],
    },
  };
}

/** A saved definition as form values; the other kinds' fields keep the defaults. */
export function scheduleFormValues(
  definition: TExportSchedule,
  defaults: ScheduleFormValues,
): ScheduleFormValues {
  const { trigger, quarters, delivery, ...rest } = definition;
  return {
    ...defaults,
    ...rest,
    trigger: { ...defaults.trigger, ...trigger },
    quarters: { ...defaults.quarters, ...quarters },
    delivery: {
      ...delivery,
      accounts: [...delivery.accounts],
      addresses: [...delivery.addresses],
      // Secrets never come back from the server: empty keeps the saved one.
      webhooks: delivery.webhooks.map((hook) => ({ url: hook.url })),
    },
  };
}
