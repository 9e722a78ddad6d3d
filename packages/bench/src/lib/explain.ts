import { observationRowsQuery } from "@zones/db/exports";

import { everythingScope } from "./export-scope";
import { connect } from "./pg";
import type { Statement } from "./record";
import { queryText } from "./sql-text";

export interface Plan {
  title: string;
  text: string;
  params: unknown[];
  plan: string;
}

function shown(params: readonly unknown[]): string {
  const head = params.slice(0, 16).map((param) => JSON.stringify(param));
  return `[${head.join(", ")}${params.length > 16 ? `, … ${params.length - 16} more` : ""}]`;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of every statement a procedure sent, and of the export's cursor query. */
export async function explainAll(
  url: string,
  procedures: { procedure: string; statements: readonly Statement[] }[],
  exportRange: { from: string; to: string } | null,
): Promise<Plan[]> {
  const sql = connect(url, { max: 1 });
  const plans: Plan[] = [];
  try {
    const explain = async (title: string, text: string, params: unknown[]) => {
      const rows = await sql.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
      plans.push({ title, text, params, plan: rows.map((row) => String(row["QUERY PLAN"])).join("\n") });
    };
    for (const { procedure, statements } of procedures) {
      for (const [index, statement] of statements.entries()) {
        await explain(
          `${procedure} — statement ${index + 1} of ${statements.length} (wave ${statement.wave})`,
          statement.text,
          statement.params,
        );
      }
    }
    if (exportRange) {
      const scope = await everythingScope(sql, exportRange.from, exportRange.to);
      const query = queryText(observationRowsQuery(scope));
      await explain("CSV export — the cursor's query (observationRowsQuery)", query.text, query.params);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return plans;
}

export function plansMarkdown(heading: string, plans: readonly Plan[]): string {
  const parts = [`## ${heading}\n`];
  for (const plan of plans) {
    parts.push(
      `### ${plan.title}\n\n\`\`\`sql\n${plan.text.trim()}\n\`\`\`\n\nParameters: ${shown(plan.params)}\n\n\`\`\`\n${plan.plan}\n\`\`\`\n`,
    );
  }
  return parts.join("\n");
}
