// What account forms may contain. Messages are keys of the message files (app/i18n).
import { z } from "zod";
import { ROLES } from "../auth/permissions.ts";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password.ts";

/** A form field: absent or not a string counts as empty; surrounding space is dropped. */
const text = (requiredKey: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().min(1, requiredKey));

/** An optional form field: empty becomes null. */
const optionalText = (max: number, tooLongKey: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null),
    z.string().max(max, tooLongKey).nullable(),
  );

const CHINESE_MOBILE = /^1\d{10}$/;

export type AccountIdentifier = { phone: string } | { email: string };

/** A Chinese mobile number (spaces, dashes and a +86 prefix allowed) or an e-mail address. */
export const ZAccountSchema = text("account.required")
  .pipe(z.string().max(254, "account.tooLong"))
  .transform((value, ctx): AccountIdentifier => {
    if (value.includes("@")) {
      const email = value.toLowerCase();
      if (!z.email().safeParse(email).success) {
        ctx.addIssue({ code: "custom", message: "account.invalid" });
        return z.NEVER;
      }
      return { email };
    }
    const phone = value.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
    if (!CHINESE_MOBILE.test(phone)) {
      ctx.addIssue({ code: "custom", message: "account.invalid" });
      return z.NEVER;
    }
    return { phone };
  });

export const ZDisplayNameSchema = text("displayName.required").pipe(z.string().max(40, "displayName.tooLong"));

export const ZNewPasswordSchema = z
  .preprocess((value) => (typeof value === "string" ? value : ""), z.string().min(1, "password.required"))
  .pipe(
    z
      .string()
      .min(PASSWORD_MIN_LENGTH, "password.tooShort")
      .max(PASSWORD_MAX_LENGTH, "password.tooLong")
      .refine((password) => !isCommonPassword(password), "password.common"),
  );

export const ZRegisterSchema = z.object({
  account: ZAccountSchema,
  displayName: ZDisplayNameSchema,
  password: ZNewPasswordSchema,
});
export type TRegisterInput = z.infer<typeof ZRegisterSchema>;

export const ZLoginSchema = z.object({
  account: ZAccountSchema,
  password: text("password.required").pipe(z.string().max(PASSWORD_MAX_LENGTH, "password.tooLong")),
});

export const ZProfileSchema = z.object({
  displayName: ZDisplayNameSchema,
  tradeCode: optionalText(64, "form.invalid"),
  city: optionalText(40, "city.tooLong"),
  employer: optionalText(80, "employer.tooLong"),
});
export type TProfileInput = z.infer<typeof ZProfileSchema>;

export const ZUserSearchSchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim().slice(0, 100) : ""), z.string()),
  role: z.enum(ROLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TUserSearch = z.infer<typeof ZUserSearchSchema>;

export const ZChangeRoleSchema = z
  .object({
    userId: text("form.invalid").pipe(z.string().max(64, "form.invalid")),
    role: z.enum(ROLES, "role.invalid"),
    /**
     * The organisation an EMPLOYER recruits for, by name (found, or created). Only EMPLOYER uses
     * it; any other role clears the user's organisation.
     */
    organization: z.preprocess(
      (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : ""),
      z.string().max(120, "account.error.organizationTooLong"),
    ),
  })
  .refine((input) => input.role !== "EMPLOYER" || input.organization !== "", {
    path: ["organization"],
    message: "account.error.organizationRequired",
  })
  .transform(({ organization, ...input }) => ({ ...input, organization: input.role === "EMPLOYER" ? organization : null }));
