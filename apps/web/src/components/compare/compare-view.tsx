"use client";

import { useTranslations } from "next-intl";
import { Suspense, useEffect, useState } from "react";

import { ExportLink } from "~/components/exports/export-link";
import { compareHref, compareParsers } from "~/url-state/compare";
import { useUrlView } from "~/url-state/use-url-view";
import { CompareControls } from "./compare-controls";
import { CompareResults } from "./compare-results";
import {
  type CompareSelection,
  MAX_COMPARE_INDICATORS,
  MAX_COMPARE_ZONES,
  MIN_COMPARE_ZONES,
} from "./compare-selection";

/**
 * The comparison page. The URL is the state: every change pushes a new URL, whose page prefetches the
 * comparison on the server. While that is under way the controls already show the new choice and the
 * results are marked busy (see `useUrlView`).
 */
export function CompareView({
  selection,
  quarters,
  isDemo,
  notice,
}: {
  /** Null when there is no approved data at all. */
  selection: CompareSelection | null;
  /** Quarters with approved data, oldest first: the range pickers' choices. */
  quarters: readonly string[];
  isDemo: boolean;
  notice: string | null;
}) {
  const t = useTranslations("compare");
  const tApp = useTranslations("app");
  return (
    <div className="compare">
      {isDemo && (
        <p className="demo-banner" role="note" data-testid="demo-banner">
          {tApp("demoBanner")}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="selection-notice">
          {notice}
        </p>
      )}
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {selection === null ? (
        <p className="empty">{t("noData")}</p>
      ) : (
        <Comparison selection={selection} quarters={quarters} />
      )}
    </div>
  );
}

/** The controls and the results of a comparison. */
function Comparison({ selection, quarters }: { selection: CompareSelection; quarters: readonly string[] }) {
  const t = useTranslations("compare");
  const { view: shown, select, pending } = useUrlView(compareParsers, selection);
  const [refusal, setRefusal] = useState<string | null>(null);

  // The address bar gets the view as resolved (defaults and corrections included), so a copied link
  // reopens exactly this view. Next's router follows history.replaceState without a server request.
  useEffect(() => {
    const href = compareHref(selection);
    if (`${window.location.pathname}${window.location.search}` !== href) {
      window.history.replaceState(null, "", href);
    }
  }, [selection]);

  function change(next: CompareSelection) {
    setRefusal(null);
    select(next);
  }

  function refuse(kind: "zones" | "indicators") {
    setRefusal(
      kind === "zones"
        ? t("tooManyZones", { max: MAX_COMPARE_ZONES })
        : t("tooManyIndicators", { max: MAX_COMPARE_INDICATORS }),
    );
  }

  const ready = selection.zones.length >= MIN_COMPARE_ZONES && selection.indicators.length >= 1;

  return (
    <>
      <CompareControls selection={shown} quarters={quarters} onChange={change} onRefuse={refuse} />
      {/* Always in the page, so that a refusal is announced when it appears. */}
      <p className="compare-refusal" role="status" data-testid="selection-limit">
        {refusal}
      </p>
      <p className="hint">{t("approvedOnly")}</p>
      <ExportLink zones={shown.zones} indicators={shown.indicators} from={shown.from} to={shown.to} />
      <div className="compare-results" aria-busy={pending} data-pending={pending ? "" : undefined}>
        {shown.zones.length < MIN_COMPARE_ZONES ? (
          <p className="compare-prompt" data-testid="compare-prompt">
            {t("needZones", { min: MIN_COMPARE_ZONES, count: shown.zones.length })}
          </p>
        ) : shown.indicators.length === 0 ? (
          <p className="compare-prompt" data-testid="compare-prompt">
            {t("needIndicators")}
          </p>
        ) : ready ? (
          <Suspense fallback={<p className="hint">{t("loading")}</p>}>
            <CompareResults selection={selection} />
          </Suspense>
        ) : (
          <p className="hint">{t("loading")}</p>
        )}
      </div>
    </>
  );
}
