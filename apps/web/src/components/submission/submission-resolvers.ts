import { zodResolver } from "@hookform/resolvers/zod";
import { type SubmissionFormOptions, type SubmissionFormOutput, submissionFormSchema } from "@zones/domain";
import type { Resolver } from "react-hook-form";

import type { EntryTexts } from "./form-model";

export type SubmissionResolver = Resolver<EntryTexts, unknown, SubmissionFormOutput>;
export type SubmissionResolverOptions = Omit<SubmissionFormOptions, "mode">;

/**
 * The entry form's checks in draft and in submit mode: the server's own schema. A module of its own, loaded
 * once the form is on screen (`use-submission-form.ts`): zod is ~37 kB gzipped that a phone would otherwise
 * download before it paints the form.
 */
export function submissionResolvers(
  options: SubmissionResolverOptions,
): Record<"draft" | "submit", SubmissionResolver> {
  return {
    draft: zodResolver(submissionFormSchema({ ...options, mode: "draft" })),
    submit: zodResolver(submissionFormSchema({ ...options, mode: "submit" })),
  };
}
