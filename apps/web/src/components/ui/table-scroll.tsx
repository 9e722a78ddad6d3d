import type { ReactNode } from "react";

/**
 * A wide table's own scrolling box: on a phone the table scrolls sideways inside it (its first column stays
 * in view, `globals.css`) while the page does not. Focusable and named, so keyboard users can scroll it too.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `table-scroll ${className}` : "table-scroll"}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to be scrolled by keyboard (axe scrollable-region-focusable).
      tabIndex={0}
    >
      {children}
    </section>
  );
}
