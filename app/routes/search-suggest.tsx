import type { Route } from "./+types/search-suggest";

// A resource route (no component): the header search box fetches its as-you-type suggestions here.
export async function loader({ request, context }: Route.LoaderArgs) {
  const suggestions = await context.services.search.suggest(new URL(request.url).searchParams.get("q") ?? "");
  return Response.json(
    { suggestions },
    // Per keystroke and per index state: never cached by the browser or a proxy.
    { headers: { "Cache-Control": "no-store" } },
  );
}
