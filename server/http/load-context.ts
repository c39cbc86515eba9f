// What every route loader and action receives as `context`.
import type { Request, Response } from "express";
import type { Viewer } from "../auth/permissions.ts";
import type { Services } from "../context.ts";
import { readSessionToken, sessionCookieWriter } from "./cookies.ts";
import type { HttpServices } from "./service-errors.ts";

// A type alias (not an interface) so that it is assignable to React Router's indexed AppLoadContext.
export type RequestContext = {
  services: HttpServices<Services>;
  /** The signed-in user, or null. */
  viewer: Viewer | null;
  sessionToken: string | undefined;
  /** Nonce of this response's Content-Security-Policy, for inline scripts. */
  cspNonce: string;
  client: { ip: string | undefined; userAgent: string | undefined };
  /** Set-Cookie header values for the session cookie. */
  sessionCookie: { set(token: string): string; clear(): string };
};

/** `alwaysSecure`: mark cookies Secure even on plain-HTTP requests (PUBLIC_ORIGIN is https). */
export function loadContextFactory(services: HttpServices<Services>, options: { alwaysSecure: boolean; sessionTtlMs: number }) {
  const cookies = {
    secure: sessionCookieWriter({ secure: true, maxAgeMs: options.sessionTtlMs }),
    plain: sessionCookieWriter({ secure: false, maxAgeMs: options.sessionTtlMs }),
  };
  return async (req: Request, res: Response): Promise<RequestContext> => {
    const sessionToken = readSessionToken(req.headers.cookie);
    const sessionCookie = req.secure || options.alwaysSecure ? cookies.secure : cookies.plain;
    return {
      services,
      viewer: await services.sessions.viewerOf(sessionToken),
      sessionToken,
      cspNonce: String(res.locals.cspNonce ?? ""),
      client: { ip: req.ip, userAgent: req.get("user-agent") },
      sessionCookie,
    };
  };
}
