// The scheduler of periodic tasks: runNow, no run of a task overlapping another, calls made during
// a run sharing one queued run, failures logged and retried, and start/stop with the interval.
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createScheduler, type ScheduledTask } from "../../server/scheduler.ts";

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** A task whose runs finish when the test says so; it records how many ran and at most how many at once. */
function controlledTask(name = "test.task", intervalMs = 1000) {
  const releases: ((count: number) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const stats = { started: 0, active: 0, maxActive: 0 };
  const task: ScheduledTask = {
    name,
    intervalMs,
    run: () =>
      new Promise<number>((resolve, reject) => {
        stats.started++;
        stats.active++;
        stats.maxActive = Math.max(stats.maxActive, stats.active);
        releases.push((count) => {
          stats.active--;
          resolve(count);
        });
        failures.push((error) => {
          stats.active--;
          reject(error);
        });
      }),
  };
  /** Lets the oldest unfinished run finish (with `count`, or failing with `error`). */
  const finish = async (outcome: number | Error) => {
    // Let queued runs start first.
    await vi.waitFor(() => expect(releases.length).toBeGreaterThan(0));
    const release = releases.shift()!;
    const fail = failures.shift()!;
    if (outcome instanceof Error) fail(outcome);
    else release(outcome);
  };
  return { task, stats, finish };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("runNow", () => {
  it("runs the task and returns its count; an unknown task is an error", async () => {
    const { logger, lines } = capturingLogger();
    const scheduler = createScheduler([{ name: "count", intervalMs: 1000, run: async () => 3 }], logger);
    expect(await scheduler.runNow("count")).toBe(3);
    expect(lines).toContainEqual(expect.objectContaining({ task: "count", count: 3, msg: "scheduled task ran" }));
    expect(() => scheduler.runNow("nothing")).toThrow("no scheduled task named nothing");
  });

  it("never runs a task twice at once, and calls made during a run share one queued run", async () => {
    const { logger } = capturingLogger();
    const { task, stats, finish } = controlledTask();
    const scheduler = createScheduler([task], logger);
    const first = scheduler.runNow(task.name);
    const queued = [scheduler.runNow(task.name), scheduler.runNow(task.name), scheduler.runNow(task.name)];
    expect(stats.started).toBe(1);
    await finish(1);
    expect(await first).toBe(1);
    await finish(2);
    expect(await Promise.all(queued)).toEqual([2, 2, 2]);
    expect(stats).toEqual({ started: 2, active: 0, maxActive: 1 });
    // A later call starts a fresh run.
    const later = scheduler.runNow(task.name);
    await finish(5);
    expect(await later).toBe(5);
    expect(stats.started).toBe(3);
  });

  it("rejects when the run fails, and runs again at the next call", async () => {
    const { logger } = capturingLogger();
    const { task, finish } = controlledTask();
    const scheduler = createScheduler([task], logger);
    const failing = scheduler.runNow(task.name);
    const next = scheduler.runNow(task.name);
    await finish(new Error("database away"));
    await expect(failing).rejects.toThrow("database away");
    await finish(4);
    expect(await next).toBe(4);
  });
});

describe("start and stop", () => {
  it("runs each task at start and every interval, skipping ticks while a run is going", async () => {
    vi.useFakeTimers();
    const { logger } = capturingLogger();
    const { task, stats, finish } = controlledTask("ticking", 1000);
    const scheduler = createScheduler([task], logger);
    scheduler.start();
    scheduler.start(); // a second start changes nothing
    expect(stats.started).toBe(1);
    // Three intervals pass while the first run is still going: no second run, none queued.
    await vi.advanceTimersByTimeAsync(3000);
    expect(stats.started).toBe(1);
    await finish(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(stats.started).toBe(2);
    await finish(0);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(stats.started).toBe(2);
    expect(stats.maxActive).toBe(1);
  });

  it("logs a failed run and tries again at the next tick", async () => {
    vi.useFakeTimers();
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const scheduler = createScheduler(
      [
        {
          name: "flaky",
          intervalMs: 1000,
          run: async () => {
            calls++;
            if (calls === 1) throw new Error("database away");
            return 1;
          },
        },
      ],
      logger,
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toContainEqual(expect.objectContaining({ task: "flaky", err: "database away", msg: "scheduled task failed" }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    expect(lines).toContainEqual(expect.objectContaining({ task: "flaky", count: 1 }));
    await scheduler.stop();
  });

  it("waits at stop for the runs in progress and queued", async () => {
    const { logger } = capturingLogger();
    const { task, stats, finish } = controlledTask();
    const scheduler = createScheduler([task], logger);
    void scheduler.runNow(task.name);
    void scheduler.runNow(task.name);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await finish(0);
    expect(stopped).toBe(false);
    await finish(0);
    await stopping;
    expect(stopped).toBe(true);
    expect(stats.started).toBe(2);
  });
});
