// The quiz's pure rules: the challenge calendar in China time, scoring (speed and streak bonuses,
// the pass mark, what counts as a correct choice), the seeded picker, and the question input's
// answer parsing.
import { describe, expect, it } from "vitest";
import { addChinaDays, challengeDayAt, chinaDateOf, dayStartsAt, phaseAt, startOfChinaDate } from "../../server/quiz/calendar.ts";
import { pickQuestions } from "../../server/quiz/picker.ts";
import { answerLetters, parseAnswer, ZQuestionInputSchema } from "../../server/quiz/schema.ts";
import { BASE_POINTS, isCorrectChoice, passMark, scoreAnswer, SPEED_BONUS_MAX, STREAK_BONUS_MAX } from "../../server/quiz/scoring.ts";

describe("the calendar", () => {
  const challenge = { startDate: "2026-12-01", days: 10 };

  it("counts days from midnight in China, whatever the server's zone", () => {
    expect(startOfChinaDate("2026-12-01")?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(challengeDayAt(challenge, new Date("2026-11-30T15:59:59.999Z"))).toBe(0);
    expect(challengeDayAt(challenge, new Date("2026-11-30T16:00:00.000Z"))).toBe(1);
    expect(challengeDayAt(challenge, new Date("2026-12-01T15:59:59.999Z"))).toBe(1);
    expect(challengeDayAt(challenge, new Date("2026-12-10T15:59:59.999Z"))).toBe(10);
    expect(challengeDayAt(challenge, new Date("2026-12-10T16:00:00.000Z"))).toBe(11);
    expect(challengeDayAt(challenge, new Date("2027-05-01T00:00:00.000Z"))).toBe(11);
    expect(dayStartsAt(challenge, 3).toISOString()).toBe("2026-12-02T16:00:00.000Z");
  });

  it("names the phase and moves dates across months and years", () => {
    expect(phaseAt(challenge, new Date("2026-11-01T00:00:00Z"))).toBe("upcoming");
    expect(phaseAt(challenge, new Date("2026-12-05T00:00:00Z"))).toBe("running");
    expect(phaseAt(challenge, new Date("2026-12-20T00:00:00Z"))).toBe("ended");
    expect(addChinaDays("2026-12-28", 9)).toBe("2027-01-06");
    expect(addChinaDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(chinaDateOf(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
  });

  it("refuses impossible dates", () => {
    expect(startOfChinaDate("2026-02-30")).toBeNull();
    expect(startOfChinaDate("2026-13-01")).toBeNull();
    expect(startOfChinaDate("26-12-01")).toBeNull();
    expect(challengeDayAt({ startDate: "nonsense", days: 10 }, new Date())).toBe(0);
  });
});

describe("scoring", () => {
  it("gives base points, a speed bonus falling to zero at the deadline, and a capped streak bonus", () => {
    expect(scoreAnswer(true, 0, 20_000, 0)).toEqual({ points: BASE_POINTS + SPEED_BONUS_MAX, streak: 1 });
    expect(scoreAnswer(true, 10_000, 20_000, 0)).toEqual({ points: BASE_POINTS + SPEED_BONUS_MAX / 2, streak: 1 });
    expect(scoreAnswer(true, 20_000, 20_000, 0)).toEqual({ points: BASE_POINTS, streak: 1 });
    expect(scoreAnswer(true, 20_000, 20_000, 2)).toEqual({ points: BASE_POINTS + 20, streak: 3 });
    expect(scoreAnswer(true, 20_000, 20_000, 40)).toEqual({ points: BASE_POINTS + STREAK_BONUS_MAX, streak: 41 });
    expect(scoreAnswer(false, 1000, 20_000, 7)).toEqual({ points: 0, streak: 0 });
    // Faster never scores less.
    for (let t = 0; t < 20_000; t += 997) expect(scoreAnswer(true, t, 20_000, 0).points).toBeGreaterThanOrEqual(scoreAnswer(true, t + 997, 20_000, 0).points);
  });

  it("sets the pass mark and judges choices regardless of order", () => {
    expect(passMark(5, 60)).toBe(3);
    expect(passMark(5, 61)).toBe(4);
    expect(passMark(5, 0)).toBe(0);
    expect(passMark(5, 100)).toBe(5);
    expect(isCorrectChoice([2, 0], [0, 2])).toBe(true);
    expect(isCorrectChoice([0], [0, 2])).toBe(false);
    expect(isCorrectChoice([0, 1, 2], [0, 2])).toBe(false);
    expect(isCorrectChoice([], [0])).toBe(false);
  });
});

describe("the picker", () => {
  const bank = Array.from({ length: 30 }, (_, i) => ({ id: 100 + i, difficulty: (i % 3) + 1 }));

  it("picks distinct questions, the same for the same seed whatever the bank's order, easier first", () => {
    const picked = pickQuestions(bank, 5, 42);
    expect(picked).toHaveLength(5);
    expect(new Set(picked).size).toBe(5);
    expect(pickQuestions([...bank].reverse(), 5, 42)).toEqual(picked);
    const difficulties = picked.map((id) => bank.find((q) => q.id === id)!.difficulty);
    expect(difficulties).toEqual([...difficulties].sort((a, b) => a - b));
    const seeds = new Set(Array.from({ length: 20 }, (_, seed) => pickQuestions(bank, 5, seed).join(",")));
    expect(seeds.size).toBeGreaterThan(15);
  });

  it("gives the whole bank when it is smaller than a level, and nothing from an empty one", () => {
    expect(pickQuestions(bank.slice(0, 3), 5, 1).sort()).toEqual([100, 101, 102]);
    expect(pickQuestions([], 5, 1)).toEqual([]);
  });

  it("draws every question about equally often", () => {
    const counts = new Map<number, number>();
    for (let seed = 0; seed < 3000; seed++) for (const id of pickQuestions(bank, 5, seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 3000 × 5 / 30 = 500 each on average.
    for (const count of counts.values()) expect(count).toBeGreaterThan(380);
    expect(counts.size).toBe(30);
  });
});

describe("question input", () => {
  const base = { trade: "welder", stem: "安全电压的最高等级是多少？", explanation: "我国安全电压额定值的最高等级为 42V。", difficulty: "2" };

  it("reads answers as letters or true/false words", () => {
    expect(parseAnswer("SINGLE", "b", 4)).toEqual([1]);
    expect(parseAnswer("MULTIPLE", "C, A", 4)).toEqual([0, 2]);
    expect(parseAnswer("MULTIPLE", "A、C、D", 4)).toEqual([0, 2, 3]);
    expect(parseAnswer("MULTIPLE", "AE", 4)).toBeNull();
    expect(parseAnswer("SINGLE", "1", 4)).toBeNull();
    expect(parseAnswer("TRUE_FALSE", "对", 2)).toEqual([0]);
    expect(parseAnswer("TRUE_FALSE", "false", 2)).toEqual([1]);
    expect(parseAnswer("TRUE_FALSE", "也许", 2)).toBeNull();
    expect(answerLetters([0, 2])).toBe("AC");
  });

  it("reports the missing answer, an answer not among the options, and kind mismatches", () => {
    const options = ["36V", "42V", "24V", "12V"];
    const issue = (input: object) => {
      const parsed = ZQuestionInputSchema.safeParse(input);
      return parsed.success ? null : { path: parsed.error.issues[0]!.path.join("."), message: parsed.error.issues[0]!.message };
    };
    expect(issue({ ...base, kind: "SINGLE", options, answer: "" })).toEqual({ path: "answer", message: "quizadmin.error.answerRequired" });
    expect(issue({ ...base, kind: "SINGLE", options, answer: "E" })).toEqual({ path: "answer", message: "quizadmin.error.answerNotAmongOptions" });
    expect(issue({ ...base, kind: "SINGLE", options, answer: "AB" })).toEqual({ path: "answer", message: "quizadmin.error.singleNeedsOneAnswer" });
    expect(issue({ ...base, kind: "MULTIPLE", options, answer: "A" })).toEqual({ path: "answer", message: "quizadmin.error.multipleNeedsTwoAnswers" });
    expect(issue({ ...base, kind: "SINGLE", options: ["36V"], answer: "A" })).toEqual({ path: "options", message: "quizadmin.error.tooFewOptions" });
    expect(issue({ ...base, kind: "ESSAY", options, answer: "A" })).toEqual({ path: "kind", message: "quizadmin.error.kindInvalid" });
    expect(issue({ ...base, kind: "SINGLE", options, answer: "A", stem: " " })).toEqual({ path: "stem", message: "quizadmin.error.stemRequired" });
    expect(ZQuestionInputSchema.parse({ ...base, kind: "single", options: [...options, "", " "], answer: "b" })).toMatchObject({ kind: "SINGLE", options, answer: [1], difficulty: 2 });
    expect(ZQuestionInputSchema.parse({ ...base, kind: "TRUE_FALSE", options: [], answer: "错误" })).toMatchObject({ options: ["正确", "错误"], answer: [1] });
  });
});
