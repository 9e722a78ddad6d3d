import {
  type ExportDeliveryChannel,
  type ExportDeliveryStatus,
  MAX_ALLOWED_MAIL_DOMAINS,
  MAX_SCHEDULE_ACCOUNTS,
  MAX_SCHEDULE_ADDRESSES,
  MAX_SCHEDULE_WEBHOOKS,
} from "@zones/domain";
import { and, asc, eq, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { allowedMailDomains, exportDeliveries, users, userZones } from "../schema";

export type ExportDeliveryRecord = typeof exportDeliveries.$inferSelect;

/** Most deliveries of one run: every account, address and webhook a schedule may list. */
export const MAX_RUN_DELIVERIES = MAX_SCHEDULE_ACCOUNTS + MAX_SCHEDULE_ADDRESSES + MAX_SCHEDULE_WEBHOOKS;

// ---------------------------------------------------------------------------------------------------------
// Allowed outside domains

export async function listAllowedMailDomains(db: Database): Promise<string[]> {
  const rows = await db
    .select({ domain: allowedMailDomains.domain })
    .from(allowedMailDomains)
    .orderBy(asc(allowedMailDomains.domain))
    .limit(MAX_ALLOWED_MAIL_DOMAINS);
  return rows.map((row) => row.domain);
}

/** Adds a domain (lowercase); false when the list is full. Adding one listed already changes nothing. */
export async function addAllowedMailDomain(db: Database, domain: string, addedBy: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(allowedMailDomains);
    if ((counted?.total ?? 0) >= MAX_ALLOWED_MAIL_DOMAINS) {
      const [listed] = await tx
        .select({ domain: allowedMailDomains.domain })
        .from(allowedMailDomains)
        .where(eq(allowedMailDomains.domain, domain));
      return listed !== undefined;
    }
    await tx.insert(allowedMailDomains).values({ domain, addedBy }).onConflictDoNothing();
    return true;
  });
}

export async function removeAllowedMailDomain(db: Database, domain: string): Promise<boolean> {
  const removed = await db
    .delete(allowedMailDomains)
    .where(eq(allowedMailDomains.domain, domain))
    .returning({ domain: allowedMailDomains.domain });
  return removed.length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Recipient accounts

export interface RecipientAccount {
  id: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
  zoneCodes: string[];
}

const zoneCodesOf = sql<string[]>`coalesce((
  select array_agg(${userZones.zoneCode} order by ${userZones.zoneCode}) from ${userZones}
  where ${userZones.userId} = ${users.id}), '{}')`;

const recipientColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  disabled: users.disabled,
  zoneCodes: zoneCodesOf,
};

/** The accounts of these ids that exist (at most a schedule's worth), with what their rights need. */
export async function recipientAccounts(db: Database, ids: readonly string[]): Promise<RecipientAccount[]> {
  if (ids.length === 0) return [];
  return db
    .select(recipientColumns)
    .from(users)
    .where(inArray(users.id, [...ids].slice(0, MAX_SCHEDULE_ACCOUNTS * 2)));
}

/** Enabled accounts whose name or address contains `query`, for the schedule form's picker (bounded). */
export async function searchRecipientAccounts(
  db: Database,
  query: string,
  limit: number,
): Promise<Array<Pick<RecipientAccount, "id" | "name" | "email">>> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------------------
// Deliveries

export interface DeliveryTarget {
  channel: ExportDeliveryChannel;
  target: string;
  recipientId?: string | null;
}

/**
 * Records a run's deliveries, once: a target recorded before (another worker, a retried job) is left as it is.
 * Returns every delivery of the run.
 */
export async function insertExportDeliveries(
  db: Database,
  runId: string,
  targets: readonly DeliveryTarget[],
): Promise<ExportDeliveryRecord[]> {
  if (targets.length > 0) {
    await db
      .insert(exportDeliveries)
      .values(
        targets.map((target) => ({
          runId,
          channel: target.channel,
          target: target.target,
          recipientId: target.recipientId ?? null,
        })),
      )
      .onConflictDoNothing();
  }
  return db
    .select()
    .from(exportDeliveries)
    .where(eq(exportDeliveries.runId, runId))
    .orderBy(asc(exportDeliveries.createdAt), asc(exportDeliveries.target))
    .limit(MAX_RUN_DELIVERIES);
}

export async function getExportDelivery(db: Database, id: string): Promise<ExportDeliveryRecord | null> {
  const [row] = await db.select().from(exportDeliveries).where(eq(exportDeliveries.id, id));
  return row ?? null;
}

/** The deliveries of these runs (a page of the run log), in one query. */
export async function deliveriesOfRuns(
  db: Database,
  runIds: readonly string[],
): Promise<ExportDeliveryRecord[]> {
  if (runIds.length === 0) return [];
  return db
    .select()
    .from(exportDeliveries)
    .where(inArray(exportDeliveries.runId, [...runIds]))
    .orderBy(asc(exportDeliveries.createdAt), asc(exportDeliveries.channel), asc(exportDeliveries.target))
    .limit(runIds.length * MAX_RUN_DELIVERIES);
}

/**
 * Takes a webhook delivery for one POST: only when not sent or failed yet and not in flight with another worker
 * (a claim older than `staleSeconds` was lost with its worker). Counts the attempt.
 */
export async function claimExportDelivery(
  db: Database,
  id: string,
  staleSeconds: number,
): Promise<ExportDeliveryRecord | null> {
  const [row] = await db
    .update(exportDeliveries)
    .set({ claimedAt: sql`now()`, attempts: sql`${exportDeliveries.attempts} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(exportDeliveries.id, id),
        inArray(exportDeliveries.status, ["queued", "retrying"]),
        or(
          isNull(exportDeliveries.claimedAt),
          lt(exportDeliveries.claimedAt, sql`now() - make_interval(secs => ${staleSeconds})`),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** What an attempt came to: its status, the server's answer, and for mail the attempts its message took. */
export async function recordExportDelivery(
  db: Database,
  id: string,
  outcome: { status: ExportDeliveryStatus; answer: string | null; attempts?: number; mailId?: string },
): Promise<void> {
  await db
    .update(exportDeliveries)
    .set({
      status: outcome.status,
      answer: outcome.answer,
      claimedAt: null,
      updatedAt: sql`now()`,
      ...(outcome.attempts !== undefined ? { attempts: outcome.attempts } : {}),
      ...(outcome.mailId ? { mailId: outcome.mailId } : {}),
      ...(outcome.status === "sent" ? { sentAt: sql`now()` } : {}),
    })
    .where(eq(exportDeliveries.id, id));
}
