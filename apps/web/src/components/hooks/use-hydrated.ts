"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False in the server's HTML and while React hydrates, true once the page responds to input. Controls that
 * need script stay disabled until then, so an early click or keystroke is never silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
