import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways on a narrow screen instead of widening the page, and
 * can be scrolled with the keyboard (a focusable, labelled region).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="challenge-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
