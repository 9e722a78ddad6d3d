"use client";

import type { Locale } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { formatNumericDateTime } from "~/components/format/dates";
import { Notice } from "~/components/ui/notices";

/** Typing restored from this browser's backup, with the way to throw it away. */
export function RestoreNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard(): void }) {
  const t = useTranslations("entry.form");
  const locale = useLocale() as Locale;
  const time = savedAt ? formatNumericDateTime(new Date(savedAt), locale) : "";
  return (
    <Notice className="entry-notice" testId="restore-notice">
      <span>{t("restored", { time })}</span>
      <button type="button" className="entry-secondary" onClick={onDiscard}>
        {t("restoredDiscard")}
      </button>
    </Notice>
  );
}
