// The session cookie: HttpOnly, SameSite=Lax, Secure in production. It carries only a random token.
import { parse, serialize } from "cookie";

export const SESSION_COOKIE = "jx_session";

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[SESSION_COOKIE] || undefined;
}

export function sessionCookieWriter(options: { secure: boolean; maxAgeMs: number }) {
  const base = { httpOnly: true, sameSite: "lax", secure: options.secure, path: "/" } as const;
  return {
    set: (token: string) => serialize(SESSION_COOKIE, token, { ...base, maxAge: Math.floor(options.maxAgeMs / 1000) }),
    clear: () => serialize(SESSION_COOKIE, "", { ...base, maxAge: 0 }),
  };
}
