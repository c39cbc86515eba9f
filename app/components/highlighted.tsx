import { Fragment } from "react";
import type { DocType, HighlightSegment } from "../../search/index.ts";
import { useT, type MessageKey } from "../i18n/index.ts";

/** Search highlights as React text: matches in <mark>, everything escaped (never an HTML string). */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isMatch ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}

/** The small coloured label naming a result's kind (课程, 工种…). */
export function TypeBadge({ type }: { type: DocType }) {
  const t = useT();
  return <span className={`type-badge type-${type}`}>{t(`search.kind.${type}` as MessageKey)}</span>;
}
