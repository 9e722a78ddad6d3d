import type { Locale } from "@zones/domain";
import { createTranslator } from "next-intl";

import en from "~/messages/en/bulletin.json";
import zh from "~/messages/zh-CN/bulletin.json";

/** A text of the bulletin's messages, in the bulletin's language (not necessarily the reader's: `?lang=`). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function bulletinText(locale: Locale): Translate {
  const translator = createTranslator({
    locale,
    messages: { bulletin: locale === "en" ? en : zh },
    namespace: "bulletin",
  });
  return (key, values) => (translator as unknown as Translate)(key, values);
}

/** A moment as the bulletin says it: Beijing time, to the minute. */
export function formatMoment(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}
