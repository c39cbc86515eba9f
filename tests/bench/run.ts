// `npm run bench [name]`: runs the benchmarks (all, or the named one) against a production build
// (`npm run build` first) and appends the results to docs/benchmarks.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.ts";
import { benchBooks } from "./books.ts";
import { benchCourses } from "./courses.ts";
import { benchHomePage } from "./home-page.ts";
import { benchJobs } from "./jobs.ts";
import { benchLive } from "./live.ts";
import { benchLiveQa } from "./live-qa.ts";
import { benchLiveQaRedis } from "./live-qa-redis.ts";
import { benchQuizLeaderboard } from "./quiz-leaderboard.ts";
import { benchQuizAnswers } from "./quiz-answers.ts";
import { benchSearch } from "./search.ts";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  "home-page": benchHomePage,
  search: benchSearch,
  courses: benchCourses,
  books: benchBooks,
  jobs: benchJobs,
  live: benchLive,
  "live-qa": benchLiveQa,
  "live-qa-redis": benchLiveQaRedis,
  "quiz-leaderboard": benchQuizLeaderboard,
  "quiz-answers": benchQuizAnswers,
};

if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(1);
}
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (wanted.length === 0 || wanted.includes(name)) {
    console.log(`Running ${name}…`);
    await run();
  }
}
