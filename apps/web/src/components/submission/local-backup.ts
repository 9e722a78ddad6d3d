import type { EntryTexts } from "./form-model";

/**
 * A copy of the filer's typing in this browser (localStorage), written on every change and removed only
 * once the server confirmed a save of exactly those texts: a reload, a crash or a lost connection never
 * loses what was typed.
 */

export interface LocalBackup extends EntryTexts {
  /** The version the typing was based on: a newer server version means someone else saved meanwhile. */
  baseVersion: number;
  /** ISO time of the last change. */
  savedAt: string;
}

export function backupKey(zoneCode: string, quarter: string): string {
  return `zones.entry.${zoneCode}.${quarter}`;
}

function isTextRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === "string")
  );
}

export function readBackup(key: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const candidate = parsed as Partial<LocalBackup>;
    if (
      typeof candidate.baseVersion !== "number" ||
      !isTextRecord(candidate.values) ||
      !isTextRecord(candidate.notes)
    ) {
      return null;
    }
    return {
      baseVersion: candidate.baseVersion,
      values: candidate.values,
      notes: candidate.notes,
      savedAt: typeof candidate.savedAt === "string" ? candidate.savedAt : "",
    };
  } catch {
    // Storage disabled (private mode) or a corrupt entry: nothing to restore.
    return null;
  }
}

export function writeBackup(key: string, texts: EntryTexts, baseVersion: number): void {
  const backup: LocalBackup = {
    baseVersion,
    values: texts.values,
    notes: texts.notes,
    savedAt: new Date().toISOString(),
  };
  try {
    window.localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Quota or disabled storage: the server save still works, only the extra safety net is missing.
  }
}

export function removeBackup(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
