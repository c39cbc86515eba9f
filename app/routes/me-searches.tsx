import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/me-searches";
import { loginHref } from "../components/course-labels.tsx";
import { DocumentTitle, FormAlert } from "../components/form-field.tsx";
import { jobDate } from "../components/job-card.tsx";
import { filterSummary, SaveSearchForm } from "../components/save-search.tsx";
import { translateKey, useLocale, useT } from "../i18n/index.ts";
import { formObject } from "../lib/forms.ts";

// The viewer's job alerts (saved /jobs searches): each links back to /jobs with its filters and can
// be deleted. "Get alerts" on /jobs posts here (intent save); a failed save is shown again here.
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/searches"));
  const searches = await context.services.jobAlerts.listSearches(context.viewer);
  const url = new URL(request.url);
  return { searches, saved: url.searchParams.get("saved") === "1", deleted: url.searchParams.get("deleted") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  if (!context.viewer) throw redirect(loginHref("/me/searches"));
  const { intent, ...values } = await formObject(request);
  const { jobAlerts } = context.services;
  switch (intent) {
    case "save": {
      // The form sends the /jobs filters as hidden fields next to the name.
      const result = await jobAlerts.saveSearch(context.viewer, values, values);
      if (!result.ok) {
        const filters = await jobAlerts.filtersOf(values);
        return data(
          { failed: { name: values.name ?? "", fieldErrors: result.fieldErrors as Record<string, string>, formError: result.formError }, filters },
          { status: 400 },
        );
      }
      return redirect("/me/searches?saved=1");
    }
    case "delete":
      // Someone else's search (or none) is a 404 from the service.
      await jobAlerts.deleteSearch(context.viewer, values.id);
      return redirect("/me/searches?deleted=1");
    default:
      return data({ error: "jobs.alerts.intent.invalid" }, { status: 400 });
  }
}

export default function MeSearches({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { searches, saved, deleted } = loaderData;
  const failed = actionData && "failed" in actionData ? actionData : undefined;
  const error = actionData && "error" in actionData ? actionData.error : undefined;
  return (
    <div className="saved-searches-page">
      <DocumentTitle title={t("jobs.alerts.my.title")} />
      <h1>{t("jobs.alerts.my.title")}</h1>
      <p className="muted">{t("jobs.alerts.my.intro")}</p>
      {saved && !actionData ? (
        <p className="alert success" role="status">
          {t("jobs.alerts.saved")}
        </p>
      ) : null}
      {deleted && !actionData ? (
        <p className="alert success" role="status">
          {t("jobs.alerts.deleted")}
        </p>
      ) : null}
      <FormAlert message={translateKey(t, error)} />
      {failed ? <SaveSearchForm filters={{ ...failed.filters, within: null, sort: "newest" }} signedIn failed={failed.failed} /> : null}

      {searches.length === 0 ? (
        <div className="no-results" data-testid="saved-searches-empty">
          <p className="no-results-title">{t("jobs.alerts.my.empty")}</p>
          <p>
            <Link to="/jobs" className="button">
              {t("jobs.alerts.my.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="saved-search-list">
          {searches.map((search) => (
            <li key={search.id} className="saved-search" data-testid="saved-search" data-id={search.id}>
              <h2>{search.name}</h2>
              <p className="course-card-meta">
                <span>{filterSummary(t, locale, search.filters, { trade: search.trade, city: search.cityName })}</span>
                <span>{t("jobs.alerts.my.savedOn", { date: jobDate(locale, search.createdAt) })}</span>
              </p>
              <div className="actions start">
                <Link to={search.href}>
                  {t("jobs.alerts.my.view")}
                  <span className="visually-hidden"> · {search.name}</span>
                </Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={search.id} />
                  <button type="submit" className="danger-outline small">
                    {t("jobs.alerts.my.delete")}
                    <span className="visually-hidden"> · {search.name}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me/notifications">{t("jobs.alerts.my.notifications")}</Link>
      </p>
    </div>
  );
}
