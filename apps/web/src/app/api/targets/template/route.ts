import { downloadResponse, message, targetTemplate } from "@zones/api";
import { canManageTargets, ZonesError } from "@zones/domain";

import { getCatalogue } from "~/server/catalogue";
import { signedInRoute } from "~/server/route-handler";

/** GET /api/targets/template — the plan targets template (CSV, UTF-8 with a BOM), for admins. */
export const GET = signedInRoute(async ({ user }) => {
  if (!canManageTargets(user)) throw new ZonesError("forbidden", message("account.roleRefused"));
  const file = targetTemplate(await getCatalogue(), new Date());
  return downloadResponse(Buffer.from(file.bytes), file);
});
