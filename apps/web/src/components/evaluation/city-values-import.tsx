"use client";

import { useMutation } from "@tanstack/react-query";
import { MAX_CITY_VALUE_ROWS, MAX_CITY_VALUE_UPLOAD_BYTES } from "@zones/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { ImportOutcome } from "~/components/ui/import-outcome";
import { useTRPC } from "~/trpc/react";

/**
 * Reviewers and admins: the year's member cities' figures template to download, and the filled-in file to
 * upload; saved all or nothing, every problem listed by row and column, the count saved said.
 */
export function CityValuesImport({ year, disabled }: { year: number; disabled: boolean }) {
  const t = useTranslations("evaluation.cityImport");
  const id = useId();
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation(
    trpc.evaluation.importCityValues.mutationOptions({
      onSuccess: () => setError(null),
      onError: (failure) => setError(failure.message),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const form = new FormData();
    // No file goes as none: the server names the field.
    if (file) form.set("file", file);
    upload.mutate(form);
  }

  const busy = disabled || upload.isPending;
  return (
    <section aria-labelledby={id} className="evaluation-city-import" data-testid="city-import">
      <h2 id={id}>{t("heading")}</h2>
      <p className="hint">
        {t("hint", { megabytes: MAX_CITY_VALUE_UPLOAD_BYTES / 1024 / 1024, rows: MAX_CITY_VALUE_ROWS })}
      </p>
      <p>
        <a href={`/api/evaluation/${year}/city-template`} download data-testid="city-template">
          {t("template", { year })}
        </a>
      </p>
      <form className="stacked-form" onSubmit={submit} noValidate data-testid="city-import-form">
        <label>
          {t("file")}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            disabled={busy}
            data-testid="city-import-file"
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy} data-testid="city-import-upload">
          {upload.isPending ? t("busy") : t("upload")}
        </button>
      </form>
      <ImportOutcome
        error={error}
        result={upload.data}
        testId="city-import"
        listClassName="evaluation-import-errors"
        texts={{
          done: (count) => t("done", { count }),
          failed: (count) => t("failed", { count }),
        }}
      />
    </section>
  );
}
