"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";

/**
 * The outside mail domains export schedules may deliver to. A schedule naming an address elsewhere is refused
 * when saved, and a domain removed later stops its deliveries (each says so in the run log).
 */
export function DeliveryDomainsAdmin() {
  const t = useTranslations("deliveryAdmin");
  const trpc = useTRPC();
  const ids = useId();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.delivery.domains.queryOptions());
  const [domain, setDomain] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.delivery.domains.queryKey() });
  const add = useMutation(
    trpc.delivery.addDomain.mutationOptions({
      onSuccess: async () => {
        setDomain("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.delivery.removeDomain.mutationOptions({ onSuccess: refresh }));

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ domain });
  }

  return (
    <div className="security-admin">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <h2>{t("domainsTitle")}</h2>
      {data.domains.length === 0 ? (
        <p data-testid="delivery-domains-empty">{t("empty")}</p>
      ) : (
        <ul className="export-recipients" data-testid="delivery-domains">
          {data.domains.map((listed) => (
            <li key={listed} data-domain={listed}>
              {listed}{" "}
              <button
                type="button"
                className="export-button"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ domain: listed })}
              >
                {t("remove")}
                <span className="visually-hidden"> {listed}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stacked-form" onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-domain`}>{t("domain")}</label>
        <input
          id={`${ids}-domain`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={253}
          value={domain}
          placeholder="example.gov.cn"
          onChange={(event) => {
            add.reset();
            setDomain(event.target.value);
          }}
          aria-describedby={`${ids}-domain-error`}
          data-testid="delivery-domain-input"
        />
        <p id={`${ids}-domain-error`} className="field-error" aria-live="polite">
          {add.error && t("invalid", { message: add.error.message })}
        </p>
        <button type="submit" className="button" disabled={add.isPending} data-testid="delivery-domain-add">
          {t("add")}
        </button>
        {add.isSuccess && (
          <Notice tone="success" inline>
            {t("added")}
          </Notice>
        )}
      </form>
      <p className="hint">{t("limitHint", { max: data.max })}</p>
    </div>
  );
}
