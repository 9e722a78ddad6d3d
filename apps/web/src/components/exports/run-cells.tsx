"use client";

import type { ExportRunView } from "@zones/api";
import { type Locale, localized } from "@zones/domain";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";

/** The cells of one export run that only format what the server says. */

export const ACTIVE_STATUSES: readonly string[] = ["queued", "running"];

export function isActive(run: Pick<ExportRunView, "status">): boolean {
  return ACTIVE_STATUSES.includes(run.status);
}

/** Where the run came from: a schedule (by name), a re-run, or the form. */
export function RunSource({ run }: { run: ExportRunView }) {
  const t = useTranslations("exports.runs.source");
  const schedule = run.scheduleId ? (run.scheduleName ?? t("deletedSchedule")) : null;
  if (run.trigger === "rerun" || run.rerunOf) {
    return <>{schedule ? `${t("rerun")} · ${schedule}` : t("rerun")}</>;
  }
  if (schedule) {
    // A schedule's run started by hand (立即运行) rather than by its timetable.
    return <>{run.trigger === "manual" ? `${schedule} · ${t("runNow")}` : schedule}</>;
  }
  return <>{t("onDemand")}</>;
}

const NAMED_CODES = 3;

/** Zones, indicators and quarters in a few words; the full lists in the title. */
export function RunScope({ run }: { run: ExportRunView }) {
  const t = useTranslations("exports.runs.scope");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const { zoneCodes, indicatorCodes, from, to, statuses, layout } = run.filters;
  const zoneNames = zoneCodes.map((code) => {
    const zone = catalogue.zone(code);
    return zone ? localized(zone.shortName, locale) : code;
  });
  const indicatorNames = indicatorCodes.map((code) => {
    const indicator = catalogue.indicator(code);
    return indicator ? localized(indicator.name, locale) : code;
  });
  const separator = useTranslations("app")("listSeparator");
  const zones =
    zoneCodes.length <= NAMED_CODES ? zoneCodes.join(separator) : t("zones", { count: zoneCodes.length });
  const indicators =
    indicatorCodes.length <= NAMED_CODES
      ? indicatorNames.join(separator)
      : t("indicators", { count: indicatorCodes.length });
  const extras = [
    statuses.includes("submitted") ? t("withSubmitted") : null,
    layout === "wide" ? t("wide") : null,
  ].filter(Boolean);
  return (
    <span title={`${zoneNames.join(separator)}\n${indicatorNames.join(separator)}`}>
      {zones} · {indicators} · {from === to ? from : `${from}–${to}`}
      {extras.length > 0 && ` · ${extras.join(" · ")}`}
    </span>
  );
}

/** The status as a badge (a word, not a colour alone); a queued run with an error is between attempts. */
export function RunStatus({ run }: { run: ExportRunView }) {
  const t = useTranslations("exports.runs.status");
  const retrying = run.status === "queued" && run.error !== null && run.attempts > 0;
  const cancelling = run.cancelRequested && isActive(run);
  const label = cancelling
    ? t("cancelling")
    : retrying
      ? t("retrying", { attempt: run.attempts + 1, max: run.maxAttempts })
      : t(run.status as "queued");
  return (
    <span className={`export-status export-status-${run.status}`} data-testid="run-status">
      {label}
    </span>
  );
}

/** Rows done of rows expected while running; the row count when finished. */
export function RunProgress({ run }: { run: ExportRunView }) {
  const t = useTranslations("exports.runs.progress");
  const format = useFormatter();
  if (run.status === "running") {
    if (run.rowsExpected === null) {
      return (
        <span className="export-progress">
          <progress aria-label={t("counting")} />
          <span>{t("counting")}</span>
        </span>
      );
    }
    const text = t("running", {
      done: format.number(run.rowsDone),
      expected: format.number(run.rowsExpected),
    });
    return (
      <span className="export-progress">
        <progress value={run.rowsDone} max={Math.max(run.rowsExpected, 1)} aria-label={text} />
        <span data-testid="run-progress-text">{text}</span>
      </span>
    );
  }
  if (run.status === "queued") return <span className="hint">{t("waiting")}</span>;
  if (run.status === "succeeded" && run.rowCount !== null) {
    return (
      <span data-testid="run-progress-text">
        {run.rowCount === 0 ? t("headerOnly") : t("rows", { count: format.number(run.rowCount) })}
      </span>
    );
  }
  return <>—</>;
}

export function RunSize({ bytes }: { bytes: number | null }) {
  const t = useTranslations("exports.runs.size");
  const format = useFormatter();
  if (bytes === null) return <>—</>;
  if (bytes < 1024) return <>{t("bytes", { value: format.number(bytes) })}</>;
  const digits = { maximumFractionDigits: 1 };
  if (bytes < 1024 * 1024) return <>{t("kilobytes", { value: format.number(bytes / 1024, digits) })}</>;
  return <>{t("megabytes", { value: format.number(bytes / 1024 / 1024, digits) })}</>;
}

export function RunDuration({ ms }: { ms: number | null }) {
  const format = useFormatter();
  if (ms === null) return <>—</>;
  if (ms < 1000)
    return <>{format.number(ms, { style: "unit", unit: "millisecond", unitDisplay: "short" })}</>;
  return (
    <>
      {format.number(ms / 1000, {
        style: "unit",
        unit: "second",
        unitDisplay: "short",
        maximumFractionDigits: 1,
      })}
    </>
  );
}

export function RunChecksum({ checksum }: { checksum: string | null }) {
  const t = useTranslations("exports.runs");
  if (!checksum) return <>—</>;
  return (
    <code className="export-checksum" title={t("checksumTitle", { checksum })} data-checksum={checksum}>
      {checksum.slice(0, 12)}…
    </code>
  );
}
