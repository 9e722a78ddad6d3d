"use client";

import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";

import { type ViewQuery, viewQueryString } from "./selection";

/**
 * A dashboard's URL-held selection: `view` is what the controls show, `select` navigates to a changed
 * view. The server renders the new view; until it arrives the controls already show the choice
 * (optimistically), so a radio or select never snaps back while the data loads, and `pending` dims the charts.
 */
export function useViewNavigation(current: ViewQuery) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [view, showChanges] = useOptimistic(current, (state: ViewQuery, changes: ViewQuery) => ({
    ...state,
    ...changes,
  }));

  /** `also`: parts of the URL the server does not render (the indicator page's zones). */
  function select(changes: ViewQuery, also: ViewQuery = {}) {
    const next = viewQueryString({ ...view, ...changes, ...also });
    startTransition(() => {
      showChanges(changes);
      router.push(`${pathname}${next}`, { scroll: false });
    });
  }

  /** The address of the current view with some changes, without navigating. */
  function href(changes: ViewQuery): string {
    return `${pathname}${viewQueryString({ ...view, ...changes })}`;
  }

  return { view, select, href, pending };
}
