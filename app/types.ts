// Route loaders and actions receive the server's RequestContext (built in server/http/load-context.ts).
import type { RequestContext } from "../server/http/load-context.ts";

declare module "react-router" {
  interface AppLoadContext extends RequestContext {}
}

export {};
