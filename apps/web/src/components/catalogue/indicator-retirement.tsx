"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Indicator } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useTRPC } from "~/trpc/react";

/** Retires an indicator after a year (forms of later years no longer ask for it; history kept), or reinstates it. */
export function IndicatorRetirement({ indicator }: { indicator: Indicator }) {
  const t = useTranslations("catalogue.indicatorForm");
  const trpc = useTRPC();
  const ids = useId();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const change = useMutation(
    trpc.catalogue.setIndicatorRetired.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.get.queryKey() }),
    }),
  );
  return (
    <section className="catalogue-retire" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t("retireTitle")}</h2>
      <p className="hint">{t("retireHint")}</p>
      {indicator.retiredAfter ? (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ code: indicator.code, retiredAfter: null })}
          data-testid="indicator-reinstate"
        >
          {t("reinstate")}
        </button>
      ) : (
        <form
          className="stacked-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({ code: indicator.code, retiredAfter: Number(year) });
          }}
        >
          <label htmlFor={`${ids}-year`}>{t("retireAfter")}</label>
          <input
            id={`${ids}-year`}
            type="number"
            min={2017}
            max={2100}
            value={year}
            aria-describedby={`${ids}-error`}
            onChange={(event) => {
              change.reset();
              setYear(event.target.value);
            }}
            data-testid="indicator-retire-year"
          />
          <p id={`${ids}-error`} className="field-error" aria-live="polite">
            {change.error?.message}
          </p>
          <button type="submit" className="button" disabled={change.isPending} data-testid="indicator-retire">
            {t("retire")}
          </button>
        </form>
      )}
    </section>
  );
}
