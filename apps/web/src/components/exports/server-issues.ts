import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

/** What the app's tRPC error formatter adds: the code, and `issues` naming each field at fault. */
export interface ServerError {
  message: string;
  data?: { code?: string; issues?: { path: (string | number)[]; message: string }[] | null } | null;
}

export function asServerError(error: unknown): ServerError {
  if (error && typeof error === "object" && "message" in error) return error as ServerError;
  return { message: String(error) };
}

/**
 * Puts each server issue beside its field: the longest prefix of its path that is one of the form's `fields`,
 * tried as given and under each of `prefixes` (runs.start names top-level `statuses` for `filters.statuses`),
 * after dropping `strip` (schedules.update nests the definition under `schedule`). Returns the issues that
 * name no field, for a general message.
 */
export function placeServerIssues<T extends FieldValues>(
  error: unknown,
  options: {
    fields: readonly string[];
    setError: UseFormSetError<T>;
    prefixes?: readonly string[];
    strip?: string;
  },
): { placed: number; unplaced: string[] } {
  const issues = asServerError(error).data?.issues ?? [];
  let placed = 0;
  const unplaced: string[] = [];
  for (const issue of issues) {
    let path = issue.path.map(String);
    if (options.strip && path[0] === options.strip) path = path.slice(1);
    const field = fieldOf(path, options.fields, options.prefixes ?? []);
    if (field) {
      options.setError(field as FieldPath<T>, { type: "server", message: issue.message });
      placed++;
    } else unplaced.push(issue.message);
  }
  return { placed, unplaced };
}

function fieldOf(path: string[], fields: readonly string[], prefixes: readonly string[]): string | null {
  for (const candidate of [path, ...prefixes.map((prefix) => [prefix, ...path])]) {
    for (let length = candidate.length; length > 0; length--) {
      const name = candidate.slice(0, length).join(".");
      if (fields.includes(name)) return name;
    }
  }
  return null;
}
