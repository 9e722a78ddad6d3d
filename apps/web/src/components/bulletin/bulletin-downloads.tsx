import { latestCompleteQuarter } from "@zones/db/overview";
import { formatQuarterLabel, type Locale, type QuarterString } from "@zones/domain";
import { getLocale } from "next-intl/server";

import { getReader } from "~/server/db";

import { BulletinActions } from "./bulletin-actions";
import { bulletinText } from "./bulletin-text";

/**
 * The bulletin of the newest quarter every zone has approved, beside the completeness grid (reviewers and admins:
 * the caller checks).
 */
export async function BulletinDownloads() {
  const locale = (await getLocale()) as Locale;
  const t = bulletinText(locale);
  const quarter = (await latestCompleteQuarter(await getReader())) as QuarterString | null;
  return (
    <section
      className="bulletin-downloads"
      aria-labelledby="bulletin-downloads"
      data-testid="bulletin-downloads"
    >
      <h2 id="bulletin-downloads">{t("download.heading")}</h2>
      {quarter ? (
        <>
          <p>{t("download.describe", { quarter: formatQuarterLabel(quarter, locale) })}</p>
          <BulletinActions t={t} quarter={quarter} openLink />
        </>
      ) : (
        <p>{t("download.none")}</p>
      )}
    </section>
  );
}
