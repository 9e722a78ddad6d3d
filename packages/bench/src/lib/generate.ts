import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openPostgres } from "@zones/db/client";
import { refreshPeerStatistics } from "@zones/db/dashboard";
import { migrateDatabase } from "@zones/db/migrate";
import { OPEN_QUARTER_STATUS, seedCatalogue, syntheticNumeric } from "@zones/db/seed";
import {
  addQuarters,
  BUILT_IN_ZONES,
  defaultDeadline,
  INDICATORS,
  type Indicator,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterEnd,
  quarterRange,
  THEME_CODES,
  toQuarter,
} from "@zones/domain";
import type { Sql } from "postgres";

import { type BenchAccounts, createBenchAccounts } from "./accounts";
import { assertBenchDatabase, connect, ensureDatabase } from "./pg";

/**
 * The data generator behind `npm run bench:seed`: a PostgreSQL database at a chosen scale, loaded with COPY.
 *
 * - Units: the 20 catalogue zones (both batches) first (their values exactly those of the demo seed), then
 *   synthetic units (`SU-0021`…) as real, active rows of `zones`: peer statistics, rankings and exports read them like any
 *   zone. The procedures' input schemas accept catalogue codes only, so the benchmarks ask for catalogue
 *   zones while every query reads all units.
 * - Indicators: the catalogue's quarterly indicators first, then synthetic quarterly ones (`syn-18`…) as real
 *   rows of `indicators`. The catalogue's annual indicators stay in the catalogue without values, so that a
 *   unit reports exactly `indicators` values every quarter: units × indicators × quarters observations.
 * - Values: catalogue zones as the demo; a synthetic unit takes the figures of a catalogue "twin" zone,
 *   amounts and counts scaled by the unit's size, other measures jittered; year-to-date amounts still grow
 *   within a year. Synthetic indicators follow simple trends per kind (amount, growth rate, share, count, a
 *   lower-is-better rate).
 * - Workflow: every quarter approved but the last finished one (open for entry), where units are at every
 *   step (catalogue zones as in the demo; 湖北黄石 HB-HS is a draft, which the save benchmark writes to); a few
 *   submissions revised once, a few late. Audit rows as the product writes them: create, one
 *   `observation.update` per value, submit, approve (or return), and revise/submit/approve for revisions.
 */

export interface Scale {
  units: number;
  indicators: number;
  quarters: number;
}

export function observationCount(scale: Scale): number {
  return scale.units * scale.indicators * scale.quarters;
}

export function describeScale(scale: Scale): string {
  return `${scale.units} units × ${scale.indicators} indicators × ${scale.quarters} quarters = ${observationCount(scale).toLocaleString("en")} observations`;
}

/** Written to `settings.bench` by the generator; a later run reuses a database whose marker matches. */
export interface SeedMarker {
  generator: number;
  units: number;
  indicators: number;
  quarters: number;
  audit: AuditMode;
  observations: number;
  from: string;
  to: string;
  accounts: boolean;
  seededAt: string;
  seconds: number;
}

/** Bumped whenever the generated data changes shape, so old bench databases are regenerated. */
const GENERATOR_VERSION = 5;

/** `values`: one audit row per value, as the product writes; `status`: status changes only (smaller). */
export type AuditMode = "values" | "status";

export interface SeedOptions {
  scale: Scale;
  /** The last finished quarter (open for entry); default: the last finished quarter today (Asia/Shanghai). */
  to?: QuarterString;
  /** Create the bench accounts (needed to serve the database); default true. */
  accounts?: boolean;
  audit?: AuditMode;
  /** Reset a database that holds data the generator did not write. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface SeedReport {
  marker: SeedMarker;
  phases: { name: string; seconds: number; rows?: number }[];
  tableSizes: Record<string, string>;
}

const QUARTERLY = INDICATORS.filter((indicator) => indicator.frequency === "quarterly");
/**
 * Where each catalogue zone stands in the open quarter: the demo seed's states, except that a zone with nothing
 * there (NX-NE, GZ-LPS) has its submission returned here, so that every workflow state is present at scale.
 */
const OPEN_STATUS: Record<string, Status> = Object.fromEntries(
  Object.entries(OPEN_QUARTER_STATUS).map(([zone, status]) => [
    zone,
    status === "none" ? "returned" : status,
  ]),
);
type Status = "draft" | "submitted" | "returned" | "approved";

/** The zone the save benchmark writes to (a draft in the open quarter). */
export const SAVE_ZONE = "HB-HS";

export function checkScale(scale: Scale): void {
  for (const [name, value] of Object.entries(scale)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  }
  if (scale.units < BUILT_IN_ZONES.length) {
    throw new RangeError(
      `--units must be at least ${BUILT_IN_ZONES.length} (the catalogue zones come first)`,
    );
  }
  if (scale.units > 9999) throw new RangeError("--units: at most 9999");
  if (scale.quarters > 200) throw new RangeError("--quarters: at most 200");
}

// ─── deterministic noise ────────────────────────────────────────────────────────────────────────────────

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f), 0x2c1b3c6d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 12;
  return h >>> 0;
}

/** [-1, 1), the same on every machine. */
function noise(a: number, b: number, c: number): number {
  return hash3(a, b, c) / 2147483648 - 1;
}

// ─── units and indicators ───────────────────────────────────────────────────────────────────────────────

interface Unit {
  code: string;
  index: number;
  /** The catalogue zone whose figures a synthetic unit follows (itself for a catalogue zone). */
  twin: number;
  real: boolean;
  /** Size relative to the twin (amounts, counts). */
  size: number;
  /** 0..1: how far along the transformation (shares). */
  advancement: number;
}

interface BenchIndicator {
  code: string;
  /** Position among the catalogue's quarterly indicators, or -1 for a synthetic one. */
  catalogue: number;
  indicator?: Indicator;
  kind: number;
  decimals: number;
  min: number;
  max: number;
}

const SYNTHETIC_KINDS = [
  {
    theme: "growth",
    zh: "亿元",
    en: "100 million yuan",
    direction: "higher",
    cumulative: true,
    measure: "amount",
    min: 0,
    max: 200_000,
    decimals: 2,
  },
  {
    theme: "growth",
    zh: "%",
    en: "%",
    direction: "higher",
    cumulative: true,
    measure: "rate",
    min: -100,
    max: 1000,
    decimals: 1,
  },
  {
    theme: "structure",
    zh: "%",
    en: "%",
    direction: "higher",
    cumulative: false,
    measure: "share",
    min: 0,
    max: 100,
    decimals: 1,
  },
  {
    theme: "innovation",
    zh: "家",
    en: "firms",
    direction: "higher",
    cumulative: true,
    measure: "count",
    min: 0,
    max: 1_000_000,
    decimals: 0,
  },
  {
    theme: "green",
    zh: "%",
    en: "%",
    direction: "lower",
    cumulative: true,
    measure: "rate",
    min: -100,
    max: 100,
    decimals: 2,
  },
] as const;

const UNIT_KINDS = [
  { upTo: 132, zh: "合成老工业城市", en: "Synthetic old-industrial city", batch: 1 },
  { upTo: 258, zh: "合成资源型城市", en: "Synthetic resource-based city", batch: 2 },
  { upTo: Number.POSITIVE_INFINITY, zh: "合成县", en: "Synthetic county", batch: 3 },
] as const;

function unitCode(index: number): string {
  return `SU-${String(index + 1).padStart(4, "0")}`;
}

function buildUnits(count: number): Unit[] {
  return Array.from({ length: count }, (_, index) => {
    const real = index < BUILT_IN_ZONES.length;
    return {
      code: real ? (BUILT_IN_ZONES[index]?.code ?? "") : unitCode(index),
      index,
      twin: index % BUILT_IN_ZONES.length,
      real,
      size: real ? 1 : 0.25 + 1.5 * (0.5 + 0.5 * noise(index, 1, 1)),
      advancement: 0.5 + 0.5 * noise(index, 2, 2),
    };
  });
}

function buildIndicators(count: number): BenchIndicator[] {
  return Array.from({ length: count }, (_, index) => {
    const indicator = QUARTERLY[index];
    if (indicator) {
      return {
        code: indicator.code,
        catalogue: index,
        indicator,
        kind: -1,
        decimals: indicator.decimals,
        min: indicator.validRange.min,
        max: indicator.validRange.max,
      };
    }
    const kind = index % SYNTHETIC_KINDS.length;
    const spec = SYNTHETIC_KINDS[kind] ?? SYNTHETIC_KINDS[0];
    return {
      code: `syn-${String(index + 1).padStart(2, "0")}`,
      catalogue: -1,
      kind,
      decimals: spec.decimals,
      min: spec.min,
      max: spec.max,
    };
  });
}

const YTD_SHARE = [0.24, 0.5, 0.75, 1] as const;

/** Values as exact text, quarter-major then unit then indicator (the order submissions arrive in). */
class ValueSource {
  readonly #twins: number[][][];
  readonly #parts: { year: number; q: number }[];

  constructor(
    readonly units: Unit[],
    readonly indicators: BenchIndicator[],
    readonly quarters: QuarterString[],
  ) {
    this.#parts = quarters.map((quarter) => toQuarter(quarter));
    // Catalogue figures of the 20 zones, computed once: synthetic units derive theirs from these.
    this.#twins = BUILT_IN_ZONES.map((zone) =>
      indicators.map((bench) =>
        bench.indicator
          ? quarters.map((quarter) =>
              Number(syntheticNumeric(zone.code, bench.indicator as Indicator, toQuarter(quarter))),
            )
          : [],
      ),
    );
  }

  value(unit: Unit, bi: number, qi: number): string {
    const bench = this.indicators[bi] as BenchIndicator;
    const quarter = this.#parts[qi] as { year: number; q: number };
    let raw: number;
    if (bench.indicator) {
      const base = this.#twins[unit.twin]?.[bi]?.[qi] ?? 0;
      if (unit.real) return base.toFixed(bench.decimals);
      const measure = bench.indicator.measure;
      raw =
        measure === "amount" || measure === "count"
          ? base * unit.size * (1 + 0.02 * noise(unit.index, bi, quarter.year))
          : base + Math.max(0.05 * Math.abs(base), 0.3) * noise(unit.index, bi, qi);
    } else {
      const years = quarter.year - 2017;
      const share = YTD_SHARE[quarter.q - 1] ?? 1;
      const n = noise(unit.index, bi, qi);
      const yearly = noise(unit.index, bi, quarter.year);
      switch (bench.kind) {
        case 0:
          raw = 400 * unit.size * (1 + 0.03 * bi) * 1.06 ** years * (1 + 0.05 * yearly) * share;
          break;
        case 1:
          raw = 5 + 3 * yearly + 1.5 * n;
          break;
        case 2:
          raw = 25 + 30 * unit.advancement + 0.6 * years + 2 * n;
          break;
        case 3:
          raw = Math.round(900 * unit.size * 1.05 ** years * (1 + 0.05 * yearly) * share);
          break;
        default:
          raw = 3 + 1.2 * yearly + 0.4 * n;
      }
    }
    return Math.min(bench.max, Math.max(bench.min, raw)).toFixed(bench.decimals);
  }
}

// ─── COPY ───────────────────────────────────────────────────────────────────────────────────────────────

/** COPY text format: backslash, tab and line breaks escaped; `\N` is null. */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  return /[\\\t\n\r]/.test(value)
    ? value.replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n").replaceAll("\r", "\\r")
    : value;
}

/** Lines batched into ~256 kB strings, so the stream carries few large chunks. */
function* batched(lines: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 256 * 1024) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

async function copyInto(sql: Sql, table: string, columns: readonly string[], lines: Iterable<string>) {
  const sink = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(Readable.from(batched(lines)), sink);
}

/**
 * Drops a table's indexes and constraints (and other tables' foreign keys to it), runs `load`, and recreates
 * them from their own definitions (`pg_get_indexdef`, `pg_get_constraintdef`): a bulk load then builds each
 * index once and checks each foreign key with one join, instead of row by row.
 */
async function withoutIndexes(
  sql: Sql,
  table: string,
  load: () => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const constraints = await sql<{ table: string; name: string; type: string; def: string }[]>`
    select conrelid::regclass::text as table, conname as name, contype as type, pg_get_constraintdef(oid) as def
    from pg_constraint
    where (conrelid = ${table}::regclass and contype in ('p', 'u', 'f', 'c'))
       or (confrelid = ${table}::regclass and conrelid <> ${table}::regclass)`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)`;
  // Foreign keys first (other tables' ones depend on this table's key), then the rest.
  const dropOrder = ["f", "c", "u", "p"];
  for (const constraint of [...constraints].sort(
    (a, b) => dropOrder.indexOf(a.type) - dropOrder.indexOf(b.type),
  )) {
    await sql.unsafe(`alter table ${constraint.table} drop constraint "${constraint.name}"`);
  }
  for (const index of indexes) await sql.unsafe(`drop index "${index.name}"`);
  const started = performance.now();
  await load();
  const loaded = performance.now();
  const addOrder = ["p", "u", "c", "f"];
  for (const constraint of [...constraints].sort(
    (a, b) => addOrder.indexOf(a.type) - addOrder.indexOf(b.type),
  )) {
    await sql.unsafe(`alter table ${constraint.table} add constraint "${constraint.name}" ${constraint.def}`);
  }
  for (const index of indexes) await sql.unsafe(index.def);
  log(
    `    ${table}: COPY ${((loaded - started) / 1000).toFixed(1)} s, then keys, checks and indexes ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
  );
}

// ─── the generator ──────────────────────────────────────────────────────────────────────────────────────

interface SubmissionPlan {
  status: Status;
  revision: number;
  late: boolean;
  version: number;
  created: string;
  submitted: string | null;
  reviewed: string | null;
}

function plan(unit: Unit, quarter: QuarterString, qi: number, open: boolean): SubmissionPlan {
  let status: Status = "approved";
  if (open) {
    if (unit.real) status = OPEN_STATUS[unit.code] ?? "draft";
    else {
      const roll = hash3(unit.index, 7, qi) % 100;
      status = roll < 60 ? "approved" : roll < 80 ? "submitted" : roll < 95 ? "draft" : "returned";
    }
  }
  const revision = status === "approved" && !open && hash3(unit.index, 11, qi) % 100 < 3 ? 1 : 0;
  const deadline = Date.parse(`${defaultDeadline(quarter)}T16:00:00Z`);
  const late = status !== "draft" && hash3(unit.index, 13, qi) % 100 < 6;
  const submittedAt = deadline + (late ? 2 : -1 - (hash3(unit.index, 17, qi) % 10)) * 86_400_000;
  const created = new Date(
    Date.parse(`${quarterEnd(quarter)}T16:00:00Z`) + 3_600_000 * (1 + (unit.index % 240)),
  ).toISOString();
  const submitted = status === "draft" ? null : new Date(submittedAt).toISOString();
  const reviewed =
    status === "approved" || status === "returned"
      ? new Date(submittedAt + 2 * 86_400_000).toISOString()
      : null;
  const version = status === "draft" ? 2 : status === "submitted" ? 3 : 4 + (revision > 0 ? 3 : 0);
  return { status, revision, late, version, created, submitted, reviewed };
}

export async function readMarker(url: string): Promise<SeedMarker | null> {
  const sql = connect(url, { max: 1 });
  try {
    const [table] = await sql`select to_regclass('public.settings') as name`;
    if (!table?.name) return null;
    const [row] = await sql<{ value: SeedMarker }[]>`select value from settings where key = 'bench'`;
    return row?.value ?? null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function markerMatches(
  marker: SeedMarker | null,
  scale: Scale,
  audit: AuditMode,
  accounts: boolean,
): boolean {
  return (
    marker !== null &&
    marker.generator === GENERATOR_VERSION &&
    marker.units === scale.units &&
    marker.indicators === scale.indicators &&
    marker.quarters === scale.quarters &&
    marker.audit === audit &&
    (marker.accounts || !accounts)
  );
}

/** Applies new migrations, if any; true when some were applied (the generated data may no longer fit). */
export async function migrateIfNeeded(url: string): Promise<boolean> {
  const sql = connect(url, { max: 1 });
  const countMigrations = async () => {
    const [table] = await sql`select to_regclass('drizzle.__drizzle_migrations') as name`;
    if (!table?.name) return 0;
    const [row] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    return Number(row?.n ?? 0);
  };
  try {
    const before = await countMigrations();
    const handle = openPostgres(url);
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    return (await countMigrations()) !== before;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Resets the database (only one the generator filled before, unless `force`), migrates it, and loads a
 * complete data set at the scale asked for.
 */
export async function seedBench(url: string, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const scale = options.scale;
  checkScale(scale);
  assertBenchDatabase(url);
  const audit = options.audit ?? "values";
  const accountsWanted = options.accounts ?? true;
  const open = options.to ?? lastFinishedQuarter(new Date());
  const quarters = quarterRange(addQuarters(open, 1 - scale.quarters), open);
  const phases: SeedReport["phases"] = [];
  const started = performance.now();
  let phaseStart = started;
  const phase = (name: string, rows?: number) => {
    const now = performance.now();
    phases.push({ name, seconds: (now - phaseStart) / 1000, ...(rows === undefined ? {} : { rows }) });
    log(
      `  ${name}${rows === undefined ? "" : ` (${rows.toLocaleString("en")} rows)`}: ${((now - phaseStart) / 1000).toFixed(1)} s`,
    );
    phaseStart = now;
  };

  await ensureDatabase(url);
  const sql = connect(url, { max: 1 });
  try {
    // Never wipe a database the generator did not fill.
    const [tables] = await sql`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if (Number(tables?.n ?? 0) > 0 && !options.force) {
      const marker = await readMarker(url);
      if (!marker) {
        throw new Error(
          "the database holds tables the bench generator did not write; pass --force to reset it",
        );
      }
    }
    await sql.unsafe("drop schema if exists drizzle cascade");
    await sql.unsafe("drop schema if exists public cascade");
    await sql.unsafe("create schema public");
    phase("reset");

    const handle = openPostgres(url);
    try {
      await migrateDatabase(handle);
      await seedCatalogue(handle.db);
    } finally {
      await handle.close();
    }
    phase("migrate + catalogue");

    let accounts: BenchAccounts | null = null;
    if (accountsWanted) {
      accounts = await createBenchAccounts(url);
      phase("accounts (npm run user:create)");
    }

    await sql.unsafe("set synchronous_commit = off");
    await sql.unsafe("set maintenance_work_mem = '512MB'");

    const units = buildUnits(scale.units);
    const indicators = buildIndicators(scale.indicators);
    const zoneRows = units
      .filter((unit) => !unit.real)
      .map((unit) => {
        const kind = UNIT_KINDS.find((candidate) => unit.index < candidate.upTo) ?? UNIT_KINDS[2];
        const twin = BUILT_IN_ZONES[unit.twin];
        const province = twin?.province ?? { zh: "", en: "" };
        const number = String(unit.index + 1).padStart(4, "0");
        return {
          code: unit.code,
          name_zh: `${kind.zh}${number}`,
          name_en: `${kind.en} ${number}`,
          short_name_zh: `合成${number}`,
          short_name_en: `Syn ${number}`,
          province_zh: province.zh,
          province_en: province.en,
          batch: kind.batch,
          designated_year: 2017 + kind.batch,
          sort_order: unit.index,
          active: true,
          // Its twin's peer groups (city type, region), so that a group's band is computed at scale too.
          city_type: twin?.cityType ?? null,
          region: twin?.region ?? null,
          // Peers only: counted in ranks, bands and percentiles, never listed as programme zones.
          programme: false,
        };
      });
    for (let i = 0; i < zoneRows.length; i += 1000) {
      await sql`insert into zones ${sql(zoneRows.slice(i, i + 1000))}`;
    }
    const indicatorRows = indicators
      .filter((bench) => !bench.indicator)
      .map((bench, index) => {
        const spec = SYNTHETIC_KINDS[bench.kind] ?? SYNTHETIC_KINDS[0];
        return {
          code: bench.code,
          theme: THEME_CODES[index % THEME_CODES.length] ?? spec.theme,
          name_zh: `合成指标${bench.code.slice(4)}`,
          name_en: `Synthetic indicator ${bench.code.slice(4)}`,
          unit_zh: spec.zh,
          unit_en: spec.en,
          direction: spec.direction,
          frequency: "quarterly",
          cumulative: spec.cumulative,
          measure: spec.measure,
          valid_min: String(spec.min),
          valid_max: String(spec.max),
          decimals: spec.decimals,
          headline: false,
          sort_order: INDICATORS.length + index,
        };
      });
    if (indicatorRows.length > 0) await sql`insert into indicators ${sql(indicatorRows)}`;

    const current = nextQuarter(open);
    const periodRows = [...quarters, current].map((quarter) => ({
      quarter,
      status: quarter === open ? "open" : quarter === current ? "not_open" : "closed",
      deadline: defaultDeadline(quarter),
      opened_at: quarter === current ? null : new Date(`${quarterEnd(quarter)}T16:00:00Z`),
      closed_at:
        quarter === open || quarter === current ? null : new Date(`${defaultDeadline(quarter)}T16:00:00Z`),
    }));
    await sql`insert into reporting_periods ${sql(periodRows)}`;
    phase("units, indicators, periods", zoneRows.length + indicatorRows.length + periodRows.length);

    const official = accounts?.official.id ?? null;
    const reviewer = accounts?.admin.id ?? null;
    const plans = quarters.map((quarter, qi) =>
      units.map((unit) => plan(unit, quarter, qi, quarter === open)),
    );

    await withoutIndexes(
      sql,
      "submissions",
      () =>
        copyInto(
          sql,
          "submissions",
          [
            "zone_code",
            "quarter",
            "status",
            "version",
            "late",
            "submitted_at",
            "submitted_by",
            "reviewed_at",
            "reviewed_by",
            "review_comment",
            "revision",
            "created_at",
            "updated_at",
          ],
          (function* () {
            for (const [qi, quarter] of quarters.entries()) {
              for (const unit of units) {
                const p = plans[qi]?.[unit.index] as SubmissionPlan;
                const comment = p.status === "returned" ? "请核实研发投入强度的口径" : null;
                yield `${unit.code}\t${quarter}\t${p.status}\t${p.version}\t${p.late ? "t" : "f"}\t${text(p.submitted)}\t${p.submitted ? text(official) : "\\N"}\t${text(p.reviewed)}\t${p.reviewed ? text(reviewer) : "\\N"}\t${text(comment)}\t${p.revision}\t${p.created}\t${p.reviewed ?? p.submitted ?? p.created}\n`;
              }
            }
          })(),
        ),
      log,
    );
    phase("COPY submissions", units.length * quarters.length);

    const values = new ValueSource(units, indicators, quarters);
    const observations = observationCount(scale);
    await withoutIndexes(
      sql,
      "observations",
      () =>
        copyInto(
          sql,
          "observations",
          [
            "zone_code",
            "indicator_code",
            "quarter",
            "value",
            "revision_kind",
            "note",
            "updated_at",
            "updated_by",
          ],
          (function* () {
            for (const [qi, quarter] of quarters.entries()) {
              for (const unit of units) {
                const p = plans[qi]?.[unit.index] as SubmissionPlan;
                const updated = p.submitted ?? p.created;
                for (const [bi, bench] of indicators.entries()) {
                  const roll = hash3(unit.index, bi + 101, qi);
                  // About one value in 64 carries an explanation (上报说明), a few with CSV-hostile text.
                  const note =
                    roll % 64 === 0
                      ? roll % 128 === 0
                        ? '统计口径调整, 含逗号与"引号"'
                        : "同比波动较大：统计口径调整"
                      : null;
                  const kind = bench.code === "gdp" && quarter === open ? "preliminary" : "final";
                  yield `${unit.code}\t${bench.code}\t${quarter}\t${values.value(unit, bi, qi)}\t${kind}\t${text(note)}\t${updated}\t${text(official)}\n`;
                }
              }
            }
          })(),
        ),
      log,
    );
    phase("COPY observations + rebuild keys", observations);

    let auditRows = 0;
    await withoutIndexes(
      sql,
      "audit_log",
      () =>
        copyInto(
          sql,
          "audit_log",
          ["at", "actor_id", "action", "entity_type", "entity_id", "zone_code", "quarter", "details"],
          (function* () {
            const row = (
              at: string,
              actor: string | null,
              action: string,
              entity: string,
              zone: string,
              quarter: string,
              details: object,
            ) => {
              auditRows++;
              return `${at}\t${text(actor)}\t${action}\tsubmission\t${text(entity)}\t${zone}\t${quarter}\t${text(JSON.stringify(details))}\n`;
            };
            for (const [qi, quarter] of quarters.entries()) {
              for (const unit of units) {
                const p = plans[qi]?.[unit.index] as SubmissionPlan;
                const entity = `${unit.code}/${quarter}`;
                yield row(p.created, official, "submission.create", entity, unit.code, quarter, {
                  from: null,
                  to: "draft",
                  version: 1,
                });
                if (audit === "values") {
                  for (const [bi, bench] of indicators.entries()) {
                    auditRows++;
                    // Codes and numeric text need no JSON escaping.
                    yield `${p.created}\t${text(official)}\tobservation.update\tobservation\t${unit.code}/${quarter}/${bench.code}\t${unit.code}\t${quarter}\t{"indicatorCode": "${bench.code}", "old": null, "new": "${values.value(unit, bi, qi)}", "oldNote": null, "note": null, "version": 2, "source": "import"}\n`;
                  }
                }
                if (p.submitted) {
                  yield row(p.submitted, official, "submission.submit", entity, unit.code, quarter, {
                    from: "draft",
                    to: "submitted",
                    version: 3,
                  });
                }
                if (p.reviewed) {
                  const to = p.status === "returned" ? "returned" : "approved";
                  yield row(
                    p.reviewed,
                    reviewer,
                    `submission.${p.status === "returned" ? "return" : "approve"}`,
                    entity,
                    unit.code,
                    quarter,
                    { from: "submitted", to, version: 4 },
                  );
                }
                if (p.revision > 0 && p.reviewed) {
                  const later = (days: number) =>
                    new Date(Date.parse(p.reviewed as string) + days * 86_400_000).toISOString();
                  yield row(later(60), reviewer, "submission.revise", entity, unit.code, quarter, {
                    from: "approved",
                    to: "draft",
                    version: 5,
                    reason: "年报数据修订",
                    revision: 1,
                  });
                  yield row(later(61), official, "submission.submit", entity, unit.code, quarter, {
                    from: "draft",
                    to: "submitted",
                    version: 6,
                  });
                  yield row(later(63), reviewer, "submission.approve", entity, unit.code, quarter, {
                    from: "submitted",
                    to: "approved",
                    version: 7,
                  });
                }
              }
            }
          })(),
        ),
      log,
    );
    phase("COPY audit_log + rebuild indexes", auditRows);

    const marker: SeedMarker = {
      generator: GENERATOR_VERSION,
      ...scale,
      audit,
      observations,
      from: quarters[0] ?? open,
      to: open,
      accounts: accounts !== null,
      seededAt: new Date().toISOString(),
      seconds: 0,
    };
    await sql`insert into settings (key, value) values ('demo', ${sql.json({ seededThrough: open, seededAt: marker.seededAt, bench: true })})
              on conflict (key) do update set value = excluded.value`;

    await sql.unsafe("vacuum (analyze) observations");
    await sql.unsafe("vacuum (analyze) submissions");
    await sql.unsafe("analyze");
    phase("vacuum + analyze");

    // Derived data the workflow keeps current on every approval; a bulk load computes it once.
    const statistics = openPostgres(url);
    try {
      await refreshPeerStatistics(statistics.db, "all");
    } finally {
      await statistics.close();
    }
    await sql.unsafe("analyze peer_statistics");
    phase("peer statistics (refreshPeerStatistics)");

    marker.seconds = (performance.now() - started) / 1000;
    await sql`insert into settings (key, value) values ('bench', ${sql.json(marker as unknown as Parameters<typeof sql.json>[0])})
              on conflict (key) do update set value = excluded.value`;
    const sizes = await sql<{ name: string; size: string }[]>`
      select relname as name, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
      where relname in ('observations', 'submissions', 'audit_log') and relkind = 'r'`;
    return { marker, phases, tableSizes: Object.fromEntries(sizes.map((row) => [row.name, row.size])) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
