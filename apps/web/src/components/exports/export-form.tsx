"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { EXPORT_FORMATS, ZExportFiltersSchema } from "@zones/exports/filters";
import { type ExportUser, exportScopeFor } from "@zones/exports/rights";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type MouseEvent, useId, useState } from "react";
import { FormProvider, type Resolver, useForm, useWatch } from "react-hook-form";
import { z } from "zod";

import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { directDownloadHref, type ExportFormValues } from "./export-query";
import {
  IndicatorChoices,
  OutputChoices,
  SelectField,
  StatusChoices,
  type SubmittedRight,
  ZoneChoices,
} from "./filter-fields";
import { useRunCache } from "./run-cache";
import { ServerAlert } from "./server-alert";
import { placeServerIssues } from "./server-issues";

/** The form is the input of `exports.runs.start`, so the server's issue paths are the form's field names. */
const ZExportRequestSchema = z.object({
  filters: ZExportFiltersSchema,
  format: z.enum(EXPORT_FORMATS, { error: 'format: "csv" or "xlsx"' }),
});
type ExportRequest = z.output<typeof ZExportRequestSchema>;

const FIELDS = [
  "filters.zoneCodes",
  "filters.indicatorCodes",
  "filters.from",
  "filters.to",
  "filters.statuses",
  "filters.layout",
  "filters.headerLanguage",
  "filters.encoding",
  "format",
] as const;

/** On-demand export: download at once (a plain GET of /api/exports), or run it in the background. */
export function ExportForm({
  defaults,
  quarters,
  user,
  submittedRight,
  runsPage,
}: {
  defaults: ExportFormValues;
  quarters: readonly { value: string; label: string }[];
  user: ExportUser;
  submittedRight: SubmittedRight;
  runsPage: number;
}) {
  const catalogue = useCatalogue();
  const t = useTranslations("exports.form");
  const trpc = useTRPC();
  const runs = useRunCache();
  const hydrated = useHydrated();
  const headingId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const [invalid, setInvalid] = useState(false);

  const form = useForm<ExportFormValues, unknown, ExportRequest>({
    // The form holds plain strings; the schema narrows them to codes and quarters.
    resolver: zodResolver(ZExportRequestSchema) as unknown as Resolver<
      ExportFormValues,
      unknown,
      ExportRequest
    >,
    defaultValues: defaults,
  });
  const values = useWatch({ control: form.control }) as ExportFormValues;

  const start = useMutation(
    trpc.exports.runs.start.mutationOptions({
      onSuccess: async (run) => {
        setStarted(true);
        await runs.showNew(run);
      },
      onError: (error) => {
        const { placed, unplaced } = placeServerIssues(error, {
          fields: FIELDS,
          setError: form.setError,
          prefixes: ["filters"],
        });
        setInvalid(placed > 0);
        setFailure(placed > 0 && unplaced.length === 0 ? null : error);
      },
    }),
  );

  /** The user's rights, checked here as the server will: a refusal goes beside the statuses field. */
  function withinRights(request: ExportRequest): boolean {
    const scope = exportScopeFor(user, request.filters);
    if (scope.ok) return true;
    form.setError("filters.statuses", { type: "validate", message: scope.message });
    return false;
  }

  function reset() {
    setFailure(null);
    setStarted(false);
    setInvalid(false);
  }

  const submit = form.handleSubmit(
    (request) => {
      reset();
      if (withinRights(request)) start.mutate(request);
      else setInvalid(true);
    },
    () => {
      reset();
      setInvalid(true);
    },
  );

  /** The link downloads as it is when the choice is valid; otherwise the errors are shown instead. */
  function download(event: MouseEvent<HTMLAnchorElement>) {
    reset();
    const parsed = ZExportRequestSchema.safeParse(form.getValues());
    if (parsed.success && withinRights(parsed.data)) {
      // Messages of an earlier attempt no longer apply.
      form.clearErrors();
      return;
    }
    event.preventDefault();
    setInvalid(true);
    if (!parsed.success) void form.trigger();
  }

  return (
    <section aria-labelledby={headingId} className="export-section" data-testid="export-form-section">
      <h2 id={headingId}>{t("heading")}</h2>
      <p className="hint">{t("hint")}</p>
      <FormProvider {...form}>
        <form className="export-form" noValidate onSubmit={submit} data-testid="export-form">
          <div className="export-choices">
            <ZoneChoices name="filters.zoneCodes" disabled={!hydrated} />
            <IndicatorChoices name="filters.indicatorCodes" disabled={!hydrated} />
          </div>
          <div className="export-options">
            <SelectField name="filters.from" label={t("from")} options={quarters} />
            <SelectField name="filters.to" label={t("to")} options={quarters} />
            <StatusChoices name="filters.statuses" right={submittedRight} disabled={!hydrated} />
            <OutputChoices prefix="filters." formatName="format" />
          </div>
          <div className="export-actions">
            <a
              className="export-button"
              href={directDownloadHref(values, catalogue)}
              download
              onClick={download}
              data-testid="direct-download"
            >
              {t("download")}
            </a>
            <button
              type="submit"
              className="export-button export-button-primary"
              disabled={!hydrated || start.isPending}
              data-testid="start-export"
            >
              {start.isPending ? t("starting") : t("background")}
            </button>
          </div>
          <div role="status" data-testid="export-form-status">
            {invalid && <p className="form-error">{t("invalid")}</p>}
            {started && (
              <p className="form-success">
                {runsPage === 1 ? (
                  t("started")
                ) : (
                  <>
                    {t("startedElsewhere")} <Link href="/exports">{t("firstPage")}</Link>
                  </>
                )}
              </p>
            )}
          </div>
          <ServerAlert error={failure} testId="export-form-error" />
        </form>
      </FormProvider>
    </section>
  );
}
