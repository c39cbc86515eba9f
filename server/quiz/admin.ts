// Creating and editing quiz challenges (admins only): the list with each challenge's phase, trades
// and participants, the form's trade choices (grouped by industry, with each trade's active
// question count), and the create / update rules.
//
// - Trades: the form sends trade codes; "all" among them means every trade in the catalogue (a
//   plain checkbox, so "select all" works without JavaScript). An unknown code is a field error.
// - Once a challenge has started (its first day has begun in China; also after it ended), the
//   fields that shape its schedule and scoring (startDate, days, levelsPerDay, questionsPerLevel,
//   secondsPerQuestion, passPercent) are locked: a changed one is a field error. The name can
//   change and trades can be added.
// - A trade that some worker's entry plays in cannot be removed, before or after the start
//   (their entry would point outside the challenge). A trade nobody plays may be removed at any
//   time: it changes nobody's game.
// - A covered trade whose bank has fewer active questions than questionsPerLevel is a warning, not
//   a refusal (the bank may be filled before the start): `shortBanks` lists them, and the edit page
//   shows them.
// - Challenges may overlap in time: allowed (nothing here checks for it). Workers' /quiz shows the
//   one running now (of several, the latest to start), else the next to start
//   (QuizService.current); the others are still reached by their own links.
import { z } from "zod";
import { requireRole, type Viewer } from "../auth/permissions.ts";
import type { Clock } from "../clock.ts";
import { isForeignKeyViolation, type DB, type PrismaClient } from "../db/client.ts";
import { fieldErrorsOf, formFailed, formOk, notFound, type FieldErrors, type FormResult } from "../errors.ts";
import { pageNumber } from "../validation.ts";
import { addChinaDays, challengeDayAt, chinaDateOf, phaseAt, type ChallengePhase } from "./calendar.ts";
import { ZChallengeFormSchema, type ChallengeForm } from "./schema.ts";
import { tradeRef, type TradeRef } from "./types.ts";

export const CHALLENGE_ADMIN_PAGE_SIZE = 20;
/** The trades field's value meaning "every trade". */
export const ALL_TRADES = "all";
/** The fields that cannot change once a challenge has started, in the form's order. */
export const SCHEDULE_FIELDS = ["startDate", "days", "levelsPerDay", "questionsPerLevel", "secondsPerQuestion", "passPercent"] as const;
type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

export interface ChallengeListRow {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  days: number;
  phase: ChallengePhase;
  /** The challenge day today: 0 before the start, days + 1 after the end. */
  today: number;
  tradeCount: number;
  /** Workers who entered (chose a trade). */
  participants: number;
}

export interface ChallengeListPage {
  items: ChallengeListRow[];
  total: number;
  page: number;
  pageCount: number;
}

export interface TradeChoice extends TradeRef {
  /** Questions of its bank that are not retired. */
  activeQuestions: number;
  /** Entries of this challenge in this trade (0 on the new form): such a trade cannot be removed. */
  entries: number;
}

export interface TradeChoiceCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  trades: TradeChoice[];
}

/** The form as the page fills it in: text fields as strings, trades as codes. */
export interface ChallengeFormValues {
  name: string;
  startDate: string;
  days: string;
  levelsPerDay: string;
  questionsPerLevel: string;
  secondsPerQuestion: string;
  passPercent: string;
  trades: string[];
}

export interface ShortBank {
  trade: TradeRef;
  activeQuestions: number;
}

export interface ChallengeEdit {
  id: string;
  name: string;
  phase: ChallengePhase;
  /** The schedule fields are locked. */
  started: boolean;
  startDate: string;
  endDate: string;
  questionsPerLevel: number;
  participants: number;
  values: ChallengeFormValues;
  /** Covered trades with fewer active questions than a level needs. */
  shortBanks: ShortBank[];
}

export interface ChallengeSaved {
  id: string;
  shortBanks: ShortBank[];
}

const ZListQuerySchema = z.object({ page: pageNumber });
const ZChallengeIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

/** Page count and the requested page clamped to it (an empty list still has page 1). */
function paging(total: number, requested: number, size: number) {
  const pageCount = Math.ceil(total / size);
  return { pageCount, page: Math.min(requested, Math.max(pageCount, 1)) };
}

/** The settings a form writes to a challenge (its trades are written apart). */
const settingsOf = (form: ChallengeForm) => ({
  name: form.name,
  startDate: form.startDate,
  days: form.days,
  levelsPerDay: form.levelsPerDay,
  questionsPerLevel: form.questionsPerLevel,
  secondsPerQuestion: form.secondsPerQuestion,
  passPercent: form.passPercent,
});


/** A failure inside the save transaction that rolls it back and becomes field errors. */
class FormRefusal extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("form refused");
  }
}

export function createQuizAdmin(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;

  // ── shared steps ────────────────────────────────────────────────────────────────────────────

  /**
   * The form checked: the schema's keys per field, and the trades resolved to ids ("all" expands
   * to every trade; an unknown code is `quizadmin.error.tradeUnknown`), all at once so that the
   * page shows every message together.
   */
  async function checkForm(input: unknown): Promise<{ ok: true; form: ChallengeForm; tradeIds: number[] } | { ok: false; fieldErrors: FieldErrors }> {
    const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
    const parsed = ZChallengeFormSchema.safeParse(raw);
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    let tradeIds: number[] = [];
    const trades = ZChallengeFormSchema.shape.trades.safeParse(raw.trades);
    if (trades.success) {
      const codes = new Set(trades.data);
      const all = codes.delete(ALL_TRADES);
      const named = codes.size > 0 ? await prisma.trade.findMany({ where: { code: { in: [...codes] } }, select: { id: true } }) : [];
      if (named.length < codes.size) errors.trades = "quizadmin.error.tradeUnknown";
      tradeIds = all ? (await prisma.trade.findMany({ select: { id: true } })).map((trade) => trade.id) : named.map((trade) => trade.id);
      if (tradeIds.length === 0) errors.trades ??= "quizadmin.error.tradesRequired";
    }
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
    return { ok: true, form: parsed.data, tradeIds };
  }

  /** Of these trades, those with fewer active questions than `needed`, in catalogue order. */
  async function shortBanksOf(client: PrismaClient | DB.Prisma.TransactionClient, tradeIds: number[], needed: number): Promise<ShortBank[]> {
    if (tradeIds.length === 0) return [];
    const trades = await client.trade.findMany({
      where: { id: { in: tradeIds } },
      orderBy: [{ category: { position: "asc" } }, { position: "asc" }],
      select: { code: true, nameZh: true, nameEn: true, _count: { select: { quizQuestions: { where: { retiredAt: null } } } } },
    });
    return trades
      .filter((trade) => trade._count.quizQuestions < needed)
      .map((trade) => ({ trade: tradeRef(trade), activeQuestions: trade._count.quizQuestions }));
  }

  async function challengeOrThrow(challengeId: unknown) {
    const id = ZChallengeIdSchema.safeParse(challengeId);
    if (!id.success) throw notFound();
    const challenge = await prisma.quizChallenge.findUnique({
      where: { id: id.data },
      include: { trades: { select: { tradeId: true, trade: { select: { code: true } } } } },
    });
    if (!challenge) throw notFound();
    return challenge;
  }

  /** The trade choices of the form: every category and trade, with bank sizes and (for a challenge) entries. */
  async function tradeChoices(challengeId: string | null): Promise<TradeChoiceCategory[]> {
    const [categories, banks, entries] = await Promise.all([
      prisma.tradeCategory.findMany({
        orderBy: { position: "asc" },
        select: { code: true, nameZh: true, nameEn: true, trades: { orderBy: { position: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true } } },
      }),
      prisma.quizQuestion.groupBy({ by: ["tradeId"], where: { retiredAt: null }, _count: { _all: true } }),
      challengeId ? prisma.quizEntry.groupBy({ by: ["tradeId"], where: { challengeId }, _count: { _all: true } }) : Promise.resolve([]),
    ]);
    const bankSize = new Map(banks.map((row) => [row.tradeId, row._count._all]));
    const entryCount = new Map(entries.map((row) => [row.tradeId, row._count._all]));
    return categories.map(({ trades, ...category }) => ({
      ...category,
      trades: trades.map((trade) => ({ ...tradeRef(trade), activeQuestions: bankSize.get(trade.id) ?? 0, entries: entryCount.get(trade.id) ?? 0 })),
    }));
  }

  const started = (challenge: { startDate: string; days: number }) => phaseAt(challenge, clock.now()) !== "upcoming";

  // ── pages ───────────────────────────────────────────────────────────────────────────────────

  /** /admin/quiz: every challenge, the latest start first, with its phase, trades and participants. */
  async function list(viewer: Viewer | null, params: unknown): Promise<ChallengeListPage> {
    requireRole(viewer, "ADMIN");
    const query = ZListQuerySchema.parse(params ?? {});
    const total = await prisma.quizChallenge.count();
    const { page, pageCount } = paging(total, query.page, CHALLENGE_ADMIN_PAGE_SIZE);
    const rows = await prisma.quizChallenge.findMany({
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * CHALLENGE_ADMIN_PAGE_SIZE,
      take: CHALLENGE_ADMIN_PAGE_SIZE,
      select: { id: true, name: true, startDate: true, days: true, _count: { select: { trades: true, entries: true } } },
    });
    const now = clock.now();
    const items = rows.map(({ _count, ...row }) => ({
      ...row,
      endDate: addChinaDays(row.startDate, row.days - 1),
      phase: phaseAt(row, now),
      today: challengeDayAt(row, now),
      tradeCount: _count.trades,
      participants: _count.entries,
    }));
    return { items, total, page, pageCount };
  }

  /** /admin/quiz/new: the defaults (starting today in China, 10 days) and the trade choices. */
  async function newForm(viewer: Viewer | null): Promise<{ values: ChallengeFormValues; categories: TradeChoiceCategory[] }> {
    requireRole(viewer, "ADMIN");
    const values: ChallengeFormValues = {
      name: "",
      startDate: chinaDateOf(clock.now()),
      days: "10",
      levelsPerDay: "3",
      questionsPerLevel: "5",
      secondsPerQuestion: "20",
      passPercent: "60",
      trades: [],
    };
    return { values, categories: await tradeChoices(null) };
  }

  /** /admin/quiz/:challengeId: the challenge's values and state, and the trade choices. Throws notFound. */
  async function forEdit(viewer: Viewer | null, challengeId: unknown): Promise<{ challenge: ChallengeEdit; categories: TradeChoiceCategory[] }> {
    requireRole(viewer, "ADMIN");
    const challenge = await challengeOrThrow(challengeId);
    const tradeIds = challenge.trades.map((row) => row.tradeId);
    const [categories, shortBanks, participants] = await Promise.all([
      tradeChoices(challenge.id),
      shortBanksOf(prisma, tradeIds, challenge.questionsPerLevel),
      prisma.quizEntry.count({ where: { challengeId: challenge.id } }),
    ]);
    return {
      challenge: {
        id: challenge.id,
        name: challenge.name,
        phase: phaseAt(challenge, clock.now()),
        started: started(challenge),
        startDate: challenge.startDate,
        endDate: addChinaDays(challenge.startDate, challenge.days - 1),
        questionsPerLevel: challenge.questionsPerLevel,
        participants,
        values: {
          name: challenge.name,
          startDate: challenge.startDate,
          days: String(challenge.days),
          levelsPerDay: String(challenge.levelsPerDay),
          questionsPerLevel: String(challenge.questionsPerLevel),
          secondsPerQuestion: String(challenge.secondsPerQuestion),
          passPercent: String(challenge.passPercent),
          trades: challenge.trades.map((row) => row.trade.code),
        },
        shortBanks,
      },
      categories,
    };
  }

  // ── saving ──────────────────────────────────────────────────────────────────────────────────

  /** A new challenge. Fields: see ZChallengeFormSchema; `trades` repeats (or holds "all"). */
  async function create(viewer: Viewer | null, input: unknown): Promise<FormResult<ChallengeSaved>> {
    const admin = requireRole(viewer, "ADMIN");
    const checked = await checkForm(input);
    if (!checked.ok) return formFailed(checked.fieldErrors);
    const { form, tradeIds } = checked;
    return prisma.$transaction(async (tx) => {
      const challenge = await tx.quizChallenge.create({
        data: { ...settingsOf(form), createdById: admin.id },
        select: { id: true },
      });
      await tx.quizChallengeTrade.createMany({ data: tradeIds.map((tradeId) => ({ challengeId: challenge.id, tradeId })) });
      return formOk({ id: challenge.id, shortBanks: await shortBanksOf(tx, tradeIds, form.questionsPerLevel) });
    });
  }

  /**
   * Saves the form over a challenge, with the rules of the file's header: after the start a changed
   * schedule field is `quizadmin.error.lockedAfterStart` on that field; removing a trade with
   * entries is `quizadmin.error.tradeHasEntries` on trades. Nothing is written when refused.
   */
  async function update(viewer: Viewer | null, challengeId: unknown, input: unknown): Promise<FormResult<ChallengeSaved>> {
    requireRole(viewer, "ADMIN");
    const challenge = await challengeOrThrow(challengeId);
    const checked = await checkForm(input);
    const errors: FieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
    if (checked.ok && started(challenge)) {
      for (const field of SCHEDULE_FIELDS) {
        if (checked.form[field] !== challenge[field as ScheduleField]) errors[field] = "quizadmin.error.lockedAfterStart";
      }
    }
    const current = challenge.trades.map((row) => row.tradeId);
    const wanted = new Set(checked.ok ? checked.tradeIds : current);
    const removed = current.filter((tradeId) => !wanted.has(tradeId));
    if (checked.ok && removed.length > 0 && !errors.trades) {
      const played = await prisma.quizEntry.count({ where: { challengeId: challenge.id, tradeId: { in: removed } } });
      if (played > 0) errors.trades = "quizadmin.error.tradeHasEntries";
    }
    if (!checked.ok || Object.keys(errors).length > 0) return formFailed(errors);
    const { form, tradeIds } = checked;
    const added = tradeIds.filter((tradeId) => !current.includes(tradeId));
    try {
      return await prisma.$transaction(async (tx) => {
        await tx.quizChallenge.update({
          where: { id: challenge.id },
          data: settingsOf(form),
        });
        if (removed.length > 0) {
          // Only trades that nobody entered meanwhile: a worker who chose one since the check above
          // keeps it, and the save is refused as a whole.
          const { count } = await tx.quizChallengeTrade.deleteMany({
            where: { challengeId: challenge.id, tradeId: { in: removed }, trade: { quizEntries: { none: { challengeId: challenge.id } } } },
          });
          if (count < removed.length) throw new FormRefusal({ trades: "quizadmin.error.tradeHasEntries" });
        }
        if (added.length > 0) {
          await tx.quizChallengeTrade.createMany({ data: added.map((tradeId) => ({ challengeId: challenge.id, tradeId })), skipDuplicates: true });
        }
        return formOk({ id: challenge.id, shortBanks: await shortBanksOf(tx, tradeIds, form.questionsPerLevel) });
      });
    } catch (error) {
      if (error instanceof FormRefusal) return formFailed(error.fieldErrors);
      // A worker chose a removed trade between the delete's check and its end (the entry's key refuses the delete).
      if (isForeignKeyViolation(error)) return formFailed({ trades: "quizadmin.error.tradeHasEntries" });
      throw error;
    }
  }

  return { list, newForm, forEdit, create, update };
}

export type QuizAdmin = ReturnType<typeof createQuizAdmin>;
