import { Form, Link, redirect, useRevalidator } from "react-router";
import type { Route } from "./+types/lesson";
import type { LessonPage } from "../../server/courses/types.ts";
import { courseHref, formatDuration, kindLabel, lessonHref, loginHref } from "../components/course-labels.tsx";
import { DocumentTitle } from "../components/form-field.tsx";
import { Syllabus } from "../components/syllabus.tsx";
import { VideoPlayer } from "../components/video-player.tsx";
import { useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const access = await context.services.courses.lesson(context.viewer, params.slug, params.lessonId);
  if (access.access === "enrollFirst") throw redirect(courseHref(access.slug));
  return access.page;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent } = await formObject(request);
  if (!context.viewer) throw redirect(loginHref(lessonHref(params.slug, params.lessonId)));
  if (intent !== "complete") throw new Response("Unknown intent", { status: 400 });
  return { progress: await context.services.courses.completeLesson(context.viewer, params.lessonId) };
}

export default function Lesson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const page = loaderData;
  const { course, lesson } = page;
  const revalidator = useRevalidator();
  const completed = page.progress?.completed ?? false;
  const justCompleted = actionData?.progress.completed === true;
  return (
    <div className="lesson-page">
      <DocumentTitle title={`${lesson.title} · ${course.title}`} />
      <nav aria-label={t("courses.lesson.breadcrumb")} className="lesson-breadcrumb">
        <Link to={courseHref(course.slug)}>{course.title}</Link>
      </nav>

      <div className="lesson-layout">
        <div className="lesson-main">
          <h1>{lesson.title}</h1>
          <p className="course-card-meta">
            <span>{kindLabel(t, lesson.kind)}</span>
            {lesson.durationSeconds > 0 ? <span>{formatDuration(t, lesson.durationSeconds)}</span> : null}
            {course.enrolled ? (
              <span>{t("courses.progress.lessons", { done: page.completedLessons, total: course.lessonCount })}</span>
            ) : null}
          </p>

          {lesson.kind === "VIDEO" ? (
            <LessonVideo page={page} onCompleted={() => void revalidator.revalidate()} />
          ) : null}

          {lesson.bodyHtml ? (
            // Rendered from Markdown and sanitized by the course service.
            <article className="prose" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
          ) : null}

          <div role="status" className="lesson-status">
            {completed ? (
              <p className="alert success" data-testid="lesson-completed">
                {t(justCompleted ? "courses.lesson.justDone" : "courses.lesson.done")}
              </p>
            ) : null}
            {page.certificateCode ? (
              <p className="alert success course-complete">
                {t("courses.lesson.courseComplete")}{" "}
                <Link to={`/certificates/${encodeURIComponent(page.certificateCode)}`}>{t("courses.lesson.viewCertificate")}</Link>
              </p>
            ) : null}
          </div>

          {lesson.kind === "TEXT" && course.enrolled && !completed ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="complete" />
              <button type="submit">{t("courses.lesson.markDone")}</button>
            </Form>
          ) : null}

          <nav aria-label={t("courses.lesson.pager")} className="lesson-pager">
            {page.previous ? (
              <Link to={lessonHref(course.slug, page.previous.id)} rel="prev" className="pager-link">
                <span className="muted">{t("courses.lesson.previous")}</span>
                <span>{page.previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {page.next ? (
              <Link to={lessonHref(course.slug, page.next.id)} rel="next" className="pager-link next">
                <span className="muted">{t("courses.lesson.next")}</span>
                <span>{page.next.title}</span>
              </Link>
            ) : (
              <Link to={courseHref(course.slug)} className="pager-link next">
                <span className="muted">{t("courses.lesson.end")}</span>
                <span>{t("courses.lesson.backToCourse")}</span>
              </Link>
            )}
          </nav>
        </div>

        {/* A fold on phones; always open beside the lesson on wide screens (see app.css). */}
        <details className="lesson-syllabus">
          <summary>
            <h2>{t("courses.detail.syllabus")}</h2>
          </summary>
          <Syllabus
            slug={course.slug}
            chapters={page.chapters}
            currentLessonId={lesson.id}
            canOpen={(item) => course.enrolled || course.canEdit || item.isPreview}
          />
        </details>
      </div>
    </div>
  );
}

/** The player when the video is ready; otherwise a clear word about why there is none. */
function LessonVideo({ page, onCompleted }: { page: LessonPage; onCompleted: () => void }) {
  const t = useT();
  const { course, lesson } = page;
  const video = lesson.video;
  if (!video || video.status === "FAILED" || (video.status === "READY" && !video.playbackUrl)) {
    return (
      <div className="video-status" role="status" data-testid="video-unavailable">
        <p>{t("courses.video.unavailable")}</p>
      </div>
    );
  }
  if (video.status !== "READY" || !video.playbackUrl) {
    return (
      <div className="video-status" role="status" data-testid="video-processing">
        <p>{t("courses.video.processing")}</p>
      </div>
    );
  }
  return (
    <VideoPlayer
      // A new lesson is a new player: its own stream, resume point and saves.
      key={lesson.id}
      src={video.playbackUrl}
      title={lesson.title}
      startAt={page.progress?.positionSeconds ?? 0}
      progressUrl={course.enrolled ? `${lessonHref(course.slug, lesson.id)}/progress` : null}
      completed={page.progress?.completed ?? false}
      onCompleted={onCompleted}
    />
  );
}
