/** One line of the results table: a figure beside its baseline from the same run, and its target. */
export interface Row {
  item: string;
  measure: string;
  scale: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: "PASS" | "FAIL" | "info" | "skipped" | "ERROR";
}

const COLUMNS: { key: keyof Row; title: string }[] = [
  { key: "item", title: "#" },
  { key: "measure", title: "measure" },
  { key: "scale", title: "scale" },
  { key: "value", title: "product" },
  { key: "baseline", title: "baseline (same run)" },
  { key: "ratio", title: "ratio" },
  { key: "target", title: "target" },
  { key: "verdict", title: "result" },
];

/** A Markdown table padded to line up in a terminal too. */
export function renderTable(rows: readonly Row[]): string {
  const width = (text: string) =>
    [...text].reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const widths = COLUMNS.map(({ key, title }) =>
    Math.max(width(title), ...rows.map((row) => width(row[key]))),
  );
  const pad = (text: string, i: number) => text + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(text)));
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  return [
    line(COLUMNS.map((column) => column.title)),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map((row) => line(COLUMNS.map(({ key }) => row[key]))),
  ].join("\n");
}
