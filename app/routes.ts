import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("trades", "routes/trades.tsx"),
  route("courses", "routes/coming-soon.tsx", { id: "courses" }),
  route("books", "routes/coming-soon.tsx", { id: "books" }),
  route("jobs", "routes/coming-soon.tsx", { id: "jobs" }),
  route("live", "routes/coming-soon.tsx", { id: "live" }),
  route("quiz", "routes/coming-soon.tsx", { id: "quiz" }),
  route("search", "routes/search.tsx"),
  route("search/suggest", "routes/search-suggest.tsx"),
  route("register", "routes/register.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("me", "routes/me.tsx"),
  route("locale", "routes/locale.tsx"),
  route("admin", "routes/admin.tsx", [
    index("routes/admin-index.tsx"),
    route("users", "routes/admin-users.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
