"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** The secrets generated for new webhooks, shown this once: the server keeps them but never shows them again. */
export function WebhookSecrets({
  secrets,
  onDone,
}: {
  secrets: readonly { url: string; secret: string }[];
  onDone: () => void;
}) {
  const t = useTranslations("exports.delivery");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice" role="alert" tabIndex={-1} ref={ref} data-testid="webhook-secrets">
      <p>{t("secretsOnce")}</p>
      <dl>
        {secrets.map(({ url, secret }) => (
          <div key={url}>
            <dt>{url}</dt>
            <dd>
              <code className="export-checksum">{secret}</code>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="export-button export-button-primary" onClick={onDone}>
        {t("secretsDone")}
      </button>
    </div>
  );
}
