// Ratings: the average as stars with its number in words, and the 1–5 input as labelled radio buttons.
import { useT, type Translate } from "../i18n/index.ts";

const STARS = [1, 2, 3, 4, 5] as const;

/** "4 星" / "4 stars", "1 star". */
export const starsLabel = (t: Translate, count: number) =>
  count === 1 ? t("courses.review.oneStar") : t("courses.review.stars", { count });

/** "★★★★☆ 4.2 (12)": the stars are decoration, the text is what screen readers hear. */
export function RatingSummary({ rating, count, compact = false }: { rating: number | null; count: number; compact?: boolean }) {
  const t = useT();
  if (rating === null || count === 0) return <span className="rating muted">{t("courses.rating.none")}</span>;
  const full = Math.round(rating);
  return (
    <span className={`rating${compact ? " compact" : ""}`}>
      <span className="rating-stars" aria-hidden="true">
        {STARS.map((star) => (star <= full ? "★" : "☆")).join("")}
      </span>{" "}
      <span>{t(compact ? "courses.rating.short" : "courses.rating.value", { rating: rating.toFixed(1), count })}</span>
    </span>
  );
}

interface RatingInputProps {
  name: string;
  legend: string;
  defaultValue?: number | null;
  /** A translated error message. */
  error?: string;
}

/** Five radio buttons in a fieldset: keyboard arrows move between them, each has its own label. */
export function RatingInput({ name, legend, defaultValue, error }: RatingInputProps) {
  const t = useT();
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset className={`rating-input${error ? " has-error" : ""}`} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="rating-options">
        {STARS.map((star) => (
          <label key={star} className="rating-option">
            <input type="radio" name={name} value={star} defaultChecked={defaultValue === star} required />
            <span>{starsLabel(t, star)}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
