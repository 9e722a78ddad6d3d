"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MAX_TARGET_ROWS, MAX_TARGET_UPLOAD_BYTES } from "@zones/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { ImportOutcome } from "~/components/ui/import-outcome";
import { useTRPC } from "~/trpc/react";

/** Upload a filled-in targets template: saved all or nothing, every problem listed by row and column. */
export function TargetImport({ disabled }: { disabled: boolean }) {
  const t = useTranslations("targets.import");
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation(
    trpc.targets.import.mutationOptions({
      onSuccess: async (result) => {
        setError(null);
        if (result.saved > 0) await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const form = new FormData();
    if (file) form.set("file", file);
    upload.mutate(form);
  }

  return (
    <section aria-labelledby={id} className="target-import">
      <h2 id={id}>{t("heading")}</h2>
      <p className="hint">
        {t("hint", { megabytes: MAX_TARGET_UPLOAD_BYTES / 1024 / 1024, rows: MAX_TARGET_ROWS })}
      </p>
      <p>
        <a href="/api/targets/template" download data-testid="target-template">
          {t("template")}
        </a>
      </p>
      <form className="stacked-form" onSubmit={submit} noValidate data-testid="target-import">
        <label>
          {t("file")}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            disabled={disabled || upload.isPending}
            data-testid="target-import-file"
          />
        </label>
        <button type="submit" className="button-primary" disabled={disabled || upload.isPending}>
          {upload.isPending ? t("busy") : t("upload")}
        </button>
      </form>
      <ImportOutcome
        error={error}
        result={upload.data}
        testId="target-import"
        listClassName="target-import-errors"
        texts={{
          done: (count) => t("done", { count }),
          failed: (count) => t("failed", { count }),
        }}
      />
    </section>
  );
}
