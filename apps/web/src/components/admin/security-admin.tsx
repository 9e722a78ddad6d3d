"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { TWO_FACTOR_REQUIRABLE_ROLES } from "@zones/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";

const REQUIRABLE = TWO_FACTOR_REQUIRABLE_ROLES;
type RequirableRole = (typeof REQUIRABLE)[number];

/** Which roles must sign in with two-factor; the others may still turn it on themselves. */
export function SecurityAdmin() {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.security.settings.queryOptions());
  const [roles, setRoles] = useState<RequirableRole[]>(data.twoFactorRequiredRoles);
  const save = useMutation(
    trpc.security.setRequiredRoles.mutationOptions({
      onSuccess: (saved) => {
        setRoles(saved.twoFactorRequiredRoles);
        queryClient.setQueryData(trpc.security.settings.queryKey(), saved);
      },
    }),
  );

  function toggle(role: RequirableRole, checked: boolean) {
    save.reset();
    setRoles((current) => REQUIRABLE.filter((value) => (value === role ? checked : current.includes(value))));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ roles });
  }

  return (
    <div className="security-admin">
      <h1>{t("title")}</h1>
      <h2>{t("twoFactorTitle")}</h2>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <p className="hint">{t("intro")}</p>
        {REQUIRABLE.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            {t(`requireFor.${role}`)}
          </label>
        ))}
        <p className="hint">{t("adminWarning")}</p>
        {save.error && (
          <Notice tone="error" inline>
            {t("unavailable")}
          </Notice>
        )}
        {save.isSuccess && (
          <Notice tone="success" inline testId="security-saved">
            {t("saved")}
          </Notice>
        )}
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
      </form>
    </div>
  );
}
