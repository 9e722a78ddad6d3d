import { formatQuarterLabel, type Locale, type QuarterString } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

/**
 * Every message about a dashboard's selection, for its one notice: the server's (about the URL), the
 * client's own (`extra`), then the API's (a reversed range it swapped).
 */
export function useViewMessages(
  notices: readonly string[],
  data: { notice?: string | null; from: string; to: string },
  extra: readonly string[] = [],
): string[] {
  const t = useTranslations("dashboard.notice");
  const locale = useLocale() as Locale;
  const messages = [...notices, ...extra];
  if (data.notice === "range-reversed") {
    messages.push(
      t("rangeReversed", {
        from: formatQuarterLabel(data.from as QuarterString, locale),
        to: formatQuarterLabel(data.to as QuarterString, locale),
      }),
    );
  }
  return messages;
}
