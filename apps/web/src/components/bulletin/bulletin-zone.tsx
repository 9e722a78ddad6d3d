import type { BulletinHeadlineRow, BulletinTrendRow } from "@zones/db/bulletin";
import { type Locale, localized } from "@zones/domain";
import { TableScroll } from "~/components/ui/table-scroll";
import { type BulletinCatalogue, bulletinIndicator, bulletinZone } from "./bulletin-catalogue";
import { zoneSectionId } from "./bulletin-cover";
import { rankAndChange } from "./bulletin-headlines";
import type { Translate } from "./bulletin-text";
import { ZoneTrends } from "./zone-trends";

/** One zone's page: its headline figures with rank and change, and its small multiples in the peer band. */
export function BulletinZone({
  t,
  locale,
  zoneCode,
  headlines,
  trends,
  quarters,
  first,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  zoneCode: string;
  headlines: BulletinHeadlineRow[];
  trends: BulletinTrendRow[];
  quarters: string[];
  /** The first zone's page also carries the section's heading (for the contents and the outline). */
  first: boolean;
  catalogue: BulletinCatalogue;
}) {
  const zone = bulletinZone(catalogue, zoneCode);
  return (
    <section
      className="bulletin-page bulletin-zone"
      aria-labelledby={zoneSectionId(zoneCode)}
      data-testid="bulletin-zone"
      data-zone={zoneCode}
    >
      {first && <h2 id="zones">{t("sections.zones")}</h2>}
      <h3 id={zoneSectionId(zoneCode)}>{localized(zone.name, locale)}</h3>
      <p className="bulletin-muted">{t("zone.province", { province: localized(zone.province, locale) })}</p>
      <TableScroll label={localized(zone.name, locale)}>
        <table className="bulletin-table bulletin-zone-table">
          <thead>
            <tr>
              <th scope="col">{t("zone.indicator")}</th>
              <th scope="col">{t("zone.value")}</th>
              <th scope="col">{t("zone.lastYear")}</th>
              <th scope="col">{t("zone.change")}</th>
              <th scope="col">{t("zone.rank")}</th>
            </tr>
          </thead>
          <tbody>
            {headlines.map((row) => {
              const shown = rankAndChange(row, t, locale, catalogue);
              return (
                <tr key={row.indicatorCode} data-indicator={row.indicatorCode}>
                  <th scope="row">
                    {localized(bulletinIndicator(catalogue, row.indicatorCode).name, locale)}
                  </th>
                  <td>{shown.value}</td>
                  <td>{shown.lastYear}</td>
                  <td>{shown.change}</td>
                  <td>{shown.rank}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="bulletin-muted">{t("zone.trends")}</p>
      <ZoneTrends
        locale={locale}
        zoneCode={zoneCode}
        indicators={[...new Set(trends.map((row) => row.indicatorCode))].map((code) =>
          bulletinIndicator(catalogue, code),
        )}
        zoneLabel={localized(zone.shortName, locale)}
        quarters={quarters}
        points={trends.map(({ indicatorCode, quarter, value, low, median, high }) => ({
          indicatorCode,
          quarter,
          value,
          low,
          median,
          high,
        }))}
        labels={{
          // Filled in per chart by the client component.
          chartTitle: t("zone.chartTitle", { name: "{name}", unit: "{unit}" }),
          empty: t("zone.empty"),
          range: t("zone.bandRange"),
          iqr: t("zone.bandIqr"),
          median: t("zone.bandMedian"),
        }}
      />
    </section>
  );
}
