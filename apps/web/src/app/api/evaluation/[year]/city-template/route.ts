import { cityValuesTemplate, downloadResponse, message } from "@zones/api";
import {
  CITY_VALUE_YEARS,
  canImportCityValues,
  checkEvaluationYear,
  citiesRatedIn,
  joinIssues,
  phrased,
  ZonesError,
} from "@zones/domain";

import { getCatalogue } from "~/server/catalogue";
import { getDb } from "~/server/db";
import { signedInRoute } from "~/server/route-handler";

/**
 * GET /api/evaluation/<year>/city-template — the member cities' figures template of a year (CSV, UTF-8 with a
 * BOM): each city of a zone of several cities × the year's rubric indicators, values blank. Reviewers, admins.
 */
export const GET = signedInRoute<{ year: string }>(async ({ user, params }) => {
  if (!canImportCityValues(user)) throw new ZonesError("forbidden", message("account.roleRefused"));
  const check = checkEvaluationYear(/^\d{1,4}$/.test(params.year) ? Number(params.year) : params.year);
  if (!check.ok) throw new ZonesError("invalid", phrased(joinIssues(check.issues)));
  if (!citiesRatedIn(check.value)) {
    throw new ZonesError(
      "invalid",
      phrased({
        zh: `year：成员城市自 ${CITY_VALUE_YEARS.min} 年起评级`,
        en: `year: member cities are rated from ${CITY_VALUE_YEARS.min}`,
      }),
    );
  }
  const file = await cityValuesTemplate(await getDb(), await getCatalogue(), check.value);
  return downloadResponse(Buffer.from(file.bytes), file);
});
