"use client";

import { useId, useState } from "react";

/**
 * Retiring an entry of the catalogue from a point in time on (its history kept), or reinstating it: a zone from
 * a quarter, an indicator after a year. The caller names the texts and sends the change.
 */
export function RetirementControl({
  texts,
  retired,
  initial,
  input,
  pending,
  error,
  onRetire,
  onReinstate,
  onEdit,
  testIdPrefix,
}: {
  texts: { title: string; hint: string; label: string; retire: string; reinstate: string };
  retired: boolean;
  initial: string;
  input: { type: "text" | "number"; maxLength?: number; min?: number; max?: number; placeholder?: string };
  pending: boolean;
  error: string | undefined;
  onRetire: (value: string) => void;
  onReinstate: () => void;
  /** The value is being changed: the last refusal no longer applies. */
  onEdit: () => void;
  testIdPrefix: "zone" | "indicator";
}) {
  const ids = useId();
  const [value, setValue] = useState(initial);
  return (
    <section className="catalogue-retire" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{texts.title}</h2>
      <p className="hint">{texts.hint}</p>
      {retired ? (
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={onReinstate}
          data-testid={`${testIdPrefix}-reinstate`}
        >
          {texts.reinstate}
        </button>
      ) : (
        <form
          className="stacked-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onRetire(value.trim());
          }}
        >
          <label htmlFor={`${ids}-value`}>{texts.label}</label>
          <input
            id={`${ids}-value`}
            {...input}
            value={value}
            aria-describedby={`${ids}-error`}
            onChange={(event) => {
              onEdit();
              setValue(event.target.value);
            }}
            data-testid={`${testIdPrefix}-retire-${input.type === "number" ? "year" : "quarter"}`}
          />
          <p id={`${ids}-error`} className="field-error" aria-live="polite">
            {error}
          </p>
          <button type="submit" className="button" disabled={pending} data-testid={`${testIdPrefix}-retire`}>
            {texts.retire}
          </button>
        </form>
      )}
    </section>
  );
}
