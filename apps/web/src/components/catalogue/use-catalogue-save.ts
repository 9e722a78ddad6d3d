"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";

import { placeServerIssues } from "~/components/exports/server-issues";
import { useTRPC } from "~/trpc/react";

/**
 * What a catalogue form does with the server's answer: each refusal beside its field (anything else above the
 * form), and on success the catalogue read again everywhere.
 */
export function useCatalogueSave<T extends FieldValues>(
  fields: readonly string[],
  setError: UseFormSetError<T>,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return {
    general,
    saved,
    reset() {
      setGeneral(null);
      setSaved(false);
    },
    async succeeded() {
      // Said once the catalogue is read again, so that what the page shows next is what was saved.
      await queryClient.invalidateQueries({ queryKey: trpc.catalogue.get.queryKey() });
      setSaved(true);
    },
    failed(error: unknown) {
      const { unplaced } = placeServerIssues(error, { fields, setError });
      const message = error instanceof Error ? error.message : String(error);
      setGeneral(unplaced.length > 0 ? `${message} ${unplaced.join("; ")}` : message);
    },
  };
}
