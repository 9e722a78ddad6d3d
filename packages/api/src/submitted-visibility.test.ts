import { TRPCError } from "@trpc/server";
import { createUser, type SessionUser } from "@zones/auth";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { exportRuns, submissions } from "@zones/db/schema";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase } from "@zones/db/testing";
import type { TIndicatorCode, TZoneCode } from "@zones/domain";
import { prepareExportDownload } from "@zones/exports";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "./root";
import { contextFor, createRoleUsers, RecordedExportJobs, testAuth } from "./test-fixtures";

/**
 * What comes back, not only whether a call is allowed: submitted (not yet approved) figures reach reviewers
 * and admins who ask for them (`includeSubmitted`), and nobody else — not a viewer, not an official, not even
 * for the official's own zone — on any dashboard procedure; `overview.get` shows approved data to everyone.
 * Exports of submitted data are where an official's own zone differs from another zone.
 *
 * The demo data as of 2026-11-28: 2026Q3 is open, 11 zones have it approved, HN-C, CQ-M, JX-PX and HA-W have
 * submitted it, SC-ZG, GD-SG and HB-HS are drafts. Here HB-HS's draft is submitted too, so that the Huangshi
 * official's own zone has submitted data.
 */
const NOW = new Date("2026-11-28T10:00:00+08:00");
const OPEN = "2026Q3";
const SUBMITTED_ZONES = ["CQ-M", "HA-W", "HB-HS", "HN-C", "JX-PX"];
const DRAFT_ZONES = ["GD-SG", "SC-ZG"];
/** Zones whose open quarter is approved: what a spread of approved data counts. */
const APPROVED_ZONES = 11;
const OWN = "HB-HS";

type Who = "viewer" | "officialHere" | "officialElsewhere" | "reviewer" | "admin";
const WHO: readonly Who[] = ["viewer", "officialHere", "officialElsewhere", "reviewer", "admin"];
/** Who gets submitted figures on dashboards when asking for them. */
const SEES_SUBMITTED: readonly Who[] = ["reviewer", "admin"];
const NOT_SEEING: readonly Who[] = WHO.filter((who) => !SEES_SUBMITTED.includes(who));

let handle: DatabaseHandle;
const jobs = new RecordedExportJobs();
let callers: Record<Who, ReturnType<typeof createCaller>>;
/** "zone indicator" → the exact stored value of the open quarter's submitted submissions. */
let submittedValues: Map<string, string>;

interface Found {
  zoneCode: string;
  quarter: string;
  indicatorCode: string | null;
  value: unknown;
  provisional: unknown;
}

/**
 * Every value in an answer that can be placed at a zone × quarter: an object with a non-null `value` below (or
 * at) objects naming `zoneCode` and `quarter` (an indicator's points name `code`). Works on every dashboard's
 * shape, so a new field carrying figures is searched too.
 */
function placedValues(answer: unknown): Found[] {
  const found: Found[] = [];
  const walk = (node: unknown, at: { zoneCode?: string; quarter?: string; indicatorCode?: string }) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, at);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const here = { ...at };
    if (typeof record.zoneCode === "string") here.zoneCode = record.zoneCode;
    if (typeof record.quarter === "string") here.quarter = record.quarter;
    if (typeof record.indicatorCode === "string") here.indicatorCode = record.indicatorCode;
    else if (typeof record.code === "string" && "points" in record) here.indicatorCode = record.code;
    if ("value" in record && record.value !== null && here.zoneCode && here.quarter) {
      found.push({
        zoneCode: here.zoneCode,
        quarter: here.quarter,
        indicatorCode: here.indicatorCode ?? null,
        value: record.value,
        provisional: record.provisional,
      });
    }
    for (const value of Object.values(record)) walk(value, here);
  };
  walk(answer, {});
  return found;
}

/** Values of the open quarter of zones whose submission is not approved. */
function unapproved(answer: unknown, zones: readonly string[]): Found[] {
  return placedValues(answer).filter((item) => item.quarter === OPEN && zones.includes(item.zoneCode));
}

/** Does any object of the answer say `provisional: true`? */
function anyProvisional(answer: unknown): boolean {
  return JSON.stringify(answer).includes('"provisional":true');
}

/**
 * The answer of `who` must hold no submitted figure: the same as without asking, nothing of an unapproved
 * zone-quarter, nothing flagged provisional.
 */
function expectApprovedOnly(asked: unknown, notAsked: unknown, label: string) {
  expect(asked, `${label}: includeSubmitted changed the answer`).toEqual(notAsked);
  expect(unapproved(asked, [...SUBMITTED_ZONES, ...DRAFT_ZONES]), label).toEqual([]);
  expect(anyProvisional(asked), label).toBe(false);
  expect((asked as { includesSubmitted?: unknown }).includesSubmitted, label).toBe(false);
}

/**
 * The answer holds the submitted figures of `zones` in the open quarter, each the stored value (`ytd`) and
 * flagged provisional; never a draft's.
 */
function expectSubmittedShown(answer: unknown, zones: readonly string[], label: string) {
  expect((answer as { includesSubmitted?: unknown }).includesSubmitted, label).toBe(true);
  const shown = unapproved(answer, zones);
  expect([...new Set(shown.map((item) => item.zoneCode))].sort(), label).toEqual([...zones].sort());
  for (const item of shown) {
    if (item.provisional !== undefined) expect(item.provisional, `${label} ${item.zoneCode}`).toBe(true);
    const stored = item.indicatorCode ? submittedValues.get(`${item.zoneCode} ${item.indicatorCode}`) : null;
    if (stored !== undefined && stored !== null) {
      expect(Number(item.value), `${label} ${item.zoneCode} ${item.indicatorCode}`).toBe(Number(stored));
    }
  }
  expect(unapproved(answer, DRAFT_ZONES), `${label}: drafts`).toEqual([]);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db, { now: NOW });
  await handle.db
    .update(submissions)
    .set({ status: "submitted", submittedAt: NOW })
    .where(and(eq(submissions.zoneCode, OWN), eq(submissions.quarter, OPEN)));
  const auth = testAuth(handle.db);
  const users = await createRoleUsers(auth, handle.db);
  const elsewhere = await createUser(
    auth,
    handle.db,
    {
      email: "official-sd-zb@fixtures.test",
      name: "淄博填报员",
      role: "official",
      zoneCodes: ["SD-ZB"],
      password: "fixture-password-2026",
    },
    null,
  );
  const officialElsewhere: SessionUser = {
    ...users.official,
    id: elsewhere.id,
    email: "official-sd-zb@fixtures.test",
    name: "淄博填报员",
    zoneCodes: ["SD-ZB"],
  };
  const as = (user: SessionUser) => createCaller(contextFor(handle.db, auth, user, jobs));
  callers = {
    viewer: as(users.viewer),
    officialHere: as(users.official),
    officialElsewhere: as(officialElsewhere),
    reviewer: as(users.reviewer),
    admin: as(users.admin),
  };

  const statuses = rowsOf<{ zone_code: string; status: string }>(
    await handle.db.execute(sql`
      select zone_code, status::text as status from submissions where quarter = ${OPEN} order by zone_code`),
  );
  // The fixture this file relies on: if the demo data changes, say so here rather than pass vacuously.
  expect(statuses.filter((row) => row.status === "submitted").map((row) => row.zone_code)).toEqual(
    SUBMITTED_ZONES,
  );
  expect(statuses.filter((row) => row.status === "draft").map((row) => row.zone_code)).toEqual(DRAFT_ZONES);
  const values = rowsOf<{ zone_code: string; indicator_code: string; value: string }>(
    await handle.db.execute(sql`
      select o.zone_code, o.indicator_code, o.value::text as value
      from observations o join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
      where s.status = 'submitted' and o.quarter = ${OPEN}`),
  );
  submittedValues = new Map(values.map((row) => [`${row.zone_code} ${row.indicator_code}`, row.value]));
  for (const zone of SUBMITTED_ZONES) {
    expect(submittedValues.has(`${zone} gdp`), `${zone} has a submitted GDP`).toBe(true);
  }
});

afterAll(async () => {
  await handle?.close();
});

describe("dashboard.zone", () => {
  it.each(SUBMITTED_ZONES)(
    "%s: only reviewers and admins who ask see the submitted quarter",
    async (zone) => {
      const input = { zoneCode: zone as TZoneCode, from: "2025Q4", to: OPEN };
      for (const who of NOT_SEEING) {
        const asked = await callers[who].dashboard.zone({ ...input, includeSubmitted: true });
        const notAsked = await callers[who].dashboard.zone(input);
        expectApprovedOnly(asked, notAsked, `${who} ${zone}`);
        // The approved quarters are there: the page is not simply empty.
        expect(
          placedValues(asked).some((item) => item.quarter === "2026Q2"),
          who,
        ).toBe(true);
      }
      for (const who of SEES_SUBMITTED) {
        expectSubmittedShown(
          await callers[who].dashboard.zone({ ...input, includeSubmitted: true }),
          [zone],
          `${who} ${zone}`,
        );
        expect(unapproved(await callers[who].dashboard.zone(input), [zone]), `${who} not asking`).toEqual([]);
      }
    },
  );

  it("single quarters derived from a submitted year-to-date figure are hidden as well", async () => {
    const input = { zoneCode: "HN-C" as TZoneCode, from: "2026Q1", to: OPEN, mode: "single" as const };
    const asked = await callers.viewer.dashboard.zone({ ...input, includeSubmitted: true });
    expectApprovedOnly(asked, await callers.viewer.dashboard.zone(input), "viewer single");
    const reviewer = await callers.reviewer.dashboard.zone({ ...input, includeSubmitted: true });
    expect(unapproved(reviewer, ["HN-C"]).length).toBeGreaterThan(0);
  });
});

describe("dashboard.compare", () => {
  const input = {
    zoneCodes: ["HN-C", "CQ-M", "HB-HS", "SD-ZB"] as TZoneCode[],
    indicatorCodes: ["gdp", "gdp-growth"] as TIndicatorCode[],
    from: "2026Q1",
    to: OPEN,
  };

  it.each(NOT_SEEING)("%s asking for submitted data gets exactly the approved answer", async (who) => {
    const asked = await callers[who].dashboard.compare({ ...input, includeSubmitted: true });
    expectApprovedOnly(asked, await callers[who].dashboard.compare(input), who);
    // SD-ZB's approved open quarter is there.
    expect(unapproved(asked, ["SD-ZB"]).length).toBeGreaterThan(0);
  });

  it.each(SEES_SUBMITTED)("%s asking gets every submitted zone's figures, provisional", async (who) => {
    const asked = await callers[who].dashboard.compare({ ...input, includeSubmitted: true });
    const compared: readonly string[] = input.zoneCodes;
    expectSubmittedShown(
      asked,
      SUBMITTED_ZONES.filter((zone) => compared.includes(zone)),
      who,
    );
    expect(unapproved(await callers[who].dashboard.compare(input), SUBMITTED_ZONES)).toEqual([]);
  });
});

describe("dashboard.indicator", () => {
  const input = { indicatorCode: "gdp" as TIndicatorCode, from: "2026Q1", to: OPEN };

  it.each(NOT_SEEING)("%s asking for submitted data gets exactly the approved answer", async (who) => {
    const asked = await callers[who].dashboard.indicator({ ...input, includeSubmitted: true });
    expectApprovedOnly(asked, await callers[who].dashboard.indicator(input), who);
    // The spread of the open quarter counts the approved zones only.
    expect(asked.distribution.find((row) => row.quarter === OPEN)?.zones).toBe(APPROVED_ZONES);
  });

  it.each(SEES_SUBMITTED)(
    "%s asking gets the submitted zones' trends and a spread over them",
    async (who) => {
      const asked = await callers[who].dashboard.indicator({ ...input, includeSubmitted: true });
      expectSubmittedShown(asked, SUBMITTED_ZONES, who);
      expect(asked.distribution.find((row) => row.quarter === OPEN)?.zones).toBe(
        APPROVED_ZONES + SUBMITTED_ZONES.length,
      );
      // The ranking is of approved data for everyone.
      expect(asked.ranking).toEqual((await callers.viewer.dashboard.indicator(input)).ranking);
    },
  );

  it("the trend chart of zones named by the caller hides them too", async () => {
    const named = { ...input, zoneCodes: ["HN-C", "HB-HS"] as TZoneCode[] };
    for (const who of NOT_SEEING) {
      const asked = await callers[who].dashboard.indicator({ ...named, includeSubmitted: true });
      expectApprovedOnly(asked, await callers[who].dashboard.indicator(named), who);
    }
    const reviewer = await callers.reviewer.dashboard.indicator({ ...named, includeSubmitted: true });
    expectSubmittedShown(reviewer, ["HN-C", "HB-HS"], "reviewer named");
  });
});

describe("dashboard.overviewExtras", () => {
  it.each(NOT_SEEING)(
    "%s: the heat map and sparklines of the open quarter hold approved data only",
    async (who) => {
      const asked = await callers[who].dashboard.overviewExtras({ quarter: OPEN, includeSubmitted: true });
      expectApprovedOnly(asked, await callers[who].dashboard.overviewExtras({ quarter: OPEN }), who);
      expect(unapproved(asked, ["SD-ZB"]).length).toBeGreaterThan(0);
      // The default quarter (every zone approved) is the same with or without asking.
      expect(await callers[who].dashboard.overviewExtras({ includeSubmitted: true })).toEqual(
        await callers[who].dashboard.overviewExtras({}),
      );
    },
  );

  it.each(SEES_SUBMITTED)("%s asking sees the submitted cells and sparkline points", async (who) => {
    const asked = await callers[who].dashboard.overviewExtras({ quarter: OPEN, includeSubmitted: true });
    expectSubmittedShown(asked, SUBMITTED_ZONES, who);
    expectSubmittedShown({ ...asked, cells: [] }, SUBMITTED_ZONES, `${who} sparklines`);
    expectSubmittedShown({ ...asked, sparklines: [] }, SUBMITTED_ZONES, `${who} cells`);
  });
});

describe("overview.get", () => {
  it("shows approved data only, to everyone alike, even for the open quarter", async () => {
    const input = { quarter: OPEN, indicatorCode: "gdp" as TIndicatorCode };
    const answers = await Promise.all(WHO.map((who) => callers[who].overview.get(input)));
    for (const [i, answer] of answers.entries()) {
      expect(unapproved(answer, [...SUBMITTED_ZONES, ...DRAFT_ZONES]), WHO[i]).toEqual([]);
      expect(answer, WHO[i]).toEqual(answers[0]);
    }
    expect(unapproved(answers[0], ["SD-ZB"]).length).toBeGreaterThan(0);
    expect(answers[0]?.openStatus?.counts).toEqual(
      expect.arrayContaining([{ status: "submitted", zones: SUBMITTED_ZONES.length }]),
    );
  });
});

describe("submission.form: the submitted figures behind the dashboards", () => {
  it("the Huangshi official reads its own submitted form; the Zibo official and the viewer may not", async () => {
    const key = { zoneCode: OWN as TZoneCode, quarter: OPEN };
    const own = await callers.officialHere.submission.form(key);
    expect(own.submission?.status).toBe("submitted");
    const gdp = own.indicators.find((row) => row.indicatorCode === "gdp");
    expect(Number(gdp?.value)).toBe(Number(submittedValues.get(`${OWN} gdp`)));
    for (const who of ["officialElsewhere", "viewer"] as const) {
      const error = await callers[who].submission.form(key).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error, who).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, who).toBe("FORBIDDEN");
    }
    for (const who of ["reviewer", "admin"] as const) {
      expect((await callers[who].submission.form(key)).indicators).toEqual(own.indicators);
    }
  });
});

describe("exports.runs.start of submitted data", () => {
  const filters = (zoneCodes: string[]) => ({
    zoneCodes: zoneCodes as TZoneCode[],
    indicatorCodes: ["gdp"] as TIndicatorCode[],
    from: OPEN,
    to: OPEN,
    statuses: ["approved" as const, "submitted" as const],
    headerLanguage: "en" as const,
  });

  async function runCount(): Promise<number> {
    const [row] = await handle.db.select({ n: count() }).from(exportRuns);
    return Number(row?.n ?? 0);
  }

  /** The export's CSV rows of the open quarter, as `zone status value`. */
  async function exported(run: { filters: unknown }): Promise<string[]> {
    const download = await prepareExportDownload(handle.db, run.filters as never, "csv");
    const text = await new Response(download.body).text();
    return text
      .split(/\r?\n/)
      .filter((line) => line.includes(`,${OPEN},`))
      .map((line) => {
        const cells = line.split(",");
        const at = cells.indexOf(OPEN);
        return `${cells[0]} ${cells[at + 2]} ${Number(cells[at + 1])}`;
      });
  }

  it.each([
    // who, zones, allowed, the field or zone a refusal names
    ["viewer", [OWN], false, "approved data only"],
    ["officialHere", [OWN], true, null],
    ["officialHere", [OWN, "HN-C"], false, "HN-C"],
    ["officialElsewhere", [OWN], false, OWN],
    ["officialElsewhere", ["SD-ZB"], true, null],
    ["reviewer", [OWN, "HN-C"], true, null],
    ["admin", [OWN, "HN-C"], true, null],
  ] as const)("%s exporting submitted data of %j: allowed %s", async (who, zones, allowed, named) => {
    const before = { runs: await runCount(), enqueued: jobs.enqueued.length };
    const call = callers[who].exports.runs.start({ filters: filters([...zones]), format: "csv" });
    if (!allowed) {
      const error = await call.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
      expect((error as TRPCError).message).toMatch(/^statuses: /);
      expect((error as TRPCError).message).toContain(named);
      expect({ runs: await runCount(), enqueued: jobs.enqueued.length }).toEqual(before);
      return;
    }
    const run = await call;
    expect(run.filters.statuses).toEqual(["approved", "submitted"]);
    expect(jobs.enqueued.at(-1)).toBe(run.id);
    // What the run will write: the submitted figures of the zones asked, labelled as such.
    const rows = await exported(run);
    for (const zone of zones) {
      const stored = submittedValues.get(`${zone} gdp`);
      if (stored) expect(rows).toContain(`${zone} Submitted ${Number(stored)}`);
      else expect(rows.some((row) => row.startsWith(`${zone} Approved `))).toBe(true);
    }
  });

  it("approved data only (the default) never carries a submitted figure, whoever asks", async () => {
    const run = await callers.viewer.exports.runs.start({
      filters: { ...filters([OWN, "HN-C", "SD-ZB"]), statuses: ["approved"] },
      format: "csv",
    });
    const rows = await exported(run);
    expect(rows.map((row) => row.split(" ")[0])).toEqual(["SD-ZB"]);
  });
});
