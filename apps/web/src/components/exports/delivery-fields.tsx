"use client";

import { useQuery } from "@tanstack/react-query";
import { MAX_LINK_DAYS, MAX_SCHEDULE_ACCOUNTS, MAX_SCHEDULE_WEBHOOKS } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { get, useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";

import { useTRPC } from "~/trpc/react";
import type { ScheduleFormValues } from "./schedule-values";
import { NumberField } from "./trigger-fields";

export type RecipientAccount = { id: string; name: string | null; email: string | null };

/**
 * The first error under a field (a list's errors are per item), localized by field, with the server's own words
 * for a server refusal (they name the address or account at fault).
 */
function DeliveryError({ name, id }: { name: "accounts" | "addresses" | "webhooks"; id: string }) {
  const t = useTranslations("exports");
  const { errors } = useFormState<ScheduleFormValues>({ name: `delivery.${name}` });
  const found = get(errors, `delivery.${name}`) as unknown;
  const first = firstMessage(found);
  return (
    <p id={id} className="field-error" aria-live="polite" data-testid={`error-delivery.${name}`}>
      {first && t(`fieldErrors.delivery.${name}`)}
      {first?.server && (
        <span className="export-server-detail"> {t("serverDetail", { message: first.text })}</span>
      )}
    </p>
  );
}

function firstMessage(error: unknown): { text: string; server: boolean } | null {
  if (!error || typeof error !== "object") return null;
  const record = error as { message?: unknown; type?: unknown };
  if (typeof record.message === "string" && record.message) {
    return { text: record.message, server: record.type === "server" };
  }
  for (const value of Object.values(error)) {
    const found = firstMessage(value);
    if (found) return found;
  }
  return null;
}

/** Who gets each file and how: accounts, outside addresses, link or attachment, webhooks. */
export function DeliveryFields({ initialAccounts }: { initialAccounts: readonly RecipientAccount[] }) {
  const t = useTranslations("exports.delivery");
  const ids = useId();
  const trpc = useTRPC();
  const { register, setValue, getValues, control } = useFormContext<ScheduleFormValues>();
  const accounts = useWatch({ control, name: "delivery.accounts" }) ?? [];
  const mode = useWatch({ control, name: "delivery.mode" });
  const byApprovals = useWatch({ control, name: "trigger.kind" }) === "all-approved";
  // The bulletin goes only with schedules run by approvals: another trigger drops it rather than be refused.
  useEffect(() => {
    if (!byApprovals && getValues("delivery.bulletin")) setValue("delivery.bulletin", false);
  }, [byApprovals, getValues, setValue]);
  const webhooks = useFieldArray({ control, name: "delivery.webhooks" });
  const [names, setNames] = useState(() => new Map(initialAccounts.map((account) => [account.id, account])));
  const [query, setQuery] = useState("");
  const [addresses, setAddresses] = useState(() => getValues("delivery.addresses").join("\n"));
  const matches = useQuery(trpc.exports.schedules.recipientAccounts.queryOptions({ query }));
  const domains = useQuery(trpc.delivery.domains.queryOptions());

  const addAccount = (account: RecipientAccount) => {
    setNames((known) => new Map(known).set(account.id, account));
    setValue("delivery.accounts", [...accounts, account.id], { shouldDirty: true });
  };
  const removeAccount = (id: string) =>
    setValue(
      "delivery.accounts",
      accounts.filter((chosen) => chosen !== id),
      { shouldDirty: true },
    );

  return (
    <fieldset className="export-delivery" data-testid="schedule-delivery">
      <legend>{t("heading")}</legend>
      <p className="hint">{t("intro")}</p>

      <div className="export-field">
        <label htmlFor={`${ids}-account-query`}>{t("accounts")}</label>
        <ul className="export-recipients" data-testid="delivery-accounts">
          {accounts.map((id) => {
            const account = names.get(id);
            return (
              <li key={id} data-account-id={id}>
                {account?.name ?? id}
                {account?.email && <span className="hint"> {account.email}</span>}{" "}
                <button type="button" className="export-button" onClick={() => removeAccount(id)}>
                  {t("remove")}
                  <span className="visually-hidden"> {account?.name ?? id}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <input
          id={`${ids}-account-query`}
          type="search"
          autoComplete="off"
          placeholder={t("accountSearch")}
          value={query}
          maxLength={100}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${ids}-accounts-error`}
          data-testid="delivery-account-search"
        />
        {accounts.length < MAX_SCHEDULE_ACCOUNTS && (
          <ul className="export-recipient-matches">
            {(matches.data ?? [])
              .filter((account) => !accounts.includes(account.id))
              .slice(0, 8)
              .map((account) => (
                <li key={account.id}>
                  <button
                    type="button"
                    className="export-button"
                    onClick={() => addAccount(account)}
                    data-testid="delivery-account-add"
                    data-email={account.email}
                  >
                    {t("add", { name: account.name })}
                  </button>{" "}
                  <span className="hint">{account.email}</span>
                </li>
              ))}
          </ul>
        )}
        <DeliveryError name="accounts" id={`${ids}-accounts-error`} />
      </div>

      <div className="export-field">
        <label htmlFor={`${ids}-addresses`}>{t("addresses")}</label>
        <textarea
          id={`${ids}-addresses`}
          rows={3}
          spellCheck={false}
          value={addresses}
          maxLength={6000}
          onChange={(event) => {
            setAddresses(event.target.value);
            const list = event.target.value
              .split(/[\s,;，；]+/)
              .map((address) => address.trim())
              .filter(Boolean);
            setValue("delivery.addresses", list, { shouldDirty: true });
          }}
          aria-describedby={`${ids}-addresses-hint ${ids}-addresses-error`}
          data-testid="delivery-addresses"
        />
        <p className="hint" id={`${ids}-addresses-hint`}>
          {domains.data && domains.data.domains.length > 0
            ? t("allowedDomains", { domains: domains.data.domains.join("、") })
            : t("noAllowedDomains")}
        </p>
        <DeliveryError name="addresses" id={`${ids}-addresses-error`} />
      </div>

      <div className="export-options">
        <fieldset className="export-radios">
          <legend>{t("mode")}</legend>
          {(["link", "attachment"] as const).map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="radio"
                value={kind}
                {...register("delivery.mode")}
                data-testid={`delivery-mode-${kind}`}
              />
              {t(`modes.${kind}`)}
            </label>
          ))}
          <label className="checkbox">
            <input type="checkbox" disabled={mode !== "attachment"} {...register("delivery.zip")} />
            {t("zip")}
          </label>
          {byApprovals && (
            <label className="checkbox">
              <input type="checkbox" {...register("delivery.bulletin")} data-testid="delivery-bulletin" />
              {t("bulletin")}
            </label>
          )}
        </fieldset>
        <NumberField
          name="delivery.linkDays"
          label={t("linkDays")}
          min={1}
          max={MAX_LINK_DAYS}
          hint={t("linkDaysHint")}
        />
      </div>

      <div className="export-field">
        <span className="export-label">{t("webhooks")}</span>
        {webhooks.fields.map((field, index) => (
          <div key={field.id} className="export-webhook" data-testid="delivery-webhook">
            <label htmlFor={`${ids}-hook-${index}`}>{t("webhookUrl", { n: index + 1 })}</label>
            <input
              id={`${ids}-hook-${index}`}
              type="url"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              maxLength={2000}
              {...register(`delivery.webhooks.${index}.url`)}
            />
            <label htmlFor={`${ids}-secret-${index}`}>{t("webhookSecret")}</label>
            <input
              id={`${ids}-secret-${index}`}
              type="text"
              spellCheck={false}
              autoComplete="off"
              maxLength={200}
              placeholder={t("webhookSecretPlaceholder")}
              {...register(`delivery.webhooks.${index}.secret`, {
                setValueAs: (value: unknown) => (value === "" || value === null ? undefined : value),
              })}
            />
            <button type="button" className="export-button" onClick={() => webhooks.remove(index)}>
              {t("remove")}
              <span className="visually-hidden"> {t("webhookUrl", { n: index + 1 })}</span>
            </button>
          </div>
        ))}
        {webhooks.fields.length < MAX_SCHEDULE_WEBHOOKS && (
          <button
            type="button"
            className="export-button"
            onClick={() => webhooks.append({ url: "" })}
            data-testid="delivery-webhook-add"
          >
            {t("addWebhook")}
          </button>
        )}
        <DeliveryError name="webhooks" id={`${ids}-webhooks-error`} />
      </div>
    </fieldset>
  );
}
