import type { ExportScheduleValues } from "@zones/db/exports";

import { type TExportSchedule, triggerCron, ZExportScheduleSchema } from "./schedules";

/** A schedule as the database keeps it: definition columns plus the filter choices in `filters`. */
export interface StoredSchedule {
  name: string;
  trigger: unknown;
  timezone: string;
  format: string;
  retention: number;
  filters: unknown;
  delivery: unknown;
}

/** The columns that store a validated schedule. */
export function storedScheduleValues(schedule: TExportSchedule): ExportScheduleValues {
  const { name, trigger, timezone, format, retention, delivery, ...filters } = schedule;
  return { name, trigger, cron: triggerCron(trigger), timezone, format, retention, filters, delivery };
}

/**
 * The schedule a stored row describes, validated again (the catalogue may have changed since it was saved):
 * `ok: false` carries the messages, naming the fields.
 */
export function scheduleFromStored(
  stored: StoredSchedule,
): { ok: true; schedule: TExportSchedule } | { ok: false; message: string } {
  const filters = stored.filters && typeof stored.filters === "object" ? stored.filters : {};
  const parsed = ZExportScheduleSchema.safeParse({
    ...filters,
    name: stored.name,
    trigger: stored.trigger,
    timezone: stored.timezone,
    format: stored.format,
    retention: stored.retention,
    delivery: stored.delivery ?? {},
  });
  if (parsed.success) return { ok: true, schedule: parsed.data };
  return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("; ") };
}
