"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";

/** An admin sets a new password; the user must change it at the next sign-in. */
export function ResetPassword({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.user.resetPassword.mutationOptions({ onSuccess: () => setPassword("") }));

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t("resetPassword")}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate({ userId, password });
      }}
    >
      <label htmlFor={inputId}>{t("resetPrompt", { email })}</label>
      <input
        id={inputId}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={reset.isPending}>
        {t("resetPassword")}
      </button>
      {reset.error && (
        <Notice tone="error" inline>
          {reset.error.message}
        </Notice>
      )}
      {reset.isSuccess && (
        <Notice tone="success" inline>
          {t("resetDone", { email })}
        </Notice>
      )}
    </form>
  );
}
