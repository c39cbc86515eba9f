// The quiz challenge form's fields (shared by "new challenge" and "edit challenge"), the trade
// picker, the "question banks too small" notice, and reading the posted form (the trades repeat).
//
// Plain form controls: without JavaScript every checkbox posts, and the "every trade" box posts
// trades=all, which the service expands. With JavaScript the same boxes also tick and untick the
// trades on the page, each industry gets "select / clear this industry" buttons, and the counts in
// the industry headings follow the ticks.
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import type { ChallengeFormValues, ShortBank, TradeChoiceCategory } from "../../server/quiz/admin.ts";
import type { ChallengePhase } from "../../server/quiz/calendar.ts";
import { translateKey, useLocale, useT, type Locale } from "../i18n/index.ts";
import { tradeName } from "./course-labels.tsx";
import { FormField } from "./form-field.tsx";

const TEXT_FIELDS = ["name", "startDate", "days", "levelsPerDay", "questionsPerLevel", "secondsPerQuestion", "passPercent"] as const;
/** The value of the "every trade" checkbox (server/quiz/admin.ts ALL_TRADES). */
const ALL = "all";

/** A challenge day's date ("YYYY-MM-DD", a date in China) as the reader writes dates. */
export const challengeDate = (locale: Locale, date: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

const PHASE_TONE: Record<ChallengePhase, string> = { upcoming: "status-draft", running: "status-published", ended: "status-closed" };

/** Upcoming / running / ended, as a badge. */
export function ChallengePhaseTag({ phase }: { phase: ChallengePhase }) {
  const t = useT();
  return (
    <span className={`status-badge ${PHASE_TONE[phase]}`} data-phase={phase}>
      {t(`quizadmin.phase.${phase}`)}
    </span>
  );
}

/** The phase badge, and the day number while the challenge runs. */
export function ChallengeTags({ challenge }: { challenge: { phase: ChallengePhase; today: number } }) {
  const t = useT();
  return (
    <p className="course-card-tags">
      <ChallengePhaseTag phase={challenge.phase} />
      {challenge.phase === "running" ? <span className="course-tag">{t("quizadmin.list.today", { day: challenge.today })}</span> : null}
    </p>
  );
}

/** "First day – last day (n days)". */
export function ChallengeDates({ challenge }: { challenge: { startDate: string; endDate: string; days: number } }) {
  const t = useT();
  const locale = useLocale();
  return <span>{t("quizadmin.list.dates", { start: challengeDate(locale, challenge.startDate), end: challengeDate(locale, challenge.endDate), days: challenge.days })}</span>;
}

/** The posted challenge form: its text fields and every ticked trade. */
export async function readChallengeForm(request: Request): Promise<ChallengeFormValues> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad form data", { status: 400 });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Omit<ChallengeFormValues, "trades">;
  return { ...values, trades: form.getAll("trades").filter((value): value is string => typeof value === "string") };
}

interface ChallengeFieldsProps {
  values: ChallengeFormValues;
  errors: Record<string, string | undefined>;
  categories: TradeChoiceCategory[];
  /** The challenge has started: the schedule fields are read-only (the service refuses changes). */
  locked?: boolean;
}

export function ChallengeFields({ values, errors, categories, locked = false }: ChallengeFieldsProps) {
  const t = useT();
  const message = (name: string) => translateKey(t, errors[name]);
  const lockedHint = locked ? t("quizadmin.form.locked") : undefined;
  const number = (name: (typeof TEXT_FIELDS)[number], min: number, max: number) => ({
    name,
    type: "number",
    inputMode: "numeric" as const,
    min,
    max,
    step: 1,
    defaultValue: values[name],
    error: message(name),
    readOnly: locked,
    required: true,
  });
  return (
    <>
      <FormField name="name" label={t("quizadmin.field.name")} hint={t("quizadmin.field.nameHint")} defaultValue={values.name} error={message("name")} maxLength={60} required />
      <fieldset className="challenge-fieldset">
        <legend>{t("quizadmin.form.schedule")}</legend>
        <FormField
          name="startDate"
          type="date"
          label={t("quizadmin.field.startDate")}
          hint={lockedHint ?? t("quizadmin.field.startDateHint")}
          defaultValue={values.startDate}
          error={message("startDate")}
          readOnly={locked}
          required
        />
        <div className="challenge-numbers">
          <FormField label={t("quizadmin.field.days")} hint={lockedHint ?? t("quizadmin.field.daysHint")} {...number("days", 1, 30)} />
          <FormField label={t("quizadmin.field.levelsPerDay")} hint={lockedHint} {...number("levelsPerDay", 1, 10)} />
          <FormField label={t("quizadmin.field.questionsPerLevel")} hint={lockedHint} {...number("questionsPerLevel", 1, 30)} />
          <FormField label={t("quizadmin.field.secondsPerQuestion")} hint={lockedHint} {...number("secondsPerQuestion", 5, 300)} />
          <FormField label={t("quizadmin.field.passPercent")} hint={lockedHint ?? t("quizadmin.field.passPercentHint")} {...number("passPercent", 0, 100)} />
        </div>
      </fieldset>
      <TradePicker categories={categories} initial={values.trades} error={message("trades")} />
    </>
  );
}

/** Trades as checkboxes grouped by industry (each a <details>), with "every trade" on top. */
function TradePicker({ categories, initial, error }: { categories: TradeChoiceCategory[]; initial: string[]; error?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const allCodes = categories.flatMap((category) => category.trades.map((trade) => trade.code));
  const everyTrade = initial.includes(ALL) || (allCodes.length > 0 && allCodes.every((code) => initial.includes(code)));
  const [selected, setSelected] = useState(() => new Set(everyTrade ? allCodes : initial));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const boxes = () => [...(fieldset.current?.querySelectorAll<HTMLInputElement>('input[name="trades"]') ?? [])];
  const sync = () => setSelected(new Set(boxes().filter((box) => box.checked && box.value !== ALL).map((box) => box.value)));
  /** Ticks or unticks these trades (all when null); unticking one also unticks "every trade". */
  const tick = (codes: Set<string> | null, checked: boolean) => {
    for (const box of boxes()) {
      if (box.value === ALL) {
        if (!checked) box.checked = false;
      } else if (codes === null || codes.has(box.value)) box.checked = checked;
    }
    sync();
  };
  const onChange = (event: React.ChangeEvent<HTMLFieldSetElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    if (target.name !== "trades") return;
    if (target.value === ALL) tick(null, target.checked);
    else tick(target.checked ? new Set() : new Set([target.value]), target.checked);
  };

  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      ref={fieldset}
      className={`challenge-fieldset challenge-trades${error ? " has-error" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
      onChange={onChange}
      data-testid="quiz-trade-picker"
    >
      <legend>
        {t("quizadmin.field.trades")}
        <span className="required"> ({t("field.required")})</span>
      </legend>
      <p className="hint" id={hintId}>
        {t("quizadmin.field.tradesHint")}
      </p>
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      <label className="challenge-trade challenge-trade-all">
        <input type="checkbox" name="trades" value={ALL} defaultChecked={everyTrade} aria-describedby={`${id}-all-hint`} />
        <span>{t("quizadmin.field.allTrades", { count: allCodes.length })}</span>
      </label>
      <p className="hint" id={`${id}-all-hint`}>
        {t("quizadmin.field.allTradesHint")}
      </p>
      {categories.map((category) => {
        const codes = new Set(category.trades.map((trade) => trade.code));
        const count = category.trades.filter((trade) => selected.has(trade.code)).length;
        return (
          <details key={category.code} className="challenge-trade-group">
            <summary>
              <span className="challenge-trade-group-name">{tradeName(category, locale)}</span>
              <span className="challenge-trade-group-count">{t("quizadmin.field.categoryCount", { selected: count, total: category.trades.length })}</span>
            </summary>
            {hydrated ? (
              <p className="challenge-trade-group-tools">
                <button type="button" className="secondary small" onClick={() => tick(codes, true)}>
                  {t("quizadmin.field.categoryAll")}
                </button>
                <button type="button" className="secondary small" onClick={() => tick(codes, false)}>
                  {t("quizadmin.field.categoryNone")}
                </button>
              </p>
            ) : null}
            <ul className="challenge-trade-list">
              {category.trades.map((trade) => (
                <li key={trade.code}>
                  <label className="challenge-trade">
                    <input type="checkbox" name="trades" value={trade.code} defaultChecked={everyTrade || initial.includes(trade.code)} />
                    <span>
                      {tradeName(trade, locale)}
                      <span className="challenge-trade-meta">
                        {t("quizadmin.field.bankSize", { count: trade.activeQuestions })}
                        {trade.entries > 0 ? ` · ${t("quizadmin.field.entries", { count: trade.entries })}` : null}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}

/** "题库不足": covered trades whose banks have fewer active questions than a level needs. */
export function ShortBanksNotice({ banks, questionsPerLevel }: { banks: ShortBank[]; questionsPerLevel: number }) {
  const t = useT();
  const locale = useLocale();
  const headingId = useId();
  if (banks.length === 0) return null;
  return (
    <section className="alert challenge-short-banks" aria-labelledby={headingId} data-testid="challenge-short-banks">
      <h2 id={headingId}>{t("quizadmin.form.shortBanks")}</h2>
      <p>{t("quizadmin.form.shortBanksIntro", { count: questionsPerLevel })}</p>
      <ul className="challenge-inline-list">
        {banks.map((bank) => (
          <li key={bank.trade.code}>{t("quizadmin.form.shortBank", { trade: tradeName(bank.trade, locale), count: bank.activeQuestions })}</li>
        ))}
      </ul>
      <p>
        <Link to="/admin/quiz-questions">{t("quizadmin.form.toQuestions")}</Link>
      </p>
    </section>
  );
}
