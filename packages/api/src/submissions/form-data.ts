import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { loadSubmissionForm, type SubmissionActor, type SubmissionForm } from "@zones/db/submissions";
import {
  appliesToQuarter,
  getIndicator,
  type IndicatorCode,
  type IndicatorContext,
  isZoneOfficial,
  prevQuarter,
  type QuarterString,
  type SubmissionDraft,
  type SubmissionState,
  sameQuarterLastYear,
} from "@zones/domain";

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** The workflow actor for a user and zone, with the id the audit log records. */
export function actorFor(user: SessionUser, zoneCode: string): SubmissionActor {
  return { id: user.id, role: user.role, ownsZone: isZoneOfficial(user, zoneCode) };
}

export function stateOf(form: SubmissionForm): SubmissionState {
  return {
    status: form.submission?.status ?? null,
    periodStatus: form.period?.status ?? "not_open",
    inRevision: (form.submission?.revision ?? 0) > 0 && form.submission?.status !== "approved",
  };
}

export interface LoadedForm {
  form: SubmissionForm;
  /** What the domain rules need: stored text, notes and comparison values of applicable indicators. */
  draft: SubmissionDraft;
}

/** Loads a zone × quarter and shapes it for the shared rules (`checkSubmission`). */
export async function loadForm(db: Database, zoneCode: string, quarter: QuarterString): Promise<LoadedForm> {
  const form = await loadSubmissionForm(db, {
    zoneCode,
    quarter,
    previousQuarter: prevQuarter(quarter),
    lastYearQuarter: sameQuarterLastYear(quarter),
  });
  const values: SubmissionDraft["values"] = {};
  const notes: SubmissionDraft["notes"] = {};
  const context: SubmissionDraft["context"] = {};
  for (const row of form.indicators) {
    const indicator = getIndicator(row.indicatorCode);
    if (!appliesToQuarter(indicator, quarter)) continue;
    const code = indicator.code as IndicatorCode;
    if (row.value !== null) values[code] = row.value;
    if (row.note) notes[code] = row.note;
    const indicatorContext: IndicatorContext = {
      previousQuarter: toNumber(row.previousQuarter),
      lastYear: toNumber(row.lastYear),
      history:
        row.historyMin !== null && row.historyMax !== null
          ? { min: Number(row.historyMin), max: Number(row.historyMax), count: row.historyCount }
          : null,
    };
    context[code] = indicatorContext;
  }
  return { form, draft: { quarter, values, notes, context } };
}
