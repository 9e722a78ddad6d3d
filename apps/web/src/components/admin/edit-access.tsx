"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isBoundToZones, type Locale, localized, ROLES, type Role } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";

/** An admin changes a user's role and zones in one step (officials need a zone; others have none). */
export function EditAccess({ userId, role, zoneCodes }: { userId: string; role: Role; zoneCodes: string[] }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("app.roles");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roleId = useId();
  const [open, setOpen] = useState(false);
  const [nextRole, setNextRole] = useState<Role>(role);
  const [zones, setZones] = useState<string[]>(zoneCodes);
  const save = useMutation(
    trpc.user.setAccess.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
    }),
  );

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t("editAccess")}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          userId,
          role: nextRole,
          zoneCodes: isBoundToZones(nextRole) ? zones : [],
        });
      }}
    >
      <label htmlFor={roleId}>{t("role")}</label>
      <select id={roleId} value={nextRole} onChange={(event) => setNextRole(event.target.value as Role)}>
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {tRoles(value)}
          </option>
        ))}
      </select>
      {isBoundToZones(nextRole) && (
        <fieldset>
          <legend>{t("zones")}</legend>
          {catalogue.zones.map((zone) => (
            <label key={zone.code} className="checkbox">
              <input
                type="checkbox"
                checked={zones.includes(zone.code)}
                onChange={(event) =>
                  setZones((current) =>
                    event.target.checked
                      ? [...current, zone.code]
                      : current.filter((code) => code !== zone.code),
                  )
                }
              />
              {localized(zone.shortName, locale)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={save.isPending}>
        {t("saveAccess")}
      </button>
      {save.error && (
        <Notice tone="error" inline>
          {save.error.message}
        </Notice>
      )}
    </form>
  );
}
