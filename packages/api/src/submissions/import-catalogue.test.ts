import type { Role, SessionUser } from "@zones/auth";
import { createUser } from "@zones/auth";
import { readCatalogue } from "@zones/db/catalogue";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine, YULIN_ZONE_EDIT } from "@zones/db/testing";
import type { QuarterString, ZonesError } from "@zones/domain";
import { parseUpload } from "@zones/spreadsheets";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { translate } from "../messages";
import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";
import { buildTemplate } from "./template";

/**
 * Issue 18: templates and imports follow the database's catalogue as it stood for each quarter. An admin adds a
 * zone reporting from the open quarter, an indicator from its year and retires another after the year before;
 * the new zone's official downloads a template that asks exactly that, and imports it back.
 */
const NOW = new Date("2026-11-28T10:00:00+08:00");
const OPEN = "2026Q3";
const ZONE = YULIN_ZONE_EDIT.code;
const INDICATOR = "green-power-share";
const RETIRED = "retail-sales";

/** Named this year, reporting from the open quarter. */
const NEW_ZONE = { ...YULIN_ZONE_EDIT, batch: 3, namedOn: "2026-06-01", reportsFrom: OPEN };

const NEW_INDICATOR = {
  code: INDICATOR,
  theme: "green" as const,
  nameZh: "绿色电力消费占比",
  nameEn: "Green power, share of consumption",
  unitZh: "%",
  unitEn: "%",
  definitionZh: "",
  definitionEn: "",
  decimals: 1,
  validMin: 0,
  validMax: 100,
  yoyThreshold: null,
  headline: false,
  direction: "higher" as const,
  frequency: "quarterly" as const,
  cumulative: false,
  measure: "share" as const,
  inForceFrom: 2026,
  sourceZh: "能源局",
  sourceEn: "Energy bureau",
};

const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

function upload(bytes: Uint8Array, name: string, versions?: Record<string, number>): FormData {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  if (versions) form.set("versions", JSON.stringify(versions));
  return form;
}

/** The indicator codes of a template, by zone and quarter, as an import of the database's catalogue reads it. */
async function templateCodes(db: DatabaseHandle["db"], bytes: Uint8Array): Promise<Map<string, string[]>> {
  const parsed = await parseUpload({ name: "template", bytes }, await readCatalogue(db));
  expect(parsed.errors).toEqual([]);
  const codes = new Map<string, string[]>();
  for (const row of parsed.rows) {
    const key = `${row.zoneCode}/${row.quarter}`;
    codes.set(key, [...(codes.get(key) ?? []), row.indicatorCode]);
  }
  return codes;
}

describe(`templates and imports follow the database's catalogue (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;
  let yulin: SessionUser;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
    const admin = createCaller(contextFor(handle.db, auth, users.admin));
    await admin.catalogue.addZone(NEW_ZONE);
    await admin.catalogue.addIndicator(NEW_INDICATOR);
    await admin.catalogue.setIndicatorRetired({ code: RETIRED, retiredAfter: 2025 });
    const email = "yulin@fixtures.test";
    const { id } = await createUser(
      auth,
      handle.db,
      { email, name: "榆林填报员", role: "official", zoneCodes: [ZONE], password: "fixture-password-2026" },
      null,
    );
    yulin = { ...users.official, id, email, name: "榆林填报员", zoneCodes: [ZONE] };
  });
  afterAll(async () => {
    await handle.close();
  });

  const callerOf = (user: SessionUser, locale: "zh-CN" | "en" = "zh-CN") =>
    createCaller({ ...contextFor(handle.db, auth, user), locale });

  it("gives the added zone's official a template of the catalogue as it stood each quarter", async () => {
    const template = await buildTemplate(handle.db, yulin, {
      zoneCodes: [ZONE],
      quarters: ["2026Q2", OPEN],
      format: "csv",
      language: "en",
    });
    const codes = await templateCodes(handle.db, template.bytes);
    // Not expected to report before its first quarter; the added indicator asked, the retired one not.
    expect([...codes.keys()]).toEqual([`${ZONE}/${OPEN}`]);
    expect(codes.get(`${ZONE}/${OPEN}`)).toContain(INDICATOR);
    expect(codes.get(`${ZONE}/${OPEN}`)).toContain("gdp");
    expect(codes.get(`${ZONE}/${OPEN}`)).not.toContain(RETIRED);
    expect(new TextDecoder().decode(template.bytes)).toContain(
      `${ZONE},"Yulin, Shaanxi",${OPEN},${INDICATOR}`,
    );

    // A year earlier, Huangshi's template holds the retired indicator and not the added one.
    const earlier = await templateCodes(
      handle.db,
      (
        await buildTemplate(handle.db, users.admin, {
          zoneCodes: ["HB-HS"],
          quarters: ["2025Q4"],
          format: "csv",
          language: "zh",
        })
      ).bytes,
    );
    expect(earlier.get("HB-HS/2025Q4")).toContain(RETIRED);
    expect(earlier.get("HB-HS/2025Q4")).not.toContain(INDICATOR);

    // Only quarters before the zone reports: nothing to ask, said naming the fields; a zone the catalogue lacks
    // is refused naming the field, in both languages.
    const refusal = (zoneCodes: string[], quarter: QuarterString) =>
      buildTemplate(handle.db, users.admin, {
        zoneCodes,
        quarters: [quarter],
        format: "xlsx",
        language: "zh",
      }).then(
        () => null,
        (error: ZonesError) => error,
      );
    const early = await refusal([ZONE], "2026Q1");
    expect(early?.code).toBe("invalid");
    expect(early && translate("zh-CN", early)).toBe(
      "zones 和 quarters：所选示范区 SN-YL 在所选季度都不需要填报",
    );
    expect(early && translate("en", early)).toBe(
      "zones and quarters: SN-YL report for none of the quarters chosen",
    );
    const unknown = await refusal(["SN-ZZ"], OPEN);
    expect(unknown?.code).toBe("invalid");
    expect(unknown && translate("zh-CN", unknown)).toBe("zones：目录中没有示范区 SN-ZZ");
    expect(unknown && translate("en", unknown)).toBe("zones: no zone SN-ZZ in the catalogue");
  });

  it("imports the added zone's filled template, the added indicator's value with it", async () => {
    const template = await buildTemplate(handle.db, yulin, {
      zoneCodes: [ZONE],
      quarters: [OPEN],
      format: "xlsx",
      language: "zh",
    });
    const parsed = await parseUpload(
      { name: template.fileName, bytes: template.bytes },
      await readCatalogue(handle.db),
    );
    expect(parsed.errors).toEqual([]);
    const lines = [
      "zone_code,quarter,indicator_code,value",
      `${ZONE},${OPEN},${INDICATOR},23.5`,
      `${ZONE},${OPEN},gdp,812.34`,
    ].join("\r\n");
    const preview = await callerOf(yulin).imports.preview(upload(utf8Bom(lines), "榆林.csv"));
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ new: 2, changed: 0 });
    const versions = Object.fromEntries(
      preview.submissions.map((submission) => [
        `${submission.zoneCode}/${submission.quarter}`,
        submission.version,
      ]),
    );
    expect(await callerOf(yulin).imports.commit(upload(utf8Bom(lines), "榆林.csv", versions))).toEqual({
      changed: 2,
      submissions: 1,
    });
    const stored = rowsOf<{ indicator_code: string; value: string }>(
      await handle.db.execute(sql`
        select indicator_code, value::text as value from observations
        where zone_code = ${ZONE} and quarter = ${OPEN} order by indicator_code`),
    );
    expect(stored.map((row) => [row.indicator_code, Number(row.value)])).toEqual([
      ["gdp", 812.34],
      [INDICATOR, 23.5],
    ]);
  });

  it("refuses rows outside the catalogue of their quarter, by row and column, in the caller's language", async () => {
    const lines = [
      "zone_code,quarter,indicator_code,value",
      `HB-HS,2025Q4,${INDICATOR},20`,
      `HB-HS,${OPEN},${RETIRED},3`,
      `${ZONE},2026Q2,gdp,100`,
      `SN-ZZ,${OPEN},gdp,100`,
    ].join("\r\n");
    for (const locale of ["zh-CN", "en"] as const) {
      const preview = await callerOf(users.admin, locale).imports.preview(upload(utf8Bom(lines), "x.csv"));
      expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
        [2, "indicator_code"],
        [3, "indicator_code"],
        [4, "zone_code"],
        [5, "zone_code"],
      ]);
      const [added, retired, early, unknown] = preview.errors.map((error) => error.message);
      if (locale === "zh-CN") {
        expect(added).toContain("自 2026 年起填报，不能填在 2025Q4");
        expect(retired).toContain("2025 年后不再填报");
        expect(early).toContain("陕西榆林");
        expect(unknown).toContain("SN-ZZ");
      } else {
        expect(added).toContain("is reported from 2026, not for 2025Q4");
        expect(retired).toContain("no longer reported after 2025");
        expect(early).toContain("reports from 2026Q3, not for 2026Q2");
        expect(unknown).toContain('no zone with the code "SN-ZZ"');
      }
    }
  });

  it("imports targets of the added zone and indicator", async () => {
    const csv = [
      "zone_code,indicator_code,target_year,target_value,baseline_year",
      `${ZONE},${INDICATOR},2030,40,2026`,
      `SN-ZZ,${INDICATOR},2030,40,2026`,
    ];
    const targets = (rows: string[]) => {
      const form = new FormData();
      form.set("file", new File([rows.join("\r\n")], "targets.csv", { type: "text/csv" }));
      return callerOf(users.admin).targets.import(form);
    };
    const refused = await targets(csv);
    expect(refused.saved).toBe(0);
    expect(refused.errors.map((error) => [error.row, error.column])).toEqual([[3, "zone_code"]]);
    expect(await targets(csv.slice(0, 2))).toEqual({ saved: 1, errors: [] });
  });
});
