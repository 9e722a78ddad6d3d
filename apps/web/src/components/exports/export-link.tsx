import Link from "next/link";
import { useTranslations } from "next-intl";

import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { type ExportFilterValues, exportPageHref } from "./export-query";

/**
 * "导出" on a dashboard: the exports page with the view's zones, indicators and quarters already chosen.
 * Used in client components (it reads the catalogue for `all`).
 */
export function ExportLink({
  zones,
  indicators = [],
  from,
  to,
  includeSubmitted = false,
}: {
  zones: readonly string[];
  /** None: every indicator (the exports page's default). */
  indicators?: readonly string[];
  from: string;
  to: string;
  includeSubmitted?: boolean;
}) {
  const t = useTranslations("exports");
  const catalogue = useCatalogue();
  // An empty choice is left out: the exports page then starts from its defaults (e.g. every zone).
  const filters: Partial<ExportFilterValues> = {
    ...(zones.length > 0 ? { zoneCodes: [...zones] } : {}),
    ...(indicators.length > 0 ? { indicatorCodes: [...indicators] } : {}),
    from,
    to,
    ...(includeSubmitted ? { statuses: ["approved", "submitted"] } : {}),
  };
  return (
    <Link href={exportPageHref(filters, catalogue)} className="export-link" data-testid="export-link">
      {t("link")}
      <span className="visually-hidden"> {t("linkDetail")}</span>
    </Link>
  );
}
