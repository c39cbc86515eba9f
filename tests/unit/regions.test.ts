// Place names from GB/T 2260 codes: no repeated municipality, no placeholder city levels.
import { describe, expect, it } from "vitest";
import { findCity, findDistrict, localityName, placeName } from "../../server/regions.ts";

describe("regions", () => {
  it("names a place without repeating a municipality or showing a placeholder city level", () => {
    expect(placeName({ province: "440000", city: "440300", district: "440305" })).toBe("广东省 深圳市 南山区");
    expect(placeName({ province: "110000", city: "110100", district: "110105" })).toBe("北京市 朝阳区");
    expect(placeName({ province: "420000", city: "429000", district: "429004" })).toBe("湖北省 仙桃市");
  });

  it("gives a postal locality: the city, or in a municipality or a province-governed county the district", () => {
    expect(localityName({ province: "440000", city: "440300", district: "440305" })).toBe("深圳市");
    expect(localityName({ province: "110000", city: "110100", district: "110105" })).toBe("朝阳区");
    expect(localityName({ province: "110000", city: "110100", district: null })).toBe("北京市");
    expect(localityName({ province: "420000", city: "429000", district: "429004" })).toBe("仙桃市");
  });

  it("finds cities and districts by code or exact Chinese name", () => {
    expect(findCity("深圳")).toBe("440300");
    expect(findCity("深圳市")).toBe("440300");
    expect(findCity("440300")).toBe("440300");
    expect(findCity("火星")).toBeNull();
    expect(findDistrict("440300", "南山区")).toBe("440305");
    expect(findDistrict("440300", "朝阳区")).toBeNull();
  });
});
