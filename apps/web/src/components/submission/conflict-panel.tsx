"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

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
