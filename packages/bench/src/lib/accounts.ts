import { connect } from "./pg";
import { ROOT, runChecked } from "./proc";

/**
 * The bench's own accounts, created through the product's CLI (`npm run user:create`, which hashes the
 * password with better-auth) in bench databases only. The password is a constant of this harness.
 */
export const BENCH_PASSWORD = "Quartz-Lantern-7319-bench";

export const BENCH_ACCOUNTS = {
  /** Reads every dashboard; reviews submissions in the generated data. */
  admin: { email: "bench-admin@bench.local", role: "admin", zones: [] as string[] },
  /** Files 湖北黄石's data: the save benchmark signs in as this official. */
  official: { email: "bench-official@bench.local", role: "official", zones: ["HB-HS"] },
} as const;

export type BenchRole = keyof typeof BENCH_ACCOUNTS;

export type BenchAccounts = Record<BenchRole, { id: string; email: string }>;

export async function createBenchAccounts(url: string): Promise<BenchAccounts> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, ZONES_NEW_PASSWORD: BENCH_PASSWORD };
  // In parallel: each is a tsx start-up and one password hash.
  await Promise.all(
    Object.values(BENCH_ACCOUNTS).map((account) =>
      runChecked(
        "npm",
        [
          "run",
          "--silent",
          "user:create",
          "-w",
          "@zones/auth",
          "--",
          "--email",
          account.email,
          "--role",
          account.role,
          "--name",
          account.email.split("@")[0] ?? account.email,
          ...account.zones.flatMap((zone) => ["--zone", zone]),
        ],
        { cwd: ROOT, env },
      ),
    ),
  );
  const sql = connect(url, { max: 1 });
  try {
    const rows = await sql<{ id: string; email: string }[]>`
      select id, email from users where email in ${sql(Object.values(BENCH_ACCOUNTS).map((a) => a.email))}`;
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    const find = (role: BenchRole) => {
      const row = byEmail.get(BENCH_ACCOUNTS[role].email);
      if (!row) throw new Error(`user:create did not create ${BENCH_ACCOUNTS[role].email}`);
      return row;
    };
    return { admin: find("admin"), official: find("official") };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
