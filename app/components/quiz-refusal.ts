// The quiz service refuses what a worker cannot do right now (an answer sent twice or too late, a
// level still locked, starting too often) with an AppError, which reaches a route as a 4xx Response
// carrying its message key (server/http/service-errors.ts). The quiz pages' actions show that
// message on the page (role="alert") instead of an error page; anything else is thrown on.
import { isMessageKey, type MessageKey } from "../i18n/index.ts";

export type Refusal = { refused: MessageKey; status: number };

export async function unlessQuizRefused<T>(work: () => Promise<T>): Promise<{ refused: null; value: T } | Refusal> {
  try {
    return { refused: null, value: await work() };
  } catch (error) {
    if (!(error instanceof Response) || error.status < 400 || error.status >= 500) throw error;
    const body = (await error.json().catch(() => null)) as { messageKey?: unknown } | null;
    return { refused: isMessageKey(body?.messageKey) ? body.messageKey : "form.invalid", status: error.status };
  }
}
