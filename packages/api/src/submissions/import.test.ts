import { TRPCError } from "@trpc/server";
import type { Role, SessionUser } from "@zones/auth";
import { readCatalogue } from "@zones/db/catalogue";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { MAX_UPLOAD_ROWS, parseUpload } from "@zones/spreadsheets";
import { inlineRow, SHEET_HEAD, SHEET_TAIL, workbookZip } from "@zones/spreadsheets/testing";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";
import { buildTemplate } from "./template";

const NOW = new Date("2026-11-28T10:00:00+08:00");
const OPEN = "2026Q3";

/** A filled template in Chinese, as officials send it: Chinese headers, names and notes. */
const CHINESE_CSV = [
  "示范区代码,示范区,季度,指标代码,指标,单位,数值,上报说明",
  `HB-HS,黄石,${OPEN},gdp,地区生产总值,亿元,"1,234.56",统计口径调整`,
  `HB-HS,黄石,${OPEN},gdp-growth,地区生产总值增速,%,５.２,`,
  `HB-HS,黄石,${OPEN},retail-sales,社会消费品零售总额,亿元,,`,
].join("\r\n");

function upload(bytes: Uint8Array, name = "黄石.csv", versions?: Record<string, number>): FormData {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  if (versions) form.set("versions", JSON.stringify(versions));
  return form;
}

const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, "gbk"));

describe(`bulk import (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    // HB-HS 2026Q3 back to an empty draft at version 1.
    await handle.db.execute(sql`delete from submissions where zone_code = 'HB-HS' and quarter = ${OPEN}`);
    await handle.db.execute(sql`
      insert into submissions (zone_code, quarter, status, version) values ('HB-HS', ${OPEN}, 'draft', 1)`);
  });

  const official = () => createCaller(contextFor(handle.db, auth, users.official));

  async function snapshot() {
    const [observations, audit] = await Promise.all([
      handle.db.execute(sql`
        select indicator_code, value::text as value, note from observations
        where zone_code = 'HB-HS' and quarter = ${OPEN} order by indicator_code`),
      handle.db.execute(sql`select count(*)::int as n from audit_log`),
    ]);
    return {
      observations: rowsOf<{ indicator_code: string; value: string; note: string | null }>(observations),
      audit: Number(rowsOf<{ n: number }>(audit)[0]?.n),
    };
  }

  it("GB18030/GBK and UTF-8 with BOM files preview and import identically, with an audit row per value", async () => {
    const results = [];
    for (const bytes of [gbk(CHINESE_CSV), utf8Bom(CHINESE_CSV)]) {
      await handle.db.execute(sql`delete from observations where zone_code = 'HB-HS' and quarter = ${OPEN}`);
      await handle.db.execute(
        sql`update submissions set version = 1 where zone_code = 'HB-HS' and quarter = ${OPEN}`,
      );
      const preview = await official().imports.preview(upload(bytes));
      expect(preview.errors).toEqual([]);
      expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0, blank: 1 });
      const before = await snapshot();
      const applied = await official().imports.commit(upload(bytes, "黄石.csv", { [`HB-HS/${OPEN}`]: 1 }));
      expect(applied).toEqual({ changed: 2, submissions: 1 });
      const after = await snapshot();
      expect(after.audit - before.audit).toBe(2);
      results.push({ encoding: preview.encoding, lines: preview.lines, stored: after.observations });
    }
    expect(results.map((result) => result.encoding)).toEqual(["gb18030", "utf-8-bom"]);
    expect(results[0]?.lines).toEqual(results[1]?.lines);
    expect(results[0]?.stored).toEqual(results[1]?.stored);
    expect(results[0]?.stored.map((row) => [row.indicator_code, Number(row.value), row.note])).toEqual([
      ["gdp", 1234.56, "统计口径调整"],
      ["gdp-growth", 5.2, null],
    ]);
  });

  it("a file with one bad row is refused with its row and column, and writes nothing", async () => {
    const bad = `${CHINESE_CSV}\r\nHB-HS,黄石,${OPEN},urban-unemployment,城镇登记失业率,%,120,\r\nHB-HS,黄石,${OPEN},pm25,PM2.5,µg/m³,abc,`;
    const preview = await official().imports.preview(upload(utf8Bom(bad)));
    expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
      [5, "value"],
      [6, "value"],
    ]);
    expect(preview.errors[0]?.message).toContain("城镇登记失业率");
    const before = await snapshot();
    const refused = await official()
      .imports.commit(upload(utf8Bom(bad)))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses rows of zones the uploader may not write, unknown codes and duplicates, with rows and columns", async () => {
    const lines = [
      "zone_code,quarter,indicator_code,value",
      `SD-ZB,${OPEN},gdp,100`,
      `XX-YY,${OPEN},gdp,100`,
      `HB-HS,${OPEN},no-such-indicator,1`,
      `HB-HS,${OPEN},gdp,100`,
      `HB-HS,${OPEN},gdp,101`,
    ].join("\r\n");
    const before = await snapshot();
    const preview = await official().imports.preview(upload(new TextEncoder().encode(lines), "mixed.csv"));
    expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
      [2, "zone_code"],
      [3, "zone_code"],
      [4, "indicator_code"],
      [6, null],
    ]);
    await expect(official().imports.commit(upload(new TextEncoder().encode(lines)))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file that is not a spreadsheet, and one for a submitted submission", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const notSheet = await official().imports.preview(upload(png, "photo.csv"));
    expect(notSheet.errors).toHaveLength(1);
    await handle.db.execute(
      sql`update submissions set status = 'submitted' where zone_code = 'HB-HS' and quarter = ${OPEN}`,
    );
    const locked = await official().imports.preview(upload(utf8Bom(CHINESE_CSV)));
    expect(locked.errors).toHaveLength(1);
    expect(locked.errors[0]?.row).toBe(2);
  });

  it("applying after someone else saved refuses the whole file (stale version)", async () => {
    const preview = await official().imports.preview(upload(utf8Bom(CHINESE_CSV)));
    const versions = Object.fromEntries(
      preview.submissions.map((s) => [`${s.zoneCode}/${s.quarter}`, s.version]),
    );
    await official().submission.save({
      zoneCode: "HB-HS",
      quarter: OPEN,
      baseVersion: 1,
      values: { gdp: "1000" },
    });
    const before = await snapshot();
    await expect(
      official().imports.commit(upload(utf8Bom(CHINESE_CSV), "x.csv", versions)),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a decompression bomb as a bad request naming the file, fast", async () => {
    const row = inlineRow(2, ["HB-HS", OPEN, "gdp", "1"]);
    // About 1.8 MB that inflates to 453 MB.
    const bomb = workbookZip({ head: SHEET_HEAD, body: row.repeat(20_000), times: 400, tail: SHEET_TAIL });
    for (const locale of ["zh-CN", "en"] as const) {
      const caller = createCaller({ ...contextFor(handle.db, auth, users.official), locale });
      const started = performance.now();
      const refused = await caller.imports
        .preview(upload(bomb, "bomb.xlsx"))
        .catch((error: unknown) => error);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(refused).toBeInstanceOf(TRPCError);
      expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^file[:：]/) });
      expect((refused as TRPCError).message).toContain("50 MB");
    }
    await expect(official().imports.commit(upload(bomb, "bomb.xlsx"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^file/),
    });
    // A 60 MB CSV is refused by its size, before its bytes are read.
    const started = performance.now();
    await expect(
      official().imports.preview(upload(new Uint8Array(60 * 1024 * 1024).fill(0x61), "big.csv")),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^file.*10 MB/) });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("keeps answering other calls while a big upload is read", async () => {
    // 40 MB of blank rows, then one data row too many: read to the end in a worker, then refused.
    const blank = "<row><c><v> </v></c></row>";
    const data = "<row><c><v>1</v></c></row>";
    const slow = workbookZip({
      head: `${SHEET_HEAD}${inlineRow(1, ["zone_code", "quarter", "indicator_code", "value"])}`,
      body: blank.repeat(40_000),
      times: 40,
      tail: `${data.repeat(MAX_UPLOAD_ROWS + 1)}${SHEET_TAIL}`,
    });
    let bombSettled = false;
    const bomb = official()
      .imports.preview(upload(slow, "slow.xlsx"))
      .catch((error: unknown) => error)
      .finally(() => {
        bombSettled = true;
      });
    const health = await official().health.check();
    const preview = await official().imports.preview(upload(utf8Bom(CHINESE_CSV)));
    expect(health).toEqual({ database: true });
    expect(preview.errors).toEqual([]);
    expect(bombSettled).toBe(false);
    expect(await bomb).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^file/) });
  });

  it("a downloaded template is pre-filled with stored values and imports back as unchanged", async () => {
    await official().submission.save({
      zoneCode: "HB-HS",
      quarter: OPEN,
      baseVersion: 1,
      values: { gdp: "1500.25" },
      notes: { gdp: "含新并入县区" },
    });
    for (const format of ["csv", "xlsx"] as const) {
      const template = await buildTemplate(handle.db, users.official, {
        zoneCodes: ["HB-HS"],
        quarters: [OPEN],
        format,
        language: "zh",
      });
      expect(template.fileName).toBe(`zones-template-HB-HS-${OPEN}.${format}`);
      const parsed = await parseUpload(
        { name: template.fileName, bytes: template.bytes },
        await readCatalogue(handle.db),
      );
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows.find((row) => row.indicatorCode === "gdp")).toMatchObject({
        value: "1500.25",
        note: "含新并入县区",
      });
      const preview = await official().imports.preview(upload(template.bytes, template.fileName));
      expect(preview.errors).toEqual([]);
      expect(preview.counts.unchanged).toBe(1);
      expect(preview.counts.new + preview.counts.changed).toBe(0);
    }
    await expect(
      buildTemplate(handle.db, users.official, {
        zoneCodes: ["SD-ZB"],
        quarters: [OPEN],
        format: "csv",
        language: "zh",
      }),
    ).rejects.toThrow(/SD-ZB/);
  });
});
