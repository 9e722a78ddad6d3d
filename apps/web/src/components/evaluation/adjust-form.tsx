"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ADJUSTMENT_REASON_LENGTH, formatNumber, type Locale, MAX_ADJUSTMENT_POINTS } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { Notices } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";

/** A reviewer's adjustment of one zone's score, or a member city's: points and the reason, both required. */
export function AdjustForm({
  year,
  zoneCode,
  memberCityCode,
  zoneName,
  adjustment,
  reason: initialReason,
  onClose,
}: {
  year: number;
  zoneCode: string;
  /** The member city adjusted, or null for the zone. */
  memberCityCode: string | null;
  zoneName: string;
  adjustment: number | null;
  reason: string | null;
  onClose(): void;
}) {
  const t = useTranslations("evaluation");
  const tRating = useTranslations("evaluation.ratings");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [points, setPoints] = useState(adjustment === null ? "" : String(adjustment));
  const [reason, setReason] = useState(initialReason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.evaluation.adjust.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        setDone(
          t("adjustDone", {
            score: formatNumber(result.finalScore, locale, { decimals: 2 }),
            rating: tRating(result.rating),
          }),
        );
        await queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
      },
      onError: (failure) => {
        setDone(null);
        setError(failure.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    // An empty or malformed number goes as it is: the server names the field.
    const value = points.trim() === "" ? Number.NaN : Number(points);
    adjust.mutate({
      year,
      zoneCode,
      memberCityCode,
      adjustment: Number.isNaN(value) ? points : value,
      reason,
    });
  }

  return (
    <form className="evaluation-adjust" onSubmit={submit} data-testid="evaluation-adjust-form">
      <h2>{t("adjustTitle", { zone: zoneName })}</h2>
      <label htmlFor={`${id}-points`}>{t("adjustPoints", { max: MAX_ADJUSTMENT_POINTS })}</label>
      <input
        id={`${id}-points`}
        type="text"
        inputMode="decimal"
        value={points}
        onChange={(event) => setPoints(event.target.value)}
        data-testid="evaluation-adjust-points"
      />
      <label htmlFor={`${id}-reason`}>{t("adjustReason")}</label>
      <textarea
        id={`${id}-reason`}
        rows={3}
        maxLength={ADJUSTMENT_REASON_LENGTH.max}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid="evaluation-adjust-reason"
      />
      <div className="evaluation-buttons">
        <button
          type="submit"
          className="button-primary"
          disabled={adjust.isPending}
          data-testid="evaluation-adjust-save"
        >
          {t("adjustSave")}
        </button>
        <button type="button" onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
      <Notices
        error={error}
        success={done}
        inline
        errorTestId="evaluation-adjust-error"
        successTestId="evaluation-adjust-done"
      />
    </form>
  );
}
