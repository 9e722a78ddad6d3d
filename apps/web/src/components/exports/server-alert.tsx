"use client";

import { useTranslations } from "next-intl";

import { NoticeRegion } from "~/components/ui/notices";
import { asServerError } from "./server-issues";

/** A refusal in words: what it means for the user (by its code), then the server's own message. */
export function useServerErrorText() {
  const t = useTranslations("exports");
  return (error: unknown): { summary: string; detail: string } => {
    const { message, data } = asServerError(error);
    const key = `errors.${data?.code ?? ""}`;
    return { summary: t.has(key) ? t(key) : t("errors.other"), detail: message };
  };
}

/** Always in the page (empty when there is nothing to say), so that a refusal is announced when it appears. */
export function ServerAlert({ error, testId }: { error: unknown; testId: string }) {
  const t = useTranslations("exports");
  const errorText = useServerErrorText();
  const text = error ? errorText(error) : null;
  return (
    <NoticeRegion tone="error" inline testId={testId}>
      {text && (
        <>
          {text.summary}
          {text.detail && (
            <span className="export-server-detail"> {t("serverDetail", { message: text.detail })}</span>
          )}
        </>
      )}
    </NoticeRegion>
  );
}
