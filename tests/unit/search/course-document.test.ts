// How a course becomes a search document: what is searchable, what is shown, and what stays bounded.
import { describe, expect, it } from "vitest";
import { assertValidDocuments } from "../../../search/document.ts";
import { COURSE_BODY_MAX_CHARS, courseToSearchDocument, type CourseForSearch } from "../../../search/documents.ts";

const course = (overrides: Partial<CourseForSearch> = {}): CourseForSearch => ({
  id: "clx3k9q2m0000abcd1234efgh",
  slug: "cnc-lathe-programming",
  title: "数控车床编程入门",
  summary: "从坐标系到 G71 粗车循环。",
  level: "BEGINNER",
  lessonCount: 3,
  ratingCount: 0,
  ratingSum: 0,
  publishedAt: new Date("2026-10-01T08:00:00.000Z"),
  craftsmanName: "韩立新",
  trade: { code: "cnc-lathe-operator", nameZh: "数控车床操作工", nameEn: "CNC Lathe Operator" },
  chapters: [
    { title: "坐标系", lessons: [{ title: "机床坐标系" }, { title: "G71 粗车循环" }] },
    { title: "试切", lessons: [{ title: "首件试切" }] },
  ],
  ...overrides,
});

describe("courseToSearchDocument", () => {
  it("links to the course page and carries its trade, level, lesson count and date", () => {
    const doc = courseToSearchDocument(course());
    expect(doc).toEqual({
      id: "course-clx3k9q2m0000abcd1234efgh",
      type: "course",
      title: "数控车床编程入门",
      body: "从坐标系到 G71 粗车循环。 韩立新 坐标系 机床坐标系 G71 粗车循环 试切 首件试切",
      tradeCode: "cnc-lathe-operator",
      tradeName: { zh: "数控车床操作工", en: "CNC Lathe Operator" },
      url: "/courses/cnc-lathe-programming",
      publishedAt: "2026-10-01T08:00:00.000Z",
      extra: { level: "BEGINNER", lessonCount: 3 },
    });
    expect(() => assertValidDocuments([doc])).not.toThrow();
  });

  it("shows the average rating to one decimal only when there are ratings", () => {
    expect(courseToSearchDocument(course({ ratingCount: 3, ratingSum: 14 })).extra).toEqual({ level: "BEGINNER", lessonCount: 3, rating: 4.7 });
    expect(courseToSearchDocument(course()).extra).not.toHaveProperty("rating");
  });

  it("bounds the body of a long syllabus", () => {
    const lessons = Array.from({ length: 400 }, (_, i) => ({ title: `第${i}课 焊接工艺参数` }));
    const doc = courseToSearchDocument(course({ chapters: [{ title: "很长的一章", lessons }] }));
    expect([...doc.body!]).toHaveLength(COURSE_BODY_MAX_CHARS);
    expect(doc.body!.startsWith("从坐标系到 G71 粗车循环。 韩立新 很长的一章 第0课")).toBe(true);
  });

  it("cuts by characters, never inside a character outside the BMP", () => {
    // "a" then 𠀀 (two UTF-16 units each): a cut by units would end on half a character.
    const doc = courseToSearchDocument(course({ summary: `a${"𠀀".repeat(3000)}` }));
    expect(doc.body).toBe(`a${"𠀀".repeat(COURSE_BODY_MAX_CHARS - 1)}`);
  });

  it("leaves out the date of a course that has none", () => {
    expect(courseToSearchDocument(course({ publishedAt: null }))).not.toHaveProperty("publishedAt");
  });
});
