// The session form's start time, read in China time whatever the server's zone, and shown back the
// same way; impossible dates refused rather than rolled over.
import { describe, expect, it } from "vitest";
import { chinaDateTime, toChinaDateTimeInput, ZLiveSessionFormSchema } from "../../server/live/schema.ts";

describe("start time in China time", () => {
  it.each([
    ["2026-12-03T19:30", "2026-12-03T11:30:00.000Z"],
    ["2026-12-04T07:00", "2026-12-03T23:00:00.000Z"],
    ["2026-12-03T19:30:00", "2026-12-03T11:30:00.000Z"],
    [" 2027-01-01T00:00 ", "2026-12-31T16:00:00.000Z"],
  ])("reads %s as %s", (input, iso) => {
    expect(chinaDateTime.parse(input).toISOString()).toBe(iso);
  });

  it.each(["2026-02-30T10:00", "2026-12-03T24:00", "2026-12-03T19:60", "2026-12-03", "19:30", "2026/12/03 19:30", "明天", ""])("refuses %j", (input) => {
    expect(chinaDateTime.safeParse(input).success).toBe(false);
  });

  it("shows a stored time back in the form as it was typed", () => {
    for (const typed of ["2026-12-03T19:30", "2026-12-31T23:59", "2027-01-01T00:00"]) {
      expect(toChinaDateTimeInput(chinaDateTime.parse(typed))).toBe(typed);
    }
  });
});

describe("session form", () => {
  const valid = { title: "  焊接直播  ", description: "", trade: "welder", startsAt: "2026-12-03T19:30", durationMinutes: "45" };

  it("trims text, reads numbers and the members-only checkbox", () => {
    expect(ZLiveSessionFormSchema.parse({ ...valid, membersOnly: "on" })).toEqual({
      title: "焊接直播",
      description: "",
      trade: "welder",
      startsAt: new Date("2026-12-03T11:30:00.000Z"),
      durationMinutes: 45,
      membersOnly: true,
    });
    expect(ZLiveSessionFormSchema.parse(valid).membersOnly).toBe(false);
  });

  it("reports every bad field at once", () => {
    const result = ZLiveSessionFormSchema.safeParse({ title: "", trade: "", startsAt: "x", durationMinutes: "0" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(new Set(paths)).toEqual(new Set(["title", "trade", "startsAt", "durationMinutes"]));
  });
});
