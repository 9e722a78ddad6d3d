"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { authClient } from "@zones/auth/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { Notice } from "~/components/ui/notices";

const ZChangePasswordForm = z
  .object({
    currentPassword: z.string().min(1, { error: "current" }),
    newPassword: z.string().min(12, { error: "short" }),
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    error: "mismatch",
  });
type TChangePasswordForm = z.infer<typeof ZChangePasswordForm>;

/** Changing the password signs out every other session of the user (better-auth `revokeOtherSessions`). */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TChangePasswordForm>({ resolver: zodResolver(ZChangePasswordForm) });

  async function onSubmit(values: TChangePasswordForm) {
    setFailure(null);
    const { error } = await authClient.changePassword({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
      revokeOtherSessions: true,
    });
    if (!error) {
      window.location.assign("/");
      return;
    }
    if (error.code === "PASSWORD_POLICY") setFailure(t("policy"));
    else if (error.status === 400 || error.status === 401) setFailure(t("wrongCurrent"));
    else setFailure(t("unavailable"));
  }

  return (
    <form className="login-form" onSubmit={handleSubmit(onSubmit)} noValidate>
      <label>
        {t("current")}
        <input type="password" autoComplete="current-password" {...register("currentPassword")} />
      </label>
      {errors.currentPassword && <p className="field-error">{t("currentRequired")}</p>}
      <label>
        {t("new")}
        <input type="password" autoComplete="new-password" {...register("newPassword")} />
      </label>
      <p className="hint">{t("policyHint")}</p>
      {errors.newPassword && <p className="field-error">{t("tooShort")}</p>}
      <label>
        {t("confirm")}
        <input type="password" autoComplete="new-password" {...register("confirmPassword")} />
      </label>
      {errors.confirmPassword && <p className="field-error">{t("mismatch")}</p>}
      {failure && (
        <Notice tone="error" inline testId="change-password-error">
          {failure}
        </Notice>
      )}
      <button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </button>
    </form>
  );
}
