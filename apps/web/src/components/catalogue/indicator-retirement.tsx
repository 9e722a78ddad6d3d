"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Indicator } from "@zones/domain";
import { useTranslations } from "next-intl";

import { useTRPC } from "~/trpc/react";
import { RetirementControl } from "./retirement-control";

/** Retires an indicator after a year (forms of later years no longer ask for it; history kept), or reinstates it. */
export function IndicatorRetirement({ indicator }: { indicator: Indicator }) {
  const t = useTranslations("catalogue.indicatorForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.catalogue.setIndicatorRetired.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.get.queryKey() }),
    }),
  );
  return (
    <RetirementControl
      texts={{
        title: t("retireTitle"),
        hint: t("retireHint"),
        label: t("retireAfter"),
        retire: t("retire"),
        reinstate: t("reinstate"),
      }}
      retired={indicator.retiredAfter !== null}
      initial={String(new Date().getFullYear())}
      input={{ type: "number", min: 2017, max: 2100 }}
      pending={change.isPending}
      error={change.error?.message}
      onRetire={(year) => change.mutate({ code: indicator.code, retiredAfter: Number(year) })}
      onReinstate={() => change.mutate({ code: indicator.code, retiredAfter: null })}
      onEdit={() => change.reset()}
      testIdPrefix="indicator"
    />
  );
}
