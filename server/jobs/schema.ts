// What job forms, filters and imports may contain. Messages are keys of the message files
// (app/i18n/messages/jobs.*.ts). Checks that need the database or the clock (an unknown trade, an
// expiry in the past) are made by the service, with keys from the same files.
import { z } from "zod";
import { lenientEnum, optionalText, pageNumber, queryText, requiredText, tradeCodeParam, wholeNumber } from "../validation.ts";
import { findCity, findDistrict, isCity, provinceOfCity } from "../regions.ts";
import { feeWording } from "./fee-warning.ts";
import { APPLICATION_STATUSES, CURRENCIES, EMPLOYMENT_TYPES, JOB_SORTS, monthlyAmount, POSTED_WITHIN_DAYS, REPORT_REASONS, SALARY_UNITS } from "./types.ts";

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);

/** A list typed one per line (or separated by ; ； 、 in imports): trimmed, blanks dropped. */
const textList = (maxItems: number, maxLength: number, tooManyKey: string, tooLongKey: string) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\n;；、]/) : [])
        .map((item) => (typeof item === "string" ? item.trim() : ""))
        .filter(Boolean),
    z.array(z.string().max(maxLength, tooLongKey)).max(maxItems, tooManyKey),
  );

/** YYYY-MM-DD, read as the end of that day in China (UTC+8): a post is valid through its last day. */
const validThrough = z.preprocess(
  trimmed,
  z
    .string("jobs.error.validThroughRequired")
    .min(1, "jobs.error.validThroughRequired")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "jobs.error.validThroughInvalid")
    .transform((value, ctx) => {
      const [year, month, day] = value.split("-").map(Number) as [number, number, number];
      const calendar = new Date(Date.UTC(year, month - 1, day));
      if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
        ctx.addIssue({ code: "custom", message: "jobs.error.validThroughInvalid" });
        return z.NEVER;
      }
      return new Date(`${value}T23:59:59.999+08:00`);
    }),
);

/**
 * The job post form, also each row of a CSV import. `city` and `district` accept GB/T 2260 codes
 * (the form's selects) or exact Chinese names (imports); the province follows from the city.
 */
export const ZJobPostFormSchema = z
  .object({
    title: requiredText("jobs.error.titleRequired", 120, "jobs.error.titleTooLong"),
    description: requiredText("jobs.error.descriptionRequired", 10_000, "jobs.error.descriptionTooLong"),
    employmentType: z.enum(EMPLOYMENT_TYPES, "jobs.error.employmentTypeInvalid"),
    /** The hiring organisation's name (admins; an employer's own organisation is used instead). */
    organization: optionalText(120, "jobs.error.organizationTooLong"),
    trade: z.preprocess(trimmed, z.string("jobs.error.tradeRequired").min(1, "jobs.error.tradeRequired").max(40, "jobs.error.tradeUnknown")),
    city: z.preprocess(
      (value) => (typeof value === "string" ? findCity(value) ?? (value.trim() === "" ? "" : "?") : ""),
      z.string().min(1, "jobs.error.cityRequired").refine(isCity, "jobs.error.cityUnknown"),
    ),
    district: optionalText(40, "jobs.error.districtUnknown"),
    address: optionalText(200, "jobs.error.addressTooLong"),
    salaryMin: wholeNumber("jobs.error.salaryInvalid", 0, 10_000_000),
    salaryMax: wholeNumber("jobs.error.salaryInvalid", 0, 10_000_000),
    salaryUnit: z.enum(SALARY_UNITS, "jobs.error.salaryUnitInvalid"),
    currency: z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim().toUpperCase() : "CNY"), z.enum(CURRENCIES, "jobs.error.currencyInvalid")),
    experienceYears: wholeNumber("jobs.error.experienceInvalid", 0, 50, 0),
    certificates: textList(10, 60, "jobs.error.tooManyItems", "jobs.error.itemTooLong"),
    benefits: textList(20, 60, "jobs.error.tooManyItems", "jobs.error.itemTooLong"),
    openings: wholeNumber("jobs.error.openingsInvalid", 1, 100_000, 1),
    validThrough,
  })
  // Run even when other fields failed, so that every field's message shows at once.
  .refine((form) => !(form.salaryMin > form.salaryMax), {
    path: ["salaryMax"],
    message: "jobs.error.salaryRange",
    when: (payload) => {
      const value = payload.value as { salaryMin?: unknown; salaryMax?: unknown };
      return typeof value.salaryMin === "number" && typeof value.salaryMax === "number";
    },
  })
  .refine((form) => form.district === null || findDistrict(form.city, form.district) !== null, {
    path: ["district"],
    message: "jobs.error.districtUnknown",
    when: (payload) => {
      const value = payload.value as { city?: unknown };
      return typeof value.city === "string" && isCity(value.city);
    },
  })
  .transform((form) => ({
    ...form,
    province: provinceOfCity(form.city)!,
    district: form.district === null ? null : findDistrict(form.city, form.district),
  }));

export type JobPostForm = z.output<typeof ZJobPostFormSchema>;

/** Fee or deposit wording anywhere an applicant reads it: the title, the description, the benefits. */
export const postFeeWording = (form: Pick<JobPostForm, "title" | "description" | "benefits">) =>
  feeWording([form.title, form.description, ...form.benefits].join("\n"));

/** The JobPost columns a valid form sets (the post form and the CSV import): the organisation and status are the caller's. */
export function postColumns(form: JobPostForm, tradeId: number) {
  return {
    title: form.title,
    description: form.description,
    employmentType: form.employmentType,
    tradeId,
    province: form.province,
    city: form.city,
    district: form.district,
    address: form.address,
    salaryMin: form.salaryMin,
    salaryMax: form.salaryMax,
    salaryUnit: form.salaryUnit,
    currency: form.currency,
    monthlyMin: monthlyAmount(form.salaryMin, form.salaryUnit),
    monthlyMax: monthlyAmount(form.salaryMax, form.salaryUnit),
    experienceYears: form.experienceYears,
    certificates: form.certificates,
    benefits: form.benefits,
    openings: form.openings,
    validThrough: form.validThrough,
    feeWarning: postFeeWording(form) !== null,
  };
}


/**
 * /jobs filters, kept in the URL so a search can be shared; also what a saved search stores.
 * Unknown values are dropped rather than refused: a shared link with a stale filter still opens.
 */
export const ZJobFiltersSchema = z.object({
  q: queryText,
  trade: tradeCodeParam,
  city: z.preprocess((value) => (typeof value === "string" && isCity(value) ? value : null), z.string().nullable()),
  /** Minimum monthly salary (posts paid by the day or hour are converted). */
  salary: z.preprocess((value) => {
    const n = Number(value);
    return typeof value === "string" && value !== "" && Number.isInteger(n) && n > 0 && n <= 10_000_000 ? n : null;
  }, z.number().nullable()),
  type: lenientEnum(EMPLOYMENT_TYPES),
  /** Posted within this many days. */
  within: z.preprocess((value) => {
    const n = Number(value);
    return (POSTED_WITHIN_DAYS as readonly number[]).includes(n) ? n : null;
  }, z.number().nullable()),
  sort: z.preprocess((value) => (value === "salary" ? "salary" : "newest"), z.enum(JOB_SORTS)),
});

export const ZJobListQuerySchema = ZJobFiltersSchema.extend({ page: pageNumber });

export type JobFilters = z.output<typeof ZJobFiltersSchema>;
export type JobListQuery = z.output<typeof ZJobListQuerySchema>;

/** The apply form. */
export const ZApplicationFormSchema = z.object({
  message: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(1000, "jobs.apply.error.messageTooLong")),
  phone: z.preprocess(trimmed, z.string("jobs.apply.error.phoneInvalid").regex(/^1[3-9]\d{9}$/, "jobs.apply.error.phoneInvalid")),
});

/** What an admin or the post's employer may set; VIEWED is set by opening the application. */
export const ZApplicationStatusSchema = z.object({
  status: z.enum(APPLICATION_STATUSES.filter((status) => status !== "NEW" && status !== "VIEWED") as ["SHORTLISTED", "REJECTED", "HIRED"], "jobs.applicants.error.statusInvalid"),
});

export const ZApplicantsQuerySchema = z.object({
  status: lenientEnum(APPLICATION_STATUSES),
  /** Applied on or after this day (YYYY-MM-DD). */
  from: z.preprocess((value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null), z.string().nullable()),
  sort: z.preprocess((value) => (value === "oldest" ? "oldest" : "newest"), z.enum(["newest", "oldest"])),
  page: pageNumber,
});

export const ZReportFormSchema = z.object({
  reason: z.enum(REPORT_REASONS, "jobs.report.error.reasonInvalid"),
  details: optionalText(500, "jobs.report.error.detailsTooLong"),
});

export const ZSavedSearchFormSchema = z.object({
  name: requiredText("jobs.alerts.error.nameRequired", 60, "jobs.alerts.error.nameTooLong"),
});
