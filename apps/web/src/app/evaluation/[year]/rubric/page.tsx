import { canDefineEvaluation } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { RubricEditor } from "~/components/evaluation/rubric-editor";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { yearOfPath } from "../../year-param";
import "../../evaluation.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { year } = await params;
  return { title: (await getTranslations("evaluation.rubric"))("title", { year }) };
}

/** The admin's rubric editor of a year; for anyone else it does not exist. */
export default async function RubricPage({ params }: { params: Params }) {
  const { year: segment } = await params;
  const user = await requireUser(`/evaluation/${encodeURIComponent(segment)}/rubric`);
  if (!canDefineEvaluation(user)) notFound();
  const year = yearOfPath(segment);
  await prefetch(trpc.evaluation.rubric.queryOptions({ year }));
  return (
    <HydrateClient>
      <RubricEditor year={year} />
    </HydrateClient>
  );
}
