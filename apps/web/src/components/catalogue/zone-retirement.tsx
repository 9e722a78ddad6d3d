"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuarterString, Zone } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useTRPC } from "~/trpc/react";

/** Retires a zone from a quarter on (no longer expected to report, history kept), or reinstates it. */
export function ZoneRetirement({ zone }: { zone: Zone }) {
  const t = useTranslations("catalogue.zoneForm");
  const trpc = useTRPC();
  const ids = useId();
  const queryClient = useQueryClient();
  const [quarter, setQuarter] = useState("");
  const change = useMutation(
    trpc.catalogue.setZoneRetired.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.get.queryKey() }),
    }),
  );
  return (
    <section className="catalogue-retire" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t("retireTitle")}</h2>
      <p className="hint">{t("retireHint")}</p>
      {zone.retiredFrom ? (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ code: zone.code, retiredFrom: null })}
          data-testid="zone-reinstate"
        >
          {t("reinstate")}
        </button>
      ) : (
        <form
          className="stacked-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({ code: zone.code, retiredFrom: quarter.trim() as QuarterString });
          }}
        >
          <label htmlFor={`${ids}-quarter`}>{t("retireFrom")}</label>
          <input
            id={`${ids}-quarter`}
            value={quarter}
            maxLength={6}
            placeholder="2027Q1"
            aria-describedby={`${ids}-error`}
            onChange={(event) => {
              change.reset();
              setQuarter(event.target.value);
            }}
            data-testid="zone-retire-quarter"
          />
          <p id={`${ids}-error`} className="field-error" aria-live="polite">
            {change.error?.message}
          </p>
          <button type="submit" className="button" disabled={change.isPending} data-testid="zone-retire">
            {t("retire")}
          </button>
        </form>
      )}
    </section>
  );
}
