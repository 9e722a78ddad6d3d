"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { RUBRIC_LIMITS } from "@zones/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { Notice, Notices } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";
import { RubricDimension } from "./rubric-dimension";
import { type DimensionDraft, draftOf, emptyItem, type RubricDraft, rubricOf } from "./rubric-draft";

/** The admin's editor of a year's rubric: thresholds, dimensions and their items; saved whole. */
export function RubricEditor({ year }: { year: number }) {
  const t = useTranslations("evaluation.rubric");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const { data } = useSuspenseQuery(trpc.evaluation.rubric.queryOptions({ year }));
  const [draft, setDraft] = useState<RubricDraft>(() => draftOf(data.rubric));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const published = data.state === "published";
  const save = useMutation(
    trpc.evaluation.saveRubric.mutationOptions({
      onSuccess: async () => {
        setError(null);
        setDone(t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
      },
      onError: (failure) => {
        setDone(null);
        setError(failure.message);
      },
    }),
  );
  const disabled = !hydrated || published || save.isPending;
  const setDimension = (at: number, next: DimensionDraft | null) =>
    setDraft({
      ...draft,
      dimensions: draft.dimensions.flatMap((dimension, i) => (i !== at ? [dimension] : next ? [next] : [])),
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ rubric: rubricOf(draft) });
  }

  const threshold = (key: "excellent" | "good" | "pass") => (
    <label className="rubric-field">
      <span>{t(key)}</span>
      <input
        value={draft[key]}
        inputMode="decimal"
        disabled={disabled}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        data-testid={`rubric-threshold-${key}`}
      />
    </label>
  );

  return (
    <form className="evaluation rubric-editor" onSubmit={submit} data-testid="rubric-editor">
      <h1>{t("title", { year })}</h1>
      <p className="hint">{t("intro")}</p>
      {!data.stored && <Notice testId="rubric-template">{t("template")}</Notice>}
      {published && <Notice testId="rubric-published">{t("publishedNote")}</Notice>}
      <fieldset className="rubric-dimension">
        <legend>{t("thresholds")}</legend>
        <div className="rubric-row">
          {threshold("excellent")}
          {threshold("good")}
          {threshold("pass")}
        </div>
      </fieldset>
      {draft.dimensions.map((dimension, at) => (
        <RubricDimension
          // biome-ignore lint/suspicious/noArrayIndexKey: dimensions have no identity but their place while edited
          key={at}
          index={at}
          dimension={dimension}
          indicators={data.indicators}
          disabled={disabled}
          onChange={(next) => setDimension(at, next)}
          onRemove={() => setDimension(at, null)}
        />
      ))}
      <div className="evaluation-buttons">
        <button
          type="button"
          disabled={disabled || draft.dimensions.length >= RUBRIC_LIMITS.dimensions}
          onClick={() =>
            setDraft({
              ...draft,
              dimensions: [
                ...draft.dimensions,
                {
                  code: "",
                  nameZh: "",
                  nameEn: "",
                  weight: "",
                  items: [emptyItem(data.indicators[0]?.code ?? "")],
                },
              ],
            })
          }
        >
          {t("addDimension")}
        </button>
        <button type="submit" className="button-primary" disabled={disabled} data-testid="rubric-save">
          {t("save")}
        </button>
      </div>
      <Notices error={error} success={done} errorTestId="rubric-error" successTestId="rubric-saved" />
      <p>
        <Link href={`/evaluation/${year}`} data-testid="rubric-back">
          {t("back", { year })}
        </Link>
      </p>
    </form>
  );
}
