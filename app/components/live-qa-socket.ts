// The page's side of the live Q&A socket (protocol: server/realtime/live-qa-events.ts). After
// hydration it loads socket.io-client (a chunk of its own, never part of the first paint), joins
// the session's room, and keeps the list current from the room's `qa:update` batches. Actions go
// over the socket while it is connected, each answered by an acknowledgement; when it is not,
// the actions return null and the panel's plain forms are posted instead. A reconnected socket
// re-syncs from the last question id it saw, and the page's data is reloaded for what changed on
// older questions meanwhile.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRevalidator } from "react-router";
import type { Socket } from "socket.io-client";
import type { QaSort } from "../../server/live/qa/schema.ts";
import type { QaState } from "../../server/live/qa/types.ts";
import type { QaClientToServerEvents, QaServerToClientEvents, QaUpdate } from "../../server/realtime/live-qa-events.ts";
import { useT } from "../i18n/index.ts";
import { emptyStore, ordered, rebase, remove, upsert, type QaQuestion, type QaStore } from "./live-qa-store.ts";
import { openPageSocket } from "./page-socket.ts";

type QaSocket = Socket<QaServerToClientEvents, QaClientToServerEvents>;
type Events = QaClientToServerEvents;
type RequestOf<E extends keyof Events> = Parameters<Events[E]>[0];
type ReplyOf<E extends keyof Events> = Parameters<Parameters<Events[E]>[1]>[0];
type OkReply<E extends keyof Events> = Extract<ReplyOf<E>, { ok: true }>;

/** The state a loader or a join hands over (questions with Dates or ISO strings). */
export type QaSnapshot = Omit<QaState, "questions"> & { questions: QaQuestion[] };

export type QaConnection = "offline" | "connecting" | "connected" | "reconnecting";
/** An action's result: done, or refused with a message in the page's language. */
export type QaOutcome = { ok: true } | { ok: false; message: string };

/** How long an acknowledgement may take before the page says so. */
const ACK_MS = 10_000;
/** A join that got no answer is sent again after this. */
const JOIN_RETRY_MS = 3_000;
/** New questions are counted for this long before the count is announced (not one announcement per question). */
const ANNOUNCE_AFTER_MS = 1_500;

export interface LiveQa {
  questions: QaQuestion[];
  premoderated: boolean;
  connection: QaConnection;
  /** Sockets in the room, from the latest update (null until one came). */
  viewers: number | null;
  /** The polite announcement of new questions ("3 条新问题"), or "". */
  announcement: string;
  /** The actions over the socket; each returns null when the socket is not connected (post the form instead). */
  ask(text: string, anonymous: boolean): Promise<QaOutcome & { question?: QaQuestion }> | null;
  vote(questionId: number, on: boolean): Promise<QaOutcome> | null;
  remove(questionId: number): Promise<QaOutcome> | null;
  answer(questionId: number, answer: string): Promise<QaOutcome> | null;
  pin(questionId: number | null): Promise<QaOutcome> | null;
  hide(questionId: number): Promise<QaOutcome> | null;
  restore(questionId: number): Promise<QaOutcome> | null;
  approve(questionId: number): Promise<QaOutcome> | null;
  premoderate(on: boolean): Promise<QaOutcome> | null;
  mute(userId: string, on: boolean): Promise<QaOutcome> | null;
}

/**
 * The live list of one session's questions. `initial` is the loader's state (a new object on each
 * reload of the page's data); `enabled` false keeps the socket closed (a members-only session a
 * visitor may not watch).
 */
export function useLiveQa(initial: QaSnapshot, sort: QaSort, enabled: boolean): LiveQa {
  const t = useT();
  const revalidator = useRevalidator();
  const [store, setStore] = useState<QaStore>(() => rebase(emptyStore, initial.questions, 0));
  const [premoderated, setPremoderated] = useState(initial.premoderated);
  const [connection, setConnection] = useState<QaConnection>("offline");
  const [viewers, setViewers] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  // A reload of the page's data (its timer, a form posted without the socket, a sort link): the
  // loader's list is the base again, the socket's newer news on top (render-time, no flash of old data).
  const [loaded, setLoaded] = useState(initial);
  if (loaded !== initial) {
    setLoaded(initial);
    setStore((current) => rebase(current, initial.questions, Date.now()));
    setPremoderated(initial.premoderated);
  }

  // The socket's listeners live as long as the socket; they read the latest values through refs.
  const storeRef = useRef(store);
  storeRef.current = store;
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  const translateRef = useRef(t);
  translateRef.current = t;
  const socketRef = useRef<QaSocket | null>(null);
  const joinedRef = useRef(false);

  // New questions from others, counted and announced once things settle.
  const newCount = useRef(0);
  const announceTimer = useRef<number | undefined>(undefined);
  const countNew = useCallback((questions: readonly QaQuestion[]) => {
    const fresh = questions.filter((question) => !storeRef.current.entries.has(question.id) && !question.mine).length;
    if (fresh === 0) return;
    newCount.current += fresh;
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => {
      const text = translateRef.current("qa.live.newQuestions", { count: newCount.current });
      newCount.current = 0;
      // Emptied first, so that the same words twice in a row are announced again.
      setAnnouncement("");
      window.setTimeout(() => setAnnouncement(text), 100);
    }, ANNOUNCE_AFTER_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(announceTimer.current), []);

  const sessionId = initial.sessionId;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let socket: QaSocket | undefined;
    setConnection("connecting");

    const onUpdate = (update: QaUpdate) => {
      if (update.sessionId !== sessionId) return;
      const now = Date.now();
      countNew(update.questions);
      setStore((current) => remove(upsert(current, update.questions, { own: false, now }), update.removed, now));
      setViewers(update.viewers);
      if (update.premoderated !== undefined) setPremoderated(update.premoderated);
    };

    // The first connection joins and takes the whole list; a reconnection asks only for what came
    // after the last question seen, then reloads the page's data for changes to older ones.
    const join = (target: QaSocket) => {
      const first = !joinedRef.current;
      const request = first ? { sessionId, sort } : { sessionId, sort, afterId: storeRef.current.lastId };
      target.timeout(ACK_MS).emit(first ? "qa:join" : "qa:sync", request, (error: Error | null, reply: ReplyOf<"qa:join">) => {
        if (stopped || target !== socket) return;
        if (error) {
          // No answer in time: ask again while the connection holds (a new one joins by itself).
          setConnection("reconnecting");
          window.setTimeout(() => {
            if (!stopped && target === socket && target.connected) join(target);
          }, JOIN_RETRY_MS);
          return;
        }
        if (!reply.ok) {
          // The room is not available to this page: the forms keep working.
          setConnection("offline");
          return;
        }
        const now = Date.now();
        joinedRef.current = true;
        setStore((current) => (first ? rebase(current, reply.state.questions, now) : upsert(current, reply.state.questions, { own: true, now })));
        setPremoderated(reply.state.premoderated);
        setConnection("connected");
        if (!first && revalidatorRef.current.state === "idle") void revalidatorRef.current.revalidate();
      });
    };

    openPageSocket<QaSocket>({
      ackMs: ACK_MS,
      isStopped: () => stopped,
      created(created) {
        socket = created;
        socketRef.current = created;
        created.on("qa:update", onUpdate);
      },
      connected: (connected) => join(connected),
      reconnecting: () => setConnection("reconnecting"),
      // The page stays a plain form page.
      unavailable: () => setConnection("offline"),
    });

    return () => {
      stopped = true;
      socket?.disconnect();
      socketRef.current = null;
      joinedRef.current = false;
      setConnection("offline");
    };
    // Not on `sort`: it only orders the join's answer, and the page sorts by itself.
  }, [sessionId, enabled, countNew]);

  const connectionRef = useRef(connection);
  connectionRef.current = connection;

  const actions = useMemo(() => {
    /** Sends `event` if the socket is connected; `onOk` applies the acknowledgement. */
    function call<E extends keyof Events, R extends QaOutcome>(event: E, request: RequestOf<E>, onOk: (reply: OkReply<E>) => R): Promise<R | QaOutcome> | null {
      const socket = socketRef.current;
      if (!socket || connectionRef.current !== "connected") return null;
      const emitter = socket.timeout(ACK_MS) as unknown as { emit(event: string, request: unknown, ack: (error: Error | null, reply: ReplyOf<E>) => void): void };
      return new Promise((resolve) => {
        emitter.emit(event, request, (error, reply) => {
          if (error) return resolve({ ok: false, message: translateRef.current("qa.error.timeout") });
          if (!reply.ok) return resolve({ ok: false, message: reply.message });
          resolve(onOk(reply as OkReply<E>));
        });
      });
    }
    const own = (questions: QaQuestion[]) => setStore((current) => upsert(current, questions, { own: true, now: Date.now() }));
    const done = { ok: true } as const;
    return {
      ask: (text: string, anonymous: boolean) =>
        call("qa:ask", { sessionId, text, anonymous }, (reply) => {
          own([reply.question]);
          return { ok: true as const, question: reply.question as QaQuestion };
        }),
      vote: (questionId: number, on: boolean) => call("qa:vote", { sessionId, questionId, on }, (reply) => (own([reply.question]), done)),
      remove: (questionId: number) =>
        call("qa:delete", { sessionId, questionId }, (reply) => {
          setStore((current) => remove(current, [reply.questionId], Date.now()));
          return done;
        }),
      answer: (questionId: number, answer: string) =>
        call("qa:answer", { sessionId, questionId, answer: answer.trim() === "" ? null : answer }, (reply) => (own([reply.question]), done)),
      pin: (questionId: number | null) => call("qa:pin", { sessionId, questionId }, (reply) => (own(reply.questions), done)),
      hide: (questionId: number) => call("qa:hide", { sessionId, questionId }, (reply) => (own([reply.question]), done)),
      restore: (questionId: number) => call("qa:restore", { sessionId, questionId }, (reply) => (own([reply.question]), done)),
      approve: (questionId: number) => call("qa:approve", { sessionId, questionId }, (reply) => (own([reply.question]), done)),
      premoderate: (on: boolean) =>
        call("qa:premoderate", { sessionId, on }, (reply) => {
          setPremoderated(reply.premoderated);
          return done;
        }),
      mute: (userId: string, on: boolean) => call("qa:mute", { sessionId, userId, on }, () => done),
    };
  }, [sessionId]);

  const over = !initial.open;
  const questions = useMemo(() => ordered(store, sort, over), [store, sort, over]);
  return { questions, premoderated, connection, viewers, announcement, ...actions };
}
