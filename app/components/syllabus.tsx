// A course's chapters and lessons: kind, duration, preview badge and, for enrolled learners, ticks.
import { Link } from "react-router";
import type { LessonKind, SyllabusChapter, SyllabusLesson } from "../../server/courses/types.ts";
import { useT } from "../i18n/index.ts";
import { formatDuration, kindLabel, lessonHref } from "./course-labels.tsx";

const KIND_ICONS: Record<LessonKind, string> = {
  VIDEO: "M4 6h11v12H4z M15 10l5-3v10l-5-3",
  TEXT: "M6 3h9l3 3v15H6z M9 9h6 M9 13h6 M9 17h4",
};

function KindIcon({ kind }: { kind: LessonKind }) {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={KIND_ICONS[kind]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}

interface SyllabusProps {
  slug: string;
  chapters: SyllabusChapter[];
  /** Whether a lesson can be opened by this viewer (enrolled, author, or a preview). */
  canOpen: (lesson: SyllabusLesson) => boolean;
  currentLessonId?: string;
  /** The level of the chapter headings, under the section's own heading. */
  headingLevel?: 3 | 4;
}

export function Syllabus({ slug, chapters, canOpen, currentLessonId, headingLevel = 3 }: SyllabusProps) {
  const t = useT();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  let number = 0;
  return (
    <ol className="syllabus">
      {chapters.map((chapter, chapterIndex) => (
        <li key={chapter.id} className="syllabus-chapter">
          <Heading className="syllabus-chapter-title">
            {t("courses.syllabus.chapter", { number: chapterIndex + 1, title: chapter.title })}
          </Heading>
          <ol className="syllabus-lessons">
            {chapter.lessons.map((lesson) => {
              number += 1;
              const current = lesson.id === currentLessonId;
              const title = `${number}. ${lesson.title}`;
              return (
                <li
                  key={lesson.id}
                  className={`syllabus-lesson${current ? " current" : ""}${lesson.completed ? " done" : ""}`}
                  data-lesson-id={lesson.id}
                  data-completed={lesson.completed === null ? undefined : String(lesson.completed)}
                >
                  <KindIcon kind={lesson.kind} />
                  <span className="visually-hidden">{kindLabel(t, lesson.kind)}：</span>
                  <span className="syllabus-lesson-title">
                    {canOpen(lesson) ? (
                      <Link to={lessonHref(slug, lesson.id)} aria-current={current ? "page" : undefined}>
                        {title}
                      </Link>
                    ) : (
                      <span aria-current={current ? "page" : undefined}>{title}</span>
                    )}
                  </span>
                  {lesson.isPreview ? <span className="badge preview">{t("courses.syllabus.preview")}</span> : null}
                  {lesson.durationSeconds > 0 ? (
                    <span className="syllabus-duration">{formatDuration(t, lesson.durationSeconds)}</span>
                  ) : null}
                  {lesson.completed ? (
                    <span className="tick" data-testid="lesson-tick">
                      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                        <path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
                      </svg>
                      <span className="visually-hidden">{t("courses.syllabus.completed")}</span>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
