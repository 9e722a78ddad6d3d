"use server";

import { cookies } from "next/headers";

import { LOCALE_COOKIE, toLocale } from "./locales";

/** Remembers the chosen language for a year. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
}
