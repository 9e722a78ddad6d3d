"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterInputs } from "@zones/api";
import {
  type Catalogue,
  formatNumber,
  formatQuarterLabel,
  formIndicators,
  indicatorsInForceIn,
  type Locale,
  localized,
  type QuarterString,
} from "@zones/domain";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { formatDateTime } from "~/components/format/dates";
import { Notice } from "~/components/ui/notices";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";
import { DEFAULT_QUEUE_STATUS, type QueueStatusFilter } from "~/url-state/review";
import { LateMarker, StatusBadge } from "./badges";

export type QueueInput = RouterInputs["submission"]["queue"];

const STATUSES = ["submitted", "returned", "draft", "approved"] as const;

/** How many indicators the quarter's form has: the catalogue's in force that year (annual ones only in Q4). */
function expectedCount(catalogue: Pick<Catalogue, "indicators">, quarter: string): number {
  return formIndicators(
    quarter as QuarterString,
    indicatorsInForceIn(catalogue, quarter as QuarterString),
  ).reduce((sum, group) => sum + group.indicators.length, 0);
}

/** The URL of the queue for a filter and page; empty filters, the default status and page 1 are left out. */
function queueHref(filters: { status?: string; zoneCode?: string; quarter?: string }, page = 1): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status !== DEFAULT_QUEUE_STATUS) params.set("status", filters.status);
  if (filters.zoneCode) params.set("zone", filters.zoneCode);
  if (filters.quarter) params.set("quarter", filters.quarter);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}

export function ReviewQueue({
  input,
  statusFilter,
  notice,
  quarters,
}: {
  input: QueueInput;
  statusFilter: QueueStatusFilter;
  notice: string | null;
  quarters: { value: string; label: string }[];
}) {
  const t = useTranslations("review.queue");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const router = useRouter();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.submission.queue.queryOptions(input));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const filtered = Boolean(statusFilter !== DEFAULT_QUEUE_STATUS || input.zoneCode || input.quarter);

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" && value !== "" ? value : undefined;
    };
    router.push(queueHref({ status: text("status"), zoneCode: text("zone"), quarter: text("quarter") }));
  }

  return (
    <div className="review-queue">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {notice && <Notice testId="queue-notice">{notice}</Notice>}

      {/* A plain GET form: it works without script too, and the URL holds the view. */}
      <form
        key={JSON.stringify(input)}
        className="controls review-filters"
        action="/review"
        method="get"
        onSubmit={applyFilters}
        aria-label={t("filters")}
        data-testid="queue-filters"
      >
        <label>
          {t("status")}
          <select name="status" defaultValue={statusFilter} data-testid="filter-status">
            <option value="all">{t("allStatuses")}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statusOption.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("zone")}
          <select name="zone" defaultValue={input.zoneCode ?? ""} data-testid="filter-zone">
            <option value="">{t("allZones")}</option>
            {catalogue.zones.map((zone) => (
              <option key={zone.code} value={zone.code}>
                {localized(zone.shortName, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("quarter")}
          <select name="quarter" defaultValue={input.quarter ?? ""} data-testid="filter-quarter">
            <option value="">{t("allQuarters")}</option>
            {quarters.map((quarter) => (
              <option key={quarter.value} value={quarter.value}>
                {quarter.label}
              </option>
            ))}
          </select>
        </label>
        <div className="review-filter-buttons">
          <button type="submit" className="button-primary">
            {t("apply")}
          </button>
          {filtered && <Link href="/review">{t("clear")}</Link>}
        </div>
      </form>

      <PagedTable
        className="review-table"
        testId="queue-table"
        caption={t("caption", { total: data.total, page: data.page, pages })}
        head={
          <>
            <th scope="col">{t("columns.zone")}</th>
            <th scope="col">{t("columns.quarter")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.submittedAt")}</th>
            <th scope="col">{t("columns.submittedBy")}</th>
            <th scope="col" className="numeric">
              {t("columns.values")}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t("columns.open")}</span>
            </th>
          </>
        }
        columns={7}
        empty={
          data.rows.length === 0 ? (
            <>
              {data.total > 0 ? t("pageEmpty") : t("empty")}
              {data.total > 0 && (
                <>
                  {" "}
                  <Link href={queueHref({ ...input, status: statusFilter })}>{t("firstPage")}</Link>
                </>
              )}
            </>
          ) : null
        }
        pager={{
          page: data.page,
          pages,
          label: t("pagination"),
          testId: "queue-pagination",
          href: (page) => queueHref({ ...input, status: statusFilter }, page),
        }}
      >
        {data.rows.map((row) => {
          const zone = catalogue.zone(row.zoneCode);
          const zoneName = zone ? localized(zone.name, locale) : row.zoneCode;
          const quarterLabel = formatQuarterLabel(row.quarter as QuarterString, locale);
          const href = `/review/${row.zoneCode}/${row.quarter}`;
          return (
            <tr
              key={`${row.zoneCode}-${row.quarter}`}
              data-testid="queue-row"
              data-zone={row.zoneCode}
              data-quarter={row.quarter}
              data-status={row.status}
            >
              <th scope="row" className="review-zone-cell">
                <Link href={href}>{zoneName}</Link>
              </th>
              <td>{quarterLabel}</td>
              <td>
                <span className="review-status-cell">
                  <StatusBadge state={row.status} />
                  {row.late && <LateMarker testId="late-marker" />}
                </span>
              </td>
              <td>{formatDateTime(row.submittedAt, locale) ?? "—"}</td>
              <td>{row.submittedByName ?? "—"}</td>
              <td className="numeric">
                {t("valuesCount", {
                  count: formatNumber(row.valueCount, locale),
                  total: formatNumber(expectedCount(catalogue, row.quarter), locale),
                })}
              </td>
              <td>
                <Link href={href} className="review-open-link">
                  {row.status === "submitted" ? t("review") : t("view")}
                  <span className="visually-hidden">
                    {" "}
                    {zoneName} {quarterLabel}
                  </span>
                </Link>
              </td>
            </tr>
          );
        })}
      </PagedTable>
    </div>
  );
}
