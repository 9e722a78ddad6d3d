import { formatQuarterLabel, type Locale, type QuarterString } from "@zones/domain";
import type { BulletinCatalogue } from "./bulletin-catalogue";

import { formatMoment, type Translate } from "./bulletin-text";

export const SECTION_IDS = {
  headlines: "headlines",
  heat: "heat",
  zones: "zones",
  completeness: "completeness",
  revisions: "revisions",
} as const;

export function zoneSectionId(zoneCode: string): string {
  return `zone-${zoneCode}`;
}

/** The first page: what the bulletin is, of which quarter, when it was made and of which data. */
export function BulletinCover({
  t,
  locale,
  quarter,
  zones,
  issuedAt,
  dataVersion,
}: {
  t: Translate;
  locale: Locale;
  quarter: QuarterString;
  zones: number;
  issuedAt: Date;
  dataVersion: string;
}) {
  return (
    <section className="bulletin-cover" data-testid="bulletin-cover">
      <h1>
        <span className="bulletin-cover-title">{t("title")}</span>
        <span className="bulletin-cover-quarter">{formatQuarterLabel(quarter, locale)}</span>
      </h1>
      <p>{t("scope", { zones })}</p>
      <p>{t("issuedAt", { date: formatMoment(issuedAt, locale) })}</p>
      <p className="bulletin-muted">{t("dataVersion", { version: dataVersion.slice(0, 12) })}</p>
      <p className="bulletin-synthetic">{t("synthetic")}</p>
    </section>
  );
}

/** The contents: every section and every zone's page, linked (the PDF's outline carries the page numbers). */
export function BulletinToc({
  t,
  locale,
  zoneCodes,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  zoneCodes: string[];
  catalogue: BulletinCatalogue;
}) {
  const zoneName = new Map(
    catalogue.zones.map((zone) => [zone.code, locale === "en" ? zone.name.en : zone.name.zh]),
  );
  return (
    <nav className="bulletin-page bulletin-toc" aria-labelledby="bulletin-toc">
      <h2 id="bulletin-toc">{t("toc")}</h2>
      <ol>
        <li>
          <a href={`#${SECTION_IDS.headlines}`}>{t("sections.headlines")}</a>
        </li>
        <li>
          <a href={`#${SECTION_IDS.heat}`}>{t("sections.heat")}</a>
        </li>
        <li>
          <a href={`#${SECTION_IDS.zones}`}>{t("sections.zones")}</a>
          <ol>
            {zoneCodes.map((code) => (
              <li key={code}>
                <a href={`#${zoneSectionId(code)}`}>{zoneName.get(code) ?? code}</a>
              </li>
            ))}
          </ol>
        </li>
        <li>
          <a href={`#${SECTION_IDS.completeness}`}>{t("sections.completeness")}</a>
        </li>
        <li>
          <a href={`#${SECTION_IDS.revisions}`}>{t("sections.revisions")}</a>
        </li>
      </ol>
    </nav>
  );
}
