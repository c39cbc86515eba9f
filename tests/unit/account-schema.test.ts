// How account form input is read and normalised (server/accounts/schema.ts).
import { describe, expect, it } from "vitest";
import {
  ZAccountSchema,
  ZChangeRoleSchema,
  ZLoginSchema,
  ZProfileSchema,
  ZRegisterSchema,
  ZUserSearchSchema,
} from "../../server/accounts/schema.ts";
import { fieldErrorsOf } from "../../server/errors.ts";

const errorOf = (value: unknown) => {
  const result = ZAccountSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe("an account (phone or e-mail)", () => {
  it.each([
    ["13812345678", { phone: "13812345678" }],
    [" 138 1234 5678 ", { phone: "13812345678" }],
    ["138-1234-5678", { phone: "13812345678" }],
    ["+86 138 1234 5678", { phone: "13812345678" }],
    ["+8613812345678", { phone: "13812345678" }],
    ["8613812345678", { phone: "13812345678" }],
    ["86-138-1234-5678", { phone: "13812345678" }],
    ["Li.Ming@Example.COM", { email: "li.ming@example.com" }],
    ["  zhang_san+jx@qq.com ", { email: "zhang_san+jx@qq.com" }],
  ])("%j is read as %j", (input, expected) => {
    expect(ZAccountSchema.parse(input)).toEqual(expected);
  });

  it.each([
    ["", "account.required"],
    ["   ", "account.required"],
    [undefined, "account.required"],
    [13812345678, "account.required"],
    ["1381234567", "account.invalid"],
    ["138123456789", "account.invalid"],
    ["23812345678", "account.invalid"],
    ["+1 138 1234 5678", "account.invalid"],
    ["138 1234 567a", "account.invalid"],
    ["li@", "account.invalid"],
    ["li@@example.com", "account.invalid"],
    ["li ming@example.com", "account.invalid"],
    [`${"a".repeat(250)}@x.cn`, "account.tooLong"],
  ])("%j is refused with %s", (input, key) => {
    expect(errorOf(input)).toBe(key);
  });
});

describe("the registration form", () => {
  it("trims the display name but keeps the password exactly as typed", () => {
    expect(ZRegisterSchema.parse({ account: "13812345678", displayName: "  李建国 ", password: " Lathe-42 x " })).toEqual({
      account: { phone: "13812345678" },
      displayName: "李建国",
      password: " Lathe-42 x ",
    });
  });

  it("reports the first problem of each field as a message key", () => {
    const result = ZRegisterSchema.safeParse({ account: "x", displayName: "", password: "short" });

    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      account: "account.invalid",
      displayName: "displayName.required",
      password: "password.tooShort",
    });
    const empty = ZRegisterSchema.safeParse({ account: "13812345678", displayName: "李", password: "" });
    expect(fieldErrorsOf(empty.error!)).toEqual({ password: "password.required" });
  });

  it("accepts a 40-character name and a 128-character password, but no more", () => {
    const base = { account: "13812345678" };
    expect(ZRegisterSchema.safeParse({ ...base, displayName: "匠".repeat(40), password: "Ab3$".repeat(32) }).success).toBe(true);
    const tooLong = ZRegisterSchema.safeParse({ ...base, displayName: "匠".repeat(41), password: "Ab3$".repeat(32) + "x" });
    expect(fieldErrorsOf(tooLong.error!)).toEqual({ displayName: "displayName.tooLong", password: "password.tooLong" });
  });
});

describe("the sign-in form", () => {
  it("does not apply the new-password rules to existing passwords", () => {
    expect(ZLoginSchema.parse({ account: "13812345678", password: "123456" })).toEqual({
      account: { phone: "13812345678" },
      password: "123456",
    });
    expect(fieldErrorsOf(ZLoginSchema.safeParse({ account: "13812345678", password: "" }).error!)).toEqual({
      password: "password.required",
    });
  });
});

describe("the profile form", () => {
  it("turns empty optional fields into null and trims the rest", () => {
    expect(ZProfileSchema.parse({ displayName: " 王师傅 ", tradeCode: "", city: "  ", employer: " 沈阳机床厂 " })).toEqual({
      displayName: "王师傅",
      tradeCode: null,
      city: null,
      employer: "沈阳机床厂",
    });
    expect(ZProfileSchema.parse({ displayName: "王师傅" })).toEqual({ displayName: "王师傅", tradeCode: null, city: null, employer: null });
  });
});

describe("the admin's search and role forms", () => {
  it("fall back to safe values for nonsense", () => {
    expect(ZUserSearchSchema.parse({})).toEqual({ q: "", role: undefined, page: 1 });
    expect(ZUserSearchSchema.parse({ q: `  ${"x".repeat(150)} `, role: "GOD", page: "-3" })).toEqual({
      q: "x".repeat(100),
      role: undefined,
      page: 1,
    });
    expect(ZUserSearchSchema.parse({ q: "周", role: "ADMIN", page: "3" })).toEqual({ q: "周", role: "ADMIN", page: 3 });
  });

  it("accept only the known roles", () => {
    expect(ZChangeRoleSchema.parse({ userId: " abc ", role: "CRAFTSMAN" })).toEqual({ userId: "abc", role: "CRAFTSMAN", organization: null });
    expect(ZChangeRoleSchema.parse({ userId: "abc", role: "EMPLOYER", organization: " 深圳精工 " })).toMatchObject({ role: "EMPLOYER", organization: "深圳精工" });
    expect(fieldErrorsOf(ZChangeRoleSchema.safeParse({ userId: "abc", role: "admin" }).error!)).toEqual({ role: "role.invalid" });
  });
});
