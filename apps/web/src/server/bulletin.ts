import "server-only";

import { resolveAuthSecret } from "@zones/auth";
import { PRINT_TOKEN_HEADER, verifyPrintToken } from "@zones/pdf/print-token";
import { headers } from "next/headers";

import { getDb } from "./db";

export { bulletinPrinting } from "./bulletin-printing";

/** True when the request carries a valid print token for this quarter and language (the printing browser). */
export async function hasPrintToken(quarter: string, language: string): Promise<boolean> {
  const token = (await headers()).get(PRINT_TOKEN_HEADER);
  if (!token) return false;
  const secret = await resolveAuthSecret(await getDb());
  return verifyPrintToken(secret, token, { quarter, language });
}
