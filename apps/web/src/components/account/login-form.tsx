"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { authClient } from "@zones/auth/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
// zod's mini build: the sign-in page is everyone's first, and the classic build would be most of its script.
import * as z from "zod/mini";

import { Notice } from "~/components/ui/notices";

const ZLoginSchema = z.object({
  email: z.email({ error: "email" }),
  password: z.string().check(z.minLength(1, { error: "password" })),
});
type TLogin = z.infer<typeof ZLoginSchema>;

/** A 6-digit authenticator code, or a backup code (better-auth's are `xxxxx-xxxxx`). */
const ZCodeSchema = z.object({ code: z.string().check(z.trim(), z.minLength(6, { error: "code" })) });
type TCode = z.infer<typeof ZCodeSchema>;
const TOTP_CODE = /^\d{6}$/;

interface AuthFailure {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: number;
}

/** Seconds to wait from our throttle's answer (its `retryAfter`, else the number in its message). */
function retrySeconds(error: AuthFailure): number {
  return error.retryAfter ?? Number(error.message?.match(/\d+/)?.[0] ?? 60);
}

export function LoginForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("login");
  const [failure, setFailure] = useState<string | null>(null);
  // After a right password of an account with two-factor sign-in: ask for the code.
  const [needsCode, setNeedsCode] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: zodResolver(ZLoginSchema) });

  async function onSubmit(values: TLogin) {
    setFailure(null);
    const { data, error } = await authClient.signIn.email({ email: values.email, password: values.password });
    if (!error) {
      if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
        setNeedsCode(true);
        return;
      }
      // A full navigation: the whole app re-renders with the new session, nothing stale survives.
      window.location.assign(returnTo);
      return;
    }
    if (error.status === 429) {
      setFailure(t("throttled", { seconds: retrySeconds(error) }));
    } else if (error.status === 403) {
      setFailure(t("disabled"));
    } else if (error.status === 401 || error.status === 400) {
      // 400: an email or password no account can have (too long, control characters): just as wrong.
      setFailure(t("invalid"));
    } else {
      setFailure(t("unavailable"));
    }
  }

  if (needsCode) {
    return (
      <TwoFactorStep
        returnTo={returnTo}
        onRestart={(message) => {
          setNeedsCode(false);
          setFailure(message);
        }}
      />
    );
  }

  return (
    <form className="login-form" method="post" onSubmit={handleSubmit(onSubmit)} noValidate>
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
        <Notice tone="error" inline testId="login-error">
          {failure}
        </Notice>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}

/** The second step: an authenticator code, or one of the backup codes. The session starts only here. */
function TwoFactorStep({
  returnTo,
  onRestart,
}: {
  returnTo: string;
  onRestart: (message: string | null) => void;
}) {
  const t = useTranslations("twoFactor.challenge");
  const tLogin = useTranslations("login");
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<TCode>({ resolver: zodResolver(ZCodeSchema) });

  async function onSubmit({ code }: TCode) {
    setFailure(null);
    const { error } = TOTP_CODE.test(code)
      ? await authClient.twoFactor.verifyTotp({ code })
      : await authClient.twoFactor.verifyBackupCode({ code });
    if (!error) {
      window.location.assign(returnTo);
      return;
    }
    // INVALID_INPUT: a "code" no authenticator gives (too long, control characters).
    if (
      error.code === "INVALID_CODE" ||
      error.code === "INVALID_BACKUP_CODE" ||
      error.code === "INVALID_INPUT"
    ) {
      setFailure(t("invalid"));
      resetField("code");
      setFocus("code");
    } else if (error.code === "ACCOUNT_TEMPORARILY_LOCKED") {
      setFailure(t("locked"));
    } else if (error.code === "TWO_FACTOR_UNREADABLE") {
      setFailure(t("unreadable"));
    } else if (error.status === 429) {
      setFailure(tLogin("throttled", { seconds: retrySeconds(error) }));
    } else if (
      error.code === "INVALID_TWO_FACTOR_COOKIE" ||
      error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"
    ) {
      // The pending sign-in expired or was used up: start again with the password.
      onRestart(t("expired"));
    } else {
      setFailure(tLogin("unavailable"));
    }
  }

  return (
    <form
      className="login-form"
      method="post"
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      data-testid="two-factor-step"
    >
      <p className="hint">{t("intro")}</p>
      <label>
        {t("code")}
        <input
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: the one field of this step, shown right after the password
          autoFocus
          aria-invalid={errors.code ? true : undefined}
          {...register("code")}
        />
      </label>
      {errors.code && <p className="field-error">{t("codeRequired")}</p>}
      {failure && (
        <Notice tone="error" inline testId="login-error">
          {failure}
        </Notice>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("verifying") : t("submit")}
      </button>
      <button type="button" className="link-button" onClick={() => onRestart(null)}>
        {t("back")}
      </button>
    </form>
  );
}
