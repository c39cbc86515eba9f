import { data, Form, Link, redirect, useSearchParams, type ShouldRevalidateFunctionArgs } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/studio-course";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { StudioCoverUpload } from "../components/studio-cover-upload.tsx";
import { CourseFields, type TradeCategoryOption } from "../components/studio-fields.tsx";
import { answerFor, FormOutcome, type StudioActionData } from "../components/studio-result.tsx";
import { StudioSyllabus } from "../components/studio-syllabus.tsx";
import { useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  const [course, categories] = await Promise.all([
    context.services.courses.studioCourse(context.viewer, params.courseId),
    context.services.trades.listByCategory(),
  ]);
  return { course, categories: categories as TradeCategoryOption[] };
}

// Which form was sent, and the ids it names. The fields themselves are validated by the service.
const id = z.string().min(1).max(40);
const ZIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("details") }),
  z.object({ intent: z.literal("publish"), published: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("addChapter") }),
  z.object({ intent: z.literal("renameChapter"), chapterId: id }),
  z.object({ intent: z.literal("deleteChapter"), chapterId: id, confirmed: z.literal("yes").optional() }),
  z.object({ intent: z.literal("addLesson"), chapterId: id }),
  z.object({ intent: z.literal("deleteLesson"), lessonId: id, confirmed: z.literal("yes").optional() }),
  z.object({ intent: z.literal("move"), id }),
]);

type Answer = StudioActionData;
type Result = { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

/** A service's FormResult as this page's answer: 200 with a message, or 4xx with the errors. */
function answer(intent: string, target: string | undefined, result: Result, message: MessageKey, values: Record<string, string>) {
  if (result.ok) return data<Answer>({ intent, target, ok: true, message });
  const status = result.formError === "studio.reorder.stale" ? 409 : 400;
  return data<Answer>({ intent, target, ok: false, fieldErrors: result.fieldErrors, formError: result.formError, values }, { status });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const parsed = ZIntentSchema.safeParse(values);
  if (!parsed.success) {
    // Not a form of this page (or a tampered one): answered at the top of the page.
    return data<Answer>({ intent: "form", ok: false, formError: "form.invalid" }, { status: 400 });
  }
  const { courses } = context.services;
  const viewer = context.viewer;
  const form = parsed.data;
  switch (form.intent) {
    case "details":
      return answer(form.intent, undefined, await courses.updateCourse(viewer, params.courseId, values), "studio.course.saved", values);
    case "publish": {
      const published = form.published === "true";
      const result = await courses.setPublished(viewer, params.courseId, published);
      return answer(form.intent, undefined, result, published ? "studio.publish.done" : "studio.unpublish.done", values);
    }
    case "addChapter":
      return answer(form.intent, undefined, await courses.addChapter(viewer, params.courseId, values), "studio.chapter.added", values);
    case "renameChapter":
      return answer(form.intent, form.chapterId, await courses.updateChapter(viewer, form.chapterId, values), "studio.chapter.renamed", values);
    case "deleteChapter":
      if (!form.confirmed) return data<Answer>({ intent: form.intent, target: form.chapterId, ok: true, confirm: true });
      await courses.deleteChapter(viewer, form.chapterId);
      return data<Answer>({ intent: form.intent, target: form.chapterId, ok: true, message: "studio.chapter.deleted" });
    case "addLesson":
      return answer(form.intent, form.chapterId, await courses.addLesson(viewer, form.chapterId, values), "studio.lesson.added", values);
    case "deleteLesson":
      if (!form.confirmed) return data<Answer>({ intent: form.intent, target: form.lessonId, ok: true, confirm: true });
      await courses.deleteLesson(viewer, form.lessonId);
      return data<Answer>({ intent: form.intent, target: form.lessonId, ok: true, message: "studio.lesson.deleted" });
    case "move":
      return answer(form.intent, form.id, await courses.move(viewer, values), "studio.moved", values);
  }
}

// React Router skips reloading after a 4xx answer; a stale move must still show the current order.
export function shouldRevalidate({ formData, actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get("intent") === "move" && actionStatus === 409) return true;
  return defaultShouldRevalidate;
}

export default function StudioCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { course, categories } = loaderData;
  const details = answerFor(actionData, "details");
  const failedDetails = details && !details.ok ? details : undefined;
  const publish = answerFor(actionData, "publish");
  const isPublished = course.status === "PUBLISHED";
  return (
    <>
      <DocumentTitle title={t("studio.course.title", { title: course.title })} />
      <p className="studio-crumb">
        <Link to="/studio/courses">{t("studio.course.back")}</Link>
      </p>
      <div className="studio-head">
        <h1>{course.title}</h1>
        <span className={`status-badge status-${course.status.toLowerCase()}`}>{t(`studio.status.${course.status}`)}</span>
      </div>
      <FormOutcome answer={answerFor(actionData, "form")} />
      <p>
        <Link to={`/courses/${course.slug}`} data-testid="public-link">
          {t("studio.course.viewPublic")}
        </Link>
      </p>

      <section aria-labelledby="publish-title" className="studio-section">
        <h2 id="publish-title">{t("studio.publish.title")}</h2>
        <p>{t(isPublished ? "studio.publish.publishedIntro" : "studio.publish.draftIntro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="published" value={isPublished ? "false" : "true"} />
          <button type="submit" className={isPublished ? "secondary" : undefined}>
            {t(isPublished ? "studio.unpublish.submit" : "studio.publish.submit")}
          </button>
        </Form>
        <FormOutcome answer={publish} showFieldErrors />
      </section>

      <section aria-labelledby="details-title" className="studio-section narrow">
        <h2 id="details-title">{t("studio.course.details")}</h2>
        <FormAlert message={failedDetails ? t("form.errorSummary") : undefined} />
        {/* Keyed by the saved values so that the fields show them after a save or a reload. */}
        <Form method="post" noValidate className="stack" key={`${course.title}|${course.summary}|${course.tradeCode}|${course.level}`}>
          <input type="hidden" name="intent" value="details" />
          <CourseFields
            values={
              failedDetails?.values ?? {
                title: course.title,
                summary: course.summary,
                description: course.description,
                trade: course.tradeCode,
                level: course.level,
              }
            }
            errors={failedDetails?.fieldErrors ?? {}}
            categories={categories}
          />
          <button type="submit">{t("studio.course.save")}</button>
          {details?.ok ? <FormOutcome answer={details} /> : null}
        </Form>
      </section>

      <StudioCoverUpload action={`/studio/uploads/cover?course=${encodeURIComponent(course.id)}`} coverUrl={course.coverUrl} outcome={searchParams.get("cover")} />

      <StudioSyllabus course={course} answer={actionData} />
    </>
  );
}
