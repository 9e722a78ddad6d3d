"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { isBoundToZones, type Locale, localized, ROLES, ZZoneCodeSchema } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { errorCode, fieldIssues } from "~/components/submission/client-errors";
import { Notice } from "~/components/ui/notices";
import { TableScroll } from "~/components/ui/table-scroll";
import { useTRPC } from "~/trpc/react";
import { EditAccess } from "./edit-access";
import { ResetPassword } from "./reset-password";

/** The form's own checks; the server applies the full policy (common passwords) and answers by field. */
const ZCreateUserForm = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1),
    role: z.enum(ROLES),
    zoneCodes: z.array(ZZoneCodeSchema),
    password: z.string().min(12),
  })
  .refine((user) => !isBoundToZones(user.role) || user.zoneCodes.length > 0, { path: ["zoneCodes"] });

/** The fields a refusal of the server may name; each is answered beside its field, in the page's language. */
const SERVER_FIELDS = ["email", "zoneCodes", "password"] as const;
type TCreateUserForm = z.infer<typeof ZCreateUserForm>;

export function UserAdmin({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("app.roles");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page] = useState(1);
  const { data } = useSuspenseQuery(trpc.user.list.queryOptions({ page }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });

  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (_, input) => {
        setCreated(input.email);
        form.reset({ email: "", name: "", role: "viewer", zoneCodes: [], password: "" });
        await invalidate();
      },
      onError: (error) => {
        // A refusal naming a field is said beside it; a taken email comes in the page's language already.
        const fields = new Set(fieldIssues(error).map((issue) => issue.path[0]));
        const named = SERVER_FIELDS.filter((field) => fields.has(field));
        for (const field of named) form.setError(field, { type: "server" });
        if (errorCode(error) === "CONFLICT")
          form.setError("email", { type: "server", message: error.message });
        else if (named.length === 0) setServerError(error.message);
      },
    }),
  );
  const setDisabled = useMutation(trpc.user.setDisabled.mutationOptions({ onSuccess: invalidate }));

  const form = useForm<TCreateUserForm>({
    resolver: zodResolver(ZCreateUserForm),
    defaultValues: { email: "", name: "", role: "viewer", zoneCodes: [], password: "" },
  });
  const role = form.watch("role");
  const { errors } = form.formState;

  return (
    <div className="user-admin">
      <h1>{t("title")}</h1>
      <TableScroll label={t("count", { count: data.total })}>
        <table className="data-table" data-testid="user-table">
          <caption>{t("count", { count: data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("zones")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id} data-email={row.email}>
                <td>{row.email}</td>
                <td>{row.name}</td>
                <td>{tRoles(row.role)}</td>
                <td>
                  {/* Catalogue order, as everywhere else in the app. */}
                  {catalogue.zones
                    .filter((zone) => row.zoneCodes.includes(zone.code))
                    .map((zone) => localized(zone.shortName, locale))
                    .join("、")}
                </td>
                <td>{row.disabled ? t("disabled") : t("active")}</td>
                <td>
                  {row.id !== currentUserId && (
                    <EditAccess userId={row.id} role={row.role} zoneCodes={row.zoneCodes} />
                  )}
                  {row.id !== currentUserId && <ResetPassword userId={row.id} email={row.email} />}
                  {row.id !== currentUserId && (
                    <button
                      type="button"
                      onClick={() => setDisabled.mutate({ userId: row.id, disabled: !row.disabled })}
                      disabled={setDisabled.isPending}
                    >
                      {row.disabled ? t("enable") : t("disable")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("createTitle")}</h2>
      <form
        className="stacked-form"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setServerError(null);
          setCreated(null);
          create.mutate({ ...values, zoneCodes: isBoundToZones(values.role) ? values.zoneCodes : [] });
        })}
      >
        <label>
          {t("email")}
          <input type="email" autoComplete="off" {...form.register("email")} aria-invalid={!!errors.email} />
        </label>
        {errors.email && (
          <p className="field-error" data-testid="email-error">
            {errors.email.type === "server" && errors.email.message
              ? errors.email.message
              : t("emailInvalid")}
          </p>
        )}
        <label>
          {t("name")}
          <input type="text" {...form.register("name")} aria-invalid={!!errors.name} />
        </label>
        {errors.name && <p className="field-error">{t("nameRequired")}</p>}
        <label>
          {t("role")}
          <select {...form.register("role")}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {tRoles(value)}
              </option>
            ))}
          </select>
        </label>
        {isBoundToZones(role) && (
          <fieldset>
            <legend>{t("zones")}</legend>
            {catalogue.zones.map((zone) => (
              <label key={zone.code} className="checkbox">
                <input type="checkbox" value={zone.code} {...form.register("zoneCodes")} />
                {localized(zone.name, locale)}
              </label>
            ))}
            {errors.zoneCodes && (
              <p className="field-error" data-testid="zones-error">
                {t("zonesRequired")}
              </p>
            )}
          </fieldset>
        )}
        <label>
          {t("initialPassword")}
          <input
            type="password"
            autoComplete="new-password"
            {...form.register("password")}
            aria-invalid={!!errors.password}
          />
        </label>
        <p className="hint">
          {t("passwordPolicy")} {t("mustChangeHint")}
        </p>
        {errors.password && (
          <p className="field-error" data-testid="password-error">
            {t(errors.password.type === "server" ? "passwordRefused" : "passwordTooShort")}
          </p>
        )}
        {serverError && (
          <Notice tone="error" inline testId="create-user-error">
            {serverError}
          </Notice>
        )}
        {created && (
          <Notice tone="success" inline testId="create-user-success">
            {t("created", { email: created })}
          </Notice>
        )}
        <button type="submit" disabled={create.isPending}>
          {t("create")}
        </button>
      </form>
    </div>
  );
}
