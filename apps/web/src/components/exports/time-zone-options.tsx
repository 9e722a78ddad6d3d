import { DEFAULT_TIME_ZONE, SCHEDULE_TIME_ZONES } from "@zones/domain";
import { useTranslations } from "next-intl";

/** "GMT+08:00": the zone's offset now, so a reader picks by the clock they know. */
function offsetOf(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts();
    const offset = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
    return offset === "GMT" ? "GMT+00:00" : offset;
  } catch {
    return "";
  }
}

/**
 * The schedule form's time zones, Beijing time first. A schedule saved with another IANA name (through the API)
 * keeps it as an option of its own, so editing it never changes its zone unasked.
 */
export function TimeZoneOptions({ current }: { current: string | undefined }) {
  const t = useTranslations("exports.scheduleForm");
  const zones: string[] = [...SCHEDULE_TIME_ZONES];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone === DEFAULT_TIME_ZONE
        ? t("beijingTime", { offset: offsetOf(zone) })
        : `${zone} (${offsetOf(zone)})`}
    </option>
  ));
}
