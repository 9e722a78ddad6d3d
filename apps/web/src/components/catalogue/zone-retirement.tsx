"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuarterString, Zone } from "@zones/domain";
import { useTranslations } from "next-intl";

import { useTRPC } from "~/trpc/react";
import { RetirementControl } from "./retirement-control";

/** Retires a zone from a quarter on (no longer expected to report, history kept), or reinstates it. */
export function ZoneRetirement({ zone }: { zone: Zone }) {
  const t = useTranslations("catalogue.zoneForm");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.catalogue.setZoneRetired.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.get.queryKey() }),
    }),
  );
  return (
    <RetirementControl
      texts={{
        title: t("retireTitle"),
        hint: t("retireHint"),
        label: t("retireFrom"),
        retire: t("retire"),
        reinstate: t("reinstate"),
      }}
      retired={zone.retiredFrom !== null}
      initial=""
      input={{ type: "text", maxLength: 6, placeholder: "2027Q1" }}
      pending={change.isPending}
      error={change.error?.message}
      onRetire={(quarter) => change.mutate({ code: zone.code, retiredFrom: quarter as QuarterString })}
      onReinstate={() => change.mutate({ code: zone.code, retiredFrom: null })}
      onEdit={() => change.reset()}
      testIdPrefix="zone"
    />
  );
}
