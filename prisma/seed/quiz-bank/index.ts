// The demo question banks, one file per trade (written for the demo; checked by the import's own
// schema in tests/integration/seed-quiz.test.ts). Add a trade by adding its file here.
import type { SeedQuestion } from "./types.ts";
import { questions as welder } from "./welder.ts";
import { questions as electrician } from "./electrician.ts";
import { questions as turner } from "./turner.ts";
import { questions as fitter } from "./fitter.ts";
import { questions as cncLatheOperator } from "./cnc-lathe-operator.ts";
import { questions as forkliftDriver } from "./forklift-driver.ts";
import { questions as towerCraneOperator } from "./tower-crane-operator.ts";
import { questions as rebarWorker } from "./rebar-worker.ts";
import { questions as scaffolder } from "./scaffolder.ts";
import { questions as pipefitter } from "./pipefitter.ts";
import { questions as chemicalProcessControlOperator } from "./chemical-process-control-operator.ts";
import { questions as warehouseKeeper } from "./warehouse-keeper.ts";

export const QUIZ_BANK: readonly { trade: string; questions: readonly SeedQuestion[] }[] = [
  { trade: "welder", questions: welder },
  { trade: "electrician", questions: electrician },
  { trade: "turner", questions: turner },
  { trade: "fitter", questions: fitter },
  { trade: "cnc-lathe-operator", questions: cncLatheOperator },
  { trade: "forklift-driver", questions: forkliftDriver },
  { trade: "tower-crane-operator", questions: towerCraneOperator },
  { trade: "rebar-worker", questions: rebarWorker },
  { trade: "scaffolder", questions: scaffolder },
  { trade: "pipefitter", questions: pipefitter },
  { trade: "chemical-process-control-operator", questions: chemicalProcessControlOperator },
  { trade: "warehouse-keeper", questions: warehouseKeeper },
];
