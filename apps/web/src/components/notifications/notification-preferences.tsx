"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { MAIL_SCHEDULES, NOTIFICATION_KINDS, type NotificationKind } from "@zones/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";

const LANGUAGES = ["zh-CN", "en"] as const;

/** Which notifications come by mail, in which language, each at once or in a daily digest; the app shows all. */
export function NotificationPreferencesForm() {
  const t = useTranslations("notifications.settings");
  const kinds = useTranslations("notifications.kinds");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Until React runs, a click would change the box but not what is saved: the controls wait for it.
  const hydrated = useHydrated();
  const { data } = useSuspenseQuery(trpc.notifications.preferences.get.queryOptions());
  const [language, setLanguage] = useState(data.language);
  const [schedule, setSchedule] = useState(data.schedule);
  const [mailOff, setMailOff] = useState<NotificationKind[]>([...data.mailOff]);
  const save = useMutation(
    trpc.notifications.preferences.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.notifications.preferences.get.queryKey(), saved),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ language, schedule, mailOff });
  };
  const toggle = (kind: NotificationKind, on: boolean) =>
    setMailOff((off) => (on ? off.filter((other) => other !== kind) : [...off, kind]));
  return (
    <form
      className="stacked-form notification-settings"
      onSubmit={submit}
      data-testid="notification-settings"
      data-ready={hydrated}
    >
      <fieldset disabled={!hydrated}>
        <legend>{t("language")}</legend>
        {LANGUAGES.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="language"
              checked={language === value}
              onChange={() => setLanguage(value)}
            />
            {t(`languages.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!hydrated}>
        <legend>{t("schedule")}</legend>
        {MAIL_SCHEDULES.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="schedule"
              checked={schedule === value}
              onChange={() => setSchedule(value)}
            />
            {t(`schedules.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!hydrated}>
        <legend>{t("kinds")}</legend>
        <p className="hint">{t("inAppStays")}</p>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              name={`mail-${kind}`}
              checked={!mailOff.includes(kind)}
              onChange={(event) => toggle(kind, event.target.checked)}
            />
            {kinds(kind)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!hydrated || save.isPending}>
        {t("save")}
      </button>
      {save.isSuccess && (
        <p className="notice notice-success" role="status" data-testid="notification-settings-saved">
          {t("saved")}
        </p>
      )}
      {save.isError && (
        <p className="notice notice-error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
