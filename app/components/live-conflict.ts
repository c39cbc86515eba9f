// A session's status can change between the page being shown and a form being sent (the host goes
// on air as a worker asks for a reminder; the stream drops as the host presses "end"). The service
// refuses those with a 409 (thrown as a Response by withHttpErrors); the live pages show its message
// next to the form instead of an error page. Anything else is thrown on.
import { isMessageKey, type MessageKey } from "../i18n/index.ts";

export async function unlessRefused<T>(work: () => Promise<T>): Promise<{ refused: null; value: T } | { refused: MessageKey }> {
  try {
    return { refused: null, value: await work() };
  } catch (error) {
    if (!(error instanceof Response) || error.status !== 409) throw error;
    const body = (await error.json().catch(() => null)) as { messageKey?: unknown } | null;
    return { refused: isMessageKey(body?.messageKey) ? body.messageKey : "live.error.statusChanged" };
  }
}
