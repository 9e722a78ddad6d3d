/**
 * `db.execute` returns an array on postgres-js and `{ rows }` on PGlite; this gives the rows either way.
 * Prefer the query builder; raw SQL is for what it cannot say (window functions over CTEs, COPY).
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new TypeError("unexpected result shape from db.execute");
}
