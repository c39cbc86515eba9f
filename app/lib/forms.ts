// Turning a submitted form into the plain object services validate, and safe redirects.

/** Text fields of a form as an object; files are left out (uploads have their own handling). */
export async function formObject(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad form data", { status: 400 });
  }
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

/** A path on this site to return to after a form; anything else (other sites, `//host`) becomes `fallback`. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}

/** For routes that only take form posts (progress beacons): a GET or other method gets 405. */
export const methodNotAllowed = () => new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
