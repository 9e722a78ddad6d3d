"use client";

import { useMutation } from "@tanstack/react-query";
import {
  CITY_TYPE_NAMES,
  CITY_TYPES,
  type Locale,
  localized,
  REGION_NAMES,
  REGIONS,
  type Zone,
  type ZoneEdit,
} from "@zones/domain";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { useFieldArray, useForm } from "react-hook-form";

import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";
import { CatalogueField } from "./catalogue-field";
import { useCatalogueSave } from "./use-catalogue-save";
import { ZoneRetirement } from "./zone-retirement";

const TEXT_FIELDS = ["nameZh", "nameEn", "shortNameZh", "shortNameEn", "provinceZh", "provinceEn"] as const;
const SERVER_FIELDS = [
  "code",
  ...TEXT_FIELDS,
  "batch",
  "namedOn",
  "reportsFrom",
  "cityType",
  "region",
  "memberCities",
];

function editOf(zone: Zone): ZoneEdit {
  return {
    code: zone.code,
    nameZh: zone.name.zh,
    nameEn: zone.name.en,
    shortNameZh: zone.shortName.zh,
    shortNameEn: zone.shortName.en,
    provinceZh: zone.province.zh,
    provinceEn: zone.province.en,
    batch: zone.batch,
    namedOn: zone.namedOn,
    reportsFrom: zone.reportsFrom,
    cityType: zone.cityType,
    region: zone.region,
    memberCities: zone.memberCities.map((city) => ({
      code: city.code,
      nameZh: city.name.zh,
      nameEn: city.name.en,
    })),
  };
}

const EMPTY: ZoneEdit = {
  code: "",
  nameZh: "",
  nameEn: "",
  shortNameZh: "",
  shortNameEn: "",
  provinceZh: "",
  provinceEn: "",
  batch: 3,
  namedOn: "",
  reportsFrom: "",
  cityType: "old-industrial",
  region: "east",
  memberCities: [{ code: "", nameZh: "", nameEn: "" }],
};

/** Adds a zone (without `zone`) or edits one: names, province, batch, dates, peer attributes and member cities. */
export function ZoneForm({ zone }: { zone?: Zone }) {
  const t = useTranslations("catalogue.zoneForm");
  const tc = useTranslations("catalogue");
  const locale = useLocale() as Locale;
  const ids = useId();
  const trpc = useTRPC();
  const form = useForm<ZoneEdit>({ defaultValues: zone ? editOf(zone) : EMPTY });
  const cities = useFieldArray({ control: form.control, name: "memberCities" });
  const cityFields = cities.fields.flatMap((_, index) =>
    ["code", "nameZh", "nameEn"].map((part) => `memberCities.${index}.${part}`),
  );
  const save = useCatalogueSave([...SERVER_FIELDS, ...cityFields], form.setError);
  const router = useRouter();
  const options = {
    onSuccess: async () => {
      await save.succeeded();
      // A new entry is listed in the catalogue; an edited one stays on its form, which says it was saved.
      if (!zone) router.push("/admin/catalogue");
    },
    onError: save.failed,
  };
  const add = useMutation(trpc.catalogue.addZone.mutationOptions(options));
  const update = useMutation(trpc.catalogue.updateZone.mutationOptions(options));
  const pending = add.isPending || update.isPending;
  const error = (name: string) => form.getFieldState(name as keyof ZoneEdit, form.formState).error?.message;

  const validSubmit = form.handleSubmit((values) => {
    (zone ? update : add).mutate(values);
  });
  // The server's refusals are the only errors: cleared before each try, or one at a path the form does not
  // register would block every later submit.
  const submit = (event: FormEvent) => {
    save.reset();
    form.clearErrors();
    return validSubmit(event);
  };

  return (
    <div className="catalogue-form">
      <p>
        <Link href="/admin/catalogue">{tc("back")}</Link>
      </p>
      <h1>{zone ? t("editTitle", { code: zone.code }) : t("newTitle")}</h1>
      <form className="stacked-form" onSubmit={submit} noValidate data-testid="zone-form">
        <CatalogueField id={`${ids}-code`} label={t("code")} hint={t("codeHint")} error={error("code")}>
          {(field) => <input {...field} {...form.register("code")} readOnly={Boolean(zone)} maxLength={12} />}
        </CatalogueField>
        {TEXT_FIELDS.map((name) => (
          <CatalogueField key={name} id={`${ids}-${name}`} label={t(name)} error={error(name)}>
            {(field) => <input {...field} {...form.register(name)} maxLength={120} />}
          </CatalogueField>
        ))}
        <CatalogueField id={`${ids}-batch`} label={t("batch")} error={error("batch")}>
          {(field) => (
            <input
              {...field}
              type="number"
              min={1}
              max={99}
              {...form.register("batch", { valueAsNumber: true })}
            />
          )}
        </CatalogueField>
        <CatalogueField id={`${ids}-namedOn`} label={t("namedOn")} error={error("namedOn")}>
          {(field) => <input {...field} type="date" {...form.register("namedOn")} />}
        </CatalogueField>
        <CatalogueField
          id={`${ids}-reportsFrom`}
          label={t("reportsFrom")}
          hint={t("reportsFromHint")}
          error={error("reportsFrom")}
        >
          {(field) => (
            <input {...field} {...form.register("reportsFrom")} maxLength={6} placeholder="2019Q4" />
          )}
        </CatalogueField>
        <label htmlFor={`${ids}-cityType`}>{t("cityType")}</label>
        <select id={`${ids}-cityType`} {...form.register("cityType")}>
          {CITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {localized(CITY_TYPE_NAMES[type], locale)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-region`}>{t("region")}</label>
        <select id={`${ids}-region`} {...form.register("region")}>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {localized(REGION_NAMES[region], locale)}
            </option>
          ))}
        </select>
        <fieldset className="catalogue-cities" aria-describedby={`${ids}-cities-error`}>
          <legend>{t("memberCities")}</legend>
          {cities.fields.map((city, index) => (
            <div key={city.id} className="catalogue-city" data-testid="member-city">
              {(["code", "nameZh", "nameEn"] as const).map((part) => (
                <CatalogueField
                  key={part}
                  id={`${ids}-city-${index}-${part}`}
                  label={t(part === "code" ? "cityCode" : part === "nameZh" ? "cityNameZh" : "cityNameEn")}
                  error={error(`memberCities.${index}.${part}`)}
                >
                  {(field) => (
                    <input {...field} {...form.register(`memberCities.${index}.${part}`)} maxLength={120} />
                  )}
                </CatalogueField>
              ))}
              <button type="button" className="export-button" onClick={() => cities.remove(index)}>
                {t("removeCity")}
              </button>
            </div>
          ))}
          <p id={`${ids}-cities-error`} className="field-error" aria-live="polite">
            {error("memberCities")}
          </p>
          <button
            type="button"
            className="export-button"
            onClick={() => cities.append({ code: "", nameZh: "", nameEn: "" })}
          >
            {t("addCity")}
          </button>
        </fieldset>
        {save.general && <Notice tone="error">{save.general}</Notice>}
        <button type="submit" className="button" disabled={pending} data-testid="zone-save">
          {t("save")}
        </button>
        {save.saved && (
          <Notice tone="success" inline>
            {t("saved")}
          </Notice>
        )}
      </form>
      {zone && <ZoneRetirement zone={zone} />}
    </div>
  );
}
