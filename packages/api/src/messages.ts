import { type Locale, localized, type MessageParams, type MessageRef } from "@zones/domain";
import { createTranslator, type MessageKeys, type NestedKeyOf } from "use-intl/core";

import en from "../messages/en.json";
import zh from "../messages/zh-CN.json";

/**
 * The server's own sentences (refusals, the fault notice) live in next-intl message files, one per language
 * (`packages/api/messages`), and are said in the caller's language here, at the edge.
 */

export type ServerMessages = typeof en;
export type MessageKey = MessageKeys<ServerMessages, NestedKeyOf<ServerMessages>>;

export const SERVER_MESSAGES: Record<Locale, ServerMessages> = { "zh-CN": zh, en };

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zh }),
  en: createTranslator({ locale: "en", messages: en }),
};

/** A message of the files, with the values it names (checked against the files at compile time). */
export function message(key: MessageKey, params?: MessageParams): MessageRef {
  return params ? { key, params } : { key };
}

/**
 * The sentence in the caller's language. Values are inserted as they are (numbers unformatted, so a version
 * reads "1234", not "1,234"); a LocalizedText value in the caller's language.
 */
export function translate(locale: Locale, ref: MessageRef): string {
  const values = Object.fromEntries(
    Object.entries(ref.params ?? {}).map(([name, value]) => [
      name,
      typeof value === "object" ? localized(value, locale) : String(value),
    ]),
  );
  return translators[locale](ref.key as MessageKey, values as never);
}
