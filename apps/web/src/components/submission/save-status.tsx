"use client";

import { DEFAULT_TIME_ZONE, type Locale } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import type { SaveState } from "./use-draft-saver";

function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: DEFAULT_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(date);
}

/** Where the draft stands, in words (a live region, so screen readers hear it too). */
export function SaveStatus({ state, held }: { state: SaveState; held: number }) {
  const t = useTranslations("entry.save");
  const locale = useLocale() as Locale;
  const text =
    state.kind === "saved"
      ? t("saved", { time: formatTime(state.at, locale) })
      : state.kind === "refused"
        ? t("refused")
        : t(state.kind);
  return (
    <p
      className={`entry-save-status save-${state.kind}`}
      role="status"
      data-testid="save-status"
      data-state={state.kind}
    >
      <span className="entry-save-icon" aria-hidden="true">
        {state.kind === "saved" || state.kind === "idle"
          ? "✓"
          : state.kind === "saving"
            ? "…"
            : state.kind === "dirty"
              ? "●"
              : "!"}
      </span>
      {held > 0 && state.kind === "idle" ? null : text}
      {held > 0 && (
        <span className="entry-save-held">
          {state.kind === "idle" ? "" : " · "}
          {t("held", { count: held })}
        </span>
      )}
    </p>
  );
}
