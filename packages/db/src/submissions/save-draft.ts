import { checkTransition, refusedTransition, staleVersion, submissionState } from "@zones/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../client";
import { findPeriod } from "../periods";
import { rowsOf } from "../rows";
import { auditLog, observations, submissions } from "../schema";
import type { SubmissionActor } from "./actor";
import { findSubmission } from "./form";
import { observationEntityId, submissionEntityId } from "./ids";

export interface SaveDraftParams {
  zoneCode: string;
  quarter: string;
  /** The version the filer's form was based on; 0 when the submission did not exist yet. */
  baseVersion: number;
  /**
   * Validated values as exact decimal text, by indicator code. A code that is absent stays as it is;
   * null clears the value.
   */
  values: Record<string, string | null>;
  /** 上报说明 by indicator code; absent = unchanged, null or "" = cleared. Kept only beside a value. */
  notes: Record<string, string | null>;
  actor: SubmissionActor;
  /** Import, form or revision: recorded in the audit rows. */
  source: "form" | "import";
}

export interface SaveDraftResult {
  version: number;
  /** Values (or notes) that changed, each with its audit row. */
  changed: number;
}

interface StoredObservation {
  indicatorCode: string;
  value: string;
  note: string | null;
}

function sameNumber(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Number(a) === Number(b);
}

/**
 * Saves a draft: the version must match (optimistic concurrency, no silent overwrite), the workflow must
 * allow a save, and every changed value writes an audit row with old → new. Unchanged input changes
 * nothing and keeps the version. All or nothing, in one transaction.
 */
export async function saveSubmissionDraft(db: Database, params: SaveDraftParams): Promise<SaveDraftResult> {
  const { zoneCode, quarter, actor } = params;
  return db.transaction(async (tx) => {
    const submission = await findSubmission(tx, { zoneCode, quarter, forUpdate: true });
    const currentVersion = submission?.version ?? 0;
    if (currentVersion !== params.baseVersion) {
      throw staleVersion(params.baseVersion, currentVersion);
    }
    const period = await findPeriod(tx, quarter);
    const transition = checkTransition("save", submissionState(submission, period), actor);
    if (!transition.ok) throw refusedTransition("save", transition.refusal);

    const stored = rowsOf<StoredObservation>(
      await tx.execute(sql`
        select indicator_code as "indicatorCode", value::text as value, note
        from observations where zone_code = ${zoneCode} and quarter = ${quarter}`),
    );
    const byCode = new Map(stored.map((row) => [row.indicatorCode, row]));
    const codes = new Set([...Object.keys(params.values), ...Object.keys(params.notes)]);

    interface Change {
      indicatorCode: string;
      oldValue: string | null;
      newValue: string | null;
      oldNote: string | null;
      newNote: string | null;
    }
    const changes: Change[] = [];
    for (const indicatorCode of codes) {
      const before = byCode.get(indicatorCode);
      const oldValue = before?.value ?? null;
      const oldNote = before?.note ?? null;
      const newValue = indicatorCode in params.values ? (params.values[indicatorCode] ?? null) : oldValue;
      const requestedNote = indicatorCode in params.notes ? params.notes[indicatorCode] || null : oldNote;
      const newNote = newValue === null ? null : requestedNote;
      if (sameNumber(oldValue, newValue) && oldNote === newNote) continue;
      changes.push({ indicatorCode, oldValue, newValue, oldNote, newNote });
    }

    if (changes.length === 0) return { version: currentVersion, changed: 0 };

    const now = new Date();
    const version = currentVersion + 1;
    if (!submission) {
      const created = await tx
        .insert(submissions)
        .values({ zoneCode, quarter, status: "draft", version, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ version: submissions.version });
      // Another filer created it between our read and our insert.
      if (created.length === 0) throw staleVersion(params.baseVersion, 1);
    } else {
      await tx
        .update(submissions)
        .set({ status: "draft", version, updatedAt: now })
        .where(and(eq(submissions.zoneCode, zoneCode), eq(submissions.quarter, quarter)));
    }

    const entityId = submissionEntityId(zoneCode, quarter);
    const statusBefore = submission?.status ?? null;
    if (statusBefore !== "draft") {
      await tx.insert(auditLog).values({
        actorId: actor.id,
        action: statusBefore === null ? "submission.create" : "submission.reopen-draft",
        entityType: "submission",
        entityId,
        zoneCode,
        quarter,
        details: { from: statusBefore, to: "draft", version },
      });
    }

    // Two statements whatever the number of changes: one upsert, one delete.
    const upserts = changes.filter((change) => change.newValue !== null);
    if (upserts.length > 0) {
      await tx
        .insert(observations)
        .values(
          upserts.map((change) => ({
            zoneCode,
            quarter,
            indicatorCode: change.indicatorCode,
            value: change.newValue as string,
            note: change.newNote,
            updatedAt: now,
            updatedBy: actor.id,
          })),
        )
        .onConflictDoUpdate({
          target: [observations.zoneCode, observations.indicatorCode, observations.quarter],
          set: {
            value: sql`excluded.value`,
            note: sql`excluded.note`,
            updatedAt: sql`excluded.updated_at`,
            updatedBy: sql`excluded.updated_by`,
          },
        });
    }
    const cleared = changes
      .filter((change) => change.newValue === null)
      .map((change) => change.indicatorCode);
    if (cleared.length > 0) {
      await tx
        .delete(observations)
        .where(
          and(
            eq(observations.zoneCode, zoneCode),
            eq(observations.quarter, quarter),
            inArray(observations.indicatorCode, cleared),
          ),
        );
    }
    await tx.insert(auditLog).values(
      changes.map((change) => ({
        actorId: actor.id,
        action: "observation.update",
        entityType: "observation",
        entityId: observationEntityId(zoneCode, quarter, change.indicatorCode),
        zoneCode,
        quarter,
        details: {
          indicatorCode: change.indicatorCode,
          old: change.oldValue,
          new: change.newValue,
          oldNote: change.oldNote,
          note: change.newNote,
          version,
          source: params.source,
        },
      })),
    );
    return { version, changed: changes.length };
  });
}
