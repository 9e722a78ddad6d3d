import { setLocale } from "~/i18n/actions";

/**
 * A form, so the switch works before hydration and without JavaScript; the server action sets the
 * cookie and Next re-renders the page in the new language.
 */
export function LocaleSwitcher({
  locale,
  label,
  switchTo,
}: {
  locale: string;
  label: string;
  switchTo: string;
}) {
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocale} className="locale-switcher">
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} aria-label={`${label}: ${switchTo}`} data-testid="locale-switch">
        {switchTo}
      </button>
    </form>
  );
}
