"use client";

import { useQuery } from "@tanstack/react-query";
import {
  formatValue,
  type Indicator,
  type IndicatorCode,
  type Locale,
  localized,
  MISSING,
  type QuarterString,
  type ZoneCode,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

import { formatNumericDateTime } from "~/components/format/dates";
import { useTRPC } from "~/trpc/react";

const ACTION_KEYS = new Set([
  "observation_update",
  "submission_create",
  "submission_reopen-draft",
  "submission_submit",
  "submission_approve",
  "submission_return",
  "submission_revise",
]);

/** Whose history: one indicator of one zone's submission for a quarter. */
interface HistoryOf {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  indicator: Indicator;
}

/** The 历史 button of a field: a dialog with every change of the value and every step of the submission. */
export function ValueHistory(props: HistoryOf) {
  const { indicator } = props;
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const name = localized(indicator.name, locale);

  return (
    <>
      <button
        type="button"
        className="entry-history-button"
        aria-haspopup="dialog"
        aria-label={t("field.historyButtonLabel", { indicator: name })}
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        {t("field.historyButton")}
      </button>
      <dialog
        ref={dialogRef}
        className="entry-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>{t("history.title", { indicator: name })}</h2>
        {/* Asked for once opened: forty fields need no query of their own while the form loads. */}
        {open && <HistoryEntries {...props} />}
        <button type="button" className="entry-dialog-close" onClick={() => dialogRef.current?.close()}>
          {t("history.close")}
        </button>
      </dialog>
    </>
  );
}

function HistoryEntries({ zoneCode, quarter, indicator }: HistoryOf) {
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const history = useQuery({
    ...trpc.submission.history.queryOptions({
      zoneCode,
      quarter,
      indicatorCode: indicator.code as IndicatorCode,
    }),
    staleTime: 0,
  });
  const value = (text: string | null) =>
    text === null ? MISSING : formatValue(Number(text), indicator, locale);

  return history.isPending ? (
    <p role="status">{t("history.loading")}</p>
  ) : history.isError ? (
    <p className="form-error" role="alert">
      {t("history.failed")}
    </p>
  ) : history.data.length === 0 ? (
    <p>{t("history.empty")}</p>
  ) : (
    <div className="entry-dialog-body">
      <table className="data-table entry-history">
        <thead>
          <tr>
            <th scope="col">{t("history.time")}</th>
            <th scope="col">{t("history.actor")}</th>
            <th scope="col">{t("history.action")}</th>
            <th scope="col">{t("history.change")}</th>
            <th scope="col">{t("history.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((entry, index) => {
            const key = entry.action.replace(/\./g, "_");
            const isValue = entry.action === "observation.update";
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced as a whole
              <tr key={index}>
                <td>
                  <time dateTime={new Date(entry.at).toISOString()}>
                    {formatNumericDateTime(new Date(entry.at), locale)}
                  </time>
                </td>
                <td>{entry.actorName ?? t("history.unknownActor")}</td>
                <td>{ACTION_KEYS.has(key) ? t(`history.actions.${key}`) : entry.action}</td>
                <td>{isValue ? `${value(entry.oldValue)} → ${value(entry.newValue)}` : ""}</td>
                <td>{entry.comment ?? entry.note ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
