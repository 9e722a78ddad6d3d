import type { BulletinHeadlineRow } from "@zones/db/bulletin";
import { formatValue, type Locale, localized, MISSING } from "@zones/domain";
import { TableScroll } from "~/components/ui/table-scroll";
import { type BulletinCatalogue, bulletinIndicator, bulletinZone } from "./bulletin-catalogue";
import { SECTION_IDS } from "./bulletin-cover";
import { changeOnYear, formatChangeNumber } from "./bulletin-format";
import type { Translate } from "./bulletin-text";

/** "第2/12名" and "+0.5个百分点" / "2 of 12" and "+0.5 pp" for a zone's headline value. */
export function rankAndChange(
  row: BulletinHeadlineRow,
  t: Translate,
  locale: Locale,
  catalogue: BulletinCatalogue,
) {
  const indicator = bulletinIndicator(catalogue, row.indicatorCode);
  const change = changeOnYear(indicator, row.value, row.lastYearValue);
  return {
    value: formatValue(row.value, indicator, locale),
    lastYear: formatValue(row.lastYearValue, indicator, locale),
    rank:
      row.rank === null ? t("headlines.unranked") : t("headlines.rank", { rank: row.rank, of: row.ranked }),
    change: change
      ? t(`change.${change.kind}`, { change: formatChangeNumber(change.change, locale) })
      : MISSING,
  };
}

/** Every zone × headline indicator: the value, with peer rank and change on the year under it. */
export function BulletinHeadlines({
  t,
  locale,
  zoneCodes,
  rows,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  zoneCodes: string[];
  rows: BulletinHeadlineRow[];
  catalogue: BulletinCatalogue;
}) {
  const headlines = catalogue.indicators.filter((indicator) => indicator.headline);
  const byPair = new Map(rows.map((row) => [`${row.zoneCode}/${row.indicatorCode}`, row]));
  return (
    <section className="bulletin-page" aria-labelledby={SECTION_IDS.headlines}>
      <h2 id={SECTION_IDS.headlines}>{t("sections.headlines")}</h2>
      <p className="bulletin-muted">{t("headlines.intro")}</p>
      <TableScroll label={t("sections.headlines")}>
        <table className="bulletin-table bulletin-headlines" data-testid="bulletin-headlines">
          <thead>
            <tr>
              <th scope="col">{t("headlines.zone")}</th>
              {headlines.map((indicator) => (
                <th scope="col" key={indicator.code}>
                  {localized(indicator.name, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {zoneCodes.map((zoneCode) => (
              <tr key={zoneCode}>
                <th scope="row">{localized(bulletinZone(catalogue, zoneCode).shortName, locale)}</th>
                {headlines.map((indicator) => {
                  const row = byPair.get(`${zoneCode}/${indicator.code}`);
                  if (!row) return <td key={indicator.code}>{MISSING}</td>;
                  const shown = rankAndChange(row, t, locale, catalogue);
                  return (
                    <td key={indicator.code} data-zone={zoneCode} data-indicator={indicator.code}>
                      <strong>{shown.value}</strong>
                      <span className="bulletin-cell-note">
                        {shown.rank} · {shown.change}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
