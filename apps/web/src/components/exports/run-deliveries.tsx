"use client";

import type { ExportRunView } from "@zones/api";
import { useTranslations } from "next-intl";

/**
 * Who a scheduled run's file went to: each recipient's or webhook's delivery, its state, its attempts and the
 * server's last answers, folded under a summary so that the run log stays one line a run.
 */
export function RunDeliveries({ run }: { run: ExportRunView }) {
  const t = useTranslations("exports.runs.deliveries");
  const deliveries = run.deliveries;
  if (deliveries.length === 0) return <span className="hint">—</span>;
  const sent = deliveries.filter((delivery) => delivery.status === "sent").length;
  const failed = deliveries.filter((delivery) => delivery.status === "failed").length;
  return (
    <details className="export-deliveries" data-testid="run-deliveries">
      <summary>{t("summary", { total: deliveries.length, sent, failed })}</summary>
      <ul>
        {deliveries.map((delivery) => (
          <li
            key={delivery.id}
            data-testid="run-delivery"
            data-channel={delivery.channel}
            data-status={delivery.status}
            data-target={delivery.target}
          >
            <span className="export-delivery-target">
              {t(`channel.${delivery.channel}`)} · {delivery.target}
            </span>{" "}
            <span className={`export-delivery-status export-delivery-${delivery.status}`}>
              {t(`status.${delivery.status}`)}
            </span>{" "}
            <span className="hint">{t("attempts", { count: delivery.attempts })}</span>
            {delivery.answer && (
              <pre className="export-delivery-answer" data-testid="run-delivery-answer">
                {delivery.answer}
              </pre>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
