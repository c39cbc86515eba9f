import { redirect } from "react-router";
import type { Route } from "./+types/admin-index";

// Admins land on users; employers, who manage only job posts, on their posts.
export function loader({ context }: Route.LoaderArgs) {
  return redirect(context.viewer?.role === "EMPLOYER" ? "/admin/jobs" : "/admin/users");
}
