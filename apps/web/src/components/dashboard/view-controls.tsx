"use client";

import type { SeriesMode } from "@zones/domain";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { ExportLink } from "~/components/exports/export-link";
import { ModeToggle, RangeSelects, rangeChoices, SubmittedToggle } from "./dashboard-controls";

/** What a dashboard shows (as the server resolved it) and what its controls show (a change at once). */
export interface ViewControlsState {
  data: { from: string; to: string; mode: SeriesMode; includesSubmitted: boolean };
  view: { from?: string | null; to?: string | null; mode?: SeriesMode; submitted?: boolean };
}

/**
 * A dashboard's range, mode and submitted-data controls, its export link and the hints under them.
 * `onChange` gets the changed part of the view (URL names: `submitted`, not `includeSubmitted`).
 */
export function ViewControls({
  state: { data, view },
  quarterChoices,
  exportScope,
  canIncludeSubmitted,
  pending,
  modeNote,
  onChange,
}: {
  state: ViewControlsState;
  /** The range selects' options besides the shown ends. */
  quarterChoices: readonly string[];
  exportScope: { zones: readonly string[]; indicators?: readonly string[] };
  canIncludeSubmitted: boolean;
  pending: boolean;
  /** Added to the mode hint, e.g. when the shown indicator has no single-quarter values. */
  modeNote?: ReactNode;
  onChange: (changes: { from?: string; to?: string; mode?: SeriesMode; submitted?: boolean }) => void;
}) {
  const t = useTranslations("dashboard");
  return (
    <section className="dashboard-controls" aria-label={t("common.controls")}>
      <div className="control-row">
        <RangeSelects
          quarters={rangeChoices(quarterChoices, data.from, data.to)}
          from={view.from ?? data.from}
          to={view.to ?? data.to}
          onChange={onChange}
        />
        <ModeToggle mode={view.mode ?? data.mode} onChange={(mode) => onChange({ mode })} />
        {canIncludeSubmitted && (
          <SubmittedToggle
            checked={view.submitted ?? data.includesSubmitted}
            onChange={(submitted) => onChange({ submitted })}
          />
        )}
        <ExportLink
          zones={exportScope.zones}
          {...(exportScope.indicators && { indicators: exportScope.indicators })}
          from={data.from}
          to={data.to}
          includeSubmitted={data.includesSubmitted}
        />
        {pending && (
          <span className="pending" aria-live="polite">
            {t("common.loading")}
          </span>
        )}
      </div>
      <p className="hint" data-testid="mode-hint">
        {t("common.modeHint")}
        {modeNote}
      </p>
      <p className="hint">
        {data.includesSubmitted ? t("common.submittedHint") : t("common.approvedOnly")}{" "}
        {t("common.statusNote")}
      </p>
    </section>
  );
}
