import type { BulletinCompletenessRow, BulletinRevisionRow } from "@zones/db/bulletin";
import { type Locale, localized, MISSING } from "@zones/domain";
import { TableScroll } from "~/components/ui/table-scroll";
import { type BulletinCatalogue, bulletinZone } from "./bulletin-catalogue";
import { SECTION_IDS } from "./bulletin-cover";
import { formatMoment, type Translate } from "./bulletin-text";

/** Who reported, when, against which deadline, and how many days late. */
export function BulletinCompleteness({
  t,
  locale,
  rows,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  rows: BulletinCompletenessRow[];
  catalogue: BulletinCatalogue;
}) {
  const approved = rows.filter((row) => row.status === "approved").length;
  const late = rows.filter((row) => row.late).length;
  return (
    <section className="bulletin-page" aria-labelledby={SECTION_IDS.completeness}>
      <h2 id={SECTION_IDS.completeness}>{t("sections.completeness")}</h2>
      <p>
        {t("completeness.summary", {
          approved,
          total: rows.length,
          late,
          deadline: rows[0]?.deadline ?? MISSING,
        })}
      </p>
      <TableScroll label={t("sections.completeness")}>
        <table className="bulletin-table" data-testid="bulletin-completeness">
          <thead>
            <tr>
              <th scope="col">{t("completeness.zone")}</th>
              <th scope="col">{t("completeness.status")}</th>
              <th scope="col">{t("completeness.submittedAt")}</th>
              <th scope="col">{t("completeness.deadline")}</th>
              <th scope="col">{t("completeness.daysLate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.zoneCode} data-zone={row.zoneCode} data-late={row.late || undefined}>
                <th scope="row">{localized(bulletinZone(catalogue, row.zoneCode).shortName, locale)}</th>
                <td>{t(`completeness.status_${row.status}`)}</td>
                <td>
                  {row.submittedAt ? formatMoment(row.submittedAt, locale) : t("completeness.notSubmitted")}
                </td>
                <td>{row.deadline ?? MISSING}</td>
                <td>
                  {row.late
                    ? `${t("completeness.lateMark")} ${t("completeness.days", { days: Math.max(row.daysLate ?? 0, 0) })}`
                    : row.submittedAt
                      ? t("completeness.onTime")
                      : MISSING}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Approved data reopened since the previous bulletin of the quarter (or since it was approved). */
export function BulletinRevisions({
  t,
  locale,
  since,
  rows,
  total,
  catalogue,
}: {
  t: Translate;
  locale: Locale;
  since: Date | null;
  rows: BulletinRevisionRow[];
  total: number;
  catalogue: BulletinCatalogue;
}) {
  return (
    <section className="bulletin-page" aria-labelledby={SECTION_IDS.revisions}>
      <h2 id={SECTION_IDS.revisions}>{t("sections.revisions")}</h2>
      <p>{since ? t("revisions.since", { date: formatMoment(since, locale) }) : t("revisions.sinceFirst")}</p>
      {rows.length === 0 ? (
        <p data-testid="bulletin-no-revisions">{t("revisions.none")}</p>
      ) : (
        <TableScroll label={t("sections.revisions")}>
          <table className="bulletin-table" data-testid="bulletin-revisions">
            <thead>
              <tr>
                <th scope="col">{t("revisions.zone")}</th>
                <th scope="col">{t("revisions.at")}</th>
                <th scope="col">{t("revisions.reason")}</th>
                <th scope="col">{t("revisions.by")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.zoneCode}-${row.at.toISOString()}`}>
                  <th scope="row">{localized(bulletinZone(catalogue, row.zoneCode).shortName, locale)}</th>
                  <td>{formatMoment(row.at, locale)}</td>
                  <td>{row.reason ?? MISSING}</td>
                  <td>{row.actorName ?? MISSING}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {total > rows.length && <p>{t("revisions.more", { count: total - rows.length })}</p>}
    </section>
  );
}
