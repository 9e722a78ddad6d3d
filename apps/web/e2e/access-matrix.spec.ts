import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";
import { BUILT_IN_ZONES } from "@zones/domain";

import { apiSignIn, type DemoRole, demoAccount, ownOrigin } from "./fixtures";

/**
 * The access matrix of the web app: every page and every route handler × every kind of caller, with the
 * status each gets today and a look at what came back (a 200 must carry the right data, never more).
 * Procedures are covered one by one in `packages/api` (`authorization.test.ts`, `submitted-visibility.test.ts`);
 * the tRPC rows here check that the HTTP handler hands the same answers out.
 *
 * Requests only (no browser), each caller with its own cookie jar, redirects not followed.
 */

/** The seed's open quarter (`db:seed -- --as-of 2026-11-28`): HN-C and CQ-M submitted, HB-HS a draft, SD-ZB approved. */
const OPEN = "2026Q3";

const CALLERS = [
  "anonymous",
  "forged",
  "viewer",
  "officialHere",
  "officialElsewhere",
  "reviewer",
  "admin",
] as const;
type Caller = (typeof CALLERS)[number];

/**
 * - anonymous: no cookie at all (the proxy sends pages to /login before they run);
 * - forged: a session cookie that is no session (the proxy lets it through: the page or handler must refuse);
 * - officialHere: the demo official of HB-HS (huangshi@demo.local); officialElsewhere: an official of SD-ZB,
 *   created by the admin for this spec.
 */
const SIGNED_IN: readonly Caller[] = ["viewer", "officialHere", "officialElsewhere", "reviewer", "admin"];
const SEES_SUBMITTED: readonly Caller[] = ["reviewer", "admin"];
const READS_HB_HS_DRAFTS: readonly Caller[] = ["officialHere", "reviewer", "admin"];

type Statuses = readonly [number, number, number, number, number, number, number];

interface Answer {
  caller: Caller;
  status: number;
  location: string | null;
  body: string;
}

interface Row {
  /** The test's title; the path when not given. */
  name?: string;
  path: string;
  /** Expected status per caller, in CALLERS order. */
  statuses: Statuses;
  /** What a caller's answer must (not) hold, beyond its status. */
  check?: (answer: Answer) => void;
}

const trpcInput = (input: unknown) => encodeURIComponent(JSON.stringify({ json: input }));
const trpc = (path: string, input: unknown) => `/api/trpc/${path}?input=${trpcInput(input)}`;

/** Facts of the seeded database that the checks need, read in `beforeAll`. */
const facts = {
  /** GDP of the open quarter: HN-C and CQ-M submitted, HB-HS draft, SD-ZB approved (exact stored text). */
  gdp: {} as Record<"HN-C" | "CQ-M" | "HB-HS" | "SD-ZB", string>,
  /** A finished background export of HB-HS (approved and submitted) requested by the HB-HS official. */
  officialRun: "",
  elsewhereEmail: "",
};
const names: Record<Caller, string | null> = {
  anonymous: null,
  forged: null,
  viewer: demoAccount("viewer").name,
  officialHere: demoAccount("official").name,
  officialElsewhere: "淄博填报员",
  reviewer: demoAccount("reviewer").name,
  admin: demoAccount("admin").name,
};

/** A stored figure as text (`4065.40`) or as a JSON number (`4065.4`), not as part of a longer number. */
function figure(value: string): RegExp {
  const spellings = [value, Number(value).toString()].map((text) => text.replace(".", "\\."));
  return new RegExp(`(?<![0-9.])(?:${spellings.join("|")})(?![0-9])`);
}

/** The page's own heading (a 404 or a redirect still carries the page's title in its metadata). */
const heading = (text: string) => new RegExp(`<h1[^>]*>${text}`);

/** Zone codes of the data a page hydrates its client components with (`"zoneCode":"…"`). */
function zonesInData(body: string): string[] {
  return [...new Set([...body.matchAll(/zoneCode\\?":\\?"([A-Z]{2}-[A-Z]{1,3})/g)].map((match) => match[1]))]
    .filter((zone): zone is string => zone !== undefined)
    .sort();
}

/** CSV lines of the open quarter: `zone,…,quarter,value,status,…`. */
function openQuarterRows(csv: string): string[] {
  return csv.split(/\r?\n/).filter((line) => line.includes(`,${OPEN},`));
}

const has = (answer: Answer, pattern: string | RegExp) =>
  typeof pattern === "string" ? answer.body.includes(pattern) : pattern.test(answer.body);
const sees = (who: readonly Caller[], answer: Answer) => who.includes(answer.caller);

/** In a 200 answer, the submitted GDP of `zones` is there for the callers `who`, and for nobody else. */
function submittedShownTo(who: readonly Caller[], zones: ("HN-C" | "CQ-M")[]) {
  return (answer: Answer) => {
    if (answer.status !== 200) return;
    for (const zone of zones) {
      expect
        .soft(has(answer, figure(facts.gdp[zone])), `${answer.caller}: ${zone} ${OPEN} gdp`)
        .toBe(sees(who, answer));
    }
  };
}

const page = (path: string, statuses: Statuses, check?: Row["check"]): Row => ({ path, statuses, check });
const api = page;
/** A procedure through the tRPC handler, as the browser's client asks it (GET, input in the URL). */
const proc = (path: string, input: unknown, statuses: Statuses, check?: Row["check"]): Row => ({
  name: `tRPC ${path} ${JSON.stringify(input)}`,
  path: trpc(path, input),
  statuses,
  check,
});

/* biome-ignore format: the table reads as a table */
const MATRIX: readonly Row[] = [
  // Pages.                                anon  forged viewer HB-HS  SD-ZB  review admin
  page("/",                                [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("示范区总览")), a.caller).toBe(a.status === 200);
  }),
  page("/compare",                         [307, 307,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(zonesInData(a.body), a.caller).toEqual(expect.arrayContaining(["HB-HS", "SD-ZB"]));
  }),
  page("/zones/HB-HS",                     [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("湖北黄石")), a.caller).toBe(a.status === 200);
    // Only reviewers and admins are offered submitted data.
    expect.soft(has(a, 'data-testid="include-submitted"'), a.caller).toBe(sees(SEES_SUBMITTED, a));
  }),
  page("/zones/HN-C?submitted=1",          [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, 'data-testid="include-submitted"'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    expect.soft(has(a, /provisional\\?":true/), `${a.caller}: provisional points`).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C"])(a);
  }),
  page("/indicators/gdp?submitted=1",      [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, 'data-testid="include-submitted"'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C", "CQ-M"])(a);
  }),
  page("/entry",                           [307, 307,   404,   200,   200,   404,   200], (a) => {
    const expected = { officialHere: ["HB-HS"], officialElsewhere: ["SD-ZB"] }[a.caller as string];
    if (expected) expect.soft(zonesInData(a.body), a.caller).toEqual(expected);
    if (a.caller === "admin") expect.soft(zonesInData(a.body)).toHaveLength(BUILT_IN_ZONES.length);
  }),
  page(`/entry/HB-HS/${OPEN}`,             [307, 307,   404,   200,   404,   200,   200], (a) => {
    // The draft's figures are in the form of those who may read it, and nowhere else.
    expect.soft(has(a, figure(facts.gdp["HB-HS"])), a.caller).toBe(a.status === 200);
  }),
  page(`/entry/SD-ZB/${OPEN}`,             [307, 307,   404,   404,   200,   200,   200], (a) => {
    expect.soft(has(a, figure(facts.gdp["SD-ZB"])), a.caller).toBe(a.status === 200);
    if (a.status === 200) expect.soft(zonesInData(a.body), a.caller).toEqual(["SD-ZB"]);
  }),
  page("/entry/import",                    [307, 307,   404,   200,   200,   404,   200], (a) => {
    const own = { officialHere: "HB-HS", officialElsewhere: "SD-ZB" }[a.caller as string];
    if (own) {
      // The zones offered (every page carries the catalogue's names, which any signed-in user may read).
      const offered = (zone: string) => has(a, `value="${zone}"`);
      expect.soft(offered(own), a.caller).toBe(true);
      expect.soft(offered(own === "HB-HS" ? "SD-ZB" : "HB-HS"), `${a.caller}: another zone offered`).toBe(false);
    }
  }),
  page("/review",                          [307, 307,   404,   404,   404,   200,   200], (a) => {
    if (a.status === 200) expect.soft(zonesInData(a.body), a.caller).toEqual(expect.arrayContaining(["HN-C", "CQ-M"]));
  }),
  page(`/review/HB-HS/${OPEN}`,            [307, 307,   404,   404,   404,   200,   200], (a) => {
    expect.soft(has(a, figure(facts.gdp["HB-HS"])), a.caller).toBe(a.status === 200);
  }),
  page("/completeness",                    [307, 307,   404,   200,   200,   200,   200], (a) => {
    const expected = { officialHere: ["HB-HS"], officialElsewhere: ["SD-ZB"] }[a.caller as string];
    if (expected) expect.soft(zonesInData(a.body), a.caller).toEqual(expected);
    if (sees(SEES_SUBMITTED, a)) expect.soft(zonesInData(a.body), a.caller).toHaveLength(BUILT_IN_ZONES.length);
  }),
  page("/bulletin/2026Q2",                 [307, 307,   404,   404,   404,   200,   200], (a) => {
    expect.soft(has(a, 'data-testid="bulletin"'), a.caller).toBe(a.status === 200);
  }),
  page("/exports",                         [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, 'data-testid="export-schedules"'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    // Runs are listed to their requester, and to admins.
    expect.soft(has(a, facts.officialRun), a.caller).toBe(["officialHere", "admin"].includes(a.caller));
  }),
  page("/evaluation",                      [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("年度进展评估")), a.caller).toBe(a.status === 200);
  }),
  // The demo's 2025 is computed, not published: its results are the reviewers' and admins' only.
  page("/evaluation/2025",                 [307, 307,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, 'data-testid="evaluation-row"'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    expect.soft(has(a, 'data-testid="evaluation-compute"'), a.caller).toBe(a.caller === "admin");
    if (a.status === 200) expect.soft(has(a, 'data-testid="evaluation-unpublished"'), a.caller).toBe(!sees(SEES_SUBMITTED, a));
  }),
  page("/evaluation/1900",                 [307, 307,   404,   404,   404,   404,   404]),
  page("/evaluation/2025/rubric",          [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, 'data-testid="rubric-editor"'), a.caller).toBe(a.status === 200);
  }),
  page("/admin/periods",                   [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, heading("填报期管理")), a.caller).toBe(a.status === 200);
  }),
  page("/admin/users",                     [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, facts.elsewhereEmail), a.caller).toBe(a.status === 200);
  }),
  page("/admin/security",                  [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, heading("安全设置")), a.caller).toBe(a.status === 200);
  }),
  page("/admin/outbox",                    [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, heading("发件箱")), a.caller).toBe(a.status === 200);
  }),
  page("/admin/delivery",                  [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, heading("外部收件域名")), a.caller).toBe(a.status === 200);
  }),
  page("/admin/targets",                   [307, 307,   404,   404,   404,   404,   200], (a) => {
    expect.soft(has(a, heading("规划目标")), a.caller).toBe(a.status === 200);
  }),
  page("/account/password",                [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("修改密码")), a.caller).toBe(a.status === 200);
  }),
  page("/account/two-factor",              [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("两步验证")), a.caller).toBe(a.status === 200);
  }),
  page("/notifications",                   [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("通知")), a.caller).toBe(a.status === 200);
  }),
  page("/account/notifications",           [307, 307,   200,   200,   200,   200,   200], (a) => {
    expect.soft(has(a, heading("通知设置")), a.caller).toBe(a.status === 200);
  }),
  page("/login",                           [200, 200,   307,   307,   307,   307,   307], (a) => {
    if (a.status === 200) expect.soft(has(a, 'type="password"'), a.caller).toBe(true);
    // A signed-in user is sent on to the start page.
    else expect.soft(a.location, a.caller).toBe("/");
  }),

  // Route handlers.                       anon  forged viewer HB-HS  SD-ZB  review admin
  api(`/api/templates?zones=HB-HS&from=${OPEN}&to=${OPEN}&format=csv&lang=en`,
                                           [401, 401,   403,   200,   403,   403,   200], (a) => {
    // The template is pre-filled with the draft: only for those who may enter HB-HS's data.
    expect.soft(has(a, figure(facts.gdp["HB-HS"])), a.caller).toBe(a.status === 200);
    if (a.status === 403) expect.soft(a.body, a.caller).toContain("HB-HS");
  }),
  api(`/api/templates?zones=SD-ZB&from=${OPEN}&to=${OPEN}&format=csv&lang=en`,
                                           [401, 401,   403,   403,   200,   403,   200], (a) => {
    expect.soft(has(a, figure(facts.gdp["SD-ZB"])), a.caller).toBe(a.status === 200);
  }),
  api(`/api/exports?zones=HB-HS,HN-C,SD-ZB&indicators=gdp&from=2026Q1&to=${OPEN}&lang=en`,
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status !== 200) return;
    // Approved data only (the default): of the open quarter, SD-ZB alone.
    expect.soft(openQuarterRows(a.body).map((line) => line.split(",")[0]), a.caller).toEqual(["SD-ZB"]);
    expect.soft(has(a, ",2026Q2,"), a.caller).toBe(true);
  }),
  api(`/api/exports?zones=HB-HS&indicators=gdp&from=2026Q1&to=${OPEN}&lang=en&statuses=approved,submitted`,
                                           [401, 401,   403,   200,   403,   200,   200], (a) => {
    // HB-HS's open quarter is a draft: never exported, not even to its own official.
    if (a.status === 200) expect.soft(openQuarterRows(a.body), a.caller).toEqual([]);
    if (a.status === 403) expect.soft(a.body, a.caller).toMatch(/^statuses: /);
  }),
  api(`/api/exports?zones=HN-C&indicators=gdp&from=2026Q1&to=${OPEN}&lang=en&statuses=approved,submitted`,
                                           [401, 401,   403,   403,   403,   200,   200], (a) => {
    if (a.status === 200) {
      expect.soft(openQuarterRows(a.body), a.caller).toEqual([expect.stringMatching(/^HN-C,.*,Submitted,/)]);
    }
    submittedShownTo(SEES_SUBMITTED, ["HN-C"])(a);
  }),
  api(`/api/exports?zones=SD-ZB&indicators=gdp&from=2026Q1&to=${OPEN}&lang=en&statuses=approved,submitted`,
                                           [401, 401,   403,   403,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(openQuarterRows(a.body), a.caller).toEqual([expect.stringMatching(/^SD-ZB,.*,Approved,/)]);
  }),
  api("/api/targets/template",            [401, 401,   403,   403,   403,   403,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, /^\uFEFF示范区代码（zone_code）,/), a.caller).toBe(true);
  }),
  api("/api/evaluation/2025/city-template",
                                           [401, 401,   403,   403,   403,   200,   200], (a) => {
    // The member cities of zones of several cities, values blank; never a single-city zone's city.
    if (a.status === 200) expect.soft(has(a, /^\uFEFF年份（year）,/), a.caller).toBe(true);
    if (a.status === 200) expect.soft(has(a, ",HN-C-ZZ,"), a.caller).toBe(true);
    if (a.status === 200) expect.soft(has(a, "HB-HS-HS"), a.caller).toBe(false);
  }),
  api("/api/evaluation/2019/city-template",
                                           [401, 401,   403,   403,   403,   400,   400]),
  api("/api/targets/progress?quarter=2026Q2&lang=en",
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    // Approved data only, for everyone who reads the dashboards.
    if (a.status === 200) expect.soft(has(a, /^\uFEFFzone_code,zone,indicator_code,/), a.caller).toBe(true);
  }),
  api("/api/exports/runs/{officialRun}",   [401, 401,   404,   200,   404,   404,   200], (a) => {
    // The requester's file, and an admin's; to anyone else the run does not exist.
    if (a.status === 200) expect.soft(has(a, /^\uFEFF?示范区代码,/), a.caller).toBe(true);
    if (a.status === 404) expect.soft(a.body, a.caller).toBe("No such export.");
  }),
  api("/api/exports/runs/00000000-0000-4000-8000-000000000000",
                                           [401, 401,   404,   404,   404,   404,   404]),
  api("/api/bulletins/2026Q2.pdf?lang=zh-CN",
                                           [401, 401,   403,   403,   403,   200,   200], (a) => {
    // Reviewer and admin ask at once: one print, the other waits for it.
    if (a.status === 200) expect.soft(a.body.startsWith("%PDF-"), a.caller).toBe(true);
  }),
  api("/api/health",                       [200, 200,   200,   200,   200,   200,   200], (a) => {
    expect.soft(JSON.parse(a.body), a.caller).toEqual({ status: "ok", database: "up", engine: "pglite" });
  }),
  api("/api/trpc/session.me",              [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(JSON.parse(a.body).result.data.json.name, a.caller).toBe(names[a.caller]);
  }),

  // Procedures through the tRPC handler: what each caller is handed.
  proc("dashboard.zone", { zoneCode: "HN-C", includeSubmitted: true },
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, '"includesSubmitted":true'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C"])(a);
  }),
  proc("dashboard.compare", { zoneCodes: ["HN-C", "CQ-M", "SD-ZB"], indicatorCodes: ["gdp"], includeSubmitted: true },
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, '"includesSubmitted":true'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C", "CQ-M"])(a);
  }),
  proc("dashboard.indicator", { indicatorCode: "gdp", includeSubmitted: true },
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, '"includesSubmitted":true'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C", "CQ-M"])(a);
  }),
  proc("dashboard.overviewExtras", { quarter: OPEN, includeSubmitted: true },
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    if (a.status === 200) expect.soft(has(a, '"includesSubmitted":true'), a.caller).toBe(sees(SEES_SUBMITTED, a));
    submittedShownTo(SEES_SUBMITTED, ["HN-C", "CQ-M"])(a);
  }),
  proc("overview.get", { quarter: OPEN, indicatorCode: "gdp" },
                                           [401, 401,   200,   200,   200,   200,   200], (a) => {
    // The overview is approved data for everyone, reviewers included.
    submittedShownTo([], ["HN-C", "CQ-M"])(a);
    if (a.status === 200) expect.soft(has(a, figure(facts.gdp["SD-ZB"])), a.caller).toBe(true);
  }),
  proc("submission.form", { zoneCode: "HB-HS", quarter: OPEN },
                                           [401, 401,   403,   200,   403,   200,   200], (a) => {
    expect.soft(has(a, figure(facts.gdp["HB-HS"])), a.caller).toBe(a.status === 200);
  }),
  proc("submission.queue", {},                 [401, 401,   403,   403,   403,   200,   200]),
  proc("user.list", { page: 1 },               [401, 401,   403,   403,   403,   403,   200], (a) => {
    expect.soft(has(a, "huangshi@demo.local"), a.caller).toBe(a.status === 200);
  }),
];

const contexts = {} as Record<Caller, APIRequestContext>;

async function trpcData(context: APIRequestContext, path: string, input: unknown) {
  const response = await context.get(trpc(path, input));
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()).result.data.json;
}

test.beforeAll(async ({ baseURL }) => {
  const origin = ownOrigin(baseURL);
  contexts.anonymous = await playwrightRequest.newContext({ baseURL });
  contexts.forged = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "zones.session_token=forged.c2lnbmF0dXJl" },
  });
  const demo: [Caller, DemoRole][] = [
    ["viewer", "viewer"],
    ["officialHere", "official"],
    ["reviewer", "reviewer"],
    ["admin", "admin"],
  ];
  for (const [caller, role] of demo) {
    contexts[caller] = await apiSignIn(baseURL, demoAccount(role).email, DEMO_PASSWORD);
  }
  // An official of another zone, created by the admin.
  facts.elsewhereEmail = `zibo-${Date.now()}@demo.local`;
  const password = "zibo-official-2026";
  const created = await contexts.admin.post("/api/trpc/user.create", {
    headers: { origin, "content-type": "application/json" },
    data: {
      json: {
        email: facts.elsewhereEmail,
        name: names.officialElsewhere,
        role: "official",
        zoneCodes: ["SD-ZB"],
        password,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  contexts.officialElsewhere = await apiSignIn(baseURL, facts.elsewhereEmail, password);
  // A new account sets its own password first (until then it may do nothing else).
  const changed = await contexts.officialElsewhere.post("/api/auth/change-password", {
    headers: { origin },
    data: { currentPassword: password, newPassword: `${password}-own` },
  });
  expect(changed.status(), await changed.text()).toBe(200);

  // The figures the checks look for, as the admin reads them.
  for (const zone of ["HN-C", "CQ-M", "HB-HS", "SD-ZB"] as const) {
    const form = await trpcData(contexts.admin, "submission.form", { zoneCode: zone, quarter: OPEN });
    expect(form.submission.status).toBe(
      { "HN-C": "submitted", "CQ-M": "submitted", "HB-HS": "draft", "SD-ZB": "approved" }[zone],
    );
    const gdp = form.indicators.find((row: { indicatorCode: string }) => row.indicatorCode === "gdp");
    expect(gdp?.value, `${zone} gdp`).toMatch(/^\d+\.\d+$/);
    facts.gdp[zone] = gdp.value;
  }

  // A background export of the HB-HS official's, finished.
  const started = await contexts.officialHere.post("/api/trpc/exports.runs.start", {
    headers: { origin, "content-type": "application/json" },
    data: {
      json: {
        filters: {
          zoneCodes: ["HB-HS"],
          indicatorCodes: ["gdp"],
          from: "2026Q1",
          to: OPEN,
          statuses: ["approved", "submitted"],
        },
        format: "csv",
      },
    },
  });
  expect(started.status(), await started.text()).toBe(200);
  facts.officialRun = (await started.json()).result.data.json.id;
  await expect
    .poll(
      async () =>
        (await trpcData(contexts.officialHere, "exports.runs.get", { id: facts.officialRun })).status,
      {
        timeout: 20_000,
      },
    )
    .toBe("succeeded");
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
});

async function ask(caller: Caller, path: string): Promise<Answer> {
  const response = await contexts[caller].get(path.replace("{officialRun}", facts.officialRun), {
    maxRedirects: 0,
  });
  return {
    caller,
    status: response.status(),
    location: response.headers().location ?? null,
    body: await response.text(),
  };
}

const pathOf = (path: string) => new URL(path, "http://x").pathname;

for (const row of MATRIX) {
  test(row.name ?? `GET ${row.path}`, async () => {
    const answers = await Promise.all(CALLERS.map((caller) => ask(caller, row.path)));
    // The statuses as a whole first: one line shows every caller's difference from the table.
    expect
      .soft(Object.fromEntries(answers.map((answer) => [answer.caller, answer.status])))
      .toEqual(Object.fromEntries(CALLERS.map((caller, i) => [caller, row.statuses[i]])));
    for (const answer of answers) {
      const isPage = !row.path.startsWith("/api/");
      // Pages send whoever is not signed in to the login page, which brings them back here.
      if (isPage && !SIGNED_IN.includes(answer.caller) && answer.status === 307) {
        const target = new URL(answer.location ?? "", "http://x");
        expect.soft(target.pathname, `${answer.caller} → ${answer.location}`).toBe("/login");
        expect.soft(pathOf(target.searchParams.get("next") ?? ""), answer.caller).toBe(pathOf(row.path));
      }
      // A page rendered for a signed-in caller is rendered for that caller.
      const name = names[answer.caller];
      if (isPage && answer.status === 200 && name) {
        expect
          .soft(answer.body, `${answer.caller}: user box`)
          .toContain(`<span class="user-name">${name}</span>`);
      }
      // Nothing anyone may not see, whatever the route: submitted figures, or another zone's draft.
      if (!SEES_SUBMITTED.includes(answer.caller) && row.path !== "/api/health") {
        for (const zone of ["HN-C", "CQ-M"] as const) {
          expect
            .soft(has(answer, figure(facts.gdp[zone])), `${answer.caller}: ${zone} submitted gdp`)
            .toBe(false);
        }
      }
      if (!READS_HB_HS_DRAFTS.includes(answer.caller)) {
        expect.soft(has(answer, figure(facts.gdp["HB-HS"])), `${answer.caller}: HB-HS draft gdp`).toBe(false);
      }
      row.check?.(answer);
    }
  });
}
