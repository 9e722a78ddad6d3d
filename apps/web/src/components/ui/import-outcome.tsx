"use client";

import { type Locale, type LocalizedText, localized } from "@zones/domain";
import { useLocale } from "next-intl";

/** A problem of an all-or-nothing file import, by row and column (null: the file as a whole). */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: LocalizedText;
}

/**
 * What an all-or-nothing import of a filled-in template came to: the server's refusal, the count saved, or
 * every problem of the file by row and column (then nothing was saved). `testId` prefixes the parts' test ids.
 */
export function ImportOutcome({
  error,
  result,
  testId,
  listClassName,
  texts,
}: {
  error: string | null;
  result: { saved: number; errors: readonly ImportProblem[] } | undefined;
  testId: string;
  listClassName: string;
  texts: { done(count: number): string; failed(count: number): string };
}) {
  const locale = useLocale() as Locale;
  return (
    <>
      {error && (
        <p className="form-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      {result && result.errors.length === 0 && (
        <p className="form-success" role="status" data-testid={`${testId}-done`}>
          {texts.done(result.saved)}
        </p>
      )}
      {result && result.errors.length > 0 && (
        <div role="alert" data-testid={`${testId}-problems`}>
          <p className="form-error">{texts.failed(result.errors.length)}</p>
          <ul className={listClassName}>
            {result.errors.map((problem) => (
              <li
                key={`${problem.row}-${problem.column}-${problem.message.en}`}
                data-row={problem.row ?? undefined}
                data-column={problem.column ?? undefined}
              >
                {localized(problem.message, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
