import type { SessionUser } from "@zones/auth";
import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import { loadSubmissionForm, type SubmissionActor, type SubmissionForm } from "@zones/db/submissions";
import {
  type Indicator,
  indicatorsInForceIn,
  isZoneOfficial,
  prevQuarter,
  type QuarterString,
  type SubmissionDraft,
  type SubmissionState,
  sameQuarterLastYear,
  storedDraft,
  submissionState,
} from "@zones/domain";

/** The workflow actor for a user and zone, with the id the audit log records. */
export function actorFor(user: SessionUser, zoneCode: string): SubmissionActor {
  return { id: user.id, role: user.role, ownsZone: isZoneOfficial(user, zoneCode) };
}

export interface LoadedForm {
  form: SubmissionForm;
  /** Where the submission stands in the workflow. */
  state: SubmissionState;
  /** What the domain rules need: stored text, notes and comparison values of applicable indicators. */
  draft: SubmissionDraft;
  /** The form's indicators: the catalogue's in force that year, in display order. */
  indicators: Indicator[];
}

/** The indicators a quarter's form asks for: the database's catalogue as it stood that year. */
export async function formIndicatorsOf(db: Database, quarter: QuarterString): Promise<Indicator[]> {
  return indicatorsInForceIn(await cachedCatalogue(db), quarter);
}

/** Loads a zone × quarter and shapes it for the workflow and the shared rules (`checkSubmission`). */
export async function loadForm(db: Database, zoneCode: string, quarter: QuarterString): Promise<LoadedForm> {
  const [form, indicators] = await Promise.all([
    loadSubmissionForm(db, {
      zoneCode,
      quarter,
      previousQuarter: prevQuarter(quarter),
      lastYearQuarter: sameQuarterLastYear(quarter),
    }),
    formIndicatorsOf(db, quarter),
  ]);
  return {
    form,
    state: submissionState(form.submission, form.period),
    draft: storedDraft(quarter, form.indicators, indicators),
    indicators,
  };
}
