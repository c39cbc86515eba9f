// Live Q&A: viewers ask the host questions during a session, vote for the ones they want answered,
// and the host (or an admin) answers, pins, hides and restores them, approves them in a
// pre-moderated session, and mutes a disruptive user. The socket layer (server/realtime) and the
// plain form of the session page both call these functions; every change is written here first,
// and what a broadcast carries is what these functions return, so it never says more than the
// database holds.
//
// Who sees what: hidden questions, and questions waiting for approval, are seen by the session's
// moderators (its host and admins) only, and by their author while waiting. An anonymous
// question's author is shown to admins and to the author alone.
import { requireViewer, type Viewer } from "../../auth/permissions.ts";
import type { Clock } from "../../clock.ts";
import type { DB, PrismaClient } from "../../db/client.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { createMemoryRateLimit, type RateLimit, type RateLimitFactory } from "../../security/rate-limits.ts";
import { ZLiveSessionId } from "../schema.ts";
import { ON_AIR } from "../status.ts";
import { ZAnswerSchema, ZAskSchema, ZListSchema, ZMuteSchema, ZPinSchema, ZPremoderationSchema, ZQuestionRef, ZVoteSchema } from "./schema.ts";
import type { QaState, QuestionView } from "./types.ts";

type Tx = DB.Prisma.TransactionClient;
const withAuthor = { author: { select: { id: true, displayName: true } } } as const;
type Row = DB.Prisma.LiveQuestionGetPayload<{ include: typeof withAuthor }>;

/** How many questions a list or re-sync returns at most (newest kept when there are more). */
export const QA_LIST_LIMIT = 500;

export interface QaRateLimitConfig {
  /** Questions per user and session: `points` per `windowSeconds`. */
  ask: { points: number; windowSeconds: number };
  vote: { points: number; windowSeconds: number };
}
export const DEFAULT_QA_RATE_LIMITS: QaRateLimitConfig = { ask: { points: 1, windowSeconds: 30 }, vote: { points: 10, windowSeconds: 10 } };

/** A question as three audiences see it, after a change: for the broadcast and the actor's reply. */
export interface QuestionChange {
  sessionId: string;
  questionId: number;
  /** What everyone in the room may see; null when only moderators (and the author) may see it. */
  public: QuestionView | null;
  /** What the session's moderators see. */
  moderator: QuestionView;
  /** What the actor sees (their own votes and authorship). */
  mine: QuestionView;
}

export interface QaServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  rateLimits?: QaRateLimitConfig;
  /** Shared limits (Redis) instead of in-process ones, when several processes serve one room. */
  rateLimitFactory?: RateLimitFactory;
}

const invalid = (key: string) => new AppError("invalid", key);
const conflict = (key: string) => new AppError("conflict", key);

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message.startsWith("qa.") ? parsed.error.issues[0].message : "qa.error.badRequest");
  return parsed.data;
}

export function createQaService(deps: QaServiceDeps) {
  const { prisma, clock } = deps;
  const limits = deps.rateLimits ?? DEFAULT_QA_RATE_LIMITS;
  const makeLimit = deps.rateLimitFactory ?? createMemoryRateLimit;
  const askLimit = makeLimit("qa-ask", limits.ask.points, limits.ask.windowSeconds);
  const voteLimit = makeLimit("qa-vote", limits.vote.points, limits.vote.windowSeconds);

  async function sessionOf(sessionId: string) {
    if (!ZLiveSessionId.safeParse(sessionId).success) throw notFound();
    const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { id: true, hostId: true, status: true, membersOnly: true, qaPremoderated: true } });
    if (!session || session.status === "CANCELLED") throw notFound();
    return session;
  }

  const moderates = (viewer: Viewer | null, session: { hostId: string }) => viewer !== null && (viewer.role === "ADMIN" || viewer.id === session.hostId);
  const isOpen = (status: string) => status === "SCHEDULED" || ON_AIR.has(status as never);

  async function requireModerator(viewer: Viewer | null, sessionId: string) {
    const session = await sessionOf(sessionId);
    if (!moderates(requireViewer(viewer), session)) throw forbidden();
    return session;
  }

  async function isMuted(sessionId: string, userId: string) {
    return (await prisma.liveMute.count({ where: { sessionId, userId } })) > 0;
  }

  /** The question as `viewer` sees it (null: not visible to them). */
  function view(row: Row, viewer: Viewer | null, options: { moderator: boolean; voted: boolean }): QuestionView | null {
    const mine = viewer !== null && row.authorId === viewer.id;
    if (row.hidden && !options.moderator) return null;
    if (!row.approved && !options.moderator && !mine) return null;
    const revealAuthor = !row.anonymous || mine || viewer?.role === "ADMIN";
    return {
      id: row.id,
      sessionId: row.sessionId,
      text: row.text,
      author: revealAuthor ? { id: row.author.id, displayName: row.author.displayName } : null,
      anonymous: row.anonymous,
      status: row.status,
      answer: row.answer,
      answeredAt: row.answeredAt,
      pinned: row.pinned,
      hidden: row.hidden,
      approved: row.approved,
      voteCount: row.voteCount,
      version: row.version,
      createdAt: row.createdAt,
      mine,
      voted: options.voted,
    };
  }

  /** The three views of a changed question: the public one has no author for anonymous questions and no viewer flags. */
  function changeFrom(row: Row, actor: Viewer, session: { hostId: string }, voted: boolean): QuestionChange {
    return {
      sessionId: row.sessionId,
      questionId: row.id,
      public: view(row, null, { moderator: false, voted: false }),
      // One view for every moderator (host and admins alike): nobody's own, anonymous authors
      // hidden; an admin's page learns authors from `state`.
      moderator: view(row, null, { moderator: true, voted: false })!,
      // The actor always sees what they just did (their own question, a visible one, or as a moderator).
      mine: view(row, actor, { moderator: moderates(actor, session), voted })!,
    };
  }

  /** The change of a question as it now is; `voted` (whether the actor has voted for it) is read unless known. */
  async function changeOf(tx: Tx | PrismaClient, questionId: number, actor: Viewer, session: { hostId: string }, voted?: boolean): Promise<QuestionChange> {
    const row = await tx.liveQuestion.findUniqueOrThrow({ where: { id: questionId }, include: withAuthor });
    return changeFrom(row, actor, session, voted ?? (await tx.liveQuestionVote.count({ where: { questionId, userId: actor.id } })) > 0);
  }

  async function questionIn(tx: Tx | PrismaClient, sessionId: string, questionId: number) {
    const question = await tx.liveQuestion.findUnique({ where: { id: questionId }, select: { id: true, sessionId: true, authorId: true, status: true, hidden: true, approved: true, pinned: true } });
    if (!question || question.sessionId !== sessionId) throw notFound();
    return question;
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────────

  /**
   * The questions `viewer` may see, by votes (pinned first, then answered last while on air) or
   * newest; after the session, answered ones first. `afterId` re-syncs: only newer questions.
   */
  async function state(viewer: Viewer | null, sessionId: string, query: unknown = {}): Promise<QaState> {
    const session = await sessionOf(sessionId);
    const { sort, afterId } = parse(ZListSchema, query);
    const moderator = moderates(viewer, session);
    const visibility: DB.Prisma.LiveQuestionWhereInput = moderator
      ? {}
      : { hidden: false, OR: [{ approved: true }, ...(viewer ? [{ authorId: viewer.id }] : [])] };
    const rows = await prisma.liveQuestion.findMany({
      where: { sessionId, id: { gt: afterId }, ...visibility },
      include: withAuthor,
      orderBy: { id: "desc" },
      take: QA_LIST_LIMIT,
    });
    const votedIds = viewer
      ? new Set((await prisma.liveQuestionVote.findMany({ where: { userId: viewer.id, questionId: { in: rows.map((r) => r.id) } }, select: { questionId: true } })).map((v) => v.questionId))
      : new Set<number>();
    const questions = rows.map((row) => view(row, viewer, { moderator, voted: votedIds.has(row.id) })!).filter(Boolean);
    const over = !isOpen(session.status);
    questions.sort((a, b) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      if (over && a.status !== b.status) return a.status === "ANSWERED" ? -1 : 1;
      if (sort === "votes" && a.voteCount !== b.voteCount) return b.voteCount - a.voteCount;
      return b.id - a.id;
    });
    const muted = viewer ? await isMuted(sessionId, viewer.id) : false;
    const mutedUsers = moderator
      ? (await prisma.liveMute.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { displayName: true } } } })).map((m) => ({
          userId: m.userId,
          displayName: m.user.displayName,
        }))
      : [];
    return {
      mutedUsers,
      sessionId,
      questions,
      premoderated: session.qaPremoderated,
      open: isOpen(session.status),
      viewer: { signedIn: viewer !== null, canModerate: moderator, muted },
    };
  }

  /** Whether `viewer` may join the session's room at all (members-only sessions need a login). */
  async function mayWatch(viewer: Viewer | null, sessionId: string): Promise<{ moderator: boolean }> {
    const session = await sessionOf(sessionId);
    if (session.membersOnly && !viewer) throw new AppError("unauthorized", "error.unauthorized");
    return { moderator: moderates(viewer, session) };
  }

  // ── viewers ────────────────────────────────────────────────────────────────────────────────

  /** Asking and voting: while the session is open, not muted, within the user's limit (counted last, so refusals cost nothing). */
  async function takePart(session: { id: string; status: string }, user: Viewer, limit: RateLimit, tooFastKey: string) {
    if (!isOpen(session.status)) throw conflict("qa.error.closed");
    if (await isMuted(session.id, user.id)) throw new AppError("forbidden", "qa.error.muted");
    if (!(await limit.consume(`${session.id}:${user.id}`))) throw new AppError("rateLimited", tooFastKey);
  }

  async function ask(viewer: Viewer | null, sessionId: string, input: unknown): Promise<QuestionChange> {
    const user = requireViewer(viewer);
    const session = await sessionOf(sessionId);
    const { text, anonymous } = parse(ZAskSchema, input);
    await takePart(session, user, askLimit, "qa.error.askTooFast");
    const approved = !session.qaPremoderated || moderates(user, session);
    // A new question has no votes yet: what was written is all its views need.
    const created = await prisma.liveQuestion.create({ data: { sessionId, authorId: user.id, text, anonymous, approved, createdAt: clock.now() }, include: withAuthor });
    return changeFrom(created, user, session, false);
  }

  /** One vote per user and question; voting twice (or removing a vote not given) changes nothing. */
  async function vote(viewer: Viewer | null, sessionId: string, input: unknown): Promise<QuestionChange> {
    const user = requireViewer(viewer);
    const session = await sessionOf(sessionId);
    const { questionId, on } = parse(ZVoteSchema, input);
    await takePart(session, user, voteLimit, "qa.error.voteTooFast");
    return prisma.$transaction(async (tx) => {
      const question = await questionIn(tx, sessionId, questionId);
      if (question.hidden || !question.approved) throw notFound();
      if (on) {
        const added = await tx.liveQuestionVote.createMany({ data: [{ questionId, userId: user.id, createdAt: clock.now() }], skipDuplicates: true });
        if (added.count) await tx.liveQuestion.update({ where: { id: questionId }, data: { voteCount: { increment: 1 }, version: { increment: 1 } } });
      } else {
        const removed = await tx.liveQuestionVote.deleteMany({ where: { questionId, userId: user.id } });
        if (removed.count) await tx.liveQuestion.update({ where: { id: questionId }, data: { voteCount: { decrement: 1 }, version: { increment: 1 } } });
      }
      // Whether or not this call changed it, the actor's vote is now what they asked for.
      return changeOf(tx, questionId, user, session, on);
    });
  }

  /** The author deletes their own question while it is open. Returns the id for the broadcast. */
  async function remove(viewer: Viewer | null, sessionId: string, input: unknown): Promise<{ sessionId: string; questionId: number }> {
    const user = requireViewer(viewer);
    await sessionOf(sessionId);
    const { questionId } = parse(ZQuestionRef, input);
    const question = await questionIn(prisma, sessionId, questionId);
    if (question.authorId !== user.id) throw forbidden();
    if (question.status !== "OPEN") throw conflict("qa.error.alreadyAnswered");
    const deleted = await prisma.liveQuestion.deleteMany({ where: { id: questionId, authorId: user.id, status: "OPEN" } });
    if (deleted.count === 0) throw conflict("qa.error.alreadyAnswered");
    return { sessionId, questionId };
  }

  // ── moderators: the host and admins ─────────────────────────────────────────────────────────

  async function moderate(viewer: Viewer | null, sessionId: string, questionId: number, change: (tx: Tx, question: Awaited<ReturnType<typeof questionIn>>) => Promise<void>) {
    const session = await requireModerator(viewer, sessionId);
    return prisma.$transaction(async (tx) => {
      const question = await questionIn(tx, sessionId, questionId);
      await change(tx, question);
      return changeOf(tx, questionId, viewer!, session);
    });
  }

  const bump = { version: { increment: 1 } } as const;

  async function answer(viewer: Viewer | null, sessionId: string, input: unknown): Promise<QuestionChange> {
    const { questionId, answer: text } = parse(ZAnswerSchema, input);
    return moderate(viewer, sessionId, questionId, async (tx) => {
      await tx.liveQuestion.update({ where: { id: questionId }, data: { status: "ANSWERED", answer: text, answeredAt: clock.now(), ...bump } });
    });
  }

  /** Pins one question for everyone (unpinning the one before), or none. Returns every question that changed. */
  async function pin(viewer: Viewer | null, sessionId: string, input: unknown): Promise<QuestionChange[]> {
    const { questionId } = parse(ZPinSchema, input);
    const session = await requireModerator(viewer, sessionId);
    return prisma.$transaction(async (tx) => {
      if (questionId !== null) {
        const question = await questionIn(tx, sessionId, questionId);
        if (question.hidden || !question.approved) throw conflict("qa.error.notPinnable");
      }
      const before = await tx.liveQuestion.findMany({ where: { sessionId, pinned: true }, select: { id: true } });
      await tx.liveQuestion.updateMany({ where: { sessionId, pinned: true, ...(questionId !== null ? { id: { not: questionId } } : {}) }, data: { pinned: false, ...bump } });
      if (questionId !== null) await tx.liveQuestion.updateMany({ where: { id: questionId, pinned: false }, data: { pinned: true, ...bump } });
      const changed = new Set([...before.map((q) => q.id), ...(questionId !== null ? [questionId] : [])]);
      // One after another: a transaction is one connection, and pg refuses (for now: warns about)
      // a query sent while another is still running on it.
      const changes: QuestionChange[] = [];
      for (const id of changed) changes.push(await changeOf(tx, id, viewer!, session));
      return changes;
    });
  }

  async function setHidden(viewer: Viewer | null, sessionId: string, input: unknown, hidden: boolean): Promise<QuestionChange> {
    const { questionId } = parse(ZQuestionRef, input);
    return moderate(viewer, sessionId, questionId, async (tx) => {
      // A hidden question cannot stay pinned for everyone.
      await tx.liveQuestion.update({ where: { id: questionId }, data: { hidden, ...(hidden ? { pinned: false } : {}), ...bump } });
    });
  }

  async function approve(viewer: Viewer | null, sessionId: string, input: unknown): Promise<QuestionChange> {
    const { questionId } = parse(ZQuestionRef, input);
    return moderate(viewer, sessionId, questionId, async (tx) => {
      await tx.liveQuestion.update({ where: { id: questionId }, data: { approved: true, ...bump } });
    });
  }

  async function setPremoderation(viewer: Viewer | null, sessionId: string, input: unknown): Promise<{ sessionId: string; premoderated: boolean }> {
    const { on } = parse(ZPremoderationSchema, input);
    await requireModerator(viewer, sessionId);
    await prisma.liveSession.update({ where: { id: sessionId }, data: { qaPremoderated: on } });
    return { sessionId, premoderated: on };
  }

  /** Mutes (or unmutes) a user for this session: they can no longer ask or vote here. */
  async function mute(viewer: Viewer | null, sessionId: string, input: unknown): Promise<{ sessionId: string; userId: string; muted: boolean }> {
    const { userId, on } = parse(ZMuteSchema, input);
    const session = await requireModerator(viewer, sessionId);
    if (userId === session.hostId || userId === viewer!.id) throw conflict("qa.error.cannotMute");
    const target = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) throw notFound();
    if (target.role === "ADMIN") throw conflict("qa.error.cannotMute");
    if (on) await prisma.liveMute.createMany({ data: [{ sessionId, userId, mutedById: viewer!.id, createdAt: clock.now() }], skipDuplicates: true });
    else await prisma.liveMute.deleteMany({ where: { sessionId, userId } });
    return { sessionId, userId, muted: on };
  }

  return {
    state,
    mayWatch,
    ask,
    vote,
    remove,
    answer,
    pin,
    hide: (viewer: Viewer | null, sessionId: string, input: unknown) => setHidden(viewer, sessionId, input, true),
    restore: (viewer: Viewer | null, sessionId: string, input: unknown) => setHidden(viewer, sessionId, input, false),
    approve,
    setPremoderation,
    mute,
  };
}

export type QaService = ReturnType<typeof createQaService>;
