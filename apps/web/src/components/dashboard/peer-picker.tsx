"use client";

import { type Locale, localized, type PeerGroup, parsePeerGroup, peerGroupName } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";

import { peerGroupPhrase } from "./peer-phrase";
import "./peer-picker.css";

/** A group a picker offers, as the dashboard procedures list them (from the zones table). */
export interface PeerChoice {
  key: string;
  zones: number;
  /** The zone of the page is one of them (the zone page's "its batch / type / region"). */
  ofZone?: boolean;
}

/** `同类型城市（资源型城市）`, `the same region (Central)`: what a caption calls the group of a key. */
export function usePeerGroupPhrase(): (key: string) => string {
  const t = useTranslations("peers");
  const locale = useLocale() as Locale;
  return (key) => peerGroupPhrase(t, locale, key);
}

/**
 * The peer group a band, ranking or heat table is computed among: one labelled select (every zone, then the
 * page zone's own groups when `ownFirst`, then batches, city types and regions), with a caption saying what
 * the figures are against. A key the URL named but no zone holds stays shown, with its empty count.
 */
export function PeerPicker({
  choices,
  value,
  onChange,
  caption,
  ownFirst = false,
  disabled = false,
}: {
  choices: readonly PeerChoice[];
  value: string;
  onChange: (key: string) => void;
  /** What the shown figures are against, e.g. `bandCaption` with the group's phrase. */
  caption: string;
  /** Offer the page zone's groups first, as shortcuts (the zone page). */
  ownFirst?: boolean;
  disabled?: boolean;
}) {
  const t = useTranslations("peers");
  const locale = useLocale() as Locale;
  const id = useId();
  const listed = choices.some((choice) => choice.key === value) || value === "all";
  const all: PeerChoice[] = listed ? [...choices] : [...choices, { key: value, zones: 0 }];
  const option = (choice: PeerChoice) => {
    const group = parsePeerGroup(choice.key);
    if (!group) return null;
    return (
      <option key={choice.key} value={choice.key}>
        {t("option", { name: localized(peerGroupName(group), locale), count: choice.zones })}
      </option>
    );
  };
  const own = ownFirst ? all.filter((choice) => choice.ofZone) : [];
  const rest = all.filter((choice) => !own.includes(choice));
  const ofKind = (kind: PeerGroup["kind"]) =>
    rest.filter((choice) => parsePeerGroup(choice.key)?.kind === kind);
  const groups = [
    { label: t("own"), options: own },
    { label: t("batches"), options: ofKind("batch") },
    { label: t("types"), options: ofKind("type") },
    { label: t("regions"), options: ofKind("region") },
  ].filter((group) => group.options.length > 0);

  return (
    <div className="peer-picker" data-testid="peer-picker">
      <label htmlFor={id}>{t("label")}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-caption`}
        onChange={(event) => onChange(event.target.value)}
        data-testid="peer-select"
      >
        <option value="all">{localized(peerGroupName({ kind: "all" }), locale)}</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map(option)}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-caption`} className="hint peer-caption" data-testid="peer-caption" aria-live="polite">
        {caption}
      </p>
    </div>
  );
}
