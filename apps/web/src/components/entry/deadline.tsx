import { DEFAULT_TIME_ZONE, type Locale } from "@zones/domain";
import { useTranslations } from "next-intl";

/** Deadlines are calendar dates in Beijing; "today" is judged there too. */

const DAY_MS = 86_400_000;

/** Today's date in Beijing, `YYYY-MM-DD` (computed on the server, so both renders agree). */
export function todayInBeijing(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DEFAULT_TIME_ZONE }).format(now);
}

/** Days from `today` to `deadline` (both `YYYY-MM-DD`); negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** 2026年10月25日 / Oct 25, 2026 */
export function formatDate(date: string, locale: Locale): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(parsed);
}

/** "还剩 3 天" / "今天截止" / "已逾期 35 天", in words, never by colour alone. */
export function DaysLeft({ days }: { days: number }) {
  const t = useTranslations("entry.deadline");
  const text = days > 0 ? t("left", { days }) : days === 0 ? t("today") : t("overdue", { days: -days });
  return (
    <span className={days < 0 ? "days-left overdue" : "days-left"} data-days-left={days}>
      {text}
    </span>
  );
}
