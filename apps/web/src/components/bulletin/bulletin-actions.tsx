import type { QuarterString } from "@zones/domain";

import { bulletinDownloadName, bulletinPdfHref } from "./bulletin-format";
import type { Translate } from "./bulletin-text";

/** The bulletin's downloads, on the page and beside the completeness grid; never printed. */
export function BulletinActions({
  t,
  quarter,
  openLink = false,
}: {
  t: Translate;
  quarter: QuarterString;
  /** Also link the bulletin's page (where the actions stand elsewhere). */
  openLink?: boolean;
}) {
  return (
    <div className="bulletin-actions" data-testid="bulletin-actions">
      {openLink && (
        <a className="export-button" href={`/bulletin/${quarter}`}>
          {t("download.open")}
        </a>
      )}
      <a
        className="export-button export-button-primary"
        href={bulletinPdfHref(quarter, "zh-CN")}
        download={bulletinDownloadName(quarter, "zh-CN")}
      >
        {t("download.pdf")}
      </a>
      <a
        className="export-button"
        href={bulletinPdfHref(quarter, "en")}
        download={bulletinDownloadName(quarter, "en")}
      >
        {t("download.pdfEn")}
      </a>
    </div>
  );
}
