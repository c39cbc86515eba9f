// A course in a list: cover, title, craftsman, trade, lessons, total time, rating.
import { Link } from "react-router";
import type { CourseCard as CourseCardData, TradeRef } from "../../server/courses/types.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { courseHref, formatDuration, formatLabel, levelLabel, tradeName } from "./course-labels.tsx";
import { RatingSummary } from "./rating.tsx";

const COVER_TONES = 6;

/** A stable colour for a trade, so that its placeholder covers look alike across the catalog. */
function toneOf(code: string): number {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % COVER_TONES;
}

/** The cover image, or a block in the trade's colour with its first character (decoration only). */
export function CourseCover({ coverUrl, trade, large = false }: { coverUrl: string | null; trade: TradeRef; large?: boolean }) {
  const locale = useLocale();
  if (coverUrl) {
    return (
      <img
        className={`course-cover${large ? " large" : ""}`}
        src={coverUrl}
        alt=""
        width={640}
        height={360}
        loading={large ? "eager" : "lazy"}
        decoding="async"
      />
    );
  }
  const initial = Array.from(tradeName(trade, locale))[0] ?? "匠";
  return (
    <div className={`course-cover placeholder tone-${toneOf(trade.code)}${large ? " large" : ""}`} aria-hidden="true">
      <span>{initial}</span>
    </div>
  );
}

export function CourseCard({ course, headingLevel = 3 }: { course: CourseCardData; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="course-card" data-testid="course-card" data-slug={course.slug}>
      <CourseCover coverUrl={course.coverUrl} trade={course.trade} />
      <div className="course-card-body">
        <p className="course-card-tags">
          <span className="course-tag">{tradeName(course.trade, locale)}</span>
          <span className="course-tag level">{levelLabel(t, course.level)}</span>
          <span className="course-tag format">{formatLabel(t, course.format)}</span>
        </p>
        <Heading className="course-card-title">
          <Link to={courseHref(course.slug)}>{course.title}</Link>
        </Heading>
        <p className="course-card-by">{t("courses.card.by", { name: course.craftsman.displayName })}</p>
        <p className="course-card-meta">
          <span>{t("courses.card.lessons", { count: course.lessonCount })}</span>
          {course.durationSeconds > 0 ? <span>{formatDuration(t, course.durationSeconds)}</span> : null}
          <span>{t("courses.card.enrolled", { count: course.enrollmentCount })}</span>
        </p>
        <RatingSummary rating={course.rating} count={course.ratingCount} compact />
      </div>
    </article>
  );
}
