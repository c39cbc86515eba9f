import type { MessageKey } from "../i18n/index.ts";

/** The product's sections, in navigation order. */
export const SECTIONS: ReadonlyArray<{ to: string; label: MessageKey; icon: string }> = [
  { to: "/courses", label: "nav.courses", icon: "M4 5h16v11H4z M8 20h8 M12 16v4" },
  { to: "/books", label: "nav.books", icon: "M5 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H5z M19 4h-6 M19 4v14h-6" },
  { to: "/jobs", label: "nav.jobs", icon: "M4 8h16v11H4z M9 8V5h6v3" },
  { to: "/live", label: "nav.live", icon: "M3 6h13v12H3z M16 10l5-3v10l-5-3" },
  { to: "/quiz", label: "nav.quiz", icon: "M8 4h8v5a4 4 0 0 1-8 0z M12 13v4 M8 20h8" },
];
