// The viewer counter of one process: the counts the realtime layer reports, the peak kept until
// the session is forgotten; and the freshness rule of the per-process counts shared in Redis
// (the Redis counter runs against a real Redis in tests/redis/live-qa-two-processes.test.ts).
import { describe, expect, it } from "vitest";
import { createViewerCounter, STALE_AFTER_MS, sumFresh } from "../../server/live/viewers.ts";

describe("viewer counter", () => {
  it("answers the last count reported for each session, and 0 for the others", async () => {
    const viewers = createViewerCounter();
    viewers.report("s1", 3);
    viewers.report("s2", 1);
    viewers.report("s1", 2);
    expect(await viewers.counts(["s1", "s2", "unknown"])).toEqual(
      new Map([
        ["s1", 2],
        ["s2", 1],
        ["unknown", 0],
      ]),
    );
    viewers.report("s2", 0);
    expect((await viewers.counts(["s2"])).get("s2")).toBe(0);
  });

  it("keeps the peak of the time on air, until the session is forgotten", async () => {
    const viewers = createViewerCounter();
    viewers.report("s", 6); // the waiting room before the start
    expect(viewers.peak("s")).toBeNull();
    viewers.report("s", 2);
    viewers.onAir("s");
    expect(viewers.peak("s")).toBe(2);
    for (const count of [1, 4, 3]) viewers.report("s", count);
    viewers.onAir("s"); // back on air after a reconnect: the peak stays
    expect(viewers.peak("s")).toBe(4);
    viewers.forget("s");
    expect(viewers.peak("s")).toBeNull();
    expect((await viewers.counts(["s"])).get("s")).toBe(0);
  });
});

describe("per-process counts in Redis", () => {
  it("sums the fresh ones and names the stale and unreadable ones for removal", () => {
    const now = 1_000_000;
    const fields = {
      a: `3:${now - 1000}`,
      b: `2:${now - STALE_AFTER_MS}`,
      dead: `7:${now - STALE_AFTER_MS - 1}`,
      broken: "x:y",
      half: "4",
    };
    expect(sumFresh(fields, now)).toEqual({ sum: 5, stale: ["dead", "broken", "half"] });
    expect(sumFresh({}, now)).toEqual({ sum: 0, stale: [] });
  });
});
