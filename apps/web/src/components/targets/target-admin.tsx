"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { formatNumber, type Locale, localized, TARGET_COMPARISON_LABELS } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Notice, Notices } from "~/components/ui/notices";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";
import { EMPTY_DRAFT, type TargetDraft, TargetForm } from "./target-form";
import { TargetImport } from "./target-import";

const pageHref = (target: number) => (target > 1 ? `/admin/targets?page=${target}` : "/admin/targets");
const COLUMNS = 7;

/** Admins list, add, edit, delete and import plan targets; each change is audited on the server. */
export function TargetAdmin({ page, notice }: { page: number; notice: string | null }) {
  const t = useTranslations("targets");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const { data } = useSuspenseQuery(trpc.targets.list.queryOptions({ page }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const [editing, setEditing] = useState<{ id: string; draft: TargetDraft } | null>(null);
  const [deleting, setDeleting] = useState<(typeof data.rows)[number] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.targets.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        setError(null);
        setDone(t("admin.deleted"));
        await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  return (
    <div className="target-admin">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <p className="target-links">
        <a href="/api/targets/progress" download data-testid="target-export">
          {t("exportCsv")}
        </a>
      </p>
      {notice && <Notice testId="targets-notice">{notice}</Notice>}
      <Notices error={error} success={done} errorTestId="targets-error" successTestId="targets-done" />
      <PagedTable
        testId="target-table"
        caption={t("admin.caption", { total: data.total, page: data.page, pages })}
        head={
          <>
            <th scope="col">{t("zone")}</th>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("targetYear")}</th>
            <th scope="col" className="numeric">
              {t("targetValue")}
            </th>
            <th scope="col">{t("baselineYear")}</th>
            <th scope="col">{t("note")}</th>
            <th scope="col">{t("actions")}</th>
          </>
        }
        columns={COLUMNS}
        empty={
          data.rows.length === 0 ? (
            <>
              {t("admin.empty")} {data.total > 0 && <Link href="/admin/targets">{t("admin.firstPage")}</Link>}
            </>
          ) : null
        }
        pager={{
          page: data.page,
          pages,
          label: t("admin.pagination"),
          testId: "targets-pagination",
          href: pageHref,
        }}
      >
        {data.rows.map((row) => (
          <tr
            key={row.id}
            data-testid="target-row"
            data-zone={row.zoneCode}
            data-indicator={row.indicatorCode}
          >
            <td>{localized(row.zoneName, locale)}</td>
            <td>
              {localized(row.indicatorName, locale)}（{localized(row.unit, locale)}）
            </td>
            <td>{row.targetYear}</td>
            <td className="numeric">
              {localized(TARGET_COMPARISON_LABELS[row.comparison], locale)}{" "}
              {formatNumber(row.targetValue, locale, { decimals: row.decimals })}
            </td>
            <td>{row.baselineYear}</td>
            <td>{row.note}</td>
            <td>
              <div className="target-row-actions">
                <button
                  type="button"
                  className="link-button"
                  disabled={!hydrated}
                  onClick={() => {
                    setDone(null);
                    setEditing({
                      id: row.id,
                      draft: {
                        zoneCode: row.zoneCode,
                        indicatorCode: row.indicatorCode,
                        targetYear: String(row.targetYear),
                        targetValue: String(row.targetValue),
                        comparison: row.comparison,
                        baselineYear: String(row.baselineYear),
                        note: row.note ?? "",
                      },
                    });
                  }}
                  data-testid="target-edit"
                >
                  {t("admin.edit")}
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={!hydrated}
                  onClick={() => setDeleting(row)}
                  data-testid="target-delete"
                >
                  {t("admin.delete")}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </PagedTable>
      {deleting && (
        <ConfirmDialog
          title={t("admin.confirmDelete", {
            zone: localized(deleting.zoneName, locale),
            indicator: localized(deleting.indicatorName, locale),
            year: deleting.targetYear,
          })}
          confirmLabel={t("admin.delete")}
          cancelLabel={t("admin.cancel")}
          busy={remove.isPending}
          danger
          testId="target-delete-confirm"
          onConfirm={() => remove.mutate({ id: deleting.id })}
          onCancel={() => setDeleting(null)}
        />
      )}
      <TargetForm
        key={editing?.id ?? "new"}
        initial={editing?.draft ?? EMPTY_DRAFT}
        editing={editing !== null}
        disabled={!hydrated}
        onDone={(message) => {
          setEditing(null);
          setDone(message);
        }}
      />
      <TargetImport disabled={!hydrated} />
    </div>
  );
}
