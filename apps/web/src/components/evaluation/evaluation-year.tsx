"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@zones/api";
import { citiesRatedIn, type Locale } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Notice, Notices } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";
import { AdjustForm } from "./adjust-form";
import { CityValuesImport } from "./city-values-import";
import { EvaluationRanking, unitName } from "./evaluation-ranking";
import { MemberCityRanking } from "./member-city-ranking";
import { yearState } from "./rating-badge";

type Row = RouterOutputs["evaluation"]["year"]["rows"][number];

/** One year's evaluation: its state, the ranking, and the steps the user's role allows. */
export function EvaluationYear({
  year,
  canDefine,
  canAdjust,
  canImport,
  canSeeUnpublished,
}: {
  year: number;
  canDefine: boolean;
  canAdjust: boolean;
  /** May import the member cities' figures (reviewers, admins). */
  canImport: boolean;
  canSeeUnpublished: boolean;
}) {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const { data } = useSuspenseQuery(trpc.evaluation.year.queryOptions({ year }));
  const [adjusting, setAdjusting] = useState<Row | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
  const outcome = {
    onError: (failure: { message: string }) => {
      setDone(null);
      setError(failure.message);
    },
  };
  const compute = useMutation(
    trpc.evaluation.compute.mutationOptions({
      ...outcome,
      onSuccess: async (result) => {
        setError(null);
        setDone(t("computeDone", { count: result.evaluated, cities: result.cities }));
        await refresh();
      },
    }),
  );
  const publish = useMutation(
    trpc.evaluation.publish.mutationOptions({
      ...outcome,
      onSuccess: async () => {
        setConfirming(false);
        setAdjusting(null);
        setError(null);
        setDone(t("publishDone", { year }));
        await refresh();
      },
    }),
  );
  const state =
    data.state === null ? "history" : yearState({ rubricState: data.state, computedAt: data.computedAt });
  const open = data.state === "draft";
  const busy = !hydrated || compute.isPending || publish.isPending;
  const adjustForm = (row: Row) => (
    <AdjustForm
      key={`${row.zoneCode}:${row.memberCityCode ?? ""}`}
      year={year}
      zoneCode={row.zoneCode}
      memberCityCode={row.memberCityCode}
      zoneName={unitName(row, locale)}
      adjustment={row.adjustment}
      reason={row.adjustmentReason}
      onClose={() => setAdjusting(null)}
    />
  );

  return (
    <div className="evaluation">
      <h1>{t("yearTitle", { year })}</h1>
      <p data-testid="evaluation-state" data-state={state}>
        {t("state")}：{t(`states.${state}`)}
      </p>
      {state === "history" && <Notice>{t("historyNote")}</Notice>}
      {open && !canSeeUnpublished && (
        <Notice testId="evaluation-unpublished">{t("unpublished", { year })}</Notice>
      )}
      {canDefine && data.state !== null && (
        <div className="evaluation-buttons">
          <Link href={`/evaluation/${year}/rubric`} data-testid="evaluation-rubric-link">
            {t("editRubric")}
          </Link>
          {open && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => compute.mutate({ year })}
                data-testid="evaluation-compute"
              >
                {data.computedAt ? t("recompute") : t("compute")}
              </button>
              <button
                type="button"
                className="button-primary"
                disabled={busy || !data.computedAt}
                onClick={() => setConfirming(true)}
                data-testid="evaluation-publish"
              >
                {t("publish")}
              </button>
            </>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t("publishConfirm", { year })}
          confirmLabel={t("publish")}
          cancelLabel={t("cancel")}
          busy={publish.isPending}
          testId="evaluation-publish-confirm"
          onConfirm={() => publish.mutate({ year })}
          onCancel={() => setConfirming(false)}
        />
      )}
      <Notices error={error} success={done} errorTestId="evaluation-error" successTestId="evaluation-done" />
      <EvaluationRanking year={data} canAdjust={canAdjust} onAdjust={setAdjusting} />
      {adjusting && open && adjusting.memberCityCode === null && adjustForm(adjusting)}
      {citiesRatedIn(year) && state !== "history" && (
        <section className="evaluation-cities" aria-labelledby="evaluation-cities-title">
          <h2 id="evaluation-cities-title">{t("cities.title")}</h2>
          <p className="hint">{t("cities.intro")}</p>
          <MemberCityRanking year={data} canAdjust={canAdjust} onAdjust={setAdjusting} />
          {adjusting && open && adjusting.memberCityCode !== null && adjustForm(adjusting)}
        </section>
      )}
      {canImport && citiesRatedIn(year) && data.state !== "published" && state !== "history" && (
        <CityValuesImport year={year} disabled={!hydrated} />
      )}
      <p>
        <Link href="/evaluation">{t("zoneHistory.all")}</Link>
      </p>
    </div>
  );
}
