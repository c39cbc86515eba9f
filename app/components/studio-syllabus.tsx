// The syllabus editor of /studio/courses/:courseId: chapters and their lessons, each change a small
// <Form method="post"> with an `intent`, so that everything works before JavaScript loads.
import { Form, Link, useLocation } from "react-router";
import type { StudioCourse, StudioLesson } from "../../server/courses/types.ts";
import { FormField } from "./form-field.tsx";
import { answerFor, FormOutcome, type StudioActionData } from "./studio-result.tsx";
import { translateKey, useT, type MessageKey, type Translate } from "../i18n/index.ts";

type Chapter = StudioCourse["chapters"][number];

interface SyllabusProps {
  course: StudioCourse;
  answer?: StudioActionData;
}

export function StudioSyllabus({ course, answer }: SyllabusProps) {
  const t = useT();
  const addAnswer = answerFor(answer, "addChapter");
  return (
    <section aria-labelledby="syllabus-title" className="studio-section">
      <h2 id="syllabus-title">{t("studio.syllabus.title")}</h2>
      <p className="hint">{t("studio.syllabus.intro")}</p>
      {/* Moves have no form of their own to sit next to (the item may have moved): their answer is here. */}
      <FormOutcome answer={answerFor(answer, "move")} showFieldErrors />
      {/* A deleted item's form is gone with it, so its confirmation is shown here. */}
      <FormOutcome answer={answer?.ok && answer.intent.startsWith("delete") ? answer : undefined} />
      {course.chapters.length === 0 ? <p className="muted">{t("studio.syllabus.empty")}</p> : null}
      <ol className="studio-chapters">
        {course.chapters.map((chapter, index) => (
          <ChapterItem
            key={chapter.id}
            chapter={chapter}
            number={index + 1}
            isFirst={index === 0}
            isLast={index === course.chapters.length - 1}
            course={course}
            answer={answer}
          />
        ))}
      </ol>
      {/* Keyed by the chapter count: after a chapter is added the emptied form comes back. */}
      <Form method="post" className="studio-inline-form" key={`add-chapter-${course.chapters.length}`} noValidate>
        <input type="hidden" name="intent" value="addChapter" />
        <FormField
          name="title"
          label={t("studio.chapter.addTitle")}
          error={translateKey(t, addAnswer?.fieldErrors?.title)}
          defaultValue={addAnswer && !addAnswer.ok ? addAnswer.values?.title : ""}
          maxLength={80}
          required
        />
        <button type="submit">{t("studio.chapter.add")}</button>
        <FormOutcome answer={addAnswer} />
      </Form>
    </section>
  );
}

interface ChapterProps {
  chapter: Chapter;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  course: StudioCourse;
  answer?: StudioActionData;
}

function ChapterItem({ chapter, number, isFirst, isLast, course, answer }: ChapterProps) {
  const t = useT();
  const renameAnswer = answerFor(answer, "renameChapter", chapter.id);
  const deleteAnswer = answerFor(answer, "deleteChapter", chapter.id);
  const addLessonAnswer = answerFor(answer, "addLesson", chapter.id);
  const headingId = `chapter-${chapter.id}`;
  return (
    <li className="studio-chapter" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="muted">{t("studio.chapter.label", { number })}</span> {chapter.title}
      </h3>
      <div className="studio-chapter-tools">
        <Form method="post" className="studio-inline-form" key={`rename-${chapter.title}`} noValidate>
          <input type="hidden" name="intent" value="renameChapter" />
          <input type="hidden" name="chapterId" value={chapter.id} />
          <FormField
            name="title"
            label={t("studio.chapter.rename")}
            error={translateKey(t, renameAnswer?.fieldErrors?.title)}
            defaultValue={renameAnswer && !renameAnswer.ok ? renameAnswer.values?.title : chapter.title}
            maxLength={80}
            required
          />
          <button type="submit" className="secondary small">
            {t("studio.chapter.renameSubmit")}
          </button>
          <FormOutcome answer={renameAnswer} />
        </Form>
        <div className="studio-row-actions">
          <MoveButtons target="chapter" id={chapter.id} title={chapter.title} version={course.syllabusVersion} isFirst={isFirst} isLast={isLast} />
          <DeleteControl
            intent="deleteChapter"
            idName="chapterId"
            id={chapter.id}
            label={t("studio.chapter.delete")}
            question={t("studio.chapter.deleteConfirm", { title: chapter.title, count: chapter.lessons.length })}
            answer={deleteAnswer}
          />
        </div>
      </div>

      {chapter.lessons.length === 0 ? <p className="muted">{t("studio.chapter.noLessons")}</p> : null}
      <ol className="studio-lessons">
        {chapter.lessons.map((lesson, index) => (
          <LessonItem
            key={lesson.id}
            lesson={lesson}
            course={course}
            // A lesson moves into the neighbouring chapter past either end, so only the very first
            // and very last lessons of the course cannot move further.
            isFirst={isFirst && index === 0}
            isLast={isLast && index === chapter.lessons.length - 1}
            answer={answer}
          />
        ))}
      </ol>

      <Form method="post" className="studio-add-lesson" key={`add-lesson-${chapter.lessons.length}`} noValidate>
        <input type="hidden" name="intent" value="addLesson" />
        <input type="hidden" name="chapterId" value={chapter.id} />
        <FormField
          name="title"
          label={t("studio.lesson.addTitle")}
          error={translateKey(t, addLessonAnswer?.fieldErrors?.title)}
          defaultValue={addLessonAnswer && !addLessonAnswer.ok ? addLessonAnswer.values?.title : ""}
          maxLength={80}
          required
        />
        <fieldset className="studio-kind">
          <legend>{t("studio.lesson.kind")}</legend>
          {(["TEXT", "VIDEO"] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={(addLessonAnswer?.values?.kind ?? "TEXT") === kind}
              />{" "}
              {t(`studio.lesson.kind.${kind}`)}
            </label>
          ))}
          {addLessonAnswer?.fieldErrors?.kind ? <p className="error">{translateKey(t, addLessonAnswer.fieldErrors.kind)}</p> : null}
        </fieldset>
        <button type="submit" className="secondary">
          {t("studio.lesson.add")}
        </button>
        <FormOutcome answer={addLessonAnswer} />
      </Form>
    </li>
  );
}

function LessonItem({
  lesson,
  course,
  isFirst,
  isLast,
  answer,
}: {
  lesson: StudioLesson;
  course: StudioCourse;
  isFirst: boolean;
  isLast: boolean;
  answer?: StudioActionData;
}) {
  const t = useT();
  return (
    <li className="studio-lesson">
      <div className="studio-lesson-head">
        <Link to={`/studio/courses/${course.id}/lessons/${lesson.id}`} className="studio-lesson-title">
          {lesson.title}
          <span className="visually-hidden"> · {t("studio.lesson.edit")}</span>
        </Link>
        <span className="badge">{t(`studio.lesson.kind.${lesson.kind}`)}</span>
        {lesson.isPreview ? <span className="badge">{t("studio.lesson.preview")}</span> : null}
        {lesson.kind === "VIDEO" ? <VideoStatusBadge video={lesson.video} /> : null}
      </div>
      <div className="studio-row-actions">
        <MoveButtons target="lesson" id={lesson.id} title={lesson.title} version={course.syllabusVersion} isFirst={isFirst} isLast={isLast} />
        <DeleteControl
          intent="deleteLesson"
          idName="lessonId"
          id={lesson.id}
          label={t("studio.lesson.delete")}
          question={t("studio.lesson.deleteConfirm", { title: lesson.title })}
          answer={answerFor(answer, "deleteLesson", lesson.id)}
        />
      </div>
    </li>
  );
}

/** "No video / processing n % / ready / failed" for a video lesson. */
export function videoStatusText(t: Translate, video: StudioLesson["video"], errorMessage?: string | null): string {
  if (!video) return t("studio.video.none");
  if (video.status === "PROCESSING") return t("studio.video.PROCESSING", { progress: video.progress });
  if (video.status === "FAILED") {
    const message = errorMessage ?? translateKey(t, video.error ?? undefined);
    return message ? t("studio.video.failedWith", { message }) : t("studio.video.FAILED");
  }
  return t(`studio.video.${video.status}` as MessageKey);
}

function VideoStatusBadge({ video }: { video: StudioLesson["video"] }) {
  const t = useT();
  const tone = !video ? "none" : video.status.toLowerCase();
  return <span className={`video-status video-status-${tone}`}>{videoStatusText(t, video)}</span>;
}

function MoveButtons({
  target,
  id,
  title,
  version,
  isFirst,
  isLast,
}: {
  target: "chapter" | "lesson";
  id: string;
  title: string;
  version: number;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useT();
  const button = (direction: "up" | "down", disabled: boolean) => {
    const action = t(direction === "up" ? "studio.move.up" : "studio.move.down");
    return (
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value={direction} />
        {/* The order this page shows: a move based on an older order is refused as stale. */}
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="secondary small" disabled={disabled}>
          {action}
          <span className="visually-hidden"> · {t("studio.move.label", { action, title })}</span>
        </button>
      </Form>
    );
  };
  return (
    <>
      {button("up", isFirst)}
      {button("down", isLast)}
    </>
  );
}

/** A delete button; the server answers the first submit with a question and a second button. */
function DeleteControl({
  intent,
  idName,
  id,
  label,
  question,
  answer,
}: {
  intent: string;
  idName: string;
  id: string;
  label: string;
  question: string;
  answer?: StudioActionData;
}) {
  const t = useT();
  const location = useLocation();
  if (answer?.confirm) {
    return (
      <div className="studio-confirm" role="alert">
        <p>{question}</p>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name={idName} value={id} />
          <input type="hidden" name="confirmed" value="yes" />
          <button type="submit" className="danger small">
            {t("studio.confirm.yes")}
          </button>
        </Form>
        {/* A plain link to the page itself: navigating drops the pending question. */}
        <Link to={location.pathname} className="button secondary small">
          {t("studio.confirm.cancel")}
        </Link>
      </div>
    );
  }
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="danger-outline small">
        {label}
      </button>
      <FormOutcome answer={answer} />
    </Form>
  );
}
