import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "error";

/** Banners stand on their own; inline messages belong to the form they are in (coloured text only). */
const BANNER: Record<NoticeTone, string> = {
  info: "notice",
  success: "notice notice-success",
  error: "notice notice-error",
};
const INLINE: Record<NoticeTone, string> = { info: "hint", success: "form-success", error: "form-error" };

interface NoticeProps {
  tone?: NoticeTone;
  inline?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

function classOf({ tone = "info", inline = false, className }: Omit<NoticeProps, "children">): string {
  const base = (inline ? INLINE : BANNER)[tone];
  return className ? `${base} ${className}` : base;
}

/** An error is an alert (announced at once); anything else is a status message (announced politely). */
function roleOf(tone: NoticeTone = "info"): "alert" | "status" {
  return tone === "error" ? "alert" : "status";
}

/** A message that appears with what it reports (e.g. a notice about the page's link, a refusal). */
export function Notice({ testId, children, ...look }: NoticeProps) {
  return (
    <p className={classOf(look)} role={roleOf(look.tone)} data-testid={testId}>
      {children}
    </p>
  );
}

/**
 * A live region that is always in the page (empty when there is nothing to say), so that a message appearing
 * in it is announced; for the outcome of an action the user may repeat.
 */
export function NoticeRegion({
  testId,
  children,
  ...look
}: Omit<NoticeProps, "children"> & { children?: ReactNode }) {
  const empty = children === null || children === undefined || children === false || children === "";
  return (
    <div role={roleOf(look.tone)} data-testid={testId}>
      {!empty && <p className={classOf(look)}>{children}</p>}
    </div>
  );
}

/** The outcome of a screen's actions: a refusal in one region, a success in the other. */
export function Notices({
  error,
  success,
  errorTestId,
  successTestId,
  inline,
}: {
  error: ReactNode;
  success: ReactNode;
  errorTestId?: string;
  successTestId?: string;
  inline?: boolean;
}) {
  return (
    <>
      <NoticeRegion tone="error" inline={inline} testId={errorTestId}>
        {error}
      </NoticeRegion>
      <NoticeRegion tone="success" inline={inline} testId={successTestId}>
        {success}
      </NoticeRegion>
    </>
  );
}
