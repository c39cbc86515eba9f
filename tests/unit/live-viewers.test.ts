// The viewer counter: a viewer counts while their player polls the playlist, leaves after the
// timeout, counts once however often they poll; the peak is kept until the session is forgotten.
import { describe, expect, it } from "vitest";
import { createViewerCounter } from "../../server/live/viewers.ts";

function clockAt(start = 0) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe("viewer counter", () => {
  it("counts distinct viewers seen within the timeout", () => {
    const clock = clockAt();
    const viewers = createViewerCounter(clock, 10_000);
    for (let poll = 0; poll < 5; poll++) {
      viewers.touch("s1", "a");
      viewers.touch("s1", "b");
      clock.advance(2_000);
    }
    viewers.touch("s2", "a");
    expect(viewers.count("s1")).toBe(2);
    expect(viewers.count("s2")).toBe(1);
    expect(viewers.count("unknown")).toBe(0);
  });

  it("lets viewers go after the timeout and keeps the peak", () => {
    const clock = clockAt();
    const viewers = createViewerCounter(clock, 10_000);
    for (const key of ["a", "b", "c"]) viewers.touch("s", key);
    clock.advance(6_000);
    viewers.touch("s", "a");
    clock.advance(6_000);
    expect(viewers.count("s")).toBe(1);
    expect(viewers.peak("s")).toBe(3);
    viewers.forget("s");
    expect(viewers.count("s")).toBe(0);
    expect(viewers.peak("s")).toBeNull();
  });

  it("does not count departed viewers into a new peak", () => {
    const clock = clockAt();
    const viewers = createViewerCounter(clock, 10_000);
    for (const key of ["a", "b"]) viewers.touch("s", key);
    clock.advance(20_000);
    for (const key of ["c", "d"]) viewers.touch("s", key);
    expect(viewers.peak("s")).toBe(2);
    viewers.touch("s", "e");
    expect(viewers.peak("s")).toBe(3);
  });
});
