"use client";

import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@zones/api";
import { type Locale, localized } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";
import { TemplateDownload } from "./template-download";

type Preview = RouterOutputs["imports"]["preview"];

function uploadOf(file: File, versions?: Preview["submissions"]): FormData {
  const form = new FormData();
  form.set("file", file);
  if (versions) {
    form.set(
      "versions",
      JSON.stringify(Object.fromEntries(versions.map((s) => [`${s.zoneCode}/${s.quarter}`, s.version]))),
    );
  }
  return form;
}

/** Template download, then upload: a dry run first, and only then an all-or-nothing import. */
export function ImportWorkbench({
  zoneCodes,
  defaultQuarter,
}: {
  zoneCodes: string[];
  defaultQuarter: string;
}) {
  const t = useTranslations("imports");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const fileInputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ changed: number; submissions: number } | null>(null);

  const check = useMutation(
    trpc.imports.preview.mutationOptions({
      onSuccess: (result) => {
        setPreview(result);
        setError(null);
      },
      onError: (failure) => setError(failure.message),
    }),
  );
  const commit = useMutation(
    trpc.imports.commit.mutationOptions({
      onSuccess: (result) => {
        setDone(result);
        setPreview(null);
        setError(null);
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  const writable = preview && preview.errors.length === 0 && preview.counts.new + preview.counts.changed > 0;
  const zoneName = (code: string) => {
    const zone = catalogue.zone(code);
    return zone ? localized(zone.shortName, locale) : code;
  };
  const columnName = (key: string) => (t.has(`columns.${key}`) ? t(`columns.${key}`) : key);
  const indicatorName = (code: string) => {
    const indicator = catalogue.indicator(code);
    return indicator ? localized(indicator.name, locale) : code;
  };

  return (
    <div className="import-workbench">
      <h1>{t("title")}</h1>
      <TemplateDownload zoneCodes={zoneCodes} defaultQuarter={defaultQuarter} />

      <section aria-labelledby="upload-heading" className="import-section">
        <h2 id="upload-heading">{t("upload.heading")}</h2>
        <p className="hint">{t("upload.hint")}</p>
        <form
          className="controls"
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) {
              setError(t("upload.noFile"));
              return;
            }
            setDone(null);
            check.mutate(uploadOf(file));
          }}
        >
          <label htmlFor={fileInputId}>{t("upload.file")}</label>
          <input
            id={fileInputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
          <button type="submit" disabled={check.isPending}>
            {check.isPending ? t("upload.checking") : t("upload.check")}
          </button>
        </form>
        {error && (
          <Notice tone="error" inline>
            {error}
          </Notice>
        )}
        {done && (
          <Notice tone="success" inline testId="import-done">
            {t("upload.done", { changed: done.changed, submissions: done.submissions })}
          </Notice>
        )}
      </section>

      {preview && (
        <section aria-labelledby="preview-heading" className="import-section" data-testid="import-preview">
          <h2 id="preview-heading">{t("preview.heading")}</h2>
          <p>
            {t("preview.summary", {
              encoding: preview.encoding ?? "—",
              new: preview.counts.new,
              changed: preview.counts.changed,
              unchanged: preview.counts.unchanged,
              blank: preview.counts.blank,
            })}
          </p>
          {preview.errors.length > 0 && (
            <table className="data-table" data-testid="import-errors">
              <caption>{t("preview.errors", { count: preview.errors.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("preview.row")}</th>
                  <th scope="col">{t("preview.column")}</th>
                  <th scope="col">{t("preview.message")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((issue, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity beyond their place
                  <tr key={index}>
                    <td>{issue.row ?? "—"}</td>
                    <td>{issue.column ? columnName(issue.column) : "—"}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.errors.length === 0 && (
            <p className="form-success">{writable ? t("preview.ready") : t("preview.nothing")}</p>
          )}
          {preview.lines.length > 0 && (
            <table className="data-table" data-testid="import-lines">
              <caption>{t("preview.lines")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("preview.row")}</th>
                  <th scope="col">{t("preview.zone")}</th>
                  <th scope="col">{t("preview.quarter")}</th>
                  <th scope="col">{t("preview.indicator")}</th>
                  <th scope="col">{t("preview.before")}</th>
                  <th scope="col">{t("preview.after")}</th>
                  <th scope="col">{t("preview.status")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((line) => (
                  <tr key={line.row} data-status={line.status}>
                    <td>{line.row}</td>
                    <td>{zoneName(line.zoneCode)}</td>
                    <td>{line.quarter}</td>
                    <td>{indicatorName(line.indicatorCode)}</td>
                    <td>{line.before ?? "—"}</td>
                    <td>{line.after}</td>
                    <td>{t(`status.${line.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            disabled={!writable || commit.isPending || !file}
            onClick={() => file && commit.mutate(uploadOf(file, preview.submissions))}
          >
            {commit.isPending ? t("upload.importing") : t("upload.import")}
          </button>
        </section>
      )}
    </div>
  );
}
