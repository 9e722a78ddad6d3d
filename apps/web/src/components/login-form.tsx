"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { authClient } from "@zones/auth/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const ZLoginSchema = z.object({
  email: z.email({ error: "email" }),
  password: z.string().min(1, { error: "password" }),
});
type TLogin = z.infer<typeof ZLoginSchema>;

export function LoginForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("login");
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: zodResolver(ZLoginSchema) });

  async function onSubmit(values: TLogin) {
    setFailure(null);
    const { error } = await authClient.signIn.email({ email: values.email, password: values.password });
    if (!error) {
      // A full navigation: the whole app re-renders with the new session, nothing stale survives.
      window.location.assign(returnTo);
      return;
    }
    if (error.status === 429) {
      const seconds =
        (error as { retryAfter?: number }).retryAfter ?? Number(error.message?.match(/\d+/)?.[0] ?? 60);
      setFailure(t("throttled", { seconds }));
    } else if (error.status === 403) {
      setFailure(t("disabled"));
    } else if (error.status === 401) {
      setFailure(t("invalid"));
    } else {
      setFailure(t("unavailable"));
    }
  }

  return (
    <form className="login-form" onSubmit={handleSubmit(onSubmit)} noValidate>
      <label>
        {t("email")}
        <input
          type="email"
          autoComplete="username"
          aria-invalid={errors.email ? true : undefined}
          {...register("email")}
        />
      </label>
      {errors.email && <p className="field-error">{t("emailInvalid")}</p>}
      <label>
        {t("password")}
        <input
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          {...register("password")}
        />
      </label>
      {errors.password && <p className="field-error">{t("passwordRequired")}</p>}
      {failure && (
        <p className="form-error" role="alert" data-testid="login-error">
          {failure}
        </p>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
