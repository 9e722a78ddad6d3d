import { canDefineEvaluation, lastFinishedQuarter, toQuarter } from "@zones/domain";
import { getTranslations } from "next-intl/server";

import { EvaluationYears } from "~/components/evaluation/evaluation-years";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "./evaluation.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("evaluation"))("title") };
}

/** The annual evaluation's years, with their state: every signed-in user; admins start a new year here. */
export default async function EvaluationPage() {
  const user = await requireUser("/evaluation");
  await prefetch(trpc.evaluation.years.queryOptions());
  return (
    <HydrateClient>
      <EvaluationYears
        canDefine={canDefineEvaluation(user)}
        suggestedYear={toQuarter(lastFinishedQuarter(new Date())).year - 1}
      />
    </HydrateClient>
  );
}
