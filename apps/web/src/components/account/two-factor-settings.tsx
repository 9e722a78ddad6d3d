"use client";

import { authClient } from "@zones/auth/client";
import Image from "next/image";
import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { type FormEvent, useEffect, useState } from "react";

import { Notice } from "~/components/ui/notices";

interface Enrolment {
  totpURI: string;
  /** Base32, as authenticator apps take it when typed in. */
  secret: string;
  backupCodes: string[];
  /** The QR code of the otpauth URI, as an SVG data URL. */
  qrCode: string | null;
}

interface AuthFailure {
  status: number;
  code?: string;
}

/** Turns two-factor sign-in on (password, then scan, then a first code) or off (password). */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  return enabled ? <DisableTwoFactor /> : <EnableTwoFactor />;
}

function useFailureMessage() {
  const t = useTranslations("twoFactor");
  return (error: AuthFailure) => {
    if (error.code === "INVALID_PASSWORD") return t("wrongPassword");
    if (error.code === "INVALID_CODE") return t("invalidCode");
    if (error.status === 429) return t("tooMany");
    return t("unavailable");
  };
}

function EnableTwoFactor() {
  const t = useTranslations("twoFactor");
  const messageFor = useFailureMessage();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  const totpURI = enrolment?.totpURI;
  useEffect(() => {
    if (!totpURI) return;
    let current = true;
    QRCode.toString(totpURI, { type: "svg", margin: 2, errorCorrectionLevel: "M" }).then((svg) => {
      const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      if (current) setEnrolment((previous) => previous && { ...previous, qrCode });
    });
    return () => {
      current = false;
    };
  }, [totpURI]);

  async function start(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setPending(true);
    const { data, error } = await authClient.twoFactor.enable({ password });
    setPending(false);
    if (error || !data || !("totpURI" in data) || !data.totpURI) {
      setFailure(error ? messageFor(error) : t("unavailable"));
      return;
    }
    setPassword("");
    setEnrolment({
      totpURI: data.totpURI,
      secret: new URL(data.totpURI).searchParams.get("secret") ?? "",
      backupCodes: data.backupCodes ?? [],
      qrCode: null,
    });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setFailure(t("codeFormat"));
      return;
    }
    setPending(true);
    const { error } = await authClient.twoFactor.verifyTotp({ code: code.trim() });
    setPending(false);
    if (error) {
      setFailure(messageFor(error));
      setCode("");
      return;
    }
    // Reload: the session now says two-factor is on, and a required setup no longer redirects here.
    window.location.assign("/account/two-factor?enabled=1");
  }

  const error = failure && (
    <Notice tone="error" inline testId="two-factor-error">
      {failure}
    </Notice>
  );

  if (!enrolment) {
    return (
      <form className="login-form" onSubmit={start} noValidate>
        <p className="hint">{t("startHint")}</p>
        <PasswordField label={t("password")} value={password} onChange={setPassword} />
        {error}
        <button type="submit" disabled={pending || password.length === 0}>
          {t("start")}
        </button>
      </form>
    );
  }

  return (
    <form className="login-form" onSubmit={confirm} noValidate data-testid="two-factor-enrolment">
      <p>{t("scan")}</p>
      {enrolment.qrCode && (
        <Image
          unoptimized
          className="qr-code"
          src={enrolment.qrCode}
          alt={t("qrAlt")}
          width={200}
          height={200}
          data-testid="totp-qr"
        />
      )}
      <p className="hint">{t("manual")}</p>
      <code className="totp-secret" data-testid="totp-secret">
        {enrolment.secret.replace(/(.{4})(?=.)/g, "$1 ")}
      </code>
      <p className="hint">{t("backupCodes")}</p>
      <ul className="backup-codes" data-testid="backup-codes">
        {enrolment.backupCodes.map((backupCode) => (
          <li key={backupCode}>
            <code>{backupCode}</code>
          </li>
        ))}
      </ul>
      <label>
        {t("code")}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <p className="hint">{t("codeHint")}</p>
      {error}
      <button type="submit" disabled={pending}>
        {t("confirm")}
      </button>
    </form>
  );
}

function DisableTwoFactor() {
  const t = useTranslations("twoFactor");
  const messageFor = useFailureMessage();
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function disable(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setPending(true);
    const { error } = await authClient.twoFactor.disable({ password });
    setPending(false);
    if (error) {
      setFailure(messageFor(error));
      return;
    }
    window.location.assign("/account/two-factor");
  }

  return (
    <form className="login-form" onSubmit={disable} noValidate>
      <h2>{t("disableTitle")}</h2>
      <p className="hint">{t("disableHint")}</p>
      <PasswordField label={t("password")} value={password} onChange={setPassword} />
      {failure && (
        <Notice tone="error" inline testId="two-factor-error">
          {failure}
        </Notice>
      )}
      <button type="submit" disabled={pending || password.length === 0}>
        {t("disable")}
      </button>
    </form>
  );
}

/** The current password, asked again before enabling or disabling two-factor sign-in. */
function PasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete="current-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
