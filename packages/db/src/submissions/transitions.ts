import {
  checkTransition,
  DEFAULT_TIME_ZONE,
  refusedTransition,
  type SubmissionAction,
  type SubmissionStatus,
  staleVersion,
  submissionEventKey,
  submissionState,
} from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { findPeriod } from "../periods";
import { markPeerStatisticsStale, quartersAffectedBy } from "../queries/dashboard/peer-statistics";
import { recordZoneEvent } from "../queries/notifications";
import { rowsOf } from "../rows";
import { auditLog } from "../schema";
import type { SubmissionActor } from "./actor";
import { findSubmission } from "./form";
import { submissionEntityId } from "./ids";

export type StatusAction = Exclude<SubmissionAction, "save">;

export interface TransitionParams {
  zoneCode: string;
  quarter: string;
  action: StatusAction;
  /** The version the actor looked at: approving what you did not see is refused. */
  version: number;
  actor: SubmissionActor;
  /** Return: the overall reason (required by the caller); approve: optional; revise: the reason. */
  comment?: string | null;
  /** Return: comments per indicator code, shown beside the fields on the official's form. */
  reviewNotes?: Record<string, string>;
}

export interface TransitionResult {
  status: SubmissionStatus;
  version: number;
  late: boolean;
}

/** Beijing's calendar date, the day deadlines are judged by. */
const TODAY_IN_BEIJING = sql`(now() at time zone ${DEFAULT_TIME_ZONE})::date`;

/**
 * Moves a submission through the workflow (submit, approve, return, revise) after checking, under a row
 * lock, that it is still at the version the actor saw and that the workflow allows the step. Each step
 * writes one audit row; a submit records the values submitted, so a reviewer can see what changed since.
 */
export async function transitionSubmission(
  db: Database,
  params: TransitionParams,
): Promise<TransitionResult> {
  const { zoneCode, quarter, action, actor } = params;
  return db.transaction(async (tx) => {
    const submission = await findSubmission(tx, { zoneCode, quarter, forUpdate: true });
    const period = await findPeriod(tx, quarter);
    const state = submissionState(submission, period);
    const transition = checkTransition(action, state, actor);
    if (!transition.ok) throw refusedTransition(action, transition.refusal);
    if (!submission) throw refusedTransition(action, "nothing-entered");
    if (submission.version !== params.version) throw staleVersion(params.version, submission.version);

    const version = submission.version + 1;
    const comment = params.comment?.trim() || null;
    const where = sql`where zone_code = ${zoneCode} and quarter = ${quarter}`;
    let late = submission.late;
    const details: Record<string, unknown> = { from: submission.status, to: transition.next, version };

    if (action === "submit") {
      const [row] = rowsOf<{ late: boolean }>(
        await tx.execute(sql`
          update submissions set status = 'submitted', version = ${version},
            late = ${!state.inRevision} and ${TODAY_IN_BEIJING} > coalesce(
              (select deadline from reporting_periods where quarter = ${quarter}), ${TODAY_IN_BEIJING}),
            submitted_at = now(), submitted_by = ${actor.id}, updated_at = now()
          ${where}
          returning late`),
      );
      late = Boolean(row?.late);
      const values = rowsOf<{ indicatorCode: string; value: string; note: string | null }>(
        await tx.execute(sql`
          select indicator_code as "indicatorCode", value::text as value, note from observations ${where}
          order by indicator_code`),
      );
      details.late = late;
      details.values = Object.fromEntries(values.map((row) => [row.indicatorCode, row.value]));
      details.notes = Object.fromEntries(
        values.filter((row) => row.note).map((row) => [row.indicatorCode, row.note]),
      );
    } else if (action === "approve") {
      await tx.execute(sql`
        update submissions set status = 'approved', version = ${version}, reviewed_at = now(),
          reviewed_by = ${actor.id}, review_comment = ${comment}, review_notes = '{}'::jsonb, updated_at = now()
        ${where}`);
      details.comment = comment;
    } else if (action === "return") {
      const notes = params.reviewNotes ?? {};
      await tx.execute(sql`
        update submissions set status = 'returned', version = ${version}, reviewed_at = now(),
          reviewed_by = ${actor.id}, review_comment = ${comment},
          review_notes = ${JSON.stringify(notes)}::jsonb, updated_at = now()
        ${where}`);
      details.comment = comment;
      details.reviewNotes = notes;
    } else {
      await tx.execute(sql`
        update submissions set status = 'draft', version = ${version}, revision = revision + 1,
          updated_at = now()
        ${where}`);
      details.reason = comment;
      details.revision = submission.revision + 1;
    }

    // Approving, or reopening what was approved, changes the values the peer statistics are made of: they
    // are recomputed by the next dashboard that reads them (once for a batch of approvals).
    if (action === "approve" || action === "revise") {
      await markPeerStatisticsStale(tx, quartersAffectedBy(quarter));
    }

    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: `submission.${action}`,
      entityType: "submission",
      entityId: submissionEntityId(zoneCode, quarter),
      zoneCode,
      quarter,
      details,
    });
    await recordTransitionNotices(tx, { zoneCode, quarter, action, version, late, actor, comment, params });
    return { status: transition.next, version, late };
  });
}

/**
 * Tells of a step in the transaction that makes it (an outbox: the notices stand or fall with the step, and the
 * step's new version keys them, so a step is told once): reviewers of a submit, the zone's officials of a
 * return (with the reasons) or an approval. A revision tells no one.
 */
async function recordTransitionNotices(
  tx: Database,
  step: {
    zoneCode: string;
    quarter: string;
    action: StatusAction;
    version: number;
    late: boolean;
    actor: SubmissionActor;
    comment: string | null;
    params: TransitionParams;
  },
): Promise<void> {
  const { zoneCode, quarter, version, actor } = step;
  const base = { zoneCode, exceptUserId: actor.id };
  if (step.action === "submit") {
    const [submitter] = rowsOf<{ name: string }>(
      await tx.execute(sql`select name from users where id = ${actor.id}`),
    );
    await recordZoneEvent(tx, {
      ...base,
      kind: "submitted",
      eventKey: submissionEventKey("submitted", zoneCode, quarter, version),
      payload: { zoneCode, quarter, submittedBy: submitter?.name ?? null, late: step.late },
    });
  } else if (step.action === "return") {
    await recordZoneEvent(tx, {
      ...base,
      kind: "returned",
      eventKey: submissionEventKey("returned", zoneCode, quarter, version),
      payload: { zoneCode, quarter, reason: step.comment, notes: step.params.reviewNotes ?? {} },
    });
  } else if (step.action === "approve") {
    await recordZoneEvent(tx, {
      ...base,
      kind: "approved",
      eventKey: submissionEventKey("approved", zoneCode, quarter, version),
      payload: { zoneCode, quarter, comment: step.comment },
    });
  }
}
