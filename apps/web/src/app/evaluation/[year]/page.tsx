import {
  canAdjustEvaluation,
  canDefineEvaluation,
  canImportCityValues,
  canSeeUnpublishedEvaluation,
} from "@zones/domain";
import { getTranslations } from "next-intl/server";

import { EvaluationYear } from "~/components/evaluation/evaluation-year";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { yearOfPath } from "../year-param";
import "../evaluation.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { year } = await params;
  return { title: (await getTranslations("evaluation"))("yearTitle", { year }) };
}

/** One year's evaluation: the ranking by final score with the scores by dimension, and its steps. */
export default async function EvaluationYearPage({ params }: { params: Params }) {
  const { year: segment } = await params;
  const user = await requireUser(`/evaluation/${encodeURIComponent(segment)}`);
  const year = yearOfPath(segment);
  await prefetch(trpc.evaluation.year.queryOptions({ year }));
  return (
    <HydrateClient>
      <EvaluationYear
        year={year}
        canDefine={canDefineEvaluation(user)}
        canAdjust={canAdjustEvaluation(user)}
        canImport={canImportCityValues(user)}
        canSeeUnpublished={canSeeUnpublishedEvaluation(user)}
      />
    </HydrateClient>
  );
}
