"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import type { ExportScheduleView } from "@zones/api";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { NoticeRegion } from "~/components/ui/notices";
import { PagedTable } from "~/components/ui/paged-table";
import { useTRPC } from "~/trpc/react";
import { ScheduleForm } from "./schedule-form";
import { ScheduleRow } from "./schedule-row";
import type { ScheduleFormValues } from "./schedule-values";
import { ServerAlert } from "./server-alert";
import { useScheduleActions } from "./use-schedule-actions";

/** While a schedule's last run is still going, its "last run" cell is refreshed this often. */
const POLL_MS = 2000;

/** Reviewers' and admins' recurring exports: the list, its actions, and the create/edit form. */
export function ExportSchedules({
  isAdmin,
  newValues,
  quarters,
}: {
  isAdmin: boolean;
  newValues: ScheduleFormValues;
  quarters: readonly { value: string; label: string }[];
}) {
  const t = useTranslations("exports.schedules");
  const trpc = useTRPC();
  const ids = useId();
  const hydrated = useHydrated();
  const [page, setPage] = useState(1);
  // Another page suspends while it loads: the transition keeps this one on screen meanwhile.
  const [, startTransition] = useTransition();
  const [form, setForm] = useState<{ editing: ExportScheduleView | null } | null>(null);

  const { data } = useSuspenseQuery(
    trpc.exports.schedules.list.queryOptions(
      { page },
      {
        refetchInterval: (query) =>
          query.state.data?.items.some(
            (item) => item.lastRun?.status === "queued" || item.lastRun?.status === "running",
          )
            ? POLL_MS
            : false,
      },
    ),
  );
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const actions = useScheduleActions(data.items);
  const busy = !hydrated || actions.pending;
  const columns = isAdmin ? 7 : 6;

  function openForm(editing: ExportScheduleView | null) {
    actions.clearDone();
    setForm({ editing });
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="export-section" data-testid="export-schedules">
      <h2 id={`${ids}-heading`}>{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      <ServerAlert error={actions.failure} testId="schedules-error" />
      <NoticeRegion tone="success" inline testId="schedules-done">
        {actions.done}
      </NoticeRegion>
      <PagedTable
        testId="schedules-table"
        caption={t("caption", { total: data.total })}
        head={
          <>
            <th scope="col">{t("columns.name")}</th>
            {isAdmin && <th scope="col">{t("columns.owner")}</th>}
            <th scope="col">{t("columns.trigger")}</th>
            <th scope="col">{t("columns.nextRun")}</th>
            <th scope="col">{t("columns.state")}</th>
            <th scope="col">{t("columns.lastRun")}</th>
            <th scope="col">{t("columns.actions")}</th>
          </>
        }
        columns={columns}
        empty={data.items.length === 0 ? t("empty") : null}
        pager={{
          page,
          pages,
          label: t("pagination"),
          onPage: (next) => startTransition(() => setPage(next)),
        }}
      >
        {data.items.map((schedule) => (
          <ScheduleRow
            key={schedule.id}
            schedule={schedule}
            columns={columns}
            showOwner={isAdmin}
            busy={busy}
            hydrated={hydrated}
            editing={form?.editing?.id === schedule.id}
            actions={actions}
            onEdit={() => openForm(schedule)}
          />
        ))}
      </PagedTable>
      {form ? (
        <ScheduleForm
          key={form.editing?.id ?? "new"}
          editing={form.editing}
          defaults={newValues}
          quarters={quarters}
          onSaved={async (name) => {
            setForm(null);
            await actions.saved(name);
          }}
          onCancel={() => setForm(null)}
        />
      ) : (
        <button
          type="button"
          className="export-button export-button-primary"
          disabled={!hydrated}
          onClick={() => openForm(null)}
          data-testid="schedule-create"
        >
          {t("create")}
        </button>
      )}
    </section>
  );
}
