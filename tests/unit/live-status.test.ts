// The livestream status machine, exhaustively: every status × every event, against a table written
// out here by hand (not derived from the implementation's), so that a changed rule fails loudly.
import { describe, expect, it } from "vitest";
import { FINAL, hostMay, LIVE_EVENTS, LIVE_STATUSES, nextStatus, type LiveEvent, type LiveStatus } from "../../server/live/status.ts";

// Columns: connected, disconnected, graceExpired, endRequested, cancelRequested, replayReady, replayFailed.
// "·" means the event is ignored in that status (the status stays).
const EXPECTED: Record<LiveStatus, string> = {
  SCHEDULED: "LIVE · · CANCELLED CANCELLED · ·",
  LIVE: "· RECONNECTING · ENDED · · REPLAY_FAILED",
  RECONNECTING: "LIVE · ENDED ENDED · · REPLAY_FAILED",
  ENDED: "· · · · · REPLAY_READY REPLAY_FAILED",
  REPLAY_READY: "· · · · · · ·",
  REPLAY_FAILED: "· · · · · · ·",
  CANCELLED: "· · · · · · ·",
};

const cases = LIVE_STATUSES.flatMap((status) => {
  const row = EXPECTED[status].split(" ");
  return LIVE_EVENTS.map((event, column) => [status, event, row[column] === "·" ? null : (row[column] as LiveStatus)] as const);
});

describe("nextStatus", () => {
  it("has a row for every status and a column for every event", () => {
    expect(LIVE_EVENTS).toHaveLength(7);
    for (const status of LIVE_STATUSES) expect(EXPECTED[status].split(" ")).toHaveLength(LIVE_EVENTS.length);
  });

  it.each(cases)("%s + %s → %s", (status, event, expected) => {
    const result = nextStatus(status, event);
    if (expected === null) {
      expect(result).toEqual({ changed: false, status, event });
    } else {
      expect(result).toEqual({ changed: true, from: status, to: expected, event });
    }
  });

  it("keeps final statuses final", () => {
    for (const status of FINAL) for (const event of LIVE_EVENTS) expect(nextStatus(status, event).changed).toBe(false);
  });

  it("follows a whole broadcast with a dropped connection inside the grace period", () => {
    const events: LiveEvent[] = ["connected", "disconnected", "connected", "connected", "disconnected", "graceExpired", "disconnected", "replayReady"];
    const seen: LiveStatus[] = [];
    let status: LiveStatus = "SCHEDULED";
    for (const event of events) {
      const result = nextStatus(status, event);
      if (result.changed) status = result.to;
      seen.push(status);
    }
    expect(seen).toEqual(["LIVE", "RECONNECTING", "LIVE", "LIVE", "RECONNECTING", "ENDED", "ENDED", "REPLAY_READY"]);
  });
});

describe("hostMay", () => {
  it("lets the host cancel only before the start and end only what has not ended", () => {
    expect(LIVE_STATUSES.filter((status) => hostMay(status, "cancelRequested"))).toEqual(["SCHEDULED"]);
    expect(LIVE_STATUSES.filter((status) => hostMay(status, "endRequested"))).toEqual(["SCHEDULED", "LIVE", "RECONNECTING"]);
  });
});
