// Font size and background: a per-device preference (kept in localStorage, not on the server:
// a phone at night and a desktop at work want different ones).
import { useCallback, useEffect, useState } from "react";
import { useT, type MessageKey } from "../i18n/index.ts";

export const FONT_SIZES = [
  { id: "small", percent: 90, label: "reader.fontSize.small" },
  { id: "medium", percent: 105, label: "reader.fontSize.medium" },
  { id: "large", percent: 120, label: "reader.fontSize.large" },
  { id: "xlarge", percent: 140, label: "reader.fontSize.xlarge" },
] as const satisfies readonly { id: string; percent: number; label: MessageKey }[];
export type FontSizeId = (typeof FONT_SIZES)[number]["id"];

/** Text and page colours per theme; the reader frame uses the same through its CSS classes. */
export const THEMES = {
  light: { label: "reader.theme.light", color: "#1b1f24", background: "#ffffff", link: "#0b4f8a" },
  sepia: { label: "reader.theme.sepia", color: "#433422", background: "#f4ecd8", link: "#7a4a12" },
  dark: { label: "reader.theme.dark", color: "#e6e6e6", background: "#1c1c1e", link: "#8fc1ff" },
} as const satisfies Record<string, { label: MessageKey; color: string; background: string; link: string }>;
export type ThemeId = keyof typeof THEMES;

export interface ReaderSettings {
  fontSize: FontSizeId;
  theme: ThemeId;
}

const STORAGE_KEY = "jx-reader-settings";
const DEFAULTS: ReaderSettings = { fontSize: "medium", theme: "light" };

function stored(): ReaderSettings {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<ReaderSettings>;
    return {
      fontSize: FONT_SIZES.some((size) => size.id === value.fontSize) ? (value.fontSize as FontSizeId) : DEFAULTS.fontSize,
      theme: value.theme && value.theme in THEMES ? value.theme : DEFAULTS.theme,
    };
  } catch {
    return DEFAULTS;
  }
}

export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState<ReaderSettings>(DEFAULTS);
  // Read after mounting: the server has no localStorage, and the first render must match it.
  useEffect(() => setSettings(stored()), []);
  const update = useCallback((change: Partial<ReaderSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode: the choice lasts for this visit only.
      }
      return next;
    });
  }, []);
  return [settings, update];
}

/** The CSS foliate puts into each chapter's document: theme, size and Chinese line breaking. */
export function bookStyles({ fontSize, theme }: ReaderSettings): string {
  const colors = THEMES[theme];
  const percent = FONT_SIZES.find((size) => size.id === fontSize)?.percent ?? 100;
  return `
    html {
      color: ${colors.color} !important;
      background: ${colors.background} !important;
      font-size: ${percent}% !important;
      font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
      /* Chinese: no closing punctuation at the start of a line, break anywhere between characters. */
      line-break: strict;
      word-break: normal;
      overflow-wrap: break-word;
      -webkit-text-size-adjust: none;
      text-size-adjust: none;
    }
    body { color: inherit !important; background: transparent !important; }
    p, li, blockquote { line-height: 1.75; text-align: justify; }
    a:link, a:visited { color: ${colors.link} !important; }
    img, svg, video { max-width: 100%; height: auto; }
    pre { white-space: pre-wrap !important; }
  `;
}

export function SettingsForm({ settings, onChange }: { settings: ReaderSettings; onChange: (change: Partial<ReaderSettings>) => void }) {
  const t = useT();
  return (
    <div className="reader-settings">
      <fieldset>
        <legend>{t("reader.fontSize")}</legend>
        <div className="reader-choices">
          {FONT_SIZES.map((size) => (
            <label key={size.id} className={`reader-choice reader-size-${size.id}`}>
              <input
                type="radio"
                name="reader-font-size"
                value={size.id}
                checked={settings.fontSize === size.id}
                onChange={() => onChange({ fontSize: size.id })}
              />
              <span>{t(size.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("reader.theme")}</legend>
        <div className="reader-choices">
          {(Object.keys(THEMES) as ThemeId[]).map((id) => (
            <label key={id} className={`reader-choice reader-swatch-${id}`}>
              <input
                type="radio"
                name="reader-theme"
                value={id}
                checked={settings.theme === id}
                onChange={() => onChange({ theme: id })}
              />
              <span>{t(THEMES[id].label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
