// Horizontal bar charts drawn as inline SVG on the server: no chart library, no script, nothing to
// load. Bars run left to right with the label on its own line above them, which suits a phone's
// width; the SVG scales with its box (CSS caps its width). Each chart is one image for assistive
// technology (role="img" with a <title> and a <desc>), and the same numbers are in a table, inside
// a <details> below it or elsewhere on the page. Colours come from CSS classes (app/styles/quiz-admin.css):
// the Content-Security-Policy allows no inline styles, and presentation attributes carry only
// geometry here.
import { useId, type ReactNode } from "react";
import { useT } from "../i18n/index.ts";

export type BarTone = "primary" | "secondary" | "danger" | "warning" | "muted";

export interface ChartBar {
  value: number;
  /** What is written at the end of the bar (e.g. "12 人（40%）"). */
  text: string;
  tone?: BarTone;
}

export interface ChartRow {
  label: string;
  bars: ChartBar[];
}

const WIDTH = 360;
const BAR_AREA = 250;
const LABEL_HEIGHT = 17;
const BAR_HEIGHT = 13;
const BAR_GAP = 3;
const ROW_GAP = 9;
/** Label width in "half-width" units: a CJK character counts two. */
const LABEL_UNITS = 58;

/** The label cut to fit one line of the chart, with an ellipsis. */
export function clipLabel(label: string, units = LABEL_UNITS): string {
  let used = 0;
  let out = "";
  for (const char of label) {
    const width = /[\u1100-\uffff]/.test(char) ? 2 : 1;
    if (used + width > units - 1) return `${out}…`;
    used += width;
    out += char;
  }
  return out;
}

export interface BarChartProps {
  title: string;
  rows: ChartRow[];
  /** The value of a full bar; the largest value when absent. */
  max?: number;
  /** A key for the bar tones, shown under the chart. */
  legend?: { tone: BarTone; label: string }[];
  /** The same numbers as a table, put in a <details> under the chart (leave out when the page shows them in a table nearby). */
  table?: ReactNode;
  testId?: string;
}

export function BarChart({ title, rows, max, legend, table, testId }: BarChartProps) {
  const t = useT();
  const id = useId();
  const top = Math.max(max ?? 0, ...rows.flatMap((row) => row.bars.map((bar) => bar.value)), 1);
  let y = 0;
  const drawn = rows.map((row, index) => {
    const rowTop = y;
    y += LABEL_HEIGHT + row.bars.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
    return (
      <g key={index}>
        <text x={0} y={rowTop + 12} className="quiz-chart-label">
          {clipLabel(row.label)}
        </text>
        {row.bars.map((bar, barIndex) => {
          const barTop = rowTop + LABEL_HEIGHT + barIndex * (BAR_HEIGHT + BAR_GAP);
          const width = bar.value > 0 ? Math.max(2, (bar.value / top) * BAR_AREA) : 0;
          return (
            <g key={barIndex}>
              <rect x={0} y={barTop} width={BAR_AREA} height={BAR_HEIGHT} rx={2} className="quiz-chart-track" />
              {width > 0 ? <rect x={0} y={barTop} width={width} height={BAR_HEIGHT} rx={2} className={`quiz-chart-bar tone-${bar.tone ?? "primary"}`} /> : null}
              <text x={BAR_AREA + 6} y={barTop + BAR_HEIGHT - 2} className="quiz-chart-value">
                {bar.text}
              </text>
            </g>
          );
        })}
      </g>
    );
  });
  const height = Math.max(y - ROW_GAP, 1);
  return (
    <figure className="quiz-chart-figure" data-testid={testId}>
      <figcaption className="quiz-chart-caption">
        {title}
        {legend && legend.length > 0 ? (
          <span className="quiz-chart-legend">
            {legend.map((item) => (
              <span key={item.tone} className="quiz-chart-key">
                <span className={`quiz-chart-swatch tone-${item.tone}`} aria-hidden="true" />
                {item.label}
              </span>
            ))}
          </span>
        ) : null}
      </figcaption>
      <svg
        className="quiz-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t("quizadmin.report.chartNote")}</desc>
        {drawn}
      </svg>
      {table ? (
        <details className="quiz-chart-data">
          <summary>{t("quizadmin.report.dataTable")}</summary>
          <div className="challenge-table-scroll" role="region" aria-label={title} tabIndex={0}>
            {table}
          </div>
        </details>
      ) : null}
    </figure>
  );
}
