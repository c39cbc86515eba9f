// The one place where service failures become HTTP responses. Routes receive services wrapped by
// `withHttpErrors`, so a Forbidden thrown deep in a service reaches the browser as a 403 page.
import { isAppError, type AppErrorKind } from "../errors.ts";

const STATUS: Record<AppErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalid: 400,
  rateLimited: 429,
};

export function toHttpError(error: unknown): unknown {
  if (!isAppError(error)) return error;
  return Response.json({ messageKey: error.messageKey }, { status: STATUS[error.kind], statusText: error.kind });
}

type AnyFunction = (...args: never[]) => unknown;
type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : F;
/** Services as routes see them: every function async, failures thrown as Responses. */
export type HttpServices<T> = { [S in keyof T]: { [F in keyof T[S]]: Async<T[S][F]> } };

/** Wraps every function of every service so that AppErrors are thrown as Responses. */
export function withHttpErrors<T extends Record<string, Record<string, unknown>>>(services: T): HttpServices<T> {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [name, service] of Object.entries(services)) {
    wrapped[name] = Object.fromEntries(
      Object.entries(service).map(([key, value]) => [
        key,
        typeof value === "function"
          ? async (...args: unknown[]) => {
              try {
                return await (value as AnyFunction)(...(args as never[]));
              } catch (error) {
                throw toHttpError(error);
              }
            }
          : value,
      ]),
    );
  }
  return wrapped as HttpServices<T>;
}
