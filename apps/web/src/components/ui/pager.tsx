import Link from "next/link";
import { useTranslations } from "next-intl";

interface PagerBase {
  page: number;
  pages: number;
  /** Names the navigation: a page may hold several paged lists. */
  label: string;
  testId?: string;
}

/** Pages are links when the URL holds the page (they work before hydration), buttons when the list's state does. */
export type PagerProps = PagerBase &
  ({ href: (page: number) => string; onPage?: never } | { onPage: (page: number) => void; href?: never });

/** Previous · page n of m · next; nothing when everything fits on one page. */
export function Pager(props: PagerProps) {
  const t = useTranslations("pager");
  const { page, pages, label, testId } = props;
  if (pages <= 1) return null;
  // A page past the end (e.g. from an old link) steps back to the last one.
  const previous = page > 1 ? Math.min(page - 1, pages) : null;
  const next = page < pages ? page + 1 : null;
  return (
    <nav className="pager" aria-label={label} data-testid={testId}>
      <PagerStep {...props} target={previous} rel="prev" text={t("previous")} />
      <span>{t("pageOf", { page, pages })}</span>
      <PagerStep {...props} target={next} rel="next" text={t("next")} />
    </nav>
  );
}

function PagerStep({
  target,
  rel,
  text,
  href,
  onPage,
}: PagerProps & { target: number | null; rel: "prev" | "next"; text: string }) {
  if (onPage) {
    return (
      <button type="button" disabled={target === null} onClick={() => target !== null && onPage(target)}>
        {text}
      </button>
    );
  }
  if (target === null || !href) {
    return (
      <span aria-disabled="true" className="pager-disabled">
        {text}
      </span>
    );
  }
  return (
    <Link href={href(target)} rel={rel}>
      {text}
    </Link>
  );
}
