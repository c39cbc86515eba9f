// What the Q&A service hands to routes and sockets: plain data, no Prisma types.

export interface QuestionView {
  id: number;
  sessionId: string;
  text: string;
  /** Null when the asker chose anonymity and the viewer is not a host or admin. */
  author: { id: string; displayName: string } | null;
  anonymous: boolean;
  status: "OPEN" | "ANSWERED";
  answer: string | null;
  answeredAt: Date | null;
  pinned: boolean;
  hidden: boolean;
  approved: boolean;
  voteCount: number;
  version: number;
  createdAt: Date;
  /** The viewer asked it. */
  mine: boolean;
  /** The viewer voted for it. */
  voted: boolean;
}

export interface QaState {
  sessionId: string;
  questions: QuestionView[];
  premoderated: boolean;
  /** Asking and voting are open (the session is scheduled or on air, the viewer is not muted). */
  open: boolean;
  viewer: { signedIn: boolean; canModerate: boolean; muted: boolean };
  /** Users muted in this session, for its moderators (empty for everyone else). */
  mutedUsers: { userId: string; displayName: string }[];
}
