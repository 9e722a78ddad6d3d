import { type inferParserType, type Options, type ParserMap, useQueryStates } from "nuqs";
import { useOptimistic, useTransition } from "react";

type Nullable<T> = { [K in keyof T]?: T[K] | null | undefined };

/**
 * A view that lives in the URL and that the server renders (a dashboard, the comparison). `view` is what
 * the controls show: the view the server resolved (defaults and corrections included), with a change
 * shown at once, optimistically, until the new page arrives, so that a radio or select never snaps back
 * while the data loads; `pending` is true meanwhile. `select` writes the whole view with the change into
 * the URL (a new history entry), so that a copied link reopens exactly what is shown. `url` is the URL's
 * own values, for what the client alone reads.
 */
export function useUrlView<Parsers extends ParserMap, View extends Nullable<inferParserType<Parsers>>>(
  parsers: Parsers,
  current: View,
) {
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(parsers, {
    history: "push",
    shallow: false,
    scroll: false,
    startTransition,
  });
  const [view, showChanges] = useOptimistic(current, (state: View, changes: Partial<View>) => ({
    ...state,
    ...changes,
  }));

  /** `also`: parts of the URL the server does not render (the indicator page's zones). */
  function select(changes: Partial<View>, also: Nullable<inferParserType<Parsers>> = {}) {
    startTransition(async () => {
      showChanges(changes);
      await setUrl({ ...view, ...changes, ...also } as Parameters<typeof setUrl>[0]);
    });
  }

  /** Writes into the URL without a server render (for what the client alone reads). */
  function write(changes: Nullable<inferParserType<Parsers>>, options: Options = {}) {
    return setUrl({ ...view, ...changes } as Parameters<typeof setUrl>[0], { ...options, shallow: true });
  }

  return { view, url, select, write, pending };
}
