// Periodic background tasks (a post's expiry, saved-search alerts): each runs every `intervalMs`
// while the scheduler is started, never overlapping itself; a failure is logged and retried at the
// next tick. Tasks must be idempotent: with several app processes each one runs them.
import type { Logger } from "./logger.ts";

export interface ScheduledTask {
  name: string;
  intervalMs: number;
  /** Returns how much it did (logged when non-zero). */
  run(): Promise<number>;
}

// A type, not an interface: services are passed where an index signature is expected (http/service-errors.ts).
export type Scheduler = {
  start(): void;
  /**
   * Runs one task soon and returns that run's count: after the run in flight, if any, sharing a
   * run that is already waiting. Tests, the seed and "publish" call it.
   */
  runNow(name: string): Promise<number>;
  stop(): Promise<void>;
};

export function createScheduler(tasks: ScheduledTask[], logger: Logger): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const byName = new Map(tasks.map((task) => [task.name, task]));
  /** Per task: the run in progress, and at most one run waiting for it to finish. */
  const states = new Map(tasks.map((task) => [task.name, { running: null as Promise<number> | null, queued: null as Promise<number> | null }]));

  function begin(task: ScheduledTask, state: { running: Promise<number> | null }): Promise<number> {
    // Started at once; a task that throws instead of rejecting fails the same way.
    const run: Promise<number> = new Promise<number>((resolve) => resolve(task.run()))
      .then((count) => {
        if (count > 0) logger.info({ task: task.name, count }, "scheduled task ran");
        return count;
      })
      .finally(() => {
        if (state.running === run) state.running = null;
      });
    state.running = run;
    return run;
  }

  // A run that has not started yet sees everything its callers committed before calling, so a
  // burst of calls (a CSV import publishing hundreds of posts) shares one queued run instead of
  // lining up hundreds.
  function runTask(task: ScheduledTask): Promise<number> {
    const state = states.get(task.name)!;
    if (state.queued) return state.queued;
    if (!state.running) return begin(task, state);
    const queued = state.running
      .catch(() => 0)
      .then(() => {
        state.queued = null;
        return begin(task, state);
      });
    state.queued = queued;
    return queued;
  }

  return {
    start() {
      if (timers.length > 0) return;
      for (const task of tasks) {
        const state = states.get(task.name)!;
        const tick = () => {
          // A tick while a run is going (or waiting) is skipped, not queued.
          if (state.running || state.queued) return;
          runTask(task).catch((error: Error) => logger.error({ task: task.name, err: error.message }, "scheduled task failed"));
        };
        const timer = setInterval(tick, task.intervalMs);
        timer.unref();
        timers.push(timer);
        tick();
      }
    },
    runNow(name) {
      const task = byName.get(name);
      if (!task) throw new Error(`no scheduled task named ${name}`);
      return runTask(task);
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      const pending = [...states.values()].flatMap((state) => [state.running, state.queued]).filter((run) => run !== null);
      await Promise.allSettled(pending);
    },
  };
}
