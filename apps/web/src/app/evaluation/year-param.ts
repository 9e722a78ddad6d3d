import { checkEvaluationYear } from "@zones/domain";
import { notFound } from "next/navigation";

/** The year of an /evaluation/<year> path: four digits within the evaluation's years, else a 404. */
export function yearOfPath(segment: string): number {
  if (!/^\d{4}$/.test(segment)) notFound();
  const check = checkEvaluationYear(Number(segment));
  if (!check.ok) notFound();
  return check.value;
}
