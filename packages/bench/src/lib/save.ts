import { type Indicator, indicatorInForce, type QuarterString } from "@zones/domain";

import { SAVE_ZONE } from "./generate";
import { connect } from "./pg";
import { type Latency, latency } from "./stats";

export interface SaveMeasure {
  indicators: number;
  rounds: number;
  http: Latency;
  bare: Latency;
}

interface SaveAnswer {
  result?: { data?: { json?: { version: number; changed: number } } };
  error?: { json?: { message?: string } };
}

/**
 * Saving the full quarterly form of 湖北黄石 (HB-HS, a draft in the open quarter) as the signed-in official:
 * `POST /api/trpc/submission.save` with every indicator of the form, each value changed by one unit of its
 * last decimal from the previous save (so every save upserts and audits every value), the version chained
 * save to save. Baseline: a bare multi-row INSERT of the same values into a scratch table through
 * postgres-js (as `src/cli/save-form.ts`, `npm run bench:save`).
 */
export async function benchSave(options: {
  baseUrl: string;
  cookie: string;
  databaseUrl: string;
  quarter: QuarterString;
  rounds: number;
  warmRounds: number;
}): Promise<SaveMeasure> {
  const { quarter } = options;
  const sql = connect(options.databaseUrl, { max: 1 });
  try {
    // The form the server asks: the database's catalogue in force that quarter, not the built-in list.
    const form = (
      await sql<
        (Pick<Indicator, "code" | "decimals" | "frequency" | "inForceFrom" | "retiredAfter"> & {
          min: string;
          max: string;
        })[]
      >`
        select code, decimals, frequency, in_force_from as "inForceFrom", retired_after as "retiredAfter",
          valid_min::text as min, valid_max::text as max
        from indicators order by sort_order, code`
    )
      .filter((indicator) => indicatorInForce(indicator, quarter))
      .map((indicator) => ({
        ...indicator,
        validRange: { min: Number(indicator.min), max: Number(indicator.max) },
      }));
    const [submission] = await sql<{ version: number; status: string }[]>`
      select version, status from submissions where zone_code = ${SAVE_ZONE} and quarter = ${quarter}`;
    if (submission && submission.status !== "draft" && submission.status !== "returned") {
      throw new Error(`${SAVE_ZONE} ${quarter} is ${submission.status}: the save benchmark needs a draft`);
    }
    const stored = new Map(
      (
        await sql<{ code: string; value: string }[]>`
          select indicator_code as code, value::text as value from observations
          where zone_code = ${SAVE_ZONE} and quarter = ${quarter}`
      ).map((row) => [row.code, Number(row.value)]),
    );
    // Round r: stored value + (1 or 2) units of the last decimal, alternating, inside the valid range.
    const valuesFor = (round: number) =>
      Object.fromEntries(
        form.map((indicator) => {
          const unit = 10 ** -indicator.decimals;
          const { min, max } = indicator.validRange;
          const base = stored.get(indicator.code) ?? Math.min(max, Math.max(min, 50));
          const step = (1 + (round % 2)) * unit;
          const value = base + step <= max ? base + step : base - step;
          return [indicator.code, value.toFixed(indicator.decimals)];
        }),
      );

    let version = submission?.version ?? 0;
    const save = async (round: number) => {
      const response = await fetch(`${options.baseUrl}/api/trpc/submission.save`, {
        method: "POST",
        headers: { cookie: options.cookie, "content-type": "application/json", origin: options.baseUrl },
        body: JSON.stringify({
          json: { zoneCode: SAVE_ZONE, quarter, baseVersion: version, values: valuesFor(round), notes: {} },
        }),
      });
      const answer = (await response.json()) as SaveAnswer;
      const saved = answer.result?.data?.json;
      if (!response.ok || !saved) {
        throw new Error(`submission.save answered ${response.status}: ${answer.error?.json?.message ?? "?"}`);
      }
      if (saved.changed !== form.length) {
        throw new Error(`submission.save changed ${saved.changed} values, expected ${form.length}`);
      }
      version = saved.version;
    };

    for (let round = 0; round < options.warmRounds; round++) await save(round);
    const http: number[] = [];
    for (let round = options.warmRounds; round < options.warmRounds + options.rounds; round++) {
      const started = performance.now();
      await save(round);
      http.push(performance.now() - started);
    }

    await sql`drop table if exists bench_bare_values`;
    await sql`create table bench_bare_values (zone_code text, indicator_code text, quarter text, value numeric)`;
    const bare: number[] = [];
    try {
      for (let round = 0; round < options.warmRounds + options.rounds; round++) {
        const entries = Object.entries(valuesFor(round));
        const params = entries.flatMap(([code, value]) => [SAVE_ZONE, code, quarter, value]);
        const rows = entries.map(
          (_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4}::numeric)`,
        );
        const started = performance.now();
        await sql.unsafe(`insert into bench_bare_values values ${rows.join(", ")}`, params);
        if (round >= options.warmRounds) bare.push(performance.now() - started);
      }
    } finally {
      await sql`drop table if exists bench_bare_values`;
    }
    return { indicators: form.length, rounds: options.rounds, http: latency(http), bare: latency(bare) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
