import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/course";
import type { CourseDetail } from "../../server/courses/types.ts";
import { CourseCover } from "../components/course-card.tsx";
import {
  courseHref,
  formatDate,
  formatDuration,
  formatLabel,
  isoDuration,
  lessonHref,
  levelLabel,
  loginHref,
  tradeName,
} from "../components/course-labels.tsx";
import { JsonLd } from "../components/json-ld.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { RatingInput, RatingSummary, starsLabel } from "../components/rating.tsx";
import { Syllabus } from "../components/syllabus.tsx";
import { CraftsmanName } from "../components/craftsman-name.tsx";
import { translateKey, useLocale, useT, type Translate } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  return { course: await context.services.courses.detail(context.viewer, params.slug) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  // A session that ran out between page and click: sign in, then come back here.
  if (!context.viewer) throw redirect(loginHref(courseHref(params.slug)));
  if (intent === "enroll") {
    const enrolled = await context.services.courses.enroll(context.viewer, params.slug);
    return redirect(enrolled.firstLessonId ? lessonHref(enrolled.slug, enrolled.firstLessonId) : courseHref(enrolled.slug));
  }
  if (intent === "review") {
    const result = await context.services.courses.review(context.viewer, params.slug, values);
    if (!result.ok) {
      return data(
        { reviewed: false as const, values, fieldErrors: result.fieldErrors, formError: result.formError },
        { status: 400 },
      );
    }
    return { reviewed: true as const };
  }
  return data({ reviewed: false as const, values, fieldErrors: {}, formError: "form.invalid" }, { status: 400 });
}

export default function Course({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { course } = loaderData;
  const me = course.viewer;
  return (
    <div className="course-page">
      <DocumentTitle title={course.title} />
      <CourseJsonLd course={course} t={t} />
      {course.status === "DRAFT" ? (
        <p className="alert draft-banner" role="note">
          {t("courses.detail.draft")}
        </p>
      ) : null}

      <header className="course-hero">
        <CourseCover coverUrl={course.coverUrl} trade={course.trade} large />
        <div className="course-hero-text">
          <p className="course-card-tags">
            <Link to={`/courses?trade=${encodeURIComponent(course.trade.code)}`} className="course-tag">
              {tradeName(course.trade, locale)}
            </Link>
            <span className="course-tag level">{levelLabel(t, course.level)}</span>
            <span className="course-tag format">{formatLabel(t, course.format)}</span>
          </p>
          <h1>{course.title}</h1>
          <p className="course-summary">{course.summary}</p>
          <p className="course-card-meta">
            <span>{t("courses.card.by", { name: course.craftsman.displayName })}</span>
            <span>{t("courses.card.lessons", { count: course.lessonCount })}</span>
            {course.durationSeconds > 0 ? <span>{formatDuration(t, course.durationSeconds)}</span> : null}
            <span>{t("courses.card.enrolled", { count: course.enrollmentCount })}</span>
          </p>
          <RatingSummary rating={course.rating} count={course.ratingCount} />
        </div>
      </header>

      <EnrollmentBox course={course} t={t} />

      <section aria-labelledby="course-overview-title">
        <h2 id="course-overview-title">{t("courses.detail.overview")}</h2>
        {course.descriptionHtml ? (
          // Rendered from Markdown and sanitized by the course service.
          <article className="prose" dangerouslySetInnerHTML={{ __html: course.descriptionHtml }} />
        ) : (
          <p className="muted">{course.summary}</p>
        )}
      </section>

      <section aria-labelledby="course-syllabus-title">
        <h2 id="course-syllabus-title">{t("courses.detail.syllabus")}</h2>
        {course.chapters.length === 0 ? (
          <p className="muted">{t("courses.detail.noLessons")}</p>
        ) : (
          <Syllabus
            slug={course.slug}
            chapters={course.chapters}
            canOpen={(lesson) => me.enrolled || me.canEdit || lesson.isPreview}
          />
        )}
      </section>

      <section aria-labelledby="course-craftsman-title" className="craftsman-card">
        <h2 id="course-craftsman-title">{t("courses.detail.craftsman")}</h2>
        <CraftsmanName displayName={course.craftsman.displayName} />
        <p className="course-card-meta">
          {course.craftsman.trade ? (
            <span>{t("courses.detail.craftsmanTrade", { name: tradeName(course.craftsman.trade, locale) })}</span>
          ) : null}
          <span>{t("courses.detail.craftsmanCourses", { count: course.craftsman.courseCount })}</span>
        </p>
        {course.craftsman.bio ? <p className="craftsman-bio">{course.craftsman.bio}</p> : null}
      </section>

      <Reviews course={course} actionData={actionData} />
    </div>
  );
}

/** Enroll, or continue with progress and the certificate; the editor's link for authors. */
function EnrollmentBox({ course, t }: { course: CourseDetail; t: Translate }) {
  const me = course.viewer;
  const firstLesson = course.chapters.flatMap((chapter) => chapter.lessons)[0];
  const continueId = me.continueLessonId ?? firstLesson?.id ?? null;
  return (
    <section aria-label={t("courses.detail.enrollment")} className="enroll-box">
      {me.enrolled ? (
        <>
          <label htmlFor="course-progress" className="progress-label">
            {t("courses.progress.lessons", { done: me.completedLessons, total: course.lessonCount })}
          </label>
          <progress id="course-progress" max={Math.max(course.lessonCount, 1)} value={me.completedLessons} />
          <div className="actions start">
            {continueId ? (
              <Link to={lessonHref(course.slug, continueId)} className="button">
                {t(me.completedLessons === 0 ? "courses.detail.start" : "courses.detail.continue")}
              </Link>
            ) : null}
            {me.certificateCode ? (
              <Link to={`/certificates/${encodeURIComponent(me.certificateCode)}`} className="button secondary">
                {t("courses.detail.certificate")}
              </Link>
            ) : null}
          </div>
        </>
      ) : me.signedIn ? (
        <Form method="post" className="actions start">
          <input type="hidden" name="intent" value="enroll" />
          <button type="submit">{t("courses.detail.enroll")}</button>
          <p className="muted enroll-note">{t("courses.detail.enrollNote")}</p>
        </Form>
      ) : (
        <div className="actions start">
          <Link to={loginHref(courseHref(course.slug))} className="button">
            {t("courses.detail.signInToEnroll")}
          </Link>
          <p className="muted enroll-note">{t("courses.detail.enrollNote")}</p>
        </div>
      )}
      {me.canEdit ? (
        <p>
          <Link to={`/studio/courses/${encodeURIComponent(course.id)}`}>{t("courses.detail.edit")}</Link>
        </p>
      ) : null}
    </section>
  );
}

type ActionData = Route.ComponentProps["actionData"];

function Reviews({ course, actionData }: { course: CourseDetail; actionData: ActionData }) {
  const t = useT();
  const locale = useLocale();
  const me = course.viewer;
  const failed = actionData && !actionData.reviewed ? actionData : undefined;
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const submittedRating = Number(failed?.values.rating);
  return (
    <section aria-labelledby="course-reviews-title">
      <h2 id="course-reviews-title">{t("courses.detail.reviews")}</h2>
      <p>
        <RatingSummary rating={course.rating} count={course.ratingCount} />
      </p>

      {me.canReview ? (
        <div className="review-form-box">
          <h3>{t(me.myReview ? "courses.review.editTitle" : "courses.review.title")}</h3>
          {actionData?.reviewed ? (
            <div className="alert success" role="status">
              {t("courses.review.saved")}
            </div>
          ) : null}
          <FormAlert message={failed ? translateKey(t, failed.formError ?? "form.errorSummary") : undefined} />
          <Form method="post" noValidate className="stack review-form" preventScrollReset>
            <input type="hidden" name="intent" value="review" />
            <RatingInput
              name="rating"
              legend={t("courses.review.rating")}
              defaultValue={Number.isInteger(submittedRating) && submittedRating > 0 ? submittedRating : (me.myReview?.rating ?? null)}
              error={translateKey(t, errors.rating)}
            />
            <div className={`field${errors.body ? " has-error" : ""}`}>
              <label htmlFor="review-body">{t("courses.review.body")}</label>
              <textarea
                id="review-body"
                name="body"
                rows={4}
                maxLength={1000}
                defaultValue={failed?.values.body ?? me.myReview?.body ?? ""}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? "review-body-error" : undefined}
              />
              {errors.body ? (
                <p className="error" id="review-body-error">
                  {translateKey(t, errors.body)}
                </p>
              ) : null}
            </div>
            <button type="submit">{t(me.myReview ? "courses.review.update" : "courses.review.submit")}</button>
          </Form>
        </div>
      ) : null}

      {course.reviews.length === 0 ? (
        <p className="muted">{t("courses.detail.noReviews")}</p>
      ) : (
        <ul className="review-list">
          {course.reviews.map((review, index) => (
            <li key={`${review.author}-${index}`} className="review">
              <p className="review-head">
                <strong>{review.author}</strong>
                <span className="rating-stars" aria-hidden="true">
                  {"★".repeat(review.rating)}
                  {"☆".repeat(5 - review.rating)}
                </span>
                <span className="visually-hidden">{starsLabel(t, review.rating)}</span>
                <time className="muted" dateTime={new Date(review.updatedAt).toISOString()}>
                  {formatDate(locale, review.updatedAt)}
                </time>
              </p>
              {review.body ? <p className="review-body">{review.body}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** schema.org Course for search engines. `<` is escaped so the JSON can never close the script. */
function CourseJsonLd({ course, t }: { course: CourseDetail; t: Translate }) {
  if (course.status !== "PUBLISHED") return null;
  const json: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.summary,
    inLanguage: "zh-CN",
    educationalLevel: levelLabel(t, course.level),
    about: course.trade.nameZh,
    provider: { "@type": "Organization", name: t("app.name") },
    instructor: { "@type": "Person", name: course.craftsman.displayName },
    offers: { "@type": "Offer", category: "Free", price: 0, priceCurrency: "CNY" },
    hasCourseInstance: {
      "@type": "CourseInstance",
      courseMode: "Online",
      ...(course.durationSeconds > 0 ? { courseWorkload: isoDuration(course.durationSeconds) } : {}),
    },
  };
  if (course.rating !== null && course.ratingCount > 0) {
    json.aggregateRating = {
      "@type": "AggregateRating",
      ratingValue: course.rating,
      ratingCount: course.ratingCount,
      bestRating: 5,
      worstRating: 1,
    };
  }
  return <JsonLd data={json} />;
}
