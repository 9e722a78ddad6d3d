"use client";

import { formatValue, type Indicator, type Locale, localized } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { canonicalValue, type EntryRow, type EntryTexts, parsedValue } from "./form-model";

export interface ConflictRow {
  /** Form field name, e.g. `values.gdp`. */
  field: string;
  indicator: string;
  kind: "value" | "note";
  /** Formatted newest server value (or note). */
  latest: string;
  /** What the filer typed. */
  yours: string;
}

/** What differs between the newest version (`rows`) and the typing, value by value and note by note. */
export function conflictRows(
  codes: readonly string[],
  rows: ReadonlyMap<string, EntryRow>,
  typed: EntryTexts,
  locale: Locale,
  /** The form's indicators (the catalogue's in force that year). */
  indicators: readonly Indicator[],
): ConflictRow[] {
  return codes.flatMap((code) => {
    const row = rows.get(code);
    if (!row) return [];
    const indicator = indicators.find((candidate) => candidate.code === code);
    if (!indicator) return [];
    const name = localized(indicator.name, locale);
    const found: ConflictRow[] = [];
    const yours = typed.values?.[code] ?? "";
    if (canonicalValue(row.value) !== canonicalValue(yours)) {
      const parsed = parsedValue(yours);
      found.push({
        field: `values.${code}`,
        indicator: name,
        kind: "value",
        latest: row.value === null ? "" : formatValue(Number(row.value), indicator, locale),
        yours: parsed === null ? yours.trim() : formatValue(parsed, indicator, locale),
      });
    }
    const latestNote = (row.note ?? "").trim();
    const yourNote = (typed.notes?.[code] ?? "").trim();
    if (latestNote !== yourNote) {
      found.push({
        field: `notes.${code}`,
        indicator: name,
        kind: "note",
        latest: latestNote,
        yours: yourNote,
      });
    }
    return found;
  });
}

/**
 * The server has a newer version than the form: nothing was saved, the typing is kept, and the filer
 * sees what differs and decides: save their figures over it, or take the newest ones.
 */
export function ConflictPanel({
  message,
  rows,
  busy,
  onRebase,
  onDiscard,
}: {
  message: string;
  rows: ConflictRow[];
  busy: boolean;
  onRebase(): void;
  onDiscard(): void;
}) {
  const t = useTranslations("entry.conflict");
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const empty = t("empty");
  return (
    <section
      ref={ref}
      className="entry-conflict"
      role="alert"
      tabIndex={-1}
      aria-labelledby="entry-conflict-title"
      data-testid="conflict-panel"
    >
      <h2 id="entry-conflict-title">{t("title")}</h2>
      <p data-testid="conflict-message">{message}</p>
      {rows.length === 0 ? (
        <p>{t("noDifferences")}</p>
      ) : (
        <>
          <p>{t("intro")}</p>
          <ul className="entry-conflict-rows">
            {rows.map((row) => (
              <li key={row.field} data-field={row.field}>
                <strong>{row.indicator}</strong>
                <span>
                  {row.kind === "value" ? t("latest") : t("noteLatest")} <b>{row.latest || empty}</b>
                </span>
                <span aria-hidden="true">/</span>
                <span>
                  {row.kind === "value" ? t("yours") : t("noteYours")} <b>{row.yours || empty}</b>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="entry-buttons">
        <button type="button" className="entry-primary" onClick={onRebase} disabled={busy}>
          {t("rebase")}
        </button>
        <button type="button" className="entry-secondary" onClick={onDiscard} disabled={busy}>
          {t("discard")}
        </button>
      </div>
    </section>
  );
}
