"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { useController } from "react-hook-form";

import { FieldError } from "./field-error";

export interface ChecklistGroup {
  key: string;
  /** Null for a list without groups. */
  label: string | null;
  items: { code: string; label: string; title?: string }[];
}

/** A checkbox for several codes at once: ticked when all are chosen, mixed when some are. */
function SelectAll({
  label,
  codes,
  chosen,
  onChange,
  disabled,
}: {
  label: string;
  codes: readonly string[];
  chosen: readonly string[];
  onChange: (codes: string[], checked: boolean) => void;
  disabled: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = codes.filter((code) => chosen.includes(code)).length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < codes.length;
  }, [count, codes.length]);
  return (
    <label className="checkbox export-select-all">
      <input
        ref={ref}
        type="checkbox"
        checked={count === codes.length}
        disabled={disabled}
        onChange={(event) => onChange([...codes], event.target.checked)}
      />
      {label}
    </label>
  );
}

/**
 * A list of codes to choose (zones, indicators) for a form field holding an array, with 全选 for all and for
 * each group. The value stays in catalogue order whatever order the boxes are ticked in.
 */
export function CodeChecklist({
  name,
  legend,
  groups,
  testId,
  disabled = false,
}: {
  name: string;
  legend: string;
  groups: readonly ChecklistGroup[];
  testId: string;
  disabled?: boolean;
}) {
  const t = useTranslations("exports.form");
  const ids = useId();
  const { field } = useController({ name });
  const chosen: string[] = Array.isArray(field.value) ? field.value : [];
  const all = groups.flatMap((group) => group.items.map((item) => item.code));

  function change(codes: readonly string[], checked: boolean) {
    const next = checked ? [...chosen, ...codes] : chosen.filter((code) => !codes.includes(code));
    field.onChange(all.filter((code) => next.includes(code)));
  }

  return (
    <fieldset className="export-checklist" data-testid={testId} aria-describedby={`${ids}-error`}>
      <legend>
        {legend} <span className="hint">{t("chosen", { count: chosen.length, total: all.length })}</span>
      </legend>
      <SelectAll label={t("selectAll")} codes={all} chosen={chosen} onChange={change} disabled={disabled} />
      {groups.map((group) => (
        <div key={group.key} className="export-checklist-group">
          {group.label && (
            <SelectAll
              label={t("selectAllOf", { group: group.label })}
              codes={group.items.map((item) => item.code)}
              chosen={chosen}
              onChange={change}
              disabled={disabled}
            />
          )}
          <ul>
            {group.items.map((item) => (
              <li key={item.code}>
                <label className="checkbox" title={item.title}>
                  <input
                    type="checkbox"
                    name={name}
                    value={item.code}
                    checked={chosen.includes(item.code)}
                    disabled={disabled}
                    onChange={(event) => change([item.code], event.target.checked)}
                    onBlur={field.onBlur}
                  />
                  {item.label}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <FieldError name={name} id={`${ids}-error`} />
    </fieldset>
  );
}
