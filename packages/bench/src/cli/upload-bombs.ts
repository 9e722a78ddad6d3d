/**
 * How long each hostile upload takes to be refused (the tests check that it is, having inflated little of it),
 * beside the baseline of an ordinary upload of the largest kind: a filled XLSX template of every zone for eight
 * quarters (160 zone × quarter pairs, the most a template holds), read and validated. Each file goes through
 * `parseUpload` as the import procedures call it (a reader worker, its limits). Prints figures; asserts nothing.
 *
 *   npm run bench:uploads               ROUNDS=20 npm run bench:uploads
 */
import { MAX_TEMPLATE_PAIRS } from "@zones/api";
import { addQuarters, BUILT_IN_ZONES, INDICATORS, type QuarterString } from "@zones/domain";
import { buildTemplateXlsx, parseUpload, templateRowsFor } from "@zones/spreadsheets";
import { UPLOAD_BOMBS } from "@zones/spreadsheets/testing/bombs";

import { latency, MB, ms } from "../lib/stats";

const ROUNDS = Number(process.env.ROUNDS ?? 10);

// No database here: the built-in catalogue stands in for the one an installation is seeded with.
const catalogue = { zones: BUILT_IN_ZONES, indicators: INDICATORS };

async function timed(name: string, bytes: Uint8Array): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await parseUpload({ name, bytes }, catalogue);
    samples.push(performance.now() - started);
  }
  return samples;
}

function line(label: string, bytes: Uint8Array, outcome: string, samples: number[]) {
  const { p50, p95 } = latency(samples);
  const size = `${(bytes.length / MB).toFixed(2)} MB`;
  return `${label.padEnd(54)} ${size.padStart(9)}  ${outcome.padEnd(18)} p50 ${ms(p50).padStart(9)}   p95 ${ms(p95).padStart(9)}`;
}

const quarters = Array.from({ length: MAX_TEMPLATE_PAIRS / BUILT_IN_ZONES.length }, (_, index) =>
  addQuarters("2025Q1", index),
) as QuarterString[];
const rows = templateRowsFor(
  catalogue,
  BUILT_IN_ZONES.map((zone) => zone.code),
  quarters,
).map((row) => ({ ...row, value: "1" }));
const ordinary = await buildTemplateXlsx({ rows, headerLanguage: "zh", catalogue });
const read = await parseUpload({ name: "template.xlsx", bytes: ordinary }, catalogue);

console.log(`Upload refusals, ${ROUNDS} rounds each (parseUpload: sniff, reader worker, validation)`);
console.log(
  line(
    `baseline: a filled template, ${rows.length} rows`,
    ordinary,
    `${read.rows.length} rows`,
    await timed("template.xlsx", ordinary),
  ),
);
for (const bomb of Object.values(UPLOAD_BOMBS)) {
  const bytes = bomb.build();
  const parsed = await parseUpload({ name: "upload", bytes }, catalogue);
  const outcome = parsed.errors.map((error) => error.code).join(",") || "accepted";
  console.log(
    line(
      bomb.name,
      bytes,
      outcome === bomb.refusal ? outcome : `${outcome} (!)`,
      await timed("upload", bytes),
    ),
  );
}
