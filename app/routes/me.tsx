import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/me";
import { DocumentTitle, FormAlert, FormField } from "../components/form-field.tsx";
import { QuizBadges } from "../components/quiz-badges.tsx";
import { translateKey, useLocale, useT, type MessageKey } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect("/login?redirectTo=%2Fme");
  const [profile, sessions, trades, opds, badges] = await Promise.all([
    context.services.accounts.profileOf(context.viewer),
    context.services.accounts.sessionsOf(context.viewer, context.sessionToken),
    context.services.trades.options(),
    context.services.books.opdsToken(context.viewer),
    context.services.quiz.badges(context.viewer.id),
  ]);
  return { profile, sessions, trades, badges, opds: { token: opds.token, feedUrl: `${new URL(request.url).origin}/opds` } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { intent, ...values } = await formObject(request);
  if (intent === "resetOpds") {
    await context.services.books.resetOpdsToken(context.viewer);
    return { opdsReset: true };
  }
  if (intent === "signOutOthers") {
    const count = await context.services.accounts.signOutOtherSessions(context.viewer, context.sessionToken);
    return { signedOut: count };
  }
  const result = await context.services.accounts.updateProfile(context.viewer, values);
  if (!result.ok) return data({ values, fieldErrors: result.fieldErrors }, { status: 400 });
  return { saved: true };
}

export default function Me({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { profile, sessions, trades, badges, opds } = loaderData;
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const formatTime = (date: Date | string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
  return (
    <>
      <DocumentTitle title={t("me.title")} />
      <h1>{t("me.title")}</h1>
      <p>
        <Link to="/me/learning">{t("courses.learning.title")}</Link>
      </p>
      <p>
        <Link to="/me/books">{t("books.my.title")}</Link>
      </p>
      {profile.role === "CRAFTSMAN" || profile.role === "ADMIN" ? (
        <p>
          <Link to="/studio/courses">{t("studio.nav")}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("me.account")}</dt>
        <dd>{profile.phone ?? profile.email}</dd>
        <dt>{t("me.role")}</dt>
        <dd>{t(`role.${profile.role}` as MessageKey)}</dd>
        <dt>{t("me.memberSince")}</dt>
        <dd>{formatTime(profile.createdAt)}</dd>
      </dl>

      {actionData && "saved" in actionData ? (
        <div className="alert success" role="status">
          {t("me.saved")}
        </div>
      ) : null}
      <FormAlert message={failed ? t("form.errorSummary") : undefined} />
      <Form method="post" noValidate className="stack narrow">
        <input type="hidden" name="intent" value="profile" />
        <FormField
          name="displayName"
          label={t("field.displayName")}
          error={translateKey(t, errors.displayName)}
          defaultValue={values.displayName ?? profile.displayName}
          maxLength={40}
          required
        />
        <div className={`field${errors.tradeCode ? " has-error" : ""}`}>
          <label htmlFor="tradeCode">{t("field.trade")}</label>
          <select id="tradeCode" name="tradeCode" defaultValue={values.tradeCode ?? profile.tradeCode ?? ""}>
            <option value="">{t("field.trade.none")}</option>
            {trades.map((trade) => (
              <option key={trade.code} value={trade.code}>
                {locale === "en" ? trade.nameEn : trade.nameZh}
              </option>
            ))}
          </select>
          {errors.tradeCode ? <p className="error">{translateKey(t, errors.tradeCode)}</p> : null}
        </div>
        <FormField
          name="city"
          label={t("field.city")}
          error={translateKey(t, errors.city)}
          defaultValue={values.city ?? profile.city ?? ""}
          maxLength={40}
        />
        <FormField
          name="employer"
          label={t("field.employer")}
          error={translateKey(t, errors.employer)}
          defaultValue={values.employer ?? profile.employer ?? ""}
          maxLength={80}
        />
        <button type="submit">{t("me.save")}</button>
      </Form>

      <section aria-labelledby="sessions-title" className="narrow">
        <h2 id="sessions-title">{t("me.sessions.title")}</h2>
        <p>{t("me.sessions.intro")}</p>
        {actionData && "signedOut" in actionData ? (
          <div className="alert success" role="status">
            {t("me.sessions.signedOut", { count: actionData.signedOut ?? 0 })}
          </div>
        ) : null}
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <strong>{session.userAgent ? summarizeAgent(session.userAgent) : t("me.sessions.unknownDevice")}</strong>
              {session.isCurrent ? <span className="badge">{t("me.sessions.current")}</span> : null}
              <span className="muted">{t("me.sessions.lastSeen", { time: formatTime(session.lastSeenAt) })}</span>
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="signOutOthers" />
          <button type="submit" className="secondary">
            {t("me.sessions.signOutOthers")}
          </button>
        </Form>
      </section>

      <QuizBadges badges={badges} />

      <OpdsAccess feedUrl={opds.feedUrl} token={opds.token} wasReset={Boolean(actionData && "opdsReset" in actionData)} />
    </>
  );
}

/** The OPDS catalog for e-reader apps: the URL, the token as password, and a reset. */
function OpdsAccess({ feedUrl, token, wasReset }: { feedUrl: string; token: string; wasReset: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="opds-title" className="narrow opds-access">
      <h2 id="opds-title">{t("opds.me.title")}</h2>
      <p>{t("opds.me.intro")}</p>
      {wasReset ? (
        <div className="alert success" role="status">
          {t("opds.me.resetDone")}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("opds.me.feedUrl")}</dt>
        <dd>
          <code className="opds-value">{feedUrl}</code>
        </dd>
        <dt>{t("opds.me.token")}</dt>
        <dd>
          <code className="opds-value" data-testid="opds-token">
            {token}
          </code>
        </dd>
      </dl>
      <p>{t("opds.me.howTo")}</p>
      <p>{t("opds.me.urlWithToken")}</p>
      <p>
        <code className="opds-value">{`${feedUrl}?token=${token}`}</code>
      </p>
      <p className="hint">{t("opds.me.secret")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="resetOpds" />
        <button type="submit" className="secondary">
          {t("opds.me.reset")}
        </button>
      </Form>
    </section>
  );
}

/** "Chrome on Android" from a User-Agent header, enough to recognise a device. */
function summarizeAgent(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /MicroMessenger/.test(userAgent)
      ? "WeChat"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Firefox\//.test(userAgent)
          ? "Firefox"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : userAgent.split(/[/ ]/)[0] || "?";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} · ${system}` : browser;
}
