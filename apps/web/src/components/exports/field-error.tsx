"use client";

import { useTranslations } from "next-intl";
import { get, useFormState } from "react-hook-form";

/** A refusal of the statuses field for lack of rights (from exportScopeFor, on either side), not an empty choice. */
const SCOPE_REFUSAL = /^statuses: (submitted|your role)/;

/** The form field's path without the form's own prefix: the key of its message in `exports.fieldErrors`. */
function messageKey(name: string, message: string): string {
  if (SCOPE_REFUSAL.test(message)) return "scope";
  return name.replace(/^filters\./, "");
}

/** Whether the field has an error now, for its `aria-invalid`. */
export function useFieldInvalid(name: string): boolean {
  const { errors } = useFormState({ name });
  return get(errors, name) !== undefined;
}

/**
 * The error of one field, beside it: the localized text for the field, and for a server refusal also the
 * server's own words (they name the rule). Always rendered (empty when valid), so that `aria-describedby`
 * always points at an element and a new message is announced.
 */
export function FieldError({ name, id }: { name: string; id: string }) {
  const t = useTranslations("exports");
  const { errors } = useFormState({ name });
  const error = get(errors, name) as { message?: string; type?: string } | undefined;
  const message = error?.message ?? "";
  const key = `fieldErrors.${messageKey(name, message)}`;
  return (
    <p id={id} className="field-error" aria-live="polite" data-testid={`error-${name}`}>
      {error && (t.has(key) ? t(key) : message)}
      {error?.type === "server" && message && (
        <span className="export-server-detail"> {t("serverDetail", { message })}</span>
      )}
    </p>
  );
}
