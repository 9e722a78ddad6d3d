"use client";

import { addQuarters, defaultDeadline, type QuarterString } from "@zones/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { PeriodConfirm } from "./period-confirm";
import { ISO_DATE, type PeriodChanges } from "./use-period-change";
import { usePeriodLabels } from "./use-period-labels";

/** The quarter a new period may be: one of the four after the newest listed, with its deadline. */
export function useNewPeriod(newest: QuarterString) {
  const candidates = [1, 2, 3, 4].map((step) => addQuarters(newest, step));
  const first = candidates[0] ?? newest;
  const [quarter, setQuarter] = useState<QuarterString>(first);
  const [deadline, setDeadline] = useState(defaultDeadline(first));
  // After a new quarter is created, the candidates move on: keep the choice among them.
  const chosen = candidates.includes(quarter) ? quarter : first;
  /** Choose a quarter; its deadline starts as the default one. */
  const choose = (next: QuarterString) => {
    setQuarter(next);
    setDeadline(defaultDeadline(next));
  };
  return { newest, candidates, chosen, deadline, setDeadline, choose };
}

export type NewPeriod = ReturnType<typeof useNewPeriod>;

/** Opens a quarter not listed yet (asked first, like every change). */
export function PeriodCreate({
  next,
  changes,
  hydrated,
  locked,
}: {
  next: NewPeriod;
  changes: PeriodChanges;
  hydrated: boolean;
  locked: boolean;
}) {
  const t = useTranslations("review.periods");
  const labels = usePeriodLabels();
  const ids = useId();
  const [invalid, setInvalid] = useState(false);

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ISO_DATE.test(next.deadline)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    changes.ask({ kind: "create", quarter: next.chosen, status: "open", deadline: next.deadline });
  }

  return (
    <section aria-labelledby={`${ids}-create`} className="period-create">
      <h2 id={`${ids}-create`}>{t("createTitle")}</h2>
      <p className="hint">{t("createIntro", { quarter: labels.quarter(next.newest) })}</p>
      <form className="stacked-form" onSubmit={create} noValidate data-testid="period-create">
        <label>
          {t("createQuarter")}
          <select
            value={next.chosen}
            disabled={!hydrated}
            onChange={(event) => next.choose(event.target.value as QuarterString)}
            data-testid="create-quarter"
          >
            {next.candidates.map((quarter) => (
              <option key={quarter} value={quarter}>
                {labels.quarter(quarter)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("createDeadline")}
          <input
            type="date"
            value={next.deadline}
            disabled={!hydrated}
            required
            aria-invalid={invalid}
            aria-describedby={`${ids}-create-hint`}
            onChange={(event) => next.setDeadline(event.target.value)}
            data-testid="create-deadline"
          />
        </label>
        <p className="hint" id={`${ids}-create-hint`}>
          {t("defaultDeadline", { date: labels.date(defaultDeadline(next.chosen)) })}
        </p>
        {invalid && (
          <p className="field-error" role="alert">
            {t("deadlineRequired")}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={locked}>
          {t("create")}
        </button>
      </form>
      {changes.pending?.kind === "create" && <PeriodConfirm change={changes.pending} changes={changes} />}
    </section>
  );
}
