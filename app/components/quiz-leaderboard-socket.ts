// The leaderboard page's side of the quiz socket (protocol: server/realtime/quiz-events.ts). After
// hydration it loads socket.io-client (a chunk of its own, never part of the first paint), watches
// the board the page shows (`quiz:watch`, answered with the board's current state) and replaces the
// table with every `quiz:board` push (the server sends a watched board at most once per second,
// only when it changed). Switching boards re-watches on the same socket; a reconnection watches
// again. When the viewer's rank changes, a polite announcement says so. Without JavaScript, or
// while the socket is down, the page is the loader's board (a reload shows the latest).
import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { QuizClientToServerEvents, QuizServerToClientEvents, QuizWatchRequest } from "../../server/realtime/quiz-events.ts";
import type { LeaderboardView } from "../../server/quiz/types.ts";
import { useT } from "../i18n/index.ts";
import { openPageSocket } from "./page-socket.ts";

type QuizSocket = Socket<QuizServerToClientEvents, QuizClientToServerEvents>;
type WatchReply = Parameters<Parameters<QuizClientToServerEvents["quiz:watch"]>[1]>[0];

export type BoardConnection = "offline" | "connecting" | "connected" | "reconnecting";

/** How long an acknowledgement may take. */
const ACK_MS = 10_000;
/** A watch that got no answer is sent again after this. */
const WATCH_RETRY_MS = 3_000;

export interface LiveBoard {
  board: LeaderboardView;
  connection: BoardConnection;
  /** The polite announcement of the viewer's new rank, or "". */
  announcement: string;
}

const sameBoard = (board: LeaderboardView, request: QuizWatchRequest) =>
  board.challengeId === request.challengeId && (board.trade?.code ?? null) === (request.trade ?? null) && board.day === (request.day ?? null);

/** The board the page shows, kept current over the socket. `initial` is the loader's (a new object on each reload). */
export function useLiveQuizBoard(initial: LeaderboardView): LiveBoard {
  const t = useT();
  const [board, setBoard] = useState(initial);
  const [connection, setConnection] = useState<BoardConnection>("offline");
  const [announcement, setAnnouncement] = useState("");

  // A reload of the page's data (another board chosen, a reload): the loader's board is the base again.
  const [loaded, setLoaded] = useState(initial);
  if (loaded !== initial) {
    setLoaded(initial);
    setBoard(initial);
  }

  const request: QuizWatchRequest = { challengeId: initial.challengeId, trade: initial.trade?.code ?? null, day: initial.day };
  const requestRef = useRef(request);
  requestRef.current = request;
  const translateRef = useRef(t);
  translateRef.current = t;
  const socketRef = useRef<QuizSocket | null>(null);
  const watchRef = useRef<((target: QuizSocket) => void) | null>(null);

  // The viewer's rank, to announce a change (not the first board, and not a switch to another board).
  const rankRef = useRef<{ key: string; rank: number | null } | null>(null);
  const announceTimer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const key = `${board.challengeId}:${board.trade?.code ?? "all"}:${board.day ?? "total"}`;
    const rank = board.me?.rank ?? null;
    const before = rankRef.current;
    rankRef.current = { key, rank };
    if (!before || before.key !== key || before.rank === rank || rank === null) return;
    const text = translateRef.current("quizui.board.rankChanged", { rank });
    // Emptied first, so that the same words twice in a row are announced again.
    setAnnouncement("");
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => setAnnouncement(text), 100);
  }, [board]);
  useEffect(() => () => window.clearTimeout(announceTimer.current), []);

  // One socket for the page's life.
  useEffect(() => {
    let stopped = false;
    let socket: QuizSocket | undefined;
    setConnection("connecting");

    const watch = (target: QuizSocket) => {
      const wanted = requestRef.current;
      target.timeout(ACK_MS).emit("quiz:watch", wanted, (error: Error | null, reply: WatchReply) => {
        if (stopped || target !== socket || !sameRequest(wanted, requestRef.current)) return;
        if (error) {
          setConnection("reconnecting");
          window.setTimeout(() => {
            if (!stopped && target === socket && target.connected && sameRequest(wanted, requestRef.current)) watch(target);
          }, WATCH_RETRY_MS);
          return;
        }
        if (!reply.ok) {
          // This board cannot be followed live: the page keeps the loader's.
          setConnection("offline");
          return;
        }
        setBoard(reply.board);
        setConnection("connected");
      });
    };
    watchRef.current = watch;

    openPageSocket<QuizSocket>({
      ackMs: ACK_MS,
      isStopped: () => stopped,
      created(created) {
        socket = created;
        socketRef.current = created;
        created.on("quiz:board", (pushed) => {
          if (!stopped && sameBoard(pushed, requestRef.current)) setBoard(pushed);
        });
      },
      connected: (connected) => watch(connected),
      reconnecting: () => setConnection("reconnecting"),
      // The page keeps the loader's board.
      unavailable: () => setConnection("offline"),
    });

    return () => {
      stopped = true;
      socket?.disconnect();
      socketRef.current = null;
      watchRef.current = null;
      setConnection("offline");
    };
  }, []);

  // Another board chosen (a tab, the trade or day select): watch it on the same socket.
  const requestKey = `${request.challengeId}:${request.trade ?? ""}:${request.day ?? ""}`;
  const firstKey = useRef(requestKey);
  useEffect(() => {
    if (firstKey.current === requestKey) return;
    firstKey.current = requestKey;
    const socket = socketRef.current;
    if (socket?.connected && watchRef.current) {
      setConnection("connecting");
      watchRef.current(socket);
    }
  }, [requestKey]);

  return { board, connection, announcement };
}

const sameRequest = (a: QuizWatchRequest, b: QuizWatchRequest) =>
  a.challengeId === b.challengeId && (a.trade ?? null) === (b.trade ?? null) && (a.day ?? null) === (b.day ?? null);
