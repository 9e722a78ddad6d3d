import type { BulletinFigures } from "@zones/db/bulletin";
import { formatQuarterLabel, indicatorsInForceIn, type Locale, type QuarterString } from "@zones/domain";

import type { BulletinCatalogue } from "./bulletin-catalogue";

import { BulletinCompleteness, BulletinRevisions } from "./bulletin-completeness";
import { BulletinCover, BulletinToc, SECTION_IDS } from "./bulletin-cover";
import { BulletinHeadlines } from "./bulletin-headlines";
import { BulletinHeat } from "./bulletin-heat";
import { BulletinReady } from "./bulletin-ready";
import type { Translate } from "./bulletin-text";
import { BulletinZone } from "./bulletin-zone";

/**
 * The whole bulletin as one document, each part starting a printed page: cover, contents, headline table, heat
 * table, a page per zone, completeness and late submissions, revisions.
 */
export function BulletinDocument({
  t,
  locale,
  quarter,
  figures,
  issuedAt,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  quarter: QuarterString;
  figures: BulletinFigures;
  issuedAt: Date;
  /** The database's catalogue (the page reads it): the names and the heat table's rows. */
  catalogue: BulletinCatalogue;
}) {
  const { zoneCodes, quarters } = figures;
  // One small multiple per zone and headline indicator: what the ready marker waits for.
  const charts = zoneCodes.length * new Set(figures.trends.map((row) => row.indicatorCode)).size;
  return (
    <article className="bulletin" lang={locale} data-testid="bulletin">
      <BulletinCover
        t={t}
        locale={locale}
        quarter={quarter}
        zones={zoneCodes.length}
        issuedAt={issuedAt}
        dataVersion={figures.dataVersion}
      />
      <BulletinToc t={t} locale={locale} zoneCodes={zoneCodes} catalogue={catalogue} />
      <BulletinHeadlines
        t={t}
        locale={locale}
        zoneCodes={zoneCodes}
        rows={figures.headlines}
        catalogue={catalogue}
      />
      <section className="bulletin-page bulletin-heat" aria-labelledby={SECTION_IDS.heat}>
        <h2 id={SECTION_IDS.heat}>{t("sections.heat")}</h2>
        <p className="bulletin-muted">{t("heat.intro")}</p>
        <BulletinHeat
          locale={locale}
          zoneCodes={zoneCodes}
          indicators={indicatorsInForceIn(catalogue, quarter)}
          zones={[...catalogue.zones]}
          cells={figures.heat.map(({ zoneCode, indicatorCode, value, percentile }) => ({
            zoneCode,
            indicatorCode,
            value,
            percentile,
          }))}
          labels={{
            caption: t("heat.caption", { quarter: formatQuarterLabel(quarter, locale) }),
            low: t("heat.low"),
            high: t("heat.high"),
            missing: t("heat.missing"),
            percentile: t("heat.percentile", { p: "{p}" }),
          }}
        />
      </section>
      {zoneCodes.map((zoneCode, index) => (
        <BulletinZone
          key={zoneCode}
          t={t}
          locale={locale}
          zoneCode={zoneCode}
          first={index === 0}
          catalogue={catalogue}
          quarters={quarters}
          headlines={figures.headlines.filter((row) => row.zoneCode === zoneCode)}
          trends={figures.trends.filter((row) => row.zoneCode === zoneCode)}
        />
      ))}
      <BulletinCompleteness t={t} locale={locale} rows={figures.completeness} catalogue={catalogue} />
      <BulletinRevisions
        t={t}
        locale={locale}
        since={figures.revisionsSince}
        rows={figures.revisions}
        total={figures.revisionsTotal}
        catalogue={catalogue}
      />
      <BulletinReady charts={charts} />
    </article>
  );
}
