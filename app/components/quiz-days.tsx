// The days of a challenge on /quiz: today's levels (scored), or the earlier days (practice only)
// and the days still to come (locked). Each level says its state and, when it can be
// played, has a plain form that starts or resumes it (the /quiz action redirects to the level).
import { Form, useNavigation } from "react-router";
import type { DayView, LevelView } from "../../server/quiz/types.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { formatChinaDate, levelName, levelStateLabel } from "./quiz-labels.tsx";

interface DaysProps {
  challengeId: string;
  days: DayView[];
  /** False until the worker has chosen a trade: levels are shown, not startable. */
  canPlay: boolean;
  /** Today's levels, or the other days (the page puts the worker's results between them). */
  part: "today" | "others";
}

export function QuizDays({ challengeId, days, canPlay, part }: DaysProps) {
  const t = useT();
  const locale = useLocale();
  const today = part === "today" ? days.filter((day) => day.state === "today") : [];
  const past = part === "others" ? days.filter((day) => day.state === "past").reverse() : [];
  const coming = part === "others" ? days.filter((day) => day.state === "locked") : [];
  return (
    <>
      {today.map((day) => (
        <section key={day.day} className="quiz-home-day quiz-home-today" aria-labelledby={`quiz-day-${day.day}`} data-testid="quiz-day" data-day={day.day}>
          <h2 id={`quiz-day-${day.day}`}>{t("quizui.day.today", { day: day.day, date: formatChinaDate(locale, day.date) })}</h2>
          <p className="muted">{t("quizui.day.todayNote")}</p>
          <LevelList challengeId={challengeId} day={day} canPlay={canPlay} />
        </section>
      ))}
      {past.length > 0 ? (
        <section className="quiz-home-past" aria-labelledby="quiz-past-title">
          <h2 id="quiz-past-title">{t("quizui.day.pastTitle")}</h2>
          <p className="muted">{t("quizui.day.pastNote")}</p>
          {past.map((day) => (
            <section key={day.day} className="quiz-home-day" aria-labelledby={`quiz-day-${day.day}`} data-testid="quiz-day" data-day={day.day}>
              <h3 id={`quiz-day-${day.day}`}>{t("quizui.day.past", { day: day.day, date: formatChinaDate(locale, day.date) })}</h3>
              <LevelList challengeId={challengeId} day={day} canPlay={canPlay} />
            </section>
          ))}
        </section>
      ) : null}
      {coming.length > 0 ? (
        <section className="quiz-home-coming" aria-labelledby="quiz-coming-title">
          <h2 id="quiz-coming-title">{t("quizui.day.comingTitle")}</h2>
          <ul className="quiz-home-coming-list">
            {coming.map((day) => (
              <li key={day.day} data-testid="quiz-day" data-day={day.day}>
                <span>{t("quizui.day.number", { day: day.day })}</span>
                <span className="muted">{formatChinaDate(locale, day.date)}</span>
                <span className="quiz-level-state quiz-level-state-locked">{t("quizui.levelState.locked")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function LevelList({ challengeId, day, canPlay }: { challengeId: string; day: DayView; canPlay: boolean }) {
  return (
    <ol className="quiz-home-levels">
      {day.levels.map((level) => (
        <Level key={level.level} challengeId={challengeId} level={level} canPlay={canPlay} />
      ))}
    </ol>
  );
}

function Level({ challengeId, level, canPlay }: { challengeId: string; level: LevelView; canPlay: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const name = levelName(t, level.day, level.level);
  const busy =
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "start" &&
    navigation.formData.get("day") === String(level.day) &&
    navigation.formData.get("level") === String(level.level);
  const playable = canPlay && level.state !== "locked";
  const practiceNext = level.state === "passed" || level.state === "failed" || !level.scoredAvailable;
  const action =
    level.state === "inProgress" ? t("quizui.level.resume") : practiceNext ? t("quizui.level.practice") : t("quizui.level.start");
  return (
    <li className={`quiz-home-level quiz-home-level-${level.state}`} data-testid="quiz-level" data-day={level.day} data-level={level.level} data-state={level.state}>
      <div className="quiz-home-level-head">
        <strong>{t("quizui.level.number", { level: level.level })}</strong>
        <span className={`quiz-level-state quiz-level-state-${level.state}`} data-testid="quiz-level-state">
          {levelStateLabel(t, level.state)}
        </span>
      </div>
      {level.scored ? (
        <p className="quiz-home-level-result" data-testid="quiz-level-scored">
          {level.scored.finished
            ? t("quizui.level.scoredResult", { score: level.scored.score, correct: level.scored.correctCount })
            : t("quizui.level.scoredRunning")}
        </p>
      ) : (
        <p className="quiz-home-level-result muted">{level.scoredAvailable ? t("quizui.level.scoredNext") : t("quizui.level.practiceOnly")}</p>
      )}
      {level.state === "locked" ? <p className="hint">{t("quizui.level.lockedHint")}</p> : null}
      {playable ? (
        <Form method="post" className="quiz-home-level-form">
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name="challengeId" value={challengeId} />
          <input type="hidden" name="day" value={level.day} />
          <input type="hidden" name="level" value={level.level} />
          <button type="submit" className={practiceNext && level.state !== "inProgress" ? "secondary small" : "small"} disabled={busy}>
            {action}
            <span className="visually-hidden">{` · ${name}`}</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
