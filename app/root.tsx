import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "react-router";
import type { Route } from "./+types/root";
import { AppHeader } from "./components/app-header.tsx";
import { BottomNav } from "./components/bottom-nav.tsx";
import { DEFAULT_LOCALE, translator, useT, type Locale, type MessageKey } from "./i18n/index.ts";
import { localeOf } from "./i18n/locale.server.ts";
import { useNonce } from "./lib/nonce.ts";
import stylesHref from "./styles/app.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const viewer = context.viewer;
  // The header's notification badge: an indexed count that stops at 100, and no query for visitors.
  const unread = viewer ? await context.services.notifications.unreadCount(viewer) : 0;
  return data(
    { locale, viewer: viewer ? { displayName: viewer.displayName, role: viewer.role } : null, unread },
    { headers: { Vary: "Cookie, Accept-Language" } },
  );
}

// React Router re-runs the root loader only after form posts or when the query changes; running it
// on every navigation keeps the header's unread count current (one small query per page change).
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

// Without this the loader's Vary header never reaches the response (React Router only sends the
// headers that a route's `headers` export returns); child routes inherit it.
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = root?.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t("app.description")} />
        <meta name="theme-color" content="#0b4f8a" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        <AppHeader locale={locale} viewer={root?.viewer ?? null} unread={root?.unread ?? 0} />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">{t("footer.text")}</footer>
        <BottomNav />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_TITLES: Record<number, MessageKey> = {
  401: "error.401.title",
  403: "error.403.title",
  404: "error.404.title",
  429: "error.429.title",
};
const ERROR_BODIES: Record<number, MessageKey> = {
  401: "error.unauthorized",
  403: "error.forbidden",
  404: "error.404.body",
  429: "error.429.body",
};

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = t(ERROR_TITLES[status] ?? (status >= 500 ? "error.500.title" : "error.generic.title"));
  const body = t(ERROR_BODIES[status] ?? (status >= 500 ? "error.500.body" : "form.invalid"));
  const loginHref = `/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{title}</h1>
      <title>{`${title} · ${t("app.name")}`}</title>
      <p>{body}</p>
      <p className="actions">
        {status === 401 ? (
          <Link className="button" to={loginHref}>
            {t("error.loginToContinue")}
          </Link>
        ) : null}
        <Link className="button secondary" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
