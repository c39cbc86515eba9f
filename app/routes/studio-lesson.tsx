import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/studio-lesson";
import { DocumentTitle, FormAlert, FormField } from "../components/form-field.tsx";
import { TextAreaField } from "../components/studio-fields.tsx";
import { FormOutcome, type StudioActionData } from "../components/studio-result.tsx";
import { StudioVideoUpload } from "../components/studio-video-upload.tsx";
import { translateKey, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!context.viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname)}`);
  const course = await context.services.courses.studioCourse(context.viewer, params.courseId);
  const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((candidate) => candidate.id === params.lessonId);
  if (!lesson) throw data({ messageKey: "error.notFound" }, { status: 404 });
  return { course: { id: course.id, slug: course.slug, title: course.title }, lesson };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const values = await formObject(request);
  const result = await context.services.courses.updateLesson(context.viewer, params.lessonId, values);
  if (!result.ok) {
    return data<StudioActionData>(
      { intent: "lesson", ok: false, fieldErrors: result.fieldErrors, formError: result.formError, values },
      { status: 400 },
    );
  }
  return data<StudioActionData>({ intent: "lesson", ok: true, message: "studio.lessonPage.saved" });
}

export default function StudioLesson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { course, lesson } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values;
  const isVideo = lesson.kind === "VIDEO";
  return (
    <>
      <DocumentTitle title={t("studio.lessonPage.title", { title: lesson.title })} />
      <p className="studio-crumb">
        <Link to={`/studio/courses/${course.id}`}>{t("studio.lessonPage.back", { title: course.title })}</Link>
      </p>
      <div className="studio-head">
        <h1>{lesson.title}</h1>
        <span className="badge">{t(`studio.lesson.kind.${lesson.kind}`)}</span>
      </div>
      <p>
        <Link to={`/courses/${course.slug}/lessons/${lesson.id}`}>{t("studio.lessonPage.preview")}</Link>
      </p>

      {isVideo ? <StudioVideoUpload lessonId={lesson.id} video={lesson.video} outcome={searchParams.get("upload")} retryOutcome={searchParams.get("retry")} /> : null}

      <section className="narrow studio-section" aria-labelledby="lesson-form-title">
        <h2 id="lesson-form-title" className="visually-hidden">
          {t("studio.lessonPage.save")}
        </h2>
        <FormAlert message={failed ? (translateKey(t, failed.formError) ?? t("form.errorSummary")) : undefined} />
        <Form method="post" noValidate className="stack" key={`${lesson.title}|${lesson.isPreview}|${lesson.body.length}`}>
          <FormField
            name="title"
            label={t("studio.field.lessonTitle")}
            error={translateKey(t, errors.title)}
            defaultValue={values?.title ?? lesson.title}
            maxLength={80}
            required
          />
          <TextAreaField
            name="body"
            label={t("studio.field.body")}
            hint={t(isVideo ? "studio.field.body.hintVideo" : "studio.field.body.hintText")}
            error={translateKey(t, errors.body)}
            defaultValue={values?.body ?? lesson.body}
            rows={isVideo ? 6 : 14}
            maxLength={50_000}
          />
          <div className="field checkbox-field">
            <label>
              <input type="checkbox" name="isPreview" defaultChecked={values ? values.isPreview === "on" : lesson.isPreview} />{" "}
              {t("studio.field.isPreview")}
            </label>
          </div>
          <button type="submit">{t("studio.lessonPage.save")}</button>
          {actionData?.ok ? <FormOutcome answer={actionData} /> : null}
        </Form>
      </section>
    </>
  );
}
