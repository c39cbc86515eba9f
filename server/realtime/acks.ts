// Failed acknowledgements in the socket's language: the one place a message key becomes the
// sentence a client shows (the live Q&A and the quiz leaderboards both answer this way).
import type { Socket } from "socket.io";
import { translateKey, translator } from "../../app/i18n/index.ts";
import { localeFromHeaders } from "../../app/i18n/locale.server.ts";

export function failureOf<C extends string>(socket: Pick<Socket, "handshake">, code: C, messageKey: string): { ok: false; code: C; message: string } {
  const headers = socket.handshake.headers;
  const t = translator(localeFromHeaders(headers.cookie, headers["accept-language"]));
  return { ok: false, code, message: translateKey(t, messageKey) ?? messageKey };
}
